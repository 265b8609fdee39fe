// Sentiment stage: the C++ library alone (embedded lexicon, no Python).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "presslens/document.hpp"
#include "presslens/errors.hpp"
#include "presslens/sentiment.hpp"

using namespace presslens;

namespace {

SentimentScorer& compat() {
  static SentimentScorer s([] {
    SentimentOptions o;
    o.vader_compat = true;
    return o;
  }());
  return s;
}

}  // namespace

TEST(Sentiment, EmbeddedLexiconLoads) {
  const Lexicon lex = Lexicon::vader();
  EXPECT_GT(lex.size(), 7000u);
  ASSERT_NE(lex.find("good"), nullptr);
  EXPECT_GT(*lex.find("good"), 0.0);
  EXPECT_EQ(lex.duplicates().size(), 14u);
  // VADER keeps the last of "lol 2.9 / lol 1.8"; the default averages.
  EXPECT_DOUBLE_EQ(*Lexicon::vader(DuplicatePolicy::Last).find("lol"), 1.8);
  EXPECT_DOUBLE_EQ(*lex.find("lol"), (2.9 + 1.8) / 2);
}

TEST(Sentiment, CompatReproducesKnownVaderScores) {
  // Reference values printed by vaderSentiment 3.3.2.
  EXPECT_NEAR(compat().polarity_scores("VADER is smart, handsome, and funny!").compound, 0.8439, 5e-5);
  EXPECT_NEAR(compat().polarity_scores("The plot was good, but the characters are uncompelling and the dialog is not great.").compound,
              -0.7042, 5e-5);
  EXPECT_NEAR(compat().polarity_scores("Not the worst show I've seen").compound, 0.5096, 5e-5);
  const auto empty = compat().polarity_scores("");
  EXPECT_EQ(empty.compound, 0.0);
  EXPECT_EQ(empty.neu, 0.0);  // vaderSentiment's answer for text without words
}

TEST(Sentiment, DefaultModeFixes) {
  SentimentScorer d;
  EXPECT_NEAR(d.polarity_scores("Not the worst show I've seen").compound, 0.0, 1e-9);
  EXPECT_LT(d.polarity_scores("I can't stand this place.").compound, -0.3);
  const auto empty = d.polarity_scores("   ");
  EXPECT_EQ(empty.compound, 0.0);
  EXPECT_EQ(empty.neu, 1.0);
  EXPECT_GT(d.polarity_scores("Screenings could reduce cancer deaths.").compound, 0.0);
}

TEST(Sentiment, DocumentScoresEverySentence) {
  Analyzer analyzer;
  auto doc = analyzer.analyze("What a wonderful day. The service was awful. We left at noon.");
  const auto& ds = doc->sentiment;
  ASSERT_EQ(ds.sentences.size(), doc->segmentation.sentences.size());
  ASSERT_EQ(ds.sentences.size(), 3u);
  EXPECT_EQ(sentiment_label(ds.sentences[0].compound), 1);
  EXPECT_EQ(sentiment_label(ds.sentences[1].compound), -1);
  EXPECT_EQ(sentiment_label(ds.sentences[2].compound), 0);
  const auto agg = SentimentScorer::aggregate(ds.sentences);
  EXPECT_DOUBLE_EQ(agg.compound, ds.overall.compound);
  EXPECT_NEAR(agg.pos + agg.neu + agg.neg, 1.0, 1e-12);
}

