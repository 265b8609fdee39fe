// The sentiment scorer: building the indexed lexicon, turning text or presslens tokens into items,
// the VADER-class rules, and scores per sentence and per document.
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>
#include <unordered_map>

#include "presslens/errors.hpp"
#include "presslens/utf8.hpp"
#include "rules.hpp"

namespace presslens {

namespace embedded {
extern const unsigned char kEmojiLexicon[];
extern const std::size_t kEmojiLexicon_size;
}  // namespace embedded

using namespace sentiment_detail;

namespace {

// ---- static word lists ----------------------------------------------------------------------

// VADER's negations (its NEGATE list).
constexpr const char* kNegations[] = {
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt",
    "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt",
    "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt",
    "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without",
    "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"};

// Degree adverbs: boosters (+) and dampeners (-), VADER's list.
constexpr const char* kBoostersUp[] = {
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
    "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
    "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
    "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
    "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
    "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
    "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very"};
constexpr const char* kBoostersDown[] = {
    "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
    "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sorta",
    "sortof", "sort-of"};
// Two-word dampeners (VADER checks them as n-grams before a sentiment word).
constexpr const char* kDampenerBigrams[][2] = {{"kind", "of"}, {"sort", "of"}, {"just", "enough"}};

struct SpecialCase {
  const char* words[3];
  double valence;
  int head;  // the word that carries the valence in default mode
};
// VADER's special cases (phrases containing lexicon words).
constexpr SpecialCase kSpecialCases[] = {
    {{"the", "shit", nullptr}, 3, 1},      {{"the", "bomb", nullptr}, 3, 1},
    {{"bad", "ass", nullptr}, 1.5, 0},     {{"bus", "stop", nullptr}, 0.0, 1},
    {{"yeah", "right", nullptr}, -2, 0},   {{"kiss", "of", "death"}, -1.5, 2},
    {{"to", "die", "for"}, 3, 1},          {{"beating", "heart", nullptr}, 3.5, 1},
};
// VADER's sentiment-laden idioms without lexicon words ("future work" in vaderSentiment; used by
// the default mode).
constexpr SpecialCase kIdioms[] = {
    {{"cut", "the", "mustard"}, 2, 0},    {{"hand", "to", "mouth"}, -2, 0},  {{"back", "handed", nullptr}, -2, 0},
    {{"blow", "smoke", nullptr}, -2, 0},  {{"blowing", "smoke", nullptr}, -2, 0},
    {{"upper", "hand", nullptr}, 1, 0},   {{"break", "a", "leg"}, 2, 0},    {{"cooking", "with", "gas"}, 2, 0},
    {{"in", "the", "black"}, 2, 2},       {{"in", "the", "red"}, -2, 2},     {{"on", "the", "ball"}, 2, 2},
    {{"under", "the", "weather"}, -2, 2},
};

constexpr const char* kSuperlatives[] = {
    "best", "worst", "greatest", "nicest", "happiest", "saddest", "ugliest", "dumbest", "stupidest",
    "smartest", "strongest", "weakest", "easiest", "cruelest", "funniest", "bravest", "poorest", "finest",
    "brightest", "coolest", "sweetest", "kindest", "loveliest", "prettiest", "toughest"};

// Words that report events (crime, war, accidents) more than they express an attitude.
constexpr const char* kEventWords[] = {
    "arrested", "arrest", "arrests", "killed", "kill", "kills", "killing", "killings", "dead", "death",
    "deaths", "died", "dies", "die", "war", "wars", "attack", "attacked", "attacks", "crash", "injured",
    "injury", "injuries", "murder", "murdered", "prison", "jailed", "charged", "charges", "accused",
    "sentenced", "fire", "fired", "victim", "victims", "bomb", "suspect", "suspected", "lawsuit", "stolen",
    "collapsed", "fight", "fighting", "dispute", "conflict", "protest", "protests", "protesters", "strike",
    "shooting", "shot", "wounded", "police"};

// Valence shifters: "decrease fatalities", "curb violence", "saving lives" are good news.
constexpr const char* kShifters[] = {
    "reduce", "reduces", "reduced", "reducing", "decrease", "decreases", "decreased", "decreasing", "curb",
    "curbs", "curbed", "curbing", "prevent", "prevents", "prevented", "preventing", "eliminate", "eliminates",
    "eliminated", "eliminating", "combat", "combats", "combating", "combatting", "lower", "lowers", "lowered",
    "lowering", "ease", "eases", "eased", "easing", "avoid", "avoids", "avoided", "avoiding", "avert", "averts",
    "averted", "relieve", "relieves", "relieved", "relieving", "alleviate", "alleviates", "alleviated",
    "alleviating", "fight", "fights", "fighting", "halt", "halts", "halted", "halting", "fewer", "overcome",
    "overcomes", "overcame", "overcoming", "tackle", "tackles", "tackled", "tackling", "save", "saves", "saved",
    "saving", "protect", "protects", "protected", "protecting", "limit", "limits", "limited", "limiting",
    "stop", "stops", "stopped", "stopping", "end", "ends", "ended", "ending", "cut", "cuts", "cutting",
    "minimize", "minimizes", "minimized", "minimizing", "mitigate", "mitigates", "mitigated", "mitigating",
    "solve", "solves", "solved", "solving", "resolve", "resolves", "resolved", "resolving", "against"};

struct NamedWord {
  const char* text;
  Word word;
};
constexpr NamedWord kNamedWords[] = {
    {"no", kNo},           {"but", kBut},           {"least", kLeast},      {"at", kAt},
    {"very", kVery},       {"never", kNever},       {"so", kSo},            {"this", kThis},
    {"without", kWithout}, {"doubt", kDoubt},       {"kind", kKind},        {"of", kOf},
    {"or", kOr},           {"nor", kNor},           {"the", kThe},          {"however", kHowever},
    {"although", kAlthough}, {"though", kThough},   {"nevertheless", kNevertheless},
    {"nonetheless", kNonetheless}, {"even", kEven},
    {"not", kNot},         {"only", kOnly},         {"just", kJust},        {"wonder", kWonder},
    {"few", kFew},         {"a", kA},               {"last", kLast},        {"past", kPast},
    {"next", kNext},       {"first", kFirst},       {"every", kEvery},      {"these", kThese},
    {"those", kThose}};

// ---- text helpers ---------------------------------------------------------------------------

// Python's str.isspace() / str.split() white space.
bool is_py_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's string.punctuation.
bool is_ascii_punct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

// Byte classes for the ASCII fast path: 1 = Python white space, 2 = string.punctuation.
struct AsciiClasses {
  unsigned char c[256] = {};
  AsciiClasses() {
    for (int b = 0; b < 128; ++b) c[b] = is_py_space(static_cast<char32_t>(b)) ? 1 : (is_ascii_punct(static_cast<unsigned char>(b)) ? 2 : 0);
  }
};
const AsciiClasses kAscii;

bool has_non_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

// '!' and '?' counts and whether any byte is not ASCII, in one (vectorisable) pass.
struct ByteStats {
  int exclamations = 0, questions = 0;
  bool non_ascii = false;
};
ByteStats byte_stats(std::string_view s) {
  int e = 0, q = 0;
  unsigned char high = 0;
  for (unsigned char c : s) {
    e += c == '!';
    q += c == '?';
    high |= c;
  }
  ByteStats r;
  r.exclamations = e;
  r.questions = q;
  r.non_ascii = (high & 0x80) != 0;
  return r;
}

std::size_t count_codepoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Python's str.isupper(): at least one cased character and no lower-case or title-case one.
bool py_isupper(std::string_view s) {
  bool cased = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') cased = true;
      continue;
    }
    c = decode_utf8(s, i);
    const auto u = static_cast<UChar32>(c);
    if (u_hasBinaryProperty(u, UCHAR_LOWERCASE) || u_istitle(u)) return false;
    if (u_hasBinaryProperty(u, UCHAR_UPPERCASE)) cased = true;
  }
  return cased;
}

// Appends Python's str.lower() of `s` to `out` (ASCII fast path, ICU full lower-casing otherwise).
void py_lower_append(std::string_view s, std::string& out, Work& w) {
  if (!has_non_ascii(s)) {
    for (char c : s) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    return;
  }
  w.u16a.clear();
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = decode_utf8(s, i);
    if (c >= 0x10000) {
      c -= 0x10000;
      w.u16a.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      w.u16a.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      w.u16a.push_back(static_cast<char16_t>(c));
    }
  }
  w.u16b.resize(w.u16a.size() * 3 + 8);
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_strToLower(reinterpret_cast<UChar*>(&w.u16b[0]), static_cast<int32_t>(w.u16b.size()),
                           reinterpret_cast<const UChar*>(w.u16a.data()), static_cast<int32_t>(w.u16a.size()), "",
                           &err);
  if (U_FAILURE(err)) {  // cannot happen with a 3x buffer; keep the text unchanged rather than fail
    out.append(s.data(), s.size());
    return;
  }
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = w.u16b[static_cast<std::size_t>(i)];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      c = 0x10000 + ((c - 0xD800) << 10) + (w.u16b[static_cast<std::size_t>(i + 1)] - 0xDC00);
      ++i;
    }
    append_utf8(out, c);
  }
}

