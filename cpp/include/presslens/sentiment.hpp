// Stage 4: tokens -> sentiment (lexicon and rules, VADER-class).
//
// Two modes share one rules engine (valence lexicon, negation within three words, boosters and
// dampeners decaying with distance, ALL-CAPS emphasis, contrastive conjunctions, "least", "!" and
// "?" emphasis, idioms, emoji and emoticons, compound = x / sqrt(x^2 + 15)):
//   * vader_compat: tokenizes raw text exactly like vaderSentiment 3.3.2 (whitespace split, edge
//     punctuation stripped, emoji replaced by their descriptions) and reproduces its numbers, bugs
//     included — except that it runs in linear time.
//   * default: works on presslens tokens and sentences and fixes VADER's bugs (see docs/sentiment.md).
// Document sentiment is aggregated from sentence scores, never computed on the whole text at once.
//
// Everything here is immutable after construction and safe to share between threads.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "presslens/segmenter.hpp"

namespace presslens {

struct SentimentScores {
  double neg = 0.0, neu = 1.0, pos = 0.0, compound = 0.0;
  // Raw material of the scores, kept so sentences can be aggregated: the sum of word valences
  // (with punctuation emphasis), and the positive mass, negative mass and count of neutral words.
  double valence_sum = 0.0, pos_mass = 0.0, neg_mass = 0.0;
  std::uint32_t neutral_words = 0, words = 0;
  // The valence sum before the default mode's intensity rules (many sentiment words, long
  // sentences), with the same emphasis: what decides a held label (compound_keeping_label).
  double undiluted_sum = 0.0;
  // The parts of valence_sum, so that a short text's sentences can pool their words as one body
  // of evidence (aggregate): valence_sum = evidence_sum / sqrt(max(1, evidence_words)) plus the
  // "!"/"?" `emphasis` away from zero. evidence_sum is the word valences' sum after the length
  // dilution; evidence_words the sentiment words the sqrt(count) rule divides by (0 where that
  // rule is off: compat mode, length_norm=false). Set on a sentence's scores; 0 on aggregated ones.
  double evidence_sum = 0.0, emphasis = 0.0;
  std::uint32_t evidence_words = 0;
};

// -1, 0 or +1 for compound <= -0.05, in between, >= 0.05.
int sentiment_label(double compound) noexcept;

// Why a raw text scores as it does (SentimentScorer::explain, default mode): the sentences
// polarity_scores splits it into, each with its scores, and every word that carries valence.
struct SentimentExplanation {
  struct Sentence {
    std::uint32_t start = 0, end = 0;  // bytes of the text
    SentimentScores scores;
  };
  struct Word {
    std::uint32_t start = 0, end = 0;  // bytes of the text (a word with its clitic: "isn't")
    std::uint32_t sentence = 0;        // index into `sentences`
    double lexicon = 0.0;  // its lexicon valence (of its stem, for an inflected form; event words weighted)
    double valence = 0.0;  // after the word rules and the contrast rule, before the sentence's scaling
  };
  std::vector<Sentence> sentences;
  std::vector<Word> words;  // words with a lexicon valence or a valence after the rules, in text order
  SentimentScores overall;  // equal to polarity_scores of the text
};

struct DocumentSentiment {
  std::vector<SentimentScores> sentences;  // one per Segmentation::sentences entry
  SentimentScores overall;                 // aggregated from sentences (see aggregate())
};

// How a lexicon treats a word listed twice.
enum class DuplicatePolicy : std::uint8_t { Last, First, Mean, Error };

// A valence lexicon: word (or emoticon, or multi-word phrase) -> valence, usually -4..+4.
// Keys are stored as given; the scorer folds case when it indexes them.
class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&);
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(const Lexicon&);
  Lexicon& operator=(Lexicon&&) noexcept;

  // The VADER lexicon shipped with presslens (embedded at build time). VADER keeps the last of
  // duplicate keys; presslens' default mode uses their mean.
  static Lexicon vader(DuplicatePolicy duplicates = DuplicatePolicy::Mean);
  // Parses lexicon text: one `WORD<TAB>VALENCE[<TAB>...]` per line; empty lines and lines starting
  // with '#' are skipped; CR before LF is ignored. Malformed lines throw ParseError(source, line).
  static Lexicon parse(std::string_view data, const std::string& source,
                       DuplicatePolicy duplicates = DuplicatePolicy::Mean);
  // Reads and parses a file (IoError if it cannot be read).
  static Lexicon from_file(const std::string& path, DuplicatePolicy duplicates = DuplicatePolicy::Mean);

  // Adds or replaces one entry (InvalidInput for an empty word or a non-finite valence).
  void set(std::string_view word, double valence);
  bool erase(std::string_view word);
  // Entries of `other` are added; where both have a word, `other` wins.
  void merge(const Lexicon& other);

  const double* find(std::string_view word) const noexcept;  // exact key
  std::size_t size() const noexcept;
  std::vector<std::pair<std::string, double>> items() const;  // sorted by word
  // Words listed more than once in the parsed source(s), for reporting.
  const std::vector<std::string>& duplicates() const noexcept { return duplicates_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> duplicates_;
};