// A sentence's scores carry the parts of its valence sum; a text of two or three sentences pools
// their words under one sqrt(count), keeping each sentence's "!"/"?" emphasis.
TEST(Sentiment, ShortTextsPoolTheirSentencesWords) {
  const SentimentScorer scorer;
  const auto first = scorer.polarity_scores("The staff were kind and the rooms clean!");
  const auto second = scorer.polarity_scores("The food was awful.");
  EXPECT_EQ(first.evidence_words, 2u);
  EXPECT_GT(first.emphasis, 0.0);
  EXPECT_DOUBLE_EQ(first.valence_sum, first.evidence_sum / std::sqrt(2.0) + first.emphasis);
  EXPECT_EQ(second.evidence_words, 1u);
  EXPECT_EQ(second.emphasis, 0.0);
  const auto text = SentimentScorer::aggregate({first, second});
  const double root3 = std::sqrt(3.0);
  EXPECT_DOUBLE_EQ(text.valence_sum, (first.evidence_sum / root3 + first.emphasis) + second.evidence_sum / root3);
  EXPECT_DOUBLE_EQ(scorer.polarity_scores("The staff were kind and the rooms clean! The food was awful.").compound,
                   text.compound);
  // Compat mode has no sqrt(count) rule: nothing to pool by.
  SentimentOptions compat;
  compat.vader_compat = true;
  EXPECT_EQ(SentimentScorer(compat).polarity_scores("The staff were kind and the rooms clean!").evidence_words, 0u);
}

TEST(Sentiment, LexiconParseErrorsNameSourceAndLine) {
  try {
    Lexicon::parse("good\t2\nbad line\n", "mine.txt");
    FAIL() << "expected ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "mine.txt");
    EXPECT_EQ(e.line(), 2u);
  }
  EXPECT_THROW(Lexicon::parse("x\tabc\n", "m"), ParseError);
  EXPECT_THROW(Lexicon::parse("x\t1\nx\t2\n", "m", DuplicatePolicy::Error), ParseError);
  EXPECT_THROW(Lexicon::from_file("/nonexistent/lexicon.txt"), IoError);
}

TEST(Sentiment, CustomLexiconChangesScores) {
  auto lex = std::make_shared<Lexicon>(Lexicon::vader());
  lex->set("zorbly", -2.0);
  SentimentScorer s(SentimentOptions{}, lex);
  EXPECT_LT(s.polarity_scores("The food was zorbly.").compound, -0.2);
  EXPECT_EQ(SentimentScorer().polarity_scores("The food was zorbly.").compound, 0.0);
}

TEST(Sentiment, LinearOnLongInputAndSafeOnOddInput) {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "good but not bad at all ";
  EXPECT_NO_THROW(compat().polarity_scores(big));
  EXPECT_NO_THROW(SentimentScorer().polarity_scores(big));
  EXPECT_EQ(compat().polarity_scores(std::string(1 << 20, '!')).compound, 0.0);
  for (const char* odd : {"\xF0\x9F\x98\x80", "\xE2\x80\x94", "\xEF\xBF\xBD", "日本語", "a\xCC\x81\xCC\x81"}) {
    EXPECT_NO_THROW(compat().polarity_scores(odd));
    EXPECT_NO_THROW(SentimentScorer().polarity_scores(odd));
  }
}

TEST(Sentiment, ThreadsShareOneScorer) {
  SentimentScorer s;
  const double expected = s.polarity_scores("A lovely, happy and very good result!").compound;
  std::vector<std::thread> pool;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) ok[t] += s.polarity_scores("A lovely, happy and very good result!").compound == expected;
    });
  for (auto& th : pool) th.join();
  for (int v : ok) EXPECT_EQ(v, 500);
}

TEST(Sentiment, TargetModelPredictsAndFits) {
  TargetSentimentModel model;
  ASSERT_FALSE(model.empty());
  Segmenter seg;
  const std::string text = "Critics blasted Smith over the failed plan.";
  const auto s = seg.segment(text);
  SentimentScorer scorer;
  const auto f = model.features(scorer, text, s, 16, 21);
  ASSERT_EQ(f.size(), static_cast<std::size_t>(TargetSentimentModel::kFeatures));
  const auto r = model.analyze(scorer, text, s, 16, 21);
  EXPECT_EQ(r.label, -1);
  EXPECT_NEAR(r.p_negative + r.p_neutral + r.p_positive, 1.0, 1e-12);
  EXPECT_THROW(model.features(scorer, text, s, 30, 999), InvalidInput);
  EXPECT_THROW(TargetSentimentModel::parse("negative\t1\t2\n", "w.tsv"), ParseError);
}

