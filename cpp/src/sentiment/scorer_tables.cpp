// Building a sentiment scorer: VADER's word lists, the indexed lexicon (one hash lookup per word),
// inflected forms, idioms and the emoji descriptions.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "items.hpp"
#include "presslens/errors.hpp"
#include "presslens/tokenizer.hpp"
#include "presslens/utf8.hpp"

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

// VADER's sentiment-laden idioms without lexicon words ("future work" in vaderSentiment; used by
// the default mode).
constexpr SpecialCase kIdioms[] = {
    {{"cut", "the", "mustard"}, 2, 0},    {{"hand", "to", "mouth"}, -2, 0},  {{"back", "handed", nullptr}, -2, 0},
    {{"blow", "smoke", nullptr}, -2, 0},  {{"blowing", "smoke", nullptr}, -2, 0},
    {{"upper", "hand", nullptr}, 1, 0},   {{"break", "a", "leg"}, 2, 0},    {{"cooking", "with", "gas"}, 2, 0},
    {{"in", "the", "black"}, 2, 2},       {{"in", "the", "red"}, -2, 2},     {{"on", "the", "ball"}, 2, 2},
    {{"under", "the", "weather"}, -2, 2},
};

// Names and fixed terms of the news whose lexicon word says nothing of sentiment there ("the United
// States", "health care", "the Supreme Court", "super PAC", "the Republican Party"): valence 0 in
// the default mode. Chosen from the most frequent lexicon words and their neighbours in the
// PolNeAR news articles (quotes-dev), not from the four rated sets (docs/sentiment.md, rule 12a).
constexpr SpecialCase kNewsTerms[] = {
    {{"united", "states", nullptr}, 0, 0},      {{"united", "nations", nullptr}, 0, 0},
    {{"united", "kingdom", nullptr}, 0, 0},     {{"supreme", "court", "justice"}, 0, 0},
    {{"supreme", "court", nullptr}, 0, 0},      {{"super", "tuesday", nullptr}, 0, 0},
    {{"super", "pac", nullptr}, 0, 0},          {{"super", "pacs", nullptr}, 0, 0},
    {{"health", "care", nullptr}, 0, 1},        {{"affordable", "care", "act"}, 0, 1},
    {{"national", "security", nullptr}, 0, 1},  {{"homeland", "security", nullptr}, 0, 1},
    {{"social", "security", nullptr}, 0, 1},    {{"security", "council", nullptr}, 0, 0},
    {{"justice", "department", nullptr}, 0, 0}, {{"department", "of", "justice"}, 0, 2},
    {{"democratic", "party", nullptr}, 0, 1},   {{"republican", "party", nullptr}, 0, 1},
    {{"political", "party", nullptr}, 0, 1},    {{"political", "parties", nullptr}, 0, 1},
    {{"third", "party", nullptr}, 0, 1},        {{"both", "parties", nullptr}, 0, 1},
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
// such form of every lexicon word is added to the lookup table once, here (except the false
// friends in kFalseInflections). Each suffix goes only where English spelling puts it, so that
// no non-word takes a stem's valence by accident: the names "Dulles" and "Welles" are not "dull"
// and "well" + -es, "grind" is not "grin" + -d.
struct Inflection {
  std::string_view suffix, replaced;  // surface = stem without `replaced` + `suffix`
  int order;                          // rank among the rules for the same last letter
  bool (*stem_fits)(std::string_view stem);
};
bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}
bool sibilant(std::string_view stem) {  // kiss, fox, buzz, church, wish
  for (std::string_view end : {"s", "x", "z", "ch", "sh"})
    if (ends_with(stem, end)) return true;
  return false;
}
bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool consonant_y(std::string_view stem) { return stem.size() >= 2 && stem.back() == 'y' && !vowel(stem[stem.size() - 2]); }
bool any_stem(std::string_view) { return true; }
bool takes_es(std::string_view stem) { return sibilant(stem) || ends_with(stem, "o"); }  // kisses, heroes
bool takes_s(std::string_view stem) { return !sibilant(stem); }                         // hates, not kisss
bool takes_ed(std::string_view stem) { return !ends_with(stem, "e"); }                 // bored is bore + d
bool takes_d(std::string_view stem) { return ends_with(stem, "e"); }                   // hated
bool takes_ing(std::string_view stem) {  // hurting, agreeing, not hateing
  return !ends_with(stem, "e") || ends_with(stem, "ee") || ends_with(stem, "ye") || ends_with(stem, "oe");
}
bool drops_e_for_ing(std::string_view stem) { return !ends_with(stem, "ee"); }  // hating, not seing
constexpr Inflection kInflections[] = {
    {"ies", "y", 0, consonant_y}, {"es", "", 1, takes_es}, {"s", "", 2, takes_s},  // ...s
    {"ed", "", 0, takes_ed},      {"ed", "e", 1, any_stem}, {"d", "", 2, takes_d},  // ...d
    {"ing", "", 0, takes_ing},    {"ing", "e", 1, drops_e_for_ing},                // ...g
    {"ly", "", 0, any_stem},      {"ily", "y", 1, any_stem},                       // ...y
};