// Appends the lookup form of a token for the default mode: case-folded, curly apostrophe -> '.
void fold_append(std::string_view s, std::string& out) {
  const std::size_t off = out.size(), n = s.size();
  out.resize(off + n);
  char* d = &out[off];
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[k];
    if (static_cast<unsigned char>(c) >= 0x80) {  // not ASCII: ICU case folding
      out.resize(off);
      std::string f = fold_case(s);
      for (std::size_t i = 0; i < f.size(); ++i) {
        if (i + 2 < f.size() && static_cast<unsigned char>(f[i]) == 0xE2 &&
            static_cast<unsigned char>(f[i + 1]) == 0x80 && static_cast<unsigned char>(f[i + 2]) == 0x99) {
          out.push_back('\'');
          i += 2;
        } else {
          out.push_back(f[i]);
        }
      }
      return;
    }
    d[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

// The non-ASCII case of fold_into: the n bytes just reserved at the end of `out` are replaced by
// the ICU case folding of `s`.
[[gnu::noinline]] void fold_into_slow(std::string_view s, Arena& out, std::string& tmp) {
  out.shrink_to(out.size() - s.size());
  tmp.clear();
  fold_append(s, tmp);
  out.append(tmp.data(), tmp.size());
}

// fold_append into the sentence arena (a word and its clitic are folded one after the other into
// one item text).
inline void fold_into(std::string_view s, Arena& out, std::string& tmp) {
  const std::size_t n = s.size();
  char* d = out.extend(n);
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[k];
    if (static_cast<unsigned char>(c) >= 0x80) {  // not ASCII: fold the whole piece with ICU
      fold_into_slow(s, out, tmp);
      return;
    }
    d[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

// s == lit without an out-of-line compare.
inline bool eq(std::string_view s, std::string_view lit) noexcept {
  return s.size() == lit.size() && std::memcmp(s.data(), lit.data(), lit.size()) == 0;
}

bool contains_nt(std::string_view s) {
  // Most words have no apostrophe: one memchr answers for them.
  return s.size() >= 3 && std::memchr(s.data(), '\'', s.size()) && s.find("n't") != std::string_view::npos;
}

// min(1, (k / words)^p): the length dilution of a sentence's valence sum (default mode).
double dilution_factor(const SentimentOptions& o, std::size_t words) {
  const double n = static_cast<double>(words);
  return o.dilution > 0.0 && n > o.dilution_words ? std::pow(o.dilution_words / n, o.dilution) : 1.0;
}

double normalize_score(double score) {
  const double n = score / std::sqrt(score * score + kNormAlpha);
  return std::max(-1.0, std::min(1.0, n));
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Inflected forms the lexicon lacks take the valence of their stem in the default mode: -ies, -es,
// -s, -ed, -d, -ing, -ly. A word is tried against the suffixes that end in its last letter, in
// the order below, and the first stem found in the lexicon wins; the word must be longer than four
// bytes and longer than its suffix plus three, and must not be a listed word (negation,
// booster...) or a lexicon word itself. Rather than strip suffixes per word at scoring time, every
// such form of every lexicon word is added to the lookup table once, here.
struct Inflection {
  std::string_view suffix, replaced;  // surface = stem without `replaced` + `suffix`
  int order;                          // rank among the rules for the same last letter
};
constexpr Inflection kInflections[] = {
    {"ies", "y", 0}, {"es", "", 1}, {"s", "", 2},     // ...s
    {"ed", "", 0},   {"ed", "e", 1}, {"d", "", 2},    // ...d
    {"ing", "", 0},  {"ing", "e", 1},                 // ...g
    {"ly", "", 0},   {"ily", "y", 1},                 // ...y
};

void add_inflections(SentimentScorer::Impl& im) {
  struct Best {
    int order;
    double valence;
  };
  std::unordered_map<std::string, Best> forms;
  im.folded.for_each([&](std::string_view stem, const double& valence) {
    for (const Inflection& r : kInflections) {
      const std::size_t rl = r.replaced.size();
      if (stem.size() < rl || stem.substr(stem.size() - rl) != r.replaced) continue;
      std::string form(stem.substr(0, stem.size() - rl));
      form.append(r.suffix.data(), r.suffix.size());
      if (form.size() <= 4 || form.size() <= r.suffix.size() + 3) continue;
      auto [it, fresh] = forms.try_emplace(form, Best{r.order, valence});
      if (!fresh && r.order < it->second.order) it->second = Best{r.order, valence};
    }
  });
  for (const auto& [form, best] : forms) {
    const Entry* e = im.lookup.find(form);
    if (e && (e->info || e->has_folded)) continue;  // a listed word or a lexicon word itself
    im.inflections.put(form, best.valence);
  }
}

}  // namespace

// ---- construction ---------------------------------------------------------------------------

SentimentScorer::SentimentScorer() : SentimentScorer(SentimentOptions{}, nullptr) {}

SentimentScorer::~SentimentScorer() = default;

SentimentScorer::SentimentScorer(SentimentOptions options, std::shared_ptr<const Lexicon> lexicon)
    : options_(options) {
  if (!(options_.event_weight >= 0.0 && options_.event_weight <= 1.0))
    throw InvalidInput("event_weight must be between 0 and 1");
  if (!(options_.dilution >= 0.0 && options_.dilution <= 4.0)) throw InvalidInput("dilution must be between 0 and 4");
  if (!(options_.dilution_words >= 1.0)) throw InvalidInput("dilution_words must be at least 1");
  auto impl = std::make_unique<Impl>();
  if (!lexicon) {
    // VADER keeps the last of duplicate keys; the default mode averages them.
    lexicon = std::make_shared<const Lexicon>(
        Lexicon::vader(options_.vader_compat ? DuplicatePolicy::Last : DuplicatePolicy::Mean));
  }
  impl->lexicon = lexicon;

  // Word facts.
  auto info = [&](std::string_view w) -> WordInfo& {
    if (auto* p = impl->words.find_mut(w)) return *p;
    return impl->words.put(w, WordInfo{});
  };
  for (const char* w : kNegations) info(w).negation = true;
  for (const char* w : kBoostersUp) {
    info(w).booster = kBoosterIncrement;
    info(w).is_booster = true;
  }
  for (const char* w : kBoostersDown) {
    info(w).booster = -kBoosterIncrement;
    info(w).is_booster = true;
  }
  for (const auto& nw : kNamedWords) info(nw.text).word = nw.word;
  for (const auto& sc : kSpecialCases) info(sc.words[0]).special_start = true;
  for (const auto& bg : kDampenerBigrams) info(bg[0]).dampener_start = true;
  if (!options_.vader_compat) {
    for (const char* w : kSuperlatives) info(w).superlative = true;
    if (options_.event_words)
      for (const char* w : kEventWords) info(w).event = true;
    if (options_.shifters) {
      for (const char* w : kShifters) info(w).shifter = true;
      for (const char* w : {"hardly", "scarcely", "few"}) {  // "hardly inspires confidence", "few find it funny" negate
        info(w).negation = true;
        info(w).is_booster = false;
        info(w).booster = 0.0;
      }
    }
  }

  // Lexicon tables.
  for (const auto& kv : lexicon->items()) {
    impl->exact.put(kv.first, kv.second);
    if (kv.first.find(' ') != std::string::npos) {
      std::string f;
      fold_append(kv.first, f);
      auto words = split_words(f);
      if (words.size() >= 2) {
        std::string first = words.front();
        words.erase(words.begin());
        auto* list = impl->phrases.find_mut(first);
        if (!list) list = &impl->phrases.put(first, {});
        list->push_back(Phrase{std::move(words), kv.second, 0});
      }
      continue;
    }
    std::string f;
    fold_append(kv.first, f);
    const bool is_lower = (f == kv.first);
    if (double* existing = impl->folded.find_mut(f)) {
      if (is_lower) *existing = kv.second;  // the lower-case spelling wins
    } else {
      impl->folded.put(f, kv.second);
    }
  }
  auto add_phrase = [&](const SpecialCase& sc) {
    std::vector<std::string> rest;
    for (int k = 1; k < 3 && sc.words[k]; ++k) rest.emplace_back(sc.words[k]);
    auto* list = impl->phrases.find_mut(sc.words[0]);
    if (!list) list = &impl->phrases.put(sc.words[0], {});
    list->push_back(Phrase{std::move(rest), sc.valence, sc.head});
  };
  for (const auto& sc : kSpecialCases) add_phrase(sc);
  for (const auto& sc : kIdioms) add_phrase(sc);
  // Longest phrases first.
  std::vector<std::string> keys;
  impl->phrases.for_each([&](std::string_view k, const std::vector<Phrase>&) { keys.emplace_back(k); });
  for (const auto& k : keys) {
    auto* list = impl->phrases.find_mut(k);
    std::stable_sort(list->begin(), list->end(),
                     [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  }

  // Emoji.
  std::string_view emo(reinterpret_cast<const char*>(embedded::kEmojiLexicon), embedded::kEmojiLexicon_size);
  std::size_t pos = 0;
  while (pos < emo.size()) {
    std::size_t nl = emo.find('\n', pos);
    if (nl == std::string_view::npos) nl = emo.size();
    std::string_view line = emo.substr(pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string_view key = line.substr(0, tab);
    std::string_view desc = line.substr(tab + 1);
    const std::size_t tab2 = desc.find('\t');
    if (tab2 != std::string_view::npos) desc = desc.substr(0, tab2);
    impl->emoji_seq.put(key, std::string(desc));
    std::size_t i = 0;
    const char32_t cp = decode_utf8(key, i);
    if (i == key.size()) impl->emoji_cp[cp] = std::string(desc);
  }

  if (!options_.vader_compat) {
    impl->abbreviations = std::make_shared<const Abbreviations>(Abbreviations::english());
    impl->tokenizer = std::make_unique<Tokenizer>(impl->abbreviations);
  }

  // The one-lookup table over words, exact and folded valences and phrase starts. The tables it
  // points into are complete and never change again.
  auto entry = [&](std::string_view k) -> Entry& {
    if (auto* p = impl->lookup.find_mut(k)) return *p;
    return impl->lookup.put(k, Entry{});
  };
  impl->words.for_each([&](std::string_view k, const WordInfo& v) { entry(k).info = &v; });
  impl->exact.for_each([&](std::string_view k, const double& v) {
    Entry& e = entry(k);
    e.exact = v;
    e.has_exact = true;
    impl->add_emoticon_key(k);
  });
  impl->folded.for_each([&](std::string_view k, const double& v) {
    Entry& e = entry(k);
    e.folded = v;
    e.has_folded = true;
    impl->add_emoticon_key(k);
  });
  impl->phrases.for_each([&](std::string_view k, const std::vector<Phrase>& v) { entry(k).phrases = &v; });
  if (!options_.vader_compat) {
    add_inflections(*impl);
    for (std::size_t n = 0; n < 256; ++n) impl->dilution.push_back(dilution_factor(options_, n));
  }
  impl_ = std::move(impl);
}

const Lexicon& SentimentScorer::lexicon() const noexcept { return *impl_->lexicon; }

namespace {

Work& thread_work() {
  thread_local Work w;
  return w;
}

// Fills the lexical facts of an item whose lower-case text was just appended to the arena.
// `apostrophe` false: the caller knows the text has none, so it cannot contain "n't".
// `hash` must be hash_padded of the item's text.
void resolve_item(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, Item& it, bool apostrophe,
                  std::uint64_t hash) {
  const std::string_view t = w.text(it);
  const Entry* e = im.lookup.find(t, hash);
  const double* v = nullptr;
  if (e) {
    it.set_info(e->info);
    w.pair_words |= it.word == kNot || it.word == kNo || it.word == kFew;
    w.contrast_words |= it.word == kBut || it.word == kHowever || it.word == kNevertheless ||
                        it.word == kNonetheless || it.word == kAlthough || it.word == kThough;
    if (o.vader_compat) {
      if (e->has_exact) v = &e->exact;
    } else {
      if (e->has_folded) v = &e->folded;
      it.phrases = e->phrases;
      w.phrase_starts |= e->phrases != nullptr;
    }
  }
  it.negation = (it.info && it.info->negation) || (apostrophe && contains_nt(t));
  if (!v && !it.info && !o.vader_compat && o.morphology && t.size() > 4) {
    const char last = t.back();  // every suffix ends in s, d, g or y
    if (last == 's' || last == 'd' || last == 'g' || last == 'y') v = im.inflections.find(t, hash);
  }
  if (v) {
    it.in_lex = true;
    it.lex = *v;
    if (it.info && it.info->event) it.lex *= o.event_weight;
  }
}

void resolve_item(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, Item& it,
                  bool apostrophe = true) {
  const std::string_view t = w.text(it);
  resolve_item(im, o, w, it, apostrophe, hash_padded(t.data(), t.size()));
}

// ---- compat mode: VADER's own word splitting on the raw text -------------------------------

struct Punctuation {
  int exclamations = 0, questions = 0;
};

void compat_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w,
                  bool& cap_diff, Punctuation& punct) {
  std::string_view t = text;
  ByteStats st = byte_stats(text);
  if (st.non_ascii) {
    // Emoji -> their descriptions, one code point at a time, as vaderSentiment does.
    w.scratch.clear();
    w.scratch.reserve(text.size() + 16);
    bool prev_space = true;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t s = i;
      const char32_t c = decode_utf8(text, i);
      if (c >= 0x80) {
        auto e = im.emoji_cp.find(c);
        if (e != im.emoji_cp.end()) {
          if (!prev_space) w.scratch.push_back(' ');
          w.scratch += e->second;
          prev_space = false;
          continue;
        }
      }
      w.scratch.append(text.data() + s, i - s);
      prev_space = c == ' ';
    }
    t = w.scratch;
    st = byte_stats(t);
  }
  punct.exclamations += st.exclamations;
  punct.questions += st.questions;
  // str.split(): runs of white space separate words.
  std::size_t n_upper = 0;
  std::size_t i = 0;
  // Length of the white-space character at j (0 if none); ASCII without decoding.
  auto space_at = [&t](std::size_t j) -> std::size_t {
    const auto b = static_cast<unsigned char>(t[j]);
    if (b < 0x80) return is_py_space(b) ? 1 : 0;
    std::size_t k = j;
    return is_py_space(decode_utf8(t, k)) ? k - j : 0;
  };
  auto char_len = [&t](std::size_t j) -> std::size_t {
    const auto b = static_cast<unsigned char>(t[j]);
    if (b < 0x80) return 1;
    std::size_t k = j;
    decode_utf8(t, k);
    return k - j;
  };
  if (!st.non_ascii) {
    // ASCII fast path: one pass per word for splitting, stripping, lower-casing and isupper().
    const std::size_t n = t.size();
    const unsigned char* cls = kAscii.c;
    const auto* u = reinterpret_cast<const unsigned char*>(t.data());
    while (i < n) {
      while (i < n && cls[u[i]] == 1) ++i;
      if (i >= n) break;
      std::size_t j = i;
      while (j < n && cls[u[j]] != 1) ++j;
      std::size_t a = i, b = j;
      while (a < b && cls[u[a]] == 2) ++a;
      while (b > a && cls[u[b - 1]] == 2) --b;
      if (b - a <= 2) {
        a = i;
        b = j;
      }
      i = j;
      Item it(static_cast<std::uint32_t>(w.arena.size()), 0, 0);  // (GCC zeroes `Item it;` with a slow rep stos)
      it.len = static_cast<std::uint32_t>(b - a);
      bool has_upper = false, has_lower = false;
      char* dst = w.arena.extend(it.len);
      for (std::size_t k = a; k < b; ++k) {
        char c = t[k];
        const bool up = c >= 'A' && c <= 'Z';
        has_upper |= up;
        has_lower |= c >= 'a' && c <= 'z';
        *dst++ = up ? static_cast<char>(c + 32) : c;
      }
      it.upper = has_upper && !has_lower;
      n_upper += it.upper;
      resolve_item(im, o, w, it);
      w.items.push_back(it);
    }
    cap_diff = n_upper > 0 && n_upper < w.items.size();
    return;
  }
  while (i < t.size()) {
    std::size_t j = i;
    while (j < t.size()) {  // skip white space
      const std::size_t l = space_at(j);
      if (l == 0) break;
      j += l;
    }
    if (j >= t.size()) break;
    const std::size_t ws = j;
    while (j < t.size() && space_at(j) == 0) j += char_len(j);
    std::string_view word = t.substr(ws, j - ws);
    i = j;
    // strip(string.punctuation), unless that leaves two characters or fewer (emoticons).
    std::size_t a = 0, b = word.size();
    while (a < b && is_ascii_punct(static_cast<unsigned char>(word[a]))) ++a;
    while (b > a && is_ascii_punct(static_cast<unsigned char>(word[b - 1]))) --b;
    std::string_view stripped = word.substr(a, b - a);
    if (count_codepoints(stripped) > 2) word = stripped;
    Item it;
    it.off = static_cast<std::uint32_t>(w.arena.size());
    w.lower_tmp.clear();
    py_lower_append(word, w.lower_tmp, w);
    w.arena.append(w.lower_tmp.data(), w.lower_tmp.size());
    it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
    it.upper = py_isupper(word);
    n_upper += it.upper;
    resolve_item(im, o, w, it);
    w.items.push_back(it);
  }
  cap_diff = n_upper > 0 && n_upper < w.items.size();
}

// ---- default mode: items from presslens tokens ----------------------------------------------

bool is_clause_punct(std::string_view t, const Token& tok) {
  if (tok.has(token_flags::kDash)) return true;
  if (t.size() == 1) {
    const char c = t[0];
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']';
  }
  return false;
}

// Looks an emoticon up: the exact spelling first (":D"), then folded.
const double* find_emoticon(const SentimentScorer::Impl& im, std::string_view t, std::string& buf) {
  if (!im.maybe_emoticon(t)) return nullptr;
  if (const double* v = im.exact.find(t)) return v;
  buf.clear();
  fold_append(t, buf);
  return im.folded.find(buf);
}

void push_description(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, std::string_view desc,
                      const Token& tok, bool& clause) {
  std::size_t i = 0;
  while (i < desc.size()) {
    while (i < desc.size() && desc[i] == ' ') ++i;
    std::size_t j = i;
    while (j < desc.size() && desc[j] != ' ') ++j;
    if (j > i) {
      Item it;
      it.off = static_cast<std::uint32_t>(w.arena.size());
      fold_into(desc.substr(i, j - i), w.arena, w.lower_tmp);
      it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
      it.start = tok.start;
      it.end = tok.end;
      it.clause_start = clause;
      clause = false;
      resolve_item(im, o, w, it);
      w.items.push_back(it);
    }
    i = j;
  }
}

const std::string* find_emoji(const SentimentScorer::Impl& im, std::string_view t, std::string& buf) {
  if (const std::string* d = im.emoji_seq.find(t)) return d;
  // Without variation selectors and skin tones, then the first code point alone.
  buf.clear();
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t s = i;
    const char32_t c = decode_utf8(t, i);
    if (c == 0xFE0E || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) continue;
    buf.append(t.data() + s, i - s);
  }
  if (const std::string* d = im.emoji_seq.find(buf)) return d;
  std::size_t i = 0;
  decode_utf8(t, i);
  return im.emoji_seq.find(t.substr(0, i));
}

void link_items(const SentimentOptions& o, Work& w);

void default_items(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text,
                   const Token* toks, std::uint32_t tb, std::uint32_t te, Work& w, bool& cap_diff,
                   Punctuation& punct) {
  bool clause = false;
  std::string buf;
  std::size_t n_caps = 0, n_cased = 0;
  std::uint32_t k = tb;
  while (k < te) {
    // A chunk: tokens with no white space between them.
    std::uint32_t c1 = k;
    bool has_punct = false;
    while (c1 < te) {
      const Token& t = toks[c1];
      has_punct |= t.kind == TokenKind::Punct || t.kind == TokenKind::Symbol || t.kind == TokenKind::Quote;
      ++c1;
      if (t.space_after) break;
    }
    if (c1 - k > 1 && has_punct) {
      std::string_view ct = text.substr(toks[k].start, toks[c1 - 1].end - toks[k].start);
      if (const double* v = find_emoticon(im, ct, buf)) {
        Item it;
        it.off = static_cast<std::uint32_t>(w.arena.size());
        w.arena.append(ct.data(), ct.size());
        it.len = static_cast<std::uint32_t>(ct.size());
        it.start = toks[k].start;
        it.end = toks[c1 - 1].end;
        it.in_lex = true;
        it.lex = *v;
        it.clause_start = clause;
        clause = false;
        w.items.push_back(it);
        k = c1;
        continue;
      }
    }
    for (std::uint32_t t = k; t < c1; ++t) {
      const Token& tok = toks[t];
      std::string_view tt = tok.text(text);
      switch (tok.kind) {
        case TokenKind::Word:
        case TokenKind::Number:
        case TokenKind::Hashtag: {
          Item it(static_cast<std::uint32_t>(w.arena.size()), tok.start, tok.end);  // not `Item it;`: see compat_items
          fold_into(tok.kind == TokenKind::Hashtag ? tt.substr(1) : tt, w.arena, w.lower_tmp);
          // do + n't -> don't. A clitic always follows its word without a space, so it is in this
          // chunk; testing against te (rarely false) rather than c1 keeps the branch predictable.
          while (t + 1 < te && toks[t + 1].has(token_flags::kClitic)) {
            ++t;
            fold_into(toks[t].text(text), w.arena, w.lower_tmp);
            it.end = toks[t].end;
          }
          it.len = static_cast<std::uint32_t>(w.arena.size() - it.off);
          it.upper = tok.has(token_flags::kAllCaps);
          if (tok.kind == TokenKind::Word && tok.end - tok.start >= 2) {
            ++n_cased;
            n_caps += it.upper;
          }
          it.clause_start = clause;
          clause = false;
          resolve_item(im, o, w, it);
          w.items.push_back(it);
          break;
        }
        case TokenKind::Handle:
        case TokenKind::Url:
        case TokenKind::Email: {
          Item it;  // a neutral word
          it.off = static_cast<std::uint32_t>(w.arena.size());
          it.start = tok.start;
          it.end = tok.end;
          it.clause_start = clause;
          clause = false;
          w.items.push_back(it);
          break;
        }
        case TokenKind::Emoji: {
          if (const std::string* d = find_emoji(im, tt, buf)) push_description(im, o, w, *d, tok, clause);
          break;
        }
        default: {  // punctuation, quotes, symbols
          for (char c : tt) {
            punct.exclamations += c == '!';
            punct.questions += c == '?';
          }
          // An emoticon glued to a word ("great:)"): the rest of the chunk.
          if (tok.kind != TokenKind::Quote && t > k && t + 1 < c1) {
            std::string_view rest = text.substr(tok.start, toks[c1 - 1].end - tok.start);
            if (const double* v = find_emoticon(im, rest, buf)) {
              Item it;
              it.off = static_cast<std::uint32_t>(w.arena.size());
              w.arena.append(rest.data(), rest.size());
              it.len = static_cast<std::uint32_t>(rest.size());
              it.start = tok.start;
              it.end = toks[c1 - 1].end;
              it.in_lex = true;
              it.lex = *v;
              w.items.push_back(it);
              t = c1 - 1;
              break;
            }
          }
          if (is_clause_punct(tt, tok)) clause = true;
          break;
        }
      }
    }
    k = c1;
  }
  cap_diff = n_caps > 0 && n_caps < n_cased;
  link_items(o, w);
}

// The passes over a sentence's items that look at neighbours: word pairs that cancel a negation,
// and multi-word phrases (the head word carries the phrase valence, the others fall silent).
void link_items(const SentimentOptions& o, Work& w) {
  // "not only X but Y", "not just": no negation; "no doubt", "no wonder": no negation either.
  for (std::size_t i = 0; w.pair_words && i + 1 < w.items.size(); ++i) {
    Item& x = w.items[i];
    // Word ids come from the word's text (nothing has cleared them before this pass).
    const Word a = x.word, b = w.items[i + 1].word;
    if (a == kOther) continue;
    if ((a == kNot && (b == kOnly || b == kJust)) || (a == kNo && (b == kDoubt || b == kWonder))) {
      x.negation = false;
      x.set_info(nullptr);
    }
    // "a few", "the last few": a quantity, not a negation.
    if (b == kFew && (a == kA || a == kThe || a == kLast || a == kPast || a == kNext || a == kFirst ||
                      a == kEvery || a == kThese || a == kThose))
      w.items[i + 1].negation = false;
  }
  if (o.phrases && w.phrase_starts) {
    auto& items = w.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].absorbed) continue;
      const auto* list = items[i].phrases;
      if (!list) continue;
      for (const Phrase& ph : *list) {
        if (i + ph.rest.size() >= items.size()) continue;
        bool ok = true;
        for (std::size_t r = 0; r < ph.rest.size() && ok; ++r)
          ok = !items[i + 1 + r].absorbed && !items[i + 1 + r].clause_start && w.text(items[i + 1 + r]) == ph.rest[r];
        if (!ok) continue;
        for (std::size_t r = 0; r <= ph.rest.size(); ++r) {
          Item& x = items[i + r];
          if (static_cast<int>(r) == ph.head) {
            x.in_lex = true;
            x.lex = ph.valence;
          } else {
            x.absorbed = true;
            x.in_lex = false;
            x.set_info(nullptr);
            x.negation = false;
          }
        }
        i += ph.rest.size();
        break;
      }
    }
  }
}

// ---- the rules ------------------------------------------------------------------------------

struct Rules {
  const SentimentOptions& o;
  const bool compat;
  Work& w;
  const bool cap_diff;

  Word word(std::size_t k) const { return w.items[k].word; }
  bool is(std::size_t k, Word x) const { return word(k) == x; }
  // Can the word at i - d modify the word at i? (Default mode: not across clause punctuation.)
  bool reach(std::size_t i, std::size_t d) const {
    if (d > i) return false;
    if (compat || !o.clause_scope) return true;
    // No clause punctuation before any of the words i - d + 1 ... i (d <= 3).
    for (std::size_t j = i - d + 1; j <= i; ++j)
      if (w.items[j].clause_start) return false;
    return true;
  }

  double negate(std::size_t i, double v) const {
    if (!compat && o.negated_superlatives && w.items[i].info && w.items[i].info->superlative) {
      // "not the worst" is no praise; "not the best" is mild criticism.
      return w.items[i].lex < 0 ? 0.0 : v * 0.5 * kNegationScalar;
    }
    return v * kNegationScalar;
  }

  double scalar_inc_dec(std::size_t k, double valence) const {
    const Item& m = w.items[k];
    if (!m.booster) return 0.0;
    double s = m.info->booster;
    if (valence < 0) s = -s;
    if (m.upper && cap_diff) s += valence > 0 ? kCapsIncrement : -kCapsIncrement;
    return s;
  }

  double negation_check(double v, std::size_t s, std::size_t i) const {
    const auto& it = w.items;
    if (s == 0) {
      if (it[i - 1].negation) v = negate(i, v);
    } else if (s == 1) {
      if (is(i - 2, kNever) && (is(i - 1, kSo) || is(i - 1, kThis))) {
        v *= 1.25;
      } else if (is(i - 2, kWithout) && is(i - 1, kDoubt)) {
      } else if (it[i - 2].negation) {
        v = negate(i, v);
      }
    } else {
      const bool never_so = is(i - 3, kNever) && (is(i - 2, kSo) || is(i - 2, kThis));
      // vaderSentiment's operator precedence makes any "so"/"this" right before the word count.
      // Kept in the default mode: "haven't been this sore" is emphasis, not negation.
      const bool so_before = is(i - 1, kSo) || is(i - 1, kThis);
      if (never_so || so_before) {
        v *= 1.25;
      } else if (is(i - 3, kWithout) && (is(i - 2, kDoubt) || is(i - 1, kDoubt))) {
      } else if (it[i - 3].negation) {
        v = negate(i, v);
      }
    }
    return v;
  }

  bool words_equal(std::size_t k, const char* s) const { return w.text(w.items[k]) == s; }

  bool match_special(std::initializer_list<std::size_t> idx, double& out) const {
    const Item& first = w.items[*idx.begin()];
    if (!first.info || !first.info->special_start) return false;
    for (const auto& sc : kSpecialCases) {
      std::size_t n = 0;
      while (n < 3 && sc.words[n]) ++n;
      if (n != idx.size()) continue;
      std::size_t m = 0;
      bool ok = true;
      for (std::size_t k : idx) ok = ok && words_equal(k, sc.words[m++]);
      if (ok) {
        out = sc.valence;
        return true;
      }
    }
    return false;
  }

  bool dampener_bigram(std::size_t a, std::size_t b) const {
    if (!w.items[a].info || !w.items[a].info->dampener_start) return false;
    for (const auto& bg : kDampenerBigrams)
      if (words_equal(a, bg[0]) && words_equal(b, bg[1])) return true;
    return false;
  }

  double special_idioms(double v, std::size_t i) const {
    const std::size_t n = w.items.size();
    double sv;
    if (match_special({i - 1, i}, sv) || match_special({i - 2, i - 1, i}, sv) || match_special({i - 2, i - 1}, sv) ||
        match_special({i - 3, i - 2, i - 1}, sv) || match_special({i - 3, i - 2}, sv))
      v = sv;
    if (n - 1 > i && match_special({i, i + 1}, sv)) v = sv;
    if (n - 1 > i + 1 && match_special({i, i + 1, i + 2}, sv)) v = sv;
    if (dampener_bigram(i - 3, i - 2)) v -= kBoosterIncrement;
    if (dampener_bigram(i - 2, i - 1)) v -= kBoosterIncrement;
    return v;
  }

  double least_check(double v, std::size_t i) const {
    const auto& it = w.items;
    if (i > 1 && !it[i - 1].in_lex && is(i - 1, kLeast)) {
      if (!is(i - 2, kAt) && !is(i - 2, kVery)) v *= kNegationScalar;
    } else if (i > 0 && !it[i - 1].in_lex && is(i - 1, kLeast)) {
      v *= kNegationScalar;
    }
    return v;
  }

  double valence(std::size_t i) const {
    const auto& it = w.items;
    const std::size_t n = it.size();
    const Item& x = it[i];
    if (x.booster) return 0.0;
    if (is(i, kKind) && i + 1 < n && is(i + 1, kOf)) return 0.0;
    if (!x.in_lex) return 0.0;
    double v = x.lex;
    if (is(i, kNo) && i != n - 1 && it[i + 1].in_lex) v = 0.0;
    if ((reach(i, 1) && is(i - 1, kNo)) || (reach(i, 2) && is(i - 2, kNo)) ||
        (reach(i, 3) && is(i - 3, kNo) && (is(i - 1, kOr) || is(i - 1, kNor))))
      v = x.lex * kNegationScalar;
    if (x.upper && cap_diff) v += v > 0 ? kCapsIncrement : -kCapsIncrement;
    for (std::size_t s = 0; s < 3; ++s) {
      if (i > s && reach(i, s + 1) && !it[i - (s + 1)].in_lex) {
        double sc = scalar_inc_dec(i - (s + 1), v);
        if (s == 1 && sc != 0) sc *= 0.95;
        if (s == 2 && sc != 0) sc *= 0.9;
        v += sc;
        v = negation_check(v, s, i);
        if (s == 2 && compat) v = special_idioms(v, i);
      }
    }
    if (!compat && o.shifters && v < 0) {  // "reduce fatalities", "curb violence"
      for (std::size_t d = 1; d <= 3; ++d)
        if (reach(i, d) && it[i - d].info && it[i - d].info->shifter) {
          v *= kNegationScalar;
          break;
        }
    }
    if (!compat) {
      // "kind of" / "sort of" / "just enough" right before the word, wherever it stands.
      if (reach(i, 3) && dampener_bigram(i - 3, i - 2)) v -= kBoosterIncrement;
      if (reach(i, 2) && dampener_bigram(i - 2, i - 1)) v -= kBoosterIncrement;
    }
    return least_check(v, i);
  }

  void contrast_by_value(std::vector<double>& s, std::size_t bi) const {
    // vaderSentiment's loop: each value is re-weighted at the FIRST index holding an equal value.
    if (s.size() <= 64) {
      // A short text: find that index by scanning (at most 64 x 64 compares, no allocation).
      for (std::size_t k = 0; k < s.size(); ++k) {
        const double v = s[k];
        std::size_t si = 0;
        while (s[si] != v) ++si;  // stops at k at the latest
        if (si == bi) continue;
        s[si] = si < bi ? v * 0.5 : v * 1.5;
      }
      return;
    }
    // Longer ones: positions by value, so the whole pass stays O(n log n).
    std::unordered_map<double, std::set<std::uint32_t>> where;
    auto key = [](double v) { return v + 0.0; };  // -0.0 -> 0.0
    for (std::uint32_t j = 0; j < s.size(); ++j) where[key(s[j])].insert(j);
    for (std::size_t k = 0; k < s.size(); ++k) {
      const double v = s[k];
      auto& pos = where[key(v)];
      const std::uint32_t si = *pos.begin();
      if (si == bi) continue;
      const double nv = si < bi ? v * 0.5 : v * 1.5;
      pos.erase(pos.begin());
      s[si] = nv;
      where[key(nv)].insert(si);
    }
  }

  void contrast(std::vector<double>& s) const {
    const auto& it = w.items;
    const std::size_t n = it.size();
    if (!w.contrast_words) return;
    if (compat || !o.contrast_by_position) {
      for (std::size_t k = 0; k < n; ++k)
        if (is(k, kBut)) {
          contrast_by_value(s, k);
          return;
        }
      return;
    }
    for (std::size_t k = 0; k < n; ++k) {
      const Word x = word(k);
      if (x == kBut && k == 0) continue;  // a sentence-initial "But" contrasts with the previous sentence
      const bool but = x == kBut || (o.extra_contrast && k > 0 &&
                                     (x == kHowever || x == kNevertheless || x == kNonetheless));
      if (but) {
        for (std::size_t j = 0; j < n; ++j) s[j] *= j < k ? 0.5 : (j > k ? 1.5 : 1.0);
        return;
      }
      if (o.extra_contrast && (x == kAlthough || x == kThough)) {
        // "as though", or "though" inside a clause, is no concession.
        if (x == kThough && k > 0 && !it[k].clause_start && !is(k - 1, kEven)) continue;
        // The concession (up to the next clause punctuation) counts half, the main clause 1.5 times.
        std::size_t e = k + 1;
        while (e < n && !it[e].clause_start) ++e;
        if (e >= n && k == 0) return;  // no main clause in this sentence
        for (std::size_t j = 0; j < n; ++j) s[j] *= (j > k && j < e) ? 0.5 : (j == k ? 1.0 : 1.5);
        return;
      }
    }
  }
};

// `dilution`: dilution_factor by sentence length (null in compat mode).
SentimentScores finish(const std::vector<double>& s, const Punctuation& p, const SentimentOptions& o,
                       const std::vector<double>* dilution) {
  const bool compat = o.vader_compat, length_norm = !compat && o.length_norm;
  SentimentScores out;
  if (s.empty()) {
    // vaderSentiment returns neu 0 for text without words; presslens says "all neutral".
    if (compat) out.neu = 0.0;
    return out;
  }
  // One pass for the valence sum and the positive / negative / neutral masses (each summed in
  // word order, as VADER does).
  double sum = 0.0, pos_sum = 0.0, neg_sum = 0.0;
  int n_sentiment = 0;
  std::uint32_t neu = 0;
  for (double v : s) {
    if (v == 0) {  // adding a zero would not change the sum
      ++neu;
      continue;
    }
    sum += v;
    ++n_sentiment;
    if (v > 0) pos_sum += v + 1.0;
    if (v < 0) neg_sum += v - 1.0;
  }
  // Default mode: several sentiment words add up like evidence (sqrt n), not linearly.
  if (length_norm) sum /= std::sqrt(std::max(1.0, static_cast<double>(n_sentiment)));
  if (dilution) sum *= s.size() < dilution->size() ? (*dilution)[s.size()] : dilution_factor(o, s.size());
  double amp = std::min(p.exclamations, 4) * 0.292;
  if (p.questions > 1) amp += p.questions <= 3 ? p.questions * 0.18 : 0.96;
  if (sum > 0)
    sum += amp;
  else if (sum < 0)
    sum -= amp;
  out.compound = normalize_score(sum);
  out.valence_sum = sum;
  if (pos_sum > std::fabs(neg_sum))
    pos_sum += amp;
  else if (pos_sum < std::fabs(neg_sum))
    neg_sum -= amp;
  const double total = pos_sum + std::fabs(neg_sum) + neu;
  out.pos = std::fabs(pos_sum / total);
  out.neg = std::fabs(neg_sum / total);
  out.neu = std::fabs(neu / total);
  out.pos_mass = pos_sum;
  out.neg_mass = std::fabs(neg_sum);
  out.neutral_words = neu;
  out.words = static_cast<std::uint32_t>(s.size());
  return out;
}

SentimentScores score_work(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w, bool cap_diff,
                           const Punctuation& p) {
  const bool compat = o.vader_compat;
  const std::size_t n = w.items.size();
  Rules r{o, compat, w, cap_diff};
  w.vals.resize(n);
  // Only lexicon words have a valence (valence() is 0 for every other item).
  for (std::size_t i = 0; i < n; ++i) w.vals[i] = w.items[i].in_lex ? r.valence(i) : 0.0;
  r.contrast(w.vals);
  return finish(w.vals, p, o, compat ? nullptr : &im.dilution);
}

}  // namespace

// ---- the ASCII fast path of polarity_scores (default mode) -----------------------------------
//
// Most news sentences are plain ASCII: words, numbers and simple punctuation. For such a text the
// items come straight from the bytes, exactly as the tokenizer and default_items would make them,
// without building tokens first. Whatever the small grammar below does not cover (non-ASCII, line
// breaks, '@', '#', '$', '/', numbers with separators, dotted abbreviations, runs of punctuation,
// anything that may be an emoticon...) sends the whole text to the general path, which remains
// the reference: tests check that both give identical scores.

namespace {
namespace fast {

enum Class : unsigned char {
  kBail = 0,   // a byte the fast path does not handle
  kLetter,     // A-Z a-z
  kDigit,      // 0-9
  kBlank,      // ' ' '\t' (line breaks start sentences: general path)
  kOpen,       // ( [              a punctuation token before a word
  kClose,      // , . ; : ! ? ) ]  a punctuation token after a word
  kQuoteMark,  // " '              a quote token on either side
  kHyphen,     // -                inside a word, or a chunk of hyphens
  kCurrency,   // $                before a number
  kNumberMark, // % /              inside or after a number
};

struct ByteClasses {
  unsigned char c[256] = {};
  ByteClasses() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = kLetter;
    for (int b = 'A'; b <= 'Z'; ++b) c[b] = kLetter;
    for (int b = '0'; b <= '9'; ++b) c[b] = kDigit;
    c[static_cast<unsigned char>(' ')] = c[static_cast<unsigned char>('\t')] = kBlank;
    for (unsigned char b : {'(', '['}) c[b] = kOpen;
    for (unsigned char b : {',', '.', ';', ':', '!', '?', ')', ']'}) c[b] = kClose;
    for (unsigned char b : {'"', '\''}) c[b] = kQuoteMark;
    c[static_cast<unsigned char>('-')] = kHyphen;
    c[static_cast<unsigned char>('$')] = kCurrency;
    c[static_cast<unsigned char>('%')] = c[static_cast<unsigned char>('/')] = kNumberMark;
  }
};
const ByteClasses kClasses;

enum Kind : unsigned char { kWordTok, kNumberTok, kPunctTok, kQuoteTok };

// One token of a chunk (a run of non-blank bytes). For a word, [start, end) is the token and
// [start, item_end) the item (the word with its clitic: "do" + "n't").
struct Tok {
  std::uint32_t start, end, item_end;
  Kind kind;
  bool terminal;  // . ! ?
  bool clause;    // , ; : ( ) [ ] and dashes
  bool caps;      // kAllCaps of the (first) word token
  bool cased;     // a word token of two or more bytes (counts for the ALL-CAPS contrast)
  bool folded;    // word(): the item's lower-case text is already in the arena at `off`
  bool apostrophe;  // the item has an apostrophe (only then can it contain "n't")
  std::uint32_t off;
};
constexpr int kMaxChunkTokens = 16;

inline bool is_alnum(unsigned char c) { return kClasses.c[c] == kLetter || kClasses.c[c] == kDigit; }
inline bool is_digit(unsigned char c) { return kClasses.c[c] == kDigit; }
inline unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; }

// Byte-parallel classes of eight bytes: the high bit of each byte that is an upper-case letter,
// a lower-case letter or a digit. Bytes >= 0x80 are in no class.
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighBits = kOnes * 0x80;
struct SwarClasses {
  std::uint64_t upper, lower, digit;
};
inline SwarClasses swar_classes(std::uint64_t x) {
  const std::uint64_t ascii = ~x & kHighBits, x7 = x & ~kHighBits;
  // High bit of each byte of x7 in [lo, hi] (no carries between bytes: every byte is < 0x80).
  auto in_range = [x7](unsigned lo, unsigned hi) {
    return (x7 + kOnes * (0x80 - lo)) & ~(x7 + kOnes * (0x7F - hi)) & kHighBits;
  };
  return {in_range('A', 'Z') & ascii, in_range('a', 'z') & ascii, in_range('0', '9') & ascii};
}

class Reader {
 public:
  Reader(const SentimentScorer::Impl& im, const SentimentOptions& o, std::string_view text, Work& w)
      : im_(im), o_(o), s_(text), u_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()), w_(w) {}

  // False: the text needs the general path (nothing of `out` is set then).
  bool run(SentimentScores& out) {
    // No separate check for bytes the fast path does not handle: every non-blank byte is read by
    // a token rule that accepts only its own classes, so such a byte ends the chunk early and the
    // chunk check (it must end at a blank) bails.
    auto& sents = w_.sentences;
    sents.clear();
    w_.clear();
    std::size_t i = 0;
    while (i < n_) {
      if (kClasses.c[u_[i]] == kBlank) {
        ++i;
        continue;
      }
      bool terminal = false;
      std::size_t b = kClasses.c[u_[i]] == kLetter ? plain_chunk(i, terminal) : 0;
      if (b) {
        i = b;
        while (i < n_ && kClasses.c[u_[i]] == kBlank) ++i;
        // end_of_sentence() for a word with at most one mark after it.
        sentence_tokens_ += 1;  // (only whether there are any matters)
        last_terminal_ = terminal;
        if (i >= n_ || (terminal && b < n_)) end_sentence();
        continue;
      }
      b = chunk(i);
      if (!b) return false;
      i = b;
      while (i < n_ && kClasses.c[u_[i]] == kBlank) ++i;
      if (end_of_sentence(b < n_, i >= n_)) end_sentence();
    }
    out = sents.size() == 1 ? sents[0] : SentimentScorer::aggregate(sents);
    return true;
  }

 private:
  const SentimentScorer::Impl& im_;
  const SentimentOptions& o_;
  std::string_view s_;
  const unsigned char* u_;
  std::size_t n_;
  Work& w_;
  Tok toks_[kMaxChunkTokens];
  int m_ = 0;  // tokens in the current chunk
  // Sentence state, as default_items and polarity_scores keep it.
  Punctuation punct_;
  bool clause_ = false;
  std::size_t n_caps_ = 0, n_cased_ = 0;
  std::size_t sentence_tokens_ = 0;  // tokens of the current sentence before this chunk
  bool last_terminal_ = false;       // the token before this chunk was . ! ?

  bool push(std::size_t a, std::size_t e, Kind kind, bool terminal, bool clause) {
    if (m_ == kMaxChunkTokens) return false;
    Tok& t = toks_[m_++];
    t.start = static_cast<std::uint32_t>(a);
    t.end = t.item_end = static_cast<std::uint32_t>(e);
    t.kind = kind;
    t.terminal = terminal;
    t.clause = clause;
    t.caps = t.cased = t.folded = false;
    t.apostrophe = true;
    return true;
  }

  // The chunk of most news words: ASCII letters and digits starting with a letter, then a blank
  // or the end, or one of , ; : . ! ? and then a blank or the end. Makes its item, counts the
  // mark and returns the chunk's end (`terminal`: the mark is . ! ?); 0 if the chunk has another
  // shape (chunk() reads it then). The same tokens as chunk(), only fewer decisions.
  std::size_t plain_chunk(std::size_t i, bool& terminal) {
    const unsigned char* u = u_;
    const std::size_t n = n_;
    const std::size_t off = w_.arena.size();
    char* dst = w_.arena.extend(n - i + 9);
    std::size_t e = i;
    int letters = 0;
    bool lower_seen = false, stopped = false;
    while (e + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, u + e, 8);
      const SwarClasses c = swar_classes(x);
      const std::uint64_t stop = ~(c.upper | c.lower | c.digit) & kHighBits;
      const std::uint64_t keep = stop ? ((stop & (0 - stop)) - 1) & kHighBits : kHighBits;
      const std::uint64_t lowered = x | (c.upper >> 2);
      std::memcpy(dst, &lowered, 8);
      const std::uint64_t let = (c.upper | c.lower) & keep;
      letters += (let != 0) + ((let & (let - 1)) != 0);
      lower_seen |= (c.lower & keep) != 0;
      const std::size_t len = stop ? static_cast<std::size_t>(__builtin_ctzll(stop)) / 8 : 8;
      dst += len;
      e += len;
      if (stop) {
        stopped = true;
        break;
      }
    }
    if (!stopped) {
      for (; e < n; ++e) {
        const unsigned char c = u[e], cls = kClasses.c[c];
        if (cls != kLetter && cls != kDigit) break;
        letters += cls == kLetter;
        lower_seen |= c >= 'a' && c <= 'z';
        *dst++ = static_cast<char>(lower(c));
      }
    }
    // What follows the word.
    unsigned char mark = 0;
    if (e < n && kClasses.c[u[e]] != kBlank) {
      mark = u[e];
      const bool simple = mark == ',' || mark == ';' || mark == ':' || mark == '.' || mark == '!' || mark == '?';
      if (!simple || (e + 1 < n && kClasses.c[u[e + 1]] != kBlank)) {
        w_.arena.shrink_to(off);
        return 0;
      }
    }
    std::size_t item_end = e;
    if (mark == '.') {  // an initial or a listed abbreviation keeps its period
      bool keeps = e == i + 1 && u[i] >= 'A' && u[i] <= 'Z';
      if (!keeps && im_.abbreviations->find(s_.substr(i, e + 1 - i))) {
        const std::string_view w = s_.substr(i, e + 1 - i);
        // "No." and friends only before a number: a blank follows here, then maybe a digit.
        const bool needs_number = w == "No." || w == "Nos." || w == "no.";
        std::size_t after = e + 1;
        while (after < n && u[after] == ' ') ++after;
        keeps = !needs_number || (after < n && is_digit(u[after]));
      }
      if (keeps) {
        *dst++ = '.';
        item_end = e + 1;
        mark = 0;
      }
    }
    if (mark && im_.maybe_emoticon(s_.substr(i, e + 1 - i)) && find_emoticon(im_, s_.substr(i, e + 1 - i), w_.scratch)) {
      w_.arena.shrink_to(off);
      return 0;
    }
    w_.arena.shrink_to(off + (item_end - i));
    Item it(static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(item_end));
    it.len = static_cast<std::uint32_t>(item_end - i);
    const bool caps = letters > 1 && !lower_seen;
    it.upper = caps;
    if (item_end - i >= 2) {
      ++n_cased_;
      n_caps_ += caps;
    }
    it.clause_start = clause_;
    clause_ = false;
    it.apostrophe = false;
    defer(it);
    terminal = mark == '.' || mark == '!' || mark == '?';
    if (mark) {
      punct_.exclamations += mark == '!';
      punct_.questions += mark == '?';
      clause_ = mark == ',' || mark == ';' || mark == ':';
      return e + 1;
    }
    return item_end;
  }

  // Splits the chunk (run of non-blank bytes) starting at a into tokens like the tokenizer, then
  // makes its items. Returns the chunk's end, or 0 to bail.
  std::size_t chunk(std::size_t a) {
    m_ = 0;
    std::size_t k = a;
    auto ends_here = [&](std::size_t e) { return e >= n_ || kClasses.c[u_[e]] == kBlank; };
    if (u_[k] == '-') {  // "-" is a punctuation mark, "--" a dash
      while (k < n_ && u_[k] == '-') ++k;
      if (!ends_here(k)) return 0;
      push(a, k, kPunctTok, false, k - a >= 2);
      return items(a, k) ? k : 0;
    }
    const std::size_t b = n_;  // the loops below stop at the first blank by its byte class
    while (k < b && (kClasses.c[u_[k]] == kOpen || kClasses.c[u_[k]] == kQuoteMark)) {
      const unsigned char c = u_[k];
      const std::size_t len = c == '\'' && k + 1 < n_ && u_[k + 1] == '\'' ? 2 : 1;  // '' is one quote mark
      if (c == '\'' && len == 1 && k + 1 < n_ && is_digit(u_[k + 1])) return 0;  // '90s
      if (!push(k, k + len, c == '"' || c == '\'' ? kQuoteTok : kPunctTok, false, c == '(' || c == '[')) return 0;
      k += len;
    }
    if (k < b && kClasses.c[u_[k]] == kLetter) {
      if (!word(k)) return 0;
      k = toks_[m_ - 1].item_end;
    } else if (k < b && (kClasses.c[u_[k]] == kDigit || (u_[k] == '$' && k + 1 < n_ && is_digit(u_[k + 1])))) {
      if (!number(k)) return 0;
      k = toks_[m_ - 1].item_end;
    }
    while (k < b && (kClasses.c[u_[k]] == kClose || kClasses.c[u_[k]] == kQuoteMark)) {
      const unsigned char c = u_[k];
      const unsigned char next = k + 1 < n_ ? u_[k + 1] : ' ';
      if (c == '.' && (next == '.' || is_digit(next))) return 0;                // "..", ".5"
      if ((c == '!' || c == '?') && (next == '!' || next == '?')) return 0;     // "?!"
      const std::size_t len = c == '\'' && next == '\'' ? 2 : 1;                     // ''
      const bool quote = c == '"' || c == '\'';
      const bool terminal = c == '.' || c == '!' || c == '?';
      const bool clause = c == ',' || c == ';' || c == ':' || c == ')' || c == ']';
      if (!push(k, k + len, quote ? kQuoteTok : kPunctTok, terminal, clause)) return 0;
      k += len;
    }
    if (!ends_here(k)) return 0;
    return items(a, k) ? k : 0;
  }

  // The case flags of a word token [k, e): ALL CAPS (two or more letters, none lower-case) and
  // whether it counts for the ALL-CAPS contrast (two or more bytes).
  void set_case(Tok& t, std::size_t k, std::size_t e) const {
    int letters = 0;
    bool lower_seen = false;
    for (std::size_t q = k; q < e; ++q) {
      const unsigned char c = u_[q];
      letters += kClasses.c[c] == kLetter;
      lower_seen |= c >= 'a' && c <= 'z';
    }
    t.caps = letters > 1 && !lower_seen;
    t.cased = e - k >= 2;
  }

  // A number at k (digits, or '$' and digits): the tokenizer's scan_number on ASCII. Separators
  // (1,000 2.5 1/4 10:30), '%', ordinal and plural suffixes (95th, 1990s) stay with it; other
  // letters or a hyphenated word (10am, 20-year-old) make it a word.
  bool number(std::size_t k) {
    std::size_t e = k;
    if (u_[e] == '$') ++e;
    while (e < n_ && is_digit(u_[e])) ++e;
    if (e + 1 < n_ && u_[e] == '-' && is_digit(u_[e + 1])) return false;  // ISO dates, "2-13"
    for (;;) {
      if (e + 1 >= n_) break;
      const unsigned char sep = u_[e];
      std::size_t after = e + 1;
      while (after < n_ && is_digit(u_[after])) ++after;
      const std::size_t run = after - (e + 1);
      if (run == 0) break;
      if ((sep == ',' && run == 3) || sep == '.' || sep == '/' || (sep == ':' && run == 2)) {
        e = after;
        continue;
      }
      break;
    }
    Kind kind = kNumberTok;
    auto hyphenated = [&] {  // 19th-century, 3-D
      while (e + 1 < n_ && u_[e] == '-' && is_alnum(u_[e + 1])) {
        ++e;
        while (e < n_ && is_alnum(u_[e])) ++e;
        kind = kWordTok;
      }
    };
    if (e < n_ && u_[e] == '%') {
      ++e;
    } else if (e < n_ && kClasses.c[u_[e]] == kLetter) {
      std::size_t w = e;
      while (w < n_ && is_alnum(u_[w])) ++w;
      const std::string_view suffix = s_.substr(e, w - e);
      if (!(suffix == "s" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "S" ||
            suffix == "ST" || suffix == "ND" || suffix == "RD" || suffix == "TH"))
        kind = kWordTok;
      e = w;
      hyphenated();
    } else if (e + 1 < n_ && u_[e] == '-' && kClasses.c[u_[e + 1]] == kLetter) {
      hyphenated();
    }
    if (!push(k, e, kind, false, false)) return false;
    if (kind == kWordTok) set_case(toks_[m_ - 1], k, e);
    return true;
  }

  // "U.S.", "e.g.", "Ph.D.": groups of one or two letters each followed by a period, at least two
  // groups, no letter or digit after (the tokenizer's scan_dotted_abbreviation). Returns the end or 0.
  std::size_t dotted_abbreviation(std::size_t i) const {
    if (!(i + 1 < n_ && u_[i + 1] == '.') && !(i + 2 < n_ && u_[i + 2] == '.')) return 0;
    std::size_t e = i;
    int groups = 0;
    while (e < n_) {
      std::size_t g = e;
      int letters = 0;
      while (g < n_ && kClasses.c[u_[g]] == kLetter && letters < 3) ++g, ++letters;
      if (letters == 0 || letters > 2 || g >= n_ || u_[g] != '.') break;
      e = g + 1;
      ++groups;
    }
    if (groups < 2) return 0;
    if (e < n_ && is_alnum(u_[e])) return 0;
    return e;
  }

  // A word starting with a letter at k: the tokenizer's scan_word on ASCII (joiners, clitics,
  // listed abbreviations and initials that keep their period).
  bool word(std::size_t k) {
    if (const std::size_t d = dotted_abbreviation(k)) {
      if (!push(k, d, kWordTok, false, false)) return false;
      set_case(toks_[m_ - 1], k, d);
      return true;
    }
    // One pass: find the end, write the lower-case text to the arena and count letters (up to
    // two: enough for ALL CAPS). Locals, not members: the char stores could alias them.
    const unsigned char* u = u_;
    const std::size_t n = n_;
    const std::size_t off = w_.arena.size();
    char* const begin = w_.arena.extend(n - k + 9);  // the longest possible word, a period, 8 spare
    char* dst = begin;
    int letters = 0;
    bool lower_seen = false;
    std::size_t e = k, last_ap = 0;
    for (;;) {
      bool stopped = false;
      while (e + 8 <= n) {  // eight bytes at a time
        std::uint64_t x;
        std::memcpy(&x, u + e, 8);
        const SwarClasses c = swar_classes(x);
        const std::uint64_t stop = ~(c.upper | c.lower | c.digit) & kHighBits;
        const std::uint64_t keep = stop ? ((stop & (0 - stop)) - 1) & kHighBits : kHighBits;  // bytes before the stop
        const std::uint64_t lowered = x | (c.upper >> 2);  // 'A'..'Z' + 0x20
        std::memcpy(dst, &lowered, 8);
        const std::uint64_t let = (c.upper | c.lower) & keep;
        letters += (let != 0) + ((let & (let - 1)) != 0);
        lower_seen |= (c.lower & keep) != 0;
        const std::size_t len = stop ? static_cast<std::size_t>(__builtin_ctzll(stop)) / 8 : 8;
        dst += len;
        e += len;
        if (stop) {
          stopped = true;
          break;
        }
      }
      if (!stopped) {
        for (; e < n; ++e) {
          const unsigned char c = u[e], cls = kClasses.c[c];
          if (cls != kLetter && cls != kDigit) break;
          letters += cls == kLetter;
          lower_seen |= c >= 'a' && c <= 'z';
          *dst++ = static_cast<char>(lower(c));
        }
      }
      if (e + 1 < n) {
        const unsigned char c = u[e], d = u[e + 1];
        if ((c == '-' && is_alnum(d)) || (c == '\'' && kClasses.c[d] == kLetter)) {
          if (c == '\'') last_ap = e;
          *dst++ = static_cast<char>(c);
          ++e;
          continue;
        }
        if (c == '.' && d >= 'a' && d <= 'z') return false;  // amazon.com joins in the tokenizer
      }
      break;
    }
    std::size_t first_end = e, item_end = e;
    bool split = false;
    if (last_ap > k) {  // "'s", "n't", "'re", "'ve", "'ll", "'d", "'m" split off the word
      const std::size_t sl = e - (last_ap + 1);
      const unsigned char* x = u_ + last_ap + 1;
      auto is = [&](const char* lit, std::size_t len) {
        if (sl != len) return false;
        for (std::size_t q = 0; q < len; ++q)
          if (lower(x[q]) != static_cast<unsigned char>(lit[q])) return false;
        return true;
      };
      if (is("t", 1) && last_ap - k >= 2 && lower(u_[last_ap - 1]) == 'n') {
        first_end = last_ap - 1;
        split = true;
      } else if (is("s", 1) || is("re", 2) || is("ve", 2) || is("ll", 2) || is("d", 1) || is("m", 1)) {
        first_end = last_ap;
        split = true;
      }
      split = split && first_end > k;
      if (!split) first_end = e;
    }
    if (!split && e < n_ && u_[e] == '.') {
      if (e == k + 1 && u_[k] >= 'A' && u_[k] <= 'Z') {
        first_end = item_end = e + 1;  // an initial: "J."
      } else {
        const std::string_view with_period = s_.substr(k, e + 1 - k);
        if (im_.abbreviations->find(with_period)) {
          // "No." and friends are abbreviations only before a number: "No. 5", not "said no."
          const bool needs_number = with_period == "No." || with_period == "Nos." || with_period == "no.";
          std::size_t after = e + 1;
          while (after < n_ && u_[after] == ' ') ++after;
          if (!needs_number || (after < n_ && is_digit(u_[after]))) first_end = item_end = e + 1;
        }
      }
      if (item_end > e) {  // the period belongs to the word
        *dst++ = '.';
      }
    }
    w_.arena.shrink_to(off + (item_end - k));
    if (!push(k, first_end, kWordTok, false, false)) return false;
    Tok& t = toks_[m_ - 1];
    t.item_end = static_cast<std::uint32_t>(item_end);
    t.folded = true;
    t.off = static_cast<std::uint32_t>(off);
    t.apostrophe = last_ap > 0;
    if (split) {
      set_case(t, k, first_end);
    } else {
      t.caps = letters > 1 && !lower_seen;
      t.cased = first_end - k >= 2;
    }
    return true;
  }

  // default_items for the tokens of one chunk [a, b).
  bool items(std::size_t a, std::size_t b) {
    std::string& buf = w_.scratch;
    bool has_punct = false;
    for (int t = 0; t < m_; ++t) has_punct |= toks_[t].kind == kPunctTok || toks_[t].kind == kQuoteTok;
    if (m_ > 1 && has_punct && find_emoticon(im_, s_.substr(a, b - a), buf)) return false;
    for (int t = 0; t < m_; ++t) {
      const Tok& tok = toks_[t];
      if (tok.kind == kWordTok || tok.kind == kNumberTok) {
        Item it(tok.off, tok.start, tok.item_end);
        if (!tok.folded) {
          it.off = static_cast<std::uint32_t>(w_.arena.size());
          fold_into(s_.substr(tok.start, tok.item_end - tok.start), w_.arena, w_.lower_tmp);
        }
        it.len = tok.item_end - tok.start;
        it.upper = tok.caps;
        if (tok.kind == kWordTok && tok.cased) {
          ++n_cased_;
          n_caps_ += tok.caps;
        }
        it.clause_start = clause_;
        clause_ = false;
        it.apostrophe = tok.apostrophe;
        defer(it);
        continue;
      }
      const unsigned char c = u_[tok.start];
      punct_.exclamations += c == '!';
      punct_.questions += c == '?';
      // An emoticon glued to a word ("great:)"): the general path decides.
      if (tok.kind == kPunctTok && t > 0 && t + 1 < m_ && find_emoticon(im_, s_.substr(tok.start, b - tok.start), buf))
        return false;
      if (tok.clause) clause_ = true;
    }
    return true;
  }

  // polarity_scores' rule, at the last token of a chunk: the text ends, or a terminal mark is
  // followed by white space, or a closing mark follows one ("...!" She said).
  bool end_of_sentence(bool space_after, bool last_chunk) {
    const Tok& last = toks_[m_ - 1];
    bool end = last_chunk || (last.terminal && space_after);
    if (!end && space_after && (last.kind == kPunctTok || last.kind == kQuoteTok)) {
      const bool not_first = m_ > 1 || sentence_tokens_ > 0;
      const bool prev_terminal = m_ > 1 ? toks_[m_ - 2].terminal : last_terminal_;
      end = not_first && prev_terminal;
    }
    sentence_tokens_ += static_cast<std::size_t>(m_);
    last_terminal_ = last.terminal;
    return end;
  }

  // Items are looked up at the end of their sentence, in order: the table line of each word is
  // prefetched when the word is read, so the look-ups find it in cache.
  void defer(const Item& it) {
    const std::uint64_t h = hash_padded(w_.arena.data() + it.off, it.len);
    im_.lookup.prefetch(h);
    w_.hashes.push_back(h);
    w_.items.push_back(it);
  }

  void end_sentence() {
    const bool cap_diff = n_caps_ > 0 && n_caps_ < n_cased_;
    for (std::size_t k = 0; k < w_.items.size(); ++k)
      resolve_item(im_, o_, w_, w_.items[k], w_.items[k].apostrophe, w_.hashes[k]);
    w_.hashes.clear();
    link_items(o_, w_);
    w_.sentences.push_back(score_work(im_, o_, w_, cap_diff, punct_));
    w_.clear();
    punct_ = Punctuation{};
    clause_ = false;
    n_caps_ = n_cased_ = 0;
    sentence_tokens_ = 0;
    last_terminal_ = false;
  }
};

}  // namespace fast
}  // namespace

