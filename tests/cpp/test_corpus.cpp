// Stage 5: term counts, distinctive terms and similarity.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "presslens/corpus.hpp"
#include "presslens/errors.hpp"

namespace presslens {
namespace {

std::vector<std::shared_ptr<const Document>> analyze_all(const std::vector<std::string>& texts) {
  const Analyzer analyzer(AnalyzerOptions{false, false, false});
  std::vector<std::shared_ptr<const Document>> docs;
  for (const auto& t : texts) docs.push_back(analyzer.analyze(t));
  return docs;
}

std::vector<const Document*> pointers(const std::vector<std::shared_ptr<const Document>>& docs) {
  std::vector<const Document*> out;
  for (const auto& d : docs) out.push_back(d.get());
  return out;
}

std::map<std::string, double> row(const TermCounts& t, std::size_t r) {
  std::map<std::string, double> out;
  for (std::int64_t k = t.row_start()[r]; k < t.row_start()[r + 1]; ++k) out[t.terms()[t.term_ids()[k]]] = t.counts()[k];
  return out;
}

TEST(Corpus, CountsFoldedWordTermsWithoutCliticsStopwordsOrNumbers) {
  const auto docs = analyze_all({"The President’s plan, the PRESIDENT'S aides said, is a plan. In 2019 it cost 1,000 dollars."});
  const TermCounts t = TermCounts::count(pointers(docs), TermOptions{});
  const std::map<std::string, double> expected = {{"president", 2}, {"plan", 2}, {"aides", 1}, {"said", 1},
                                                  {"cost", 1},      {"dollars", 1}};
  EXPECT_EQ(row(t, 0), expected);
  EXPECT_TRUE(std::is_sorted(t.terms().begin(), t.terms().end()));

  TermOptions all;
  all.stopwords = false;
  all.numbers = true;
  all.min_chars = 1;
  const auto r = row(TermCounts::count(pointers(docs), all), 0);
  EXPECT_EQ(r.at("the"), 2);
  EXPECT_EQ(r.at("2019"), 1);
  EXPECT_EQ(r.at("1,000"), 1);
  EXPECT_EQ(r.at("a"), 1);
  EXPECT_EQ(r.count("’s") + r.count("'s"), 0u);  // clitics are never terms
}

TEST(Corpus, NonAsciiTermsAreCaseFolded) {
  const auto docs = analyze_all({"ÉCOLE école Straße STRASSE"});
  const auto r = row(TermCounts::count(pointers(docs), TermOptions{}), 0);
  EXPECT_EQ(r.at("école"), 2);
  EXPECT_EQ(r.at("strasse"), 2);  // full case folding: ß -> ss
}

TEST(Corpus, CountsDoNotDependOnThreadsAndSumByGroup) {
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i)
    texts.push_back("Report " + std::to_string(i) + ": senators debated the budget " + std::string(i % 3, '!') +
                    (i % 2 ? " Critics praised the deal." : " Officials condemned the strike."));
  texts.push_back("");  // a document without terms is an empty row
  const auto docs = analyze_all(texts);
  const TermCounts one = TermCounts::count(pointers(docs), TermOptions{}, 1);
  const TermCounts four = TermCounts::count(pointers(docs), TermOptions{}, 4);
  EXPECT_EQ(one.terms(), four.terms());
  EXPECT_EQ(one.row_start(), four.row_start());
  EXPECT_EQ(one.term_ids(), four.term_ids());
  EXPECT_EQ(one.counts(), four.counts());
  EXPECT_EQ(one.rows(), texts.size());
  EXPECT_EQ(one.row_totals().back(), 0.0);