TEST(Sentiment, TargetModelHashedRows) {
  // Dense rows of zeros plus one hashed row that favours "positive" for one feature.
  std::string zeros;
  for (int j = 0; j <= TargetSentimentModel::kFeatures; ++j) zeros += "\t0";
  Segmenter seg;
  const std::string text = "Critics praised Smith.";
  const auto s = seg.segment(text);
  const auto h = TargetSentimentModel::hashed_features(text, s, 16, 21);
  ASSERT_FALSE(h.empty());
  for (auto x : h) EXPECT_LT(x, static_cast<std::uint32_t>(TargetSentimentModel::kHashDim));
  const std::string file = "negative" + zeros + "\nneutral" + zeros + "\npositive" + zeros + "\nh" +
                           std::to_string(h[0]) + "\t-1\t0\t2\n";
  const auto model = TargetSentimentModel::parse(file, "w.tsv");
  ASSERT_EQ(model.hashed_weights().size(), 3u * TargetSentimentModel::kHashDim);
  SentimentScorer scorer;
  EXPECT_EQ(model.analyze(scorer, text, s, 16, 21).label, 1);
  EXPECT_NEAR(model.predict(model.features(scorer, text, s, 16, 21)).p_positive, 1.0 / 3, 1e-12);  // dense only
  EXPECT_THROW(TargetSentimentModel::parse(file + "h99999999\t1\t1\t1\n", "w.tsv"), ParseError);
}

TEST(Sentiment, FastPathAndBatchScoreLikeTheTokenizerPath) {
  SentimentOptions general_options;
  general_options.fast_path = false;
  const SentimentScorer general(general_options);
  const SentimentScorer fast;
  // Each text with whether `fast` reads it on the ASCII fast path: most do, so that the comparison
  // below does compare the two paths; the others check that it leaves them to the tokenizer.
  const std::vector<std::pair<std::string, bool>> cases = {
      {"The plan is good, but the cost is NOT small!", true},
      {"Dr. Smith said No. 5 was the best of the U.S. plans.", true},
      {"''I don't like it,'' she said. It's hardly a surprise?", true},
      {"Prices rose 2.5% to $1,000 in the 1990s -- a 20-year-old record.", true},
      {"It was great:) and then bad (really bad)...", false},  // emoticon, "..."
      {"No. no. NO. J. Doe, St. Louis; e.g. amazon.com", false},  // a domain
      {"", true},
      {"   ", true},
      {"a", true},
      {"It was great! And then bad (really bad)?", true},
      {"No. no. NO. J. Doe, St. Louis; e.g. the plan.", true},
  };
  std::vector<std::string> texts;
  std::size_t read_without_tokens = 0;
  for (const auto& [text, fast_path] : cases) {
    EXPECT_EQ(fast.reads_without_tokens(text), fast_path) << text;
    EXPECT_FALSE(general.reads_without_tokens(text)) << text;
    read_without_tokens += fast_path;
    texts.push_back(text);
  }
  EXPECT_GT(read_without_tokens, texts.size() / 2);
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<SentimentScores> batch(texts.size());
  fast.polarity_scores(views.data(), views.size(), batch.data());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const SentimentScores a = fast.polarity_scores(texts[i]), b = general.polarity_scores(texts[i]);
    EXPECT_EQ(a.compound, b.compound) << texts[i];
    EXPECT_EQ(a.pos, b.pos) << texts[i];
    EXPECT_EQ(a.neg, b.neg) << texts[i];
    EXPECT_EQ(a.neu, b.neu) << texts[i];
    EXPECT_EQ(batch[i].compound, a.compound) << texts[i];
  }
  EXPECT_GT(fast.polarity_scores(texts[0]).compound, 0.0);
  EXPECT_LT(fast.polarity_scores(texts[2]).compound, 0.0);
}