// ---- public entry points --------------------------------------------------------------------

namespace {

// One sentence: tokens [tb, te) of `toks` (te <= number of tokens).
SentimentScores score_range(const SentimentScorer::Impl& im, const SentimentOptions& o, Work& w,
                            std::string_view text, const Token* toks, std::uint32_t tb, std::uint32_t te) {
  w.clear();
  bool cap_diff = false;
  Punctuation p;
  if (tb >= te) return finish({}, p, o, nullptr);
  if (o.vader_compat) {
    const std::uint32_t s = toks[tb].start, e = toks[te - 1].end;
    compat_items(im, o, text.substr(s, e - s), w, cap_diff, p);
  } else {
    default_items(im, o, text, toks, tb, te, w, cap_diff, p);
  }
  return score_work(im, o, w, cap_diff, p);
}

}  // namespace

SentimentScores SentimentScorer::score_tokens(std::string_view text, const Segmentation& seg, std::uint32_t tb,
                                              std::uint32_t te) const {
  te = std::min<std::uint32_t>(te, static_cast<std::uint32_t>(seg.tokens.size()));
  return score_range(*impl_, options_, thread_work(), text, seg.tokens.data(), tb, te);
}

std::vector<SentimentScorer::ItemValence> SentimentScorer::item_valences(std::string_view text, const Segmentation& seg,
                                                                         std::uint32_t tb, std::uint32_t te) const {
  Work& w = thread_work();
  w.clear();
  bool cap_diff = false;
  Punctuation p;
  std::vector<ItemValence> out;
  te = std::min<std::uint32_t>(te, static_cast<std::uint32_t>(seg.tokens.size()));
  if (tb >= te || options_.vader_compat) return out;
  default_items(*impl_, options_, text, seg.tokens.data(), tb, te, w, cap_diff, p);
  score_work(*impl_, options_, w, cap_diff, p);
  out.reserve(w.items.size());
  for (std::size_t i = 0; i < w.items.size(); ++i) out.push_back({w.items[i].start, w.items[i].end, w.vals[i]});
  return out;
}