// Words that look like an inflected form of a lexicon word but mostly mean something else in
// news and review text: no valence from the stem ("likely" is not "like" + -ly, "justices" are
// judges, "fined" is a penalty, "grind" is not "grin" + -d). Chosen by reading the inflected forms
// that occur in the PolNeAR news articles, most frequent first, by meaning; not from the
// sentiment sets the scores are measured on.
constexpr const char* kFalseInflections[] = {
    "likely", "hands", "handed", "handing", "kinds", "justices", "goods", "fined", "fines", "cooled",
    "cooling", "coolly", "fairs", "fairly", "tempered", "hopefuls", "striking",
    "sparked", "sparking", "originally", "naturally", "exclusively", "significantly", "admittedly",
    "treated", "treating", "gooding"};

void add_inflections(SentimentScorer::Impl& im) {
  struct Best {
    int order = 0;
    double valence = 0.0;
  };
  StringTable<Best> forms;
  std::string form;  // (one buffer for all forms: no allocation per form)
  im.folded.for_each([&](std::string_view stem, const double& valence) {
    for (const Inflection& r : kInflections) {
      const std::size_t rl = r.replaced.size();
      if (stem.size() < rl || stem.substr(stem.size() - rl) != r.replaced) continue;
      if (!r.stem_fits(stem)) continue;
      form.assign(stem.data(), stem.size() - rl);
      form.append(r.suffix.data(), r.suffix.size());
      if (form.size() <= 4 || form.size() <= r.suffix.size() + 3) continue;
      const auto [best, fresh] = forms.try_put(form, Best{r.order, valence});
      if (!fresh && r.order < best->order) *best = Best{r.order, valence};
    }
  });
  im.inflections.reserve(forms.size());
  const std::unordered_set<std::string_view> false_forms(std::begin(kFalseInflections), std::end(kFalseInflections));
  forms.for_each([&](std::string_view f, const Best& best) {
    const Entry* e = im.lookup.find(f);
    if (e && (e->info || e->has_valence)) return;  // a listed word or a lexicon word itself
    if (false_forms.count(f)) return;
    im.inflections.put(f, best.valence);
  });
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
    return *impl->words.try_put(w, WordInfo{}).first;
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
      append_folded_word(kv.first, f);
      auto words = split_words(f);
      if (words.size() >= 2) {
        std::string first = words.front();
        words.erase(words.begin());
        impl->phrases.try_put(first, {}).first->push_back(Phrase{std::move(words), kv.second, 0});
      }
      continue;
    }
    std::string f;
    append_folded_word(kv.first, f);
    const bool is_lower = (f == kv.first);
    const auto [stored, fresh] = impl->folded.try_put(f, kv.second);
    if (!fresh && is_lower) *stored = kv.second;  // the lower-case spelling wins
  }
  auto add_phrase = [&](const SpecialCase& sc) {
    std::vector<std::string> rest;
    for (int k = 1; k < 3 && sc.words[k]; ++k) rest.emplace_back(sc.words[k]);
    impl->phrases.try_put(sc.words[0], {}).first->push_back(Phrase{std::move(rest), sc.valence, sc.head});
  };
  for (const auto& sc : kSpecialCases) add_phrase(sc);
  for (const auto& sc : kIdioms) add_phrase(sc);
  for (const auto& sc : kNewsTerms) add_phrase(sc);
  // Longest phrases first.
  impl->phrases.for_each([](std::string_view, std::vector<Phrase>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  });

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

  // The one-lookup table over words, the valences this scorer's mode reads and phrase starts. The
  // tables it points into are complete and never change again.
  auto entry = [&](std::string_view k) -> Entry& {
    return *impl->lookup.try_put(k, Entry{}).first;
  };
  impl->words.for_each([&](std::string_view k, const WordInfo& v) {
    Entry& e = entry(k);
    e.info = &v;
    e.booster = v.is_booster;
    e.negation = v.negation;
    e.event = v.event;
    e.word = v.word;
  });
  (options_.vader_compat ? impl->exact : impl->folded).for_each([&](std::string_view k, const double& v) {
    Entry& e = entry(k);
    e.valence = v;
    e.has_valence = true;
  });
  for (const auto* keys : {&impl->exact, &impl->folded})
    keys->for_each([&](std::string_view k, const double&) { impl->add_emoticon_key(k); });
  impl->phrases.for_each([&](std::string_view k, const std::vector<Phrase>& v) { entry(k).phrases = &v; });
  if (!options_.vader_compat) {
    add_inflections(*impl);
    auto add_hash = [&](std::string_view k, const auto&) { impl->any_word.add(hash_bytes(k)); };
    impl->lookup.for_each(add_hash);
    impl->inflections.for_each(add_hash);
    for (std::size_t n = 0; n < 256; ++n) impl->dilution.push_back(dilution_factor(options_, n));
  }
  impl_ = std::move(impl);
}

const Lexicon& SentimentScorer::lexicon() const noexcept { return *impl_->lexicon; }

}  // namespace presslens