// Rule 17 of docs/sentiment.md: dilution and the sqrt(count) rule soften a score but never move it
// into the neutral band; the label is the one the word rules give.
TEST(Sentiment, IntensityRulesNeverMakeASentenceNeutral) {
  const presslens::SentimentScorer scorer;
  presslens::SentimentOptions plain;
  plain.dilution = 0.0;
  plain.length_norm = false;
  const presslens::SentimentScorer undiluted(plain);
  const std::string text =
      "When officials accept freebies from those they are charged with overseeing, they open their impartiality "
      "to unworthy suspicion.";
  // VADER's normalisation of a valence sum (alpha = 15).
  auto normalized = [](double sum) { return sum / std::sqrt(sum * sum + 15.0); };
  const auto s = scorer.polarity_scores(text);
  EXPECT_LE(undiluted.polarity_scores(text).compound, -0.05);
  EXPECT_EQ(s.compound, -0.05);  // diluted alone it would be -0.044, in the neutral band
  EXPECT_LT(normalized(s.valence_sum), 0.0);
  EXPECT_GT(normalized(s.valence_sum), -0.05);
  // Milder, though: the same words in a short sentence score stronger.
  EXPECT_LT(scorer.polarity_scores("Unworthy suspicion.").compound, -0.05);
  // A sentence the word rules call neutral stays neutral, and scores outside the band are untouched.
  EXPECT_EQ(scorer.polarity_scores("The council meets on Tuesday in the town hall.").compound, 0.0);
  // (A long sentence with strong words: diluted, but still outside the band, so not held.)
  const std::string strong =
      "The mayor said on Tuesday that the new plan for the city's old harbour district was wonderful, brilliant "
      "and a great success for everyone who lives and works there.";
  const auto st = scorer.polarity_scores(strong);
  EXPECT_NEAR(st.compound, normalized(st.valence_sum), 1e-12);
  EXPECT_GT(st.compound, 0.05);
  EXPECT_LT(st.compound, undiluted.polarity_scores(strong).compound);
  // A text of several sentences aggregates their diluted sums as before (holding an article's
  // label would leave hardly any article neutral): two such sentences add up beyond the band here.
  const auto two = scorer.polarity_scores(text + " " + text);
  EXPECT_NEAR(two.compound, normalized(two.valence_sum), 1e-12);
  EXPECT_LT(two.compound, -0.05);
}

TEST(Sentiment, ExplainShowsTheWorkingOfPolarityScores) {
  const SentimentScorer scorer;
  const std::string text = "The plan is not good, but the staff were GREAT.\nCaf\xC3\xA9 owners: a terrible mess!";
  const SentimentExplanation e = scorer.explain(text);
  const SentimentScores s = scorer.polarity_scores(text);
  EXPECT_DOUBLE_EQ(e.overall.compound, s.compound);
  EXPECT_DOUBLE_EQ(e.overall.pos, s.pos);
  ASSERT_EQ(e.sentences.size(), 2u);
  std::vector<std::string> words;
  for (const auto& w : e.words) words.push_back(text.substr(w.start, w.end - w.start));
  EXPECT_EQ(words, (std::vector<std::string>{"good", "GREAT", "terrible", "mess"}));
  EXPECT_DOUBLE_EQ(e.words[0].valence, 1.9 * -0.74 * 0.5);  // negated, before "but"
  EXPECT_EQ(e.words[2].sentence, 1u);
  EXPECT_EQ(text.substr(e.sentences[1].start, e.sentences[1].end - e.sentences[1].start),
            "Caf\xC3\xA9 owners: a terrible mess!");
  EXPECT_TRUE(scorer.explain("").sentences.empty());
  SentimentOptions compat;
  compat.vader_compat = true;
  EXPECT_THROW(SentimentScorer(compat).explain("good"), InvalidInput);
}