struct SentimentOptions {
  bool vader_compat = false;
  // Default-mode switches (ignored in compat mode); all on by default, off reproduces VADER's rule.
  bool contrast_by_position = true;  // "but" re-weights words by position, not by value
  bool extra_contrast = true;        // "however", "although", "though", "yet", "nevertheless"...
  bool clause_scope = true;          // negation and boosters stop at , ; : — ( )
  bool phrases = true;               // multi-word lexicon entries, idioms and news names ("United States": no valence)
  bool negated_superlatives = true;  // "not the worst" is not praise
  bool event_words = true;           // reported events (arrested, killed...) weigh less than attitudes
  double event_weight = 0.5;
  bool shifters = true;              // "reduce fatalities" is good news; "hardly" negates
  bool morphology = true;            // inflected forms missing from the lexicon (-s, -ed, -ing, -ly)
  bool length_norm = true;           // a sentence's valences add up as sum / sqrt(count)
  // A long sentence with one sentiment word is milder than a short one: the valence sum is scaled
  // by min(1, (dilution_words / words)^dilution); 0 turns it off. The values were chosen on the
  // tweet, movie and Amazon sets only (bench/tune_dilution.py), so NYT stays untuned for it.
  double dilution = 0.3;
  double dilution_words = 4.0;
  // polarity_scores reads plain ASCII text (letters, digits, simple punctuation) straight from the
  // bytes instead of running the tokenizer; the scores are identical. False forces the tokenizer
  // (for tests that check exactly that).
  bool fast_path = true;
};

class SentimentScorer {
 public:
  SentimentScorer();  // VADER lexicon, default options
  explicit SentimentScorer(SentimentOptions options, std::shared_ptr<const Lexicon> lexicon = nullptr);
  ~SentimentScorer();
  SentimentScorer(const SentimentScorer&) = delete;
  SentimentScorer& operator=(const SentimentScorer&) = delete;

  // Scores every sentence of an analysed text and aggregates them.
  DocumentSentiment score(std::string_view text, const Segmentation& seg) const;
  // One sentence (tokens [token_begin, token_end) of `seg`).
  SentimentScores score_tokens(std::string_view text, const Segmentation& seg, std::uint32_t token_begin,
                               std::uint32_t token_end) const;
  // A raw text: compat mode scores it as VADER does (one unit); default mode tokenizes it, splits it
  // at sentence-final punctuation and aggregates the sentences like score(). (Plain ASCII text is
  // read without building tokens, with the same result: SentimentOptions::fast_path.)
  SentimentScores polarity_scores(std::string_view text) const;
  // polarity_scores with its working shown (default mode; compat mode throws InvalidInput,
  // as VADER's items carry no offsets). Slower than polarity_scores: for reading, not for batches.
  SentimentExplanation explain(std::string_view text) const;
  // Whether polarity_scores reads `text` on the ASCII fast path (true) or tokenizes it (false), for
  // tests and diagnostics; false whenever the fast path is off or in compat mode.
  bool reads_without_tokens(std::string_view text) const;
  // polarity_scores of texts[0..n) into out[0..n), with the calling thread's work buffers looked up
  // once for the whole range rather than once per text (short texts: a measurable share).
  void polarity_scores(const std::string_view* texts, std::size_t n, SentimentScores* out) const;

