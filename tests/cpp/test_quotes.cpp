// GoogleTest: the quote finder in C++, without Python.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "presslens/document.hpp"

using namespace presslens;

namespace {

std::shared_ptr<const Document> run(const std::string& text) {
  static const Analyzer analyzer([] {
    AnalyzerOptions o;
    o.sentiment = false;
    return o;
  }());
  return analyzer.analyze(text);
}

std::string content(const Document& d, const Quote& q) { return d.text.substr(q.start, q.end - q.start); }
std::string speaker(const Document& d, const Quote& q) {
  return q.speaker < 0 ? std::string("-") : d.mentions.entities[static_cast<std::size_t>(q.speaker)].name;
}
// The speaker of every quote, in order ("-" for none).
std::vector<std::string> speakers(const Document& d) {
  std::vector<std::string> out;
  for (const Quote& q : d.quotes) out.push_back(speaker(d, q));
  return out;
}
using Names = std::vector<std::string>;

}  // namespace

TEST(Quotes, SeedArticle) {
  std::ifstream f(std::string(PRESSLENS_TEST_DATA) + "/seed_article.txt");
  ASSERT_TRUE(f.good());
  std::stringstream ss;
  ss << f.rdbuf();
  auto d = run(ss.str());
  int direct = 0, indirect = 0, according = 0;
  for (const auto& q : d->quotes) {
    direct += q.kind == QuoteKind::Direct;
    indirect += q.kind == QuoteKind::Indirect;
    according += q.kind == QuoteKind::AccordingTo;
    EXPECT_GE(q.speaker, 0) << content(*d, q);
  }
  EXPECT_EQ(direct, 4);
  EXPECT_EQ(indirect, 3);
  EXPECT_EQ(according, 1);
}

TEST(Quotes, QuoteFirstAndSpeakerFirst) {
  auto d = run("“We will win,” Jane Smith told reporters. Tom Baker said: “We will lose.”");
  ASSERT_EQ(d->quotes.size(), 2u);
  EXPECT_EQ(content(*d, d->quotes[0]), "We will win,");
  EXPECT_EQ(speaker(*d, d->quotes[0]), "Jane Smith");
  EXPECT_EQ(d->text.substr(d->quotes[0].cue_start, d->quotes[0].cue_end - d->quotes[0].cue_start), "told");
  EXPECT_EQ(speaker(*d, d->quotes[1]), "Tom Baker");
}

TEST(Quotes, UnbalancedMarksNeverThrowAndStayLinear) {
  std::string unit = "“a \" b ” ‘ c \" ";
  std::string small, big;
  for (int i = 0; i < 2000; ++i) small += unit;
  for (int i = 0; i < 32000; ++i) big += unit;
  auto t0 = std::chrono::steady_clock::now();
  auto ds = run(small);
  auto t1 = std::chrono::steady_clock::now();
  auto db = run(big);
  auto t2 = std::chrono::steady_clock::now();
  const double a = std::chrono::duration<double>(t1 - t0).count();
  const double b = std::chrono::duration<double>(t2 - t1).count();
  EXPECT_LT(b, 10.0);
  EXPECT_LT(b / std::max(a, 1e-3), 16.0 * 3);
  for (const auto& q : db->quotes) EXPECT_LE(q.end, db->text.size());
}

TEST(Quotes, TranscriptTurns) {
  auto d = run("THE PRESIDENT: Thank you.\nQ: Is it true?\nTHE PRESIDENT: Yes.\nIt is.");
  ASSERT_EQ(d->quotes.size(), 3u);
  for (const auto& q : d->quotes) EXPECT_EQ(q.kind, QuoteKind::Turn);
  EXPECT_EQ(content(*d, d->quotes[2]), "Yes.\nIt is.");
  EXPECT_EQ(d->quotes[0].speaker, d->quotes[2].speaker);
}

TEST(Quotes, HeadingInQuoteMarksIsNotAQuote) {
  auto d = run("Officials met on Monday.\n\"A Day of Reckoning\"\nThe talks lasted hours.");
  EXPECT_TRUE(d->quotes.empty());
}