SentimentScores SentimentScorer::aggregate(const std::vector<SentimentScores>& sentences) {
  // compound = normalize(sum of sentence valences * min(1, 3 / n)), n = sentences with words:
  // up to three sentences (a tweet, a snippet) add up as in VADER; a longer text scores like its
  // average three-sentence passage (3 x the mean sentence valence), so the score of a long article
  // does not grow with its length the way one giant sentence saturates at +-1.
  SentimentScores out;
  double pos = 0.0, neg = 0.0, sum = 0.0;
  std::uint32_t neu = 0, words = 0, n = 0;
  for (const auto& s : sentences) {
    if (s.words == 0) continue;
    ++n;
    pos += s.pos_mass;
    neg += s.neg_mass;
    neu += s.neutral_words;
    words += s.words;
    sum += s.valence_sum;
  }
  if (n == 0) return out;
  const double scaled = sum * std::min(1.0, 3.0 / n);
  out.compound = normalize_score(scaled);
  const double total = pos + neg + neu;
  out.pos = pos / total;
  out.neg = neg / total;
  out.neu = neu / total;
  out.pos_mass = pos;
  out.neg_mass = neg;
  out.neutral_words = neu;
  out.words = words;
  out.valence_sum = scaled;
  return out;
}

DocumentSentiment SentimentScorer::score(std::string_view text, const Segmentation& seg) const {
  DocumentSentiment out;
  out.sentences.reserve(seg.sentences.size());
  for (const auto& s : seg.sentences) out.sentences.push_back(score_tokens(text, seg, s.token_begin, s.token_end));
  out.overall = aggregate(out.sentences);
  return out;
}