  std::vector<std::int32_t> group(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) group[i] = i + 1 == texts.size() ? -1 : static_cast<std::int32_t>(i % 2);
  const TermCounts g = one.sum_rows(group, 3);  // group 2 has no rows
  ASSERT_EQ(g.rows(), 3u);
  EXPECT_EQ(row(g, 0).at("condemned"), 20);
  EXPECT_EQ(row(g, 0).count("praised"), 0u);
  EXPECT_EQ(row(g, 1).at("praised"), 20);
  EXPECT_EQ(row(g, 1).at("senators"), 20);
  EXPECT_TRUE(row(g, 2).empty());
  double all = 0;
  for (const double x : one.row_totals()) all += x;
  EXPECT_EQ(g.row_totals()[0] + g.row_totals()[1], all);
  EXPECT_THROW(one.sum_rows({0, 1}, 2), InvalidInput);
  group[3] = 7;
  EXPECT_THROW(one.sum_rows(group, 3), InvalidInput);
}

TEST(Corpus, CountingInBatchesAndConcatenatingIsCountingAtOnce) {
  const auto docs = analyze_all({"Senators debated the budget.", "", "Hurricane season starts; senators leave.",
                                 "Zebras and aardvarks", "The budget passed", "Écoles ferment"});
  const auto all = pointers(docs);
  const TermCounts whole = TermCounts::count(all, TermOptions{});
  const TermCounts a = TermCounts::count({all[0], all[1]}, TermOptions{});
  const TermCounts b = TermCounts::count({all[2], all[3]}, TermOptions{});
  const TermCounts c = TermCounts::count({all[4], all[5]}, TermOptions{});
  const TermCounts empty;
  const TermCounts joined = TermCounts::concat({&a, &empty, &b, &c});
  EXPECT_EQ(joined.terms(), whole.terms());
  EXPECT_EQ(joined.row_start(), whole.row_start());
  EXPECT_EQ(joined.term_ids(), whole.term_ids());
  EXPECT_EQ(joined.counts(), whole.counts());
  EXPECT_EQ(TermCounts::concat({}).rows(), 0u);
  EXPECT_THROW(TermCounts::concat({&a, nullptr}), InvalidInput);
}

TEST(Corpus, ConcatenatingOnePartPerDocumentIsCountingAtOnce) {
  // Many small parts (a Dask merge of many partitions): every term of the union once, in order.
  std::vector<std::string> texts;
  const char* words[] = {"budget", "senators", "hurricane", "zebras", "aardvarks", "tariffs", "border", "écoles"};
  for (int d = 0; d < 300; ++d) {
    std::string t;
    for (int k = 0; k < 1 + d % 5; ++k) t += std::string(words[(d * 7 + k * 3) % 8]) + " x" + std::to_string(d % 37) + " ";
    texts.push_back(t);
  }
  const auto docs = analyze_all(texts);
  const auto all = pointers(docs);
  const TermCounts whole = TermCounts::count(all, TermOptions{});
  std::vector<TermCounts> parts;
  for (const Document* d : all) parts.push_back(TermCounts::count({d}, TermOptions{}));
  std::vector<const TermCounts*> part_pointers;
  for (const TermCounts& t : parts) part_pointers.push_back(&t);
  const TermCounts joined = TermCounts::concat(part_pointers);
  EXPECT_EQ(joined.terms(), whole.terms());
  EXPECT_EQ(joined.row_start(), whole.row_start());
  EXPECT_EQ(joined.term_ids(), whole.term_ids());
  EXPECT_EQ(joined.counts(), whole.counts());
}

TEST(Corpus, FromPartsRebuildsCountsAndNamesInconsistentParts) {
  const auto docs = analyze_all({"Senators debated the budget.", "", "Budget cuts anger senators."});
  const TermCounts t = TermCounts::count(pointers(docs), TermOptions{});
  const TermCounts back = TermCounts::from_parts(t.terms(), t.row_start(), t.term_ids(), t.counts());
  EXPECT_EQ(back.terms(), t.terms());
  EXPECT_EQ(back.row_start(), t.row_start());
  EXPECT_EQ(back.term_ids(), t.term_ids());
  EXPECT_EQ(back.counts(), t.counts());
  auto fails = [&](std::vector<std::string> terms, std::vector<std::int64_t> rows, std::vector<std::int32_t> ids,
                   std::vector<double> counts, const char* what) {
    try {
      TermCounts::from_parts(std::move(terms), std::move(rows), std::move(ids), std::move(counts));
      ADD_FAILURE() << "accepted: " << what;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    }
  };
  fails({"b", "a"}, {0}, {}, {}, "not strictly sorted");
  fails({"a"}, {1, 1}, {0}, {1}, "start at 0");
  fails({"a"}, {0, 1}, {0}, {}, "differ in length");
  fails({"a"}, {0, 2}, {0}, {1}, "end at the number");
  fails({"a"}, {0, 1}, {3}, {1}, "names term 3 of 1");
  fails({"a", "b"}, {0, 2}, {1, 0}, {1, 1}, "not in term order");
  fails({"a"}, {0, 1}, {0}, {0}, "not positive");
}

TEST(Corpus, DistinctiveTermsAreTheLogOddsWithAnInformativePrior) {
  std::string a, b;
  for (int i = 0; i < 30; ++i) a += "border wall security ";
  for (int i = 0; i < 30; ++i) b += "asylum families security ";
  a += "asylum";
  const auto docs = analyze_all({a, b});
  const TermCounts t = TermCounts::count(pointers(docs), TermOptions{});
  const double prior = 50;
  const auto top = distinctive_terms(t, prior, 10, 1);
  ASSERT_EQ(top.size(), 2u);
  ASSERT_GE(top[0].size(), 2u);
  ASSERT_GE(top[1].size(), 2u);
  auto term = [&](const DistinctiveTerm& d) { return t.terms()[d.term]; };
  // Each side's own words lead; "security" (30 times on both sides) is distinctive for neither:
  // at most a trace for the side with one word fewer in all.
  EXPECT_TRUE(term(top[0][0]) == "border" || term(top[0][0]) == "wall");
  for (const auto& side : top)
    for (const auto& d : side)
      if (term(d) == "security") EXPECT_LT(d.z, 0.1);
  EXPECT_EQ(term(top[1][0]), "families");  // (asylum appears once on the other side)
  EXPECT_EQ(term(top[1][1]), "asylum");
  EXPECT_GT(top[1][0].z, top[1][1].z);
  // The value for "families" in row 1, worked out by hand from the definition.
  const double all = 181, n1 = 90, n0 = 91, y = 30, alpha = prior * 30 / all;
  const double delta = std::log((y + alpha) / (n1 + prior - y - alpha)) - std::log(alpha / (n0 + prior - alpha));
  EXPECT_NEAR(top[1][0].log_odds, delta, 1e-12);
  EXPECT_NEAR(top[1][0].z, delta / std::sqrt(1 / (y + alpha) + 1 / alpha), 1e-12);
  EXPECT_EQ(top[1][0].count, 30);
  EXPECT_EQ(top[1][0].rest_count, 0);
  // min_count drops rare terms; bad arguments are named.
  const auto frequent_only = distinctive_terms(t, prior, 10, 31);
  for (const auto& d : frequent_only[1]) EXPECT_NE(term(d), "families");
  EXPECT_EQ(term(frequent_only[1][0]), "asylum");
  EXPECT_THROW(distinctive_terms(t, 0.0), InvalidInput);
  EXPECT_THROW(distinctive_terms(t.sum_rows({0, 0}, 1)), InvalidInput);
}

TEST(Corpus, CosineSimilarityOfWeightedRows) {
  const auto docs = analyze_all({"budget deal senators", "budget deal senators budget deal senators", "hurricane coast",
                                 "", "budget hurricane"});
  const TermCounts t = TermCounts::count(pointers(docs), TermOptions{});
  const std::vector<double> idf = inverse_document_frequency(t);
  ASSERT_EQ(idf.size(), t.size());
  for (std::size_t w = 0; w < t.size(); ++w) {
    const double df = t.terms()[w] == "budget" ? 3 : t.terms()[w] == "hurricane" ? 2 : t.terms()[w] == "coast" ? 1 : 2;
    EXPECT_NEAR(idf[w], std::log(6.0 / (1.0 + df)) + 1.0, 1e-12) << t.terms()[w];
  }
  for (const auto& weights : {std::vector<double>{}, idf}) {
    const DenseMatrix s = cosine_similarity(t, weights);
    ASSERT_EQ(s.rows, 5u);
    EXPECT_NEAR(s(0, 1), 1.0, 1e-12);  // same words in the same proportions
    EXPECT_EQ(s(0, 2), 0.0);           // no word in common
    EXPECT_EQ(s(3, 3), 0.0);           // an empty document is like nothing
    for (std::size_t i = 0; i < 5; ++i)
      for (std::size_t j = 0; j < 5; ++j) {
        EXPECT_NEAR(s(i, j), s(j, i), 1e-12);
        EXPECT_GE(s(i, j), 0.0);
        EXPECT_LE(s(i, j), 1.0);
      }
    EXPECT_GT(s(4, 0), 0.0);
    EXPECT_GT(s(4, 2), 0.0);
  }
  // Raw counts: row 4 shares "budget" (1 of 3 words of row 0) and "hurricane" (1 of 2 of row 2).
  const DenseMatrix raw = cosine_similarity(t);
  EXPECT_NEAR(raw(4, 0), 1.0 / (std::sqrt(2.0) * std::sqrt(3.0)), 1e-12);
  EXPECT_NEAR(raw(4, 2), 1.0 / 2.0, 1e-12);
  EXPECT_THROW(cosine_similarity(t, {1.0, 2.0}), InvalidInput);
}

TEST(Corpus, StopwordsAreFunctionWordsOnly) {
  for (const char* w : {"the", "of", "would", "themselves", "although"}) EXPECT_TRUE(is_stopword(w)) << w;
  for (const char* w : {"said", "president", "government", "people", "border", ""}) EXPECT_FALSE(is_stopword(w)) << w;
}

}  // namespace
}  // namespace presslens
