// The valence lexicon: parsing (with file:line errors), editing, merging.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "presslens/errors.hpp"
#include "presslens/sentiment.hpp"

namespace presslens {

namespace embedded {
extern const unsigned char kVaderLexicon[];
extern const std::size_t kVaderLexicon_size;
}  // namespace embedded

struct Lexicon::Impl {
  std::unordered_map<std::string, double> values;
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(const Lexicon& o) : impl_(std::make_unique<Impl>(*o.impl_)), duplicates_(o.duplicates_) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(const Lexicon& o) {
  if (this != &o) {
    impl_ = std::make_unique<Impl>(*o.impl_);
    duplicates_ = o.duplicates_;
  }
  return *this;
}
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

namespace {

std::string_view trim(std::string_view s) {
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Lexicon Lexicon::parse(std::string_view data, const std::string& source, DuplicatePolicy duplicates) {
  Lexicon lex;
  std::unordered_map<std::string, std::pair<double, std::size_t>> sums;  // for Mean: sum, count
  std::size_t line_no = 0;
  std::size_t pos = 0;
  if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 BOM
  while (pos <= data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') {
      if (nl == data.size()) break;
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw ParseError(source, line_no, "expected WORD<TAB>VALENCE, found no tab");
    std::string_view word = trim(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    const std::size_t tab2 = rest.find('\t');
    std::string_view num = trim(rest.substr(0, tab2));
    if (word.empty()) throw ParseError(source, line_no, "empty word before the tab");
    if (num.empty()) throw ParseError(source, line_no, "missing valence after the tab");
    std::string num_s(num);
    char* endp = nullptr;
    errno = 0;
    const double v = std::strtod(num_s.c_str(), &endp);
    if (endp != num_s.c_str() + num_s.size() || errno == ERANGE || !std::isfinite(v))
      throw ParseError(source, line_no, "valence '" + num_s + "' is not a finite number");
    std::string key(word);
    auto& acc = sums[key];
    if (acc.second > 0) {
      if (duplicates == DuplicatePolicy::Error)
        throw ParseError(source, line_no, "duplicate word '" + key + "'");
      if (std::find(lex.duplicates_.begin(), lex.duplicates_.end(), key) == lex.duplicates_.end())
        lex.duplicates_.push_back(key);
    }
    acc.first += v;
    acc.second += 1;
    auto it = lex.impl_->values.find(key);
    if (it == lex.impl_->values.end()) {
      lex.impl_->values.emplace(std::move(key), v);
    } else if (duplicates == DuplicatePolicy::Last) {
      it->second = v;
    } else if (duplicates == DuplicatePolicy::Mean) {
      it->second = acc.first / static_cast<double>(acc.second);
    }  // First: keep
    if (nl == data.size()) break;
  }
  return lex;
}

Lexicon Lexicon::from_file(const std::string& path, DuplicatePolicy duplicates) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open lexicon file '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw IoError("cannot read lexicon file '" + path + "'");
  return parse(ss.str(), path, duplicates);
}

Lexicon Lexicon::vader(DuplicatePolicy duplicates) {
  return parse(std::string_view(reinterpret_cast<const char*>(embedded::kVaderLexicon), embedded::kVaderLexicon_size),
               "vader_lexicon.txt", duplicates);
}

void Lexicon::set(std::string_view word, double valence) {
  if (trim(word).empty()) throw InvalidInput("lexicon word must not be empty");
  if (!std::isfinite(valence)) throw InvalidInput("valence of '" + std::string(word) + "' must be finite");
  impl_->values[std::string(word)] = valence;
}

bool Lexicon::erase(std::string_view word) { return impl_->values.erase(std::string(word)) > 0; }

void Lexicon::merge(const Lexicon& other) {
  for (const auto& kv : other.impl_->values) impl_->values[kv.first] = kv.second;
}

const double* Lexicon::find(std::string_view word) const noexcept {
  auto it = impl_->values.find(std::string(word));
  return it == impl_->values.end() ? nullptr : &it->second;
}

std::size_t Lexicon::size() const noexcept { return impl_->values.size(); }

std::vector<std::pair<std::string, double>> Lexicon::items() const {
  std::vector<std::pair<std::string, double>> out(impl_->values.begin(), impl_->values.end());
  std::sort(out.begin(), out.end());
  return out;
}

int sentiment_label(double compound) noexcept { return compound >= 0.05 ? 1 : (compound <= -0.05 ? -1 : 0); }

}  // namespace presslens