  // Per-item valences of one sentence, after every rule (for target sentiment and explanations):
  // (byte start, byte end, valence) of each word-like item.
  struct ItemValence {
    std::uint32_t start, end;
    double valence;
  };
  std::vector<ItemValence> item_valences(std::string_view text, const Segmentation& seg,
                                         std::uint32_t token_begin, std::uint32_t token_end) const;

  // Aggregates sentence scores into one: compound = normalize(sum of the sentence valence sums *
  // min(1, 3 / n)) over the n sentences with words (a long text scores like its average
  // three-sentence passage); pos/neu/neg pool the words of all sentences.
  static SentimentScores aggregate(const std::vector<SentimentScores>& sentences);

  const SentimentOptions& options() const noexcept { return options_; }
  const Lexicon& lexicon() const noexcept;

  struct Impl;  // the indexed lexicon and rule tables (opaque)

 private:
  SentimentOptions options_;
  std::unique_ptr<const Impl> impl_;
};

// ---- target-dependent sentiment ------------------------------------------------------------

// The tone of a sentence toward one span of it (a person, an organization...): a multinomial
// logistic model over lexical and positional features around the span.
struct TargetSentiment {
  double score = 0.0;           // P(positive) - P(negative), in [-1, 1]
  double p_negative = 0.0, p_neutral = 1.0, p_positive = 0.0;
  int label = 0;                // -1, 0, +1 (the most probable class)
};

class TargetSentimentModel {
 public:
  static constexpr int kFeatures = 29;  // see feature_names()
  static const char* const* feature_names();  // kFeatures names

  // The weights shipped with presslens (embedded at build time).
  TargetSentimentModel();
  // Weights as 3 rows (negative, neutral, positive) of kFeatures + 1 values (bias last).
  explicit TargetSentimentModel(std::vector<double> weights);
  static TargetSentimentModel parse(std::string_view data, const std::string& source);

  // Features of the span [start, end) (bytes) of `text`, with `scorer` in default mode.
  std::vector<double> features(const SentimentScorer& scorer, std::string_view text, const Segmentation& seg,
                               std::uint32_t start, std::uint32_t end) const;
  TargetSentiment predict(const std::vector<double>& features) const;

  // Hashed lexical features of the span: lower-cased words (and punctuation) before/after it with
  // distance buckets, the words of its clause, and the word pairs right next to it; indices in
  // [0, kHashDim), repeated when a feature occurs more than once.
  static constexpr int kHashBits = 15;
  static constexpr int kHashDim = 1 << kHashBits;
  static std::vector<std::uint32_t> hashed_features(std::string_view text, const Segmentation& seg,
                                                    std::uint32_t start, std::uint32_t end);
  // Dense and hashed features together (the shipped model's own path).
  TargetSentiment predict(const std::vector<double>& features, const std::vector<std::uint32_t>& hashed) const;
  TargetSentiment analyze(const SentimentScorer& scorer, std::string_view text, const Segmentation& seg,
                          std::uint32_t start, std::uint32_t end) const;
  // Hashed weights, 3 x kHashDim row-major (negative, neutral, positive); empty when the model has none.
  const std::vector<float>& hashed_weights() const noexcept { return hashed_; }

  const std::vector<double>& weights() const noexcept { return weights_; }
  bool empty() const noexcept { return weights_.empty(); }

  // Fits a model (L2-regularised multinomial logistic regression, Newton steps with Eigen).
  // X is row-major n x kFeatures, y in {0, 1, 2} (negative, neutral, positive).
  static TargetSentimentModel fit(const std::vector<double>& X, const std::vector<int>& y, double l2 = 1.0,
                                  int iterations = 50);

 private:
  std::vector<double> weights_;
  std::vector<float> hashed_;
};

}  // namespace presslens