TEST(Quotes, SpeakerAfterTheVerbWithWordsThatDescribeThem) {
  // "…,” said <description> <Name>": the named person speaks, not an organization in the description.
  auto d = run("“We are ready,” said Republican strategist John Feehery. “Never,” said presidential candidate "
               "Rick Perry. “Fine,” said White House spokesman Eric Schultz. “Later,” said former President Barack "
               "Obama.");
  EXPECT_EQ(speakers(*d), (Names{"John Feehery", "Rick Perry", "Eric Schultz", "Barack Obama"}));
}

TEST(Quotes, SpeakerNamedInAppositionToARoleOrAfterAPartyCode) {
  auto d = run("“It is over,” said Apple’s chief executive, Tim Cook. Apple’s chief financial officer, Luca Maestri, said: "
               "“We agree.” “Not yet,” said the governor of New York, Andrew Cuomo. “Never,” Sen. Mitch McConnell, "
               "R-Ky., said on the Senate floor. “Maybe,” said longtime GOP operative Roger Stone.");
  EXPECT_EQ(speakers(*d), (Names{"Tim Cook", "Luca Maestri", "Andrew Cuomo", "Mitch McConnell", "Roger Stone"}));
}

TEST(Quotes, TheRoleBeforeAPrepositionSpeaksNotTheOneItWorksFor) {
  auto d = run("A spokesman for the company said the deal was over. A lawyer for Trump said the talks had ended. "
               "“It was a mistake,” the mayor’s office said. “It was not,” said a spokesman for the Justice "
               "Department, Tom Lee.");
  EXPECT_EQ(speakers(*d), (Names{"spokesman", "lawyer", "mayor’s office", "Tom Lee"}));
  // A role noun heads the phrase: a person, though an organization's words are in it.
  auto w = run("“I disagree,” said a White House spokeswoman.");
  ASSERT_EQ(w->quotes.size(), 1u);
  ASSERT_GE(w->quotes[0].speaker, 0);
  EXPECT_EQ(w->mentions.entities[static_cast<std::size_t>(w->quotes[0].speaker)].kind, EntityKind::Person);
}

// The mention stage hands its per-token word facts to the quote stage; the quotes are the same
// whether the facts come from there, are missing, or were made for another text (then unused).
TEST(Quotes, SameQuotesWithOrWithoutTheMentionStagesTokenFacts) {
  const std::string text =
      "“We will not back down,” said Sen. Maria Lopez, a Democrat. She added that the state would "
      "appeal. Officials say the plan is flawed, according to a report released Friday.";
  const std::string other = "Nothing was said here. The council met on Monday.";
  const Segmenter segmenter;
  const MentionFinder mention_finder;
  const QuoteFinder quote_finder;
  const Segmentation seg = segmenter.segment(text), other_seg = segmenter.segment(other);
  auto key = [&](const std::vector<Quote>& qs) {
    std::vector<std::string> out;
    for (const Quote& q : qs)
      out.push_back(std::to_string(q.start) + ":" + std::to_string(q.end) + ":" + std::to_string(q.speaker));
    return out;
  };
  MentionResult shared = mention_finder.find(text, seg);
  ASSERT_NE(shared.token_facts, nullptr);
  const auto with_facts = key(quote_finder.find(text, seg, shared));
  ASSERT_GE(with_facts.size(), 3u);
  MentionResult bare = mention_finder.find(text, seg);
  bare.token_facts.reset();
  EXPECT_EQ(key(quote_finder.find(text, seg, bare)), with_facts);
  MentionResult foreign = mention_finder.find(text, seg);
  foreign.token_facts = mention_finder.find(other, other_seg).token_facts;  // another text's facts
  EXPECT_EQ(key(quote_finder.find(text, seg, foreign)), with_facts);
  // A document does not keep them once its quotes are found.
  EXPECT_EQ(run(text)->mentions.token_facts, nullptr);
}