SentimentScores SentimentScorer::polarity_scores(std::string_view text) const {
  return polarity_scores(text, thread_work());
}

void SentimentScorer::polarity_scores(const std::string_view* texts, std::size_t n, SentimentScores* out) const {
  Work& w = thread_work();
  for (std::size_t i = 0; i < n; ++i) out[i] = polarity_scores(texts[i], w);
}

SentimentScores SentimentScorer::polarity_scores(std::string_view text, sentiment_detail::Work& w) const {
  if (options_.vader_compat) {
    w.clear();
    bool cap_diff = false;
    Punctuation p;
    compat_items(*impl_, options_, text, w, cap_diff, p);
    return score_work(*impl_, options_, w, cap_diff, p);
  }
  SentimentScores fast_result;
  if (options_.fast_path && fast::Reader(*impl_, options_, text, w).run(fast_result)) return fast_result;
  // Default: presslens tokens, sentences split at sentence-final punctuation and line breaks.
  impl_->tokenizer->tokenize_into(text, w.tokens);
  const auto& toks = w.tokens;
  std::vector<SentimentScores>& sents = w.sentences;
  sents.clear();
  std::uint32_t begin = 0;
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t k = 0; k < n; ++k) {
    bool end_here = k + 1 == n;
    if (!end_here) {
      const Token& next = toks[k + 1];
      if (next.has(token_flags::kLineStart)) {
        end_here = true;
      } else if (toks[k].has(token_flags::kTerminal) && toks[k].space_after) {
        end_here = true;
      } else if ((toks[k].kind == TokenKind::Quote || toks[k].kind == TokenKind::Punct) && toks[k].space_after &&
                 k > begin && toks[k - 1].has(token_flags::kTerminal)) {
        end_here = true;  // ...!" She said
      }
    }
    if (end_here) {
      sents.push_back(score_range(*impl_, options_, w, text, toks.data(), begin, k + 1));
      begin = k + 1;
    }
  }
  if (sents.size() == 1) return sents[0];
  return aggregate(sents);
}

}  // namespace presslens
