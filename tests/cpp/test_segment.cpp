// GoogleTest: the C++ segmentation rules, without Python.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "presslens/document.hpp"
#include "presslens/errors.hpp"
#include "presslens/segmenter.hpp"
#include "presslens/utf8.hpp"

using namespace presslens;

namespace {

const Segmenter& segmenter() {
  static const Segmenter s;
  return s;
}

std::vector<std::string> token_texts(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : segmenter().segment(text).tokens) out.emplace_back(t.text(text));
  return out;
}

std::vector<std::string> sentence_texts(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : segmenter().segment(text).sentences) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST(Tokenizer, AbbreviationsAndInitialsKeepTheirPeriod) {
  auto toks = token_texts("U.S. Sen. Warren met J. K. Rowling at 5 p.m. in Washington, D.C., e.g. today.");
  for (const char* w : {"U.S.", "Sen.", "J.", "K.", "p.m.", "D.C.", "e.g."}) EXPECT_TRUE(contains(toks, w)) << w;
}

TEST(Tokenizer, CliticsSplit) {
  EXPECT_EQ(token_texts("don't"), (std::vector<std::string>{"do", "n't"}));
  EXPECT_EQ(token_texts("can't"), (std::vector<std::string>{"ca", "n't"}));
  EXPECT_EQ(token_texts("Salvador\xE2\x80\x99s"), (std::vector<std::string>{"Salvador", "\xE2\x80\x99s"}));
  EXPECT_EQ(token_texts("they're"), (std::vector<std::string>{"they", "'re"}));
  EXPECT_EQ(token_texts("O'Brien"), (std::vector<std::string>{"O'Brien"}));
}

TEST(Tokenizer, NumbersCurrencyPercentTimes) {
  auto toks = token_texts("$1.2 billion, 80,000 people, 3.5% at 2:30 on 2020-01-03 in the 1990s");
  for (const char* w : {"$1.2", "80,000", "3.5%", "2:30", "2020-01-03", "1990s"}) EXPECT_TRUE(contains(toks, w)) << w;
}

TEST(Tokenizer, DashesSplitHyphensJoin) {
  EXPECT_EQ(token_texts("criminals\xE2\x80\x94including well-known"),
            (std::vector<std::string>{"criminals", "\xE2\x80\x94", "including", "well-known"}));
}

TEST(Tokenizer, HtmlCharacterReferencesAreOneSymbol) {
  // Scraped text keeps "&gt;", "&amp;", "&#8217;": one symbol each, not "&", a word and ";".
  const std::string text = "AT&amp;T &gt;&gt; 5 it&#8217;s &#x2019; Q&A & co; &x; &#; &#12345678; &amp";
  EXPECT_EQ(token_texts(text), (std::vector<std::string>{"AT", "&amp;", "T", "&gt;", "&gt;", "5", "it", "&#8217;", "s",
                                                         "&#x2019;", "Q&A", "&", "co", ";", "&", "x", ";", "&", "#",
                                                         ";", "&", "#", "12345678", ";", "&", "amp"}));
  const auto seg = segmenter().segment(text);
  EXPECT_EQ(seg.tokens[1].kind, TokenKind::Symbol);
  EXPECT_EQ(seg.tokens[9].kind, TokenKind::Symbol);
}

TEST(Tokenizer, UrlEmailHandleHashtagKinds) {
  const std::string text = "see https://a.org/x?y=1. mail a.b@c.org @who #Tag";
  auto seg = segmenter().segment(text);
  std::vector<TokenKind> kinds;
  for (const auto& t : seg.tokens) kinds.push_back(t.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::Word, TokenKind::Url, TokenKind::Punct, TokenKind::Word,
                                           TokenKind::Email, TokenKind::Handle, TokenKind::Hashtag}));
}

TEST(Tokenizer, EmojiSequencesAreOneToken) {
  // woman + ZWJ + woman + ZWJ + girl; thumbs up + skin tone; a flag.
  const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  const std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
  const std::string flag = "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8";
  EXPECT_EQ(token_texts(family + " " + thumbs + flag), (std::vector<std::string>{family, thumbs, flag}));
}

TEST(Tokenizer, QuoteRoles) {
  const std::string text = "\"Yes,\" he said \xE2\x80\x9Cno\xE2\x80\x9D";
  auto seg = segmenter().segment(text);
  std::vector<QuoteRole> roles;
  for (const auto& t : seg.tokens)
    if (t.kind == TokenKind::Quote) roles.push_back(t.quote_role);
  EXPECT_EQ(roles, (std::vector<QuoteRole>{QuoteRole::Open, QuoteRole::Close, QuoteRole::Open, QuoteRole::Close}));
}

TEST(Tokenizer, LosslessOnControlCharacters) {
  const std::string text = std::string("a\0b \x07 c", 7);
  auto seg = segmenter().segment(text);
  ASSERT_EQ(seg.tokens.size(), 5u);  // a NUL b BEL c
  EXPECT_EQ(seg.tokens[1].kind, TokenKind::Symbol);
}

TEST(Sentences, AbbreviationRules) {
  EXPECT_EQ(sentence_texts("He moved to the U.S. He stayed. U.S. officials agreed."),
            (std::vector<std::string>{"He moved to the U.S.", "He stayed.", "U.S. officials agreed."}));
  EXPECT_EQ(sentence_texts("Dr. Lee met Gov. Newsom. They talked."),
            (std::vector<std::string>{"Dr. Lee met Gov. Newsom.", "They talked."}));
}

TEST(Sentences, LineBreaksEndHeadingsAndBullets) {
  const std::string text = "Human Rights Concerns\nOne sentence here. Another one:\n- a bullet\n";
  EXPECT_EQ(sentence_texts(text), (std::vector<std::string>{"Human Rights Concerns", "One sentence here.",
                                                            "Another one:", "- a bullet"}));
  auto seg = segmenter().segment(text);
  ASSERT_EQ(seg.paragraphs.size(), 3u);
  EXPECT_TRUE(seg.paragraphs[0].is_heading);
  EXPECT_FALSE(seg.paragraphs[1].is_heading);
}

TEST(Sentences, ReferenceMarkersStayWithTheirSentence) {
  EXPECT_EQ(sentence_texts("He went to school in Dulwich. [17] Placed under care, he grew."),
            (std::vector<std::string>{"He went to school in Dulwich. [17]", "Placed under care, he grew."}));
}

TEST(CodepointIndex, MapsBytesToCodepointsAndBack) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x91\x8D";  // a é — 👍
  CodepointIndex index(text);
  EXPECT_EQ(index.codepoint_size(), 400u);
  std::uint32_t cp = 0;
  for (std::size_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
    ASSERT_EQ(index.to_codepoint(static_cast<std::uint32_t>(b)), cp);
    ASSERT_EQ(index.to_byte(cp), b);
    ++cp;
  }
  EXPECT_EQ(index.to_codepoint(static_cast<std::uint32_t>(text.size())), 400u);
}

TEST(Analyzer, RejectsInvalidUtf8WithOffset) {
  Analyzer analyzer;
  try {
    analyzer.analyze(std::string("abc\xFF", 4));
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("byte offset 3"), std::string::npos) << e.what();
  }
}

TEST(Analyzer, SeedArticleHas22Sentences) {
  std::ifstream in(std::string(PRESSLENS_TEST_DATA) + "/seed_article.txt", std::ios::binary);
  ASSERT_TRUE(in) << "missing tests/data/seed_article.txt";
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = Analyzer().analyze(ss.str());
  EXPECT_EQ(doc->segmentation.sentences.size(), 22u);
  int headings = 0;
  for (const auto& p : doc->segmentation.paragraphs) headings += p.is_heading;
  EXPECT_EQ(headings, 3);
}

// Abbreviations::find dismisses most words by a filter bit before its map look-ups: it must still
// find every listed form, exactly and (for forms over three bytes) in any ASCII case, and nothing
// else. Checked against a plain reading of that rule over the list and mutated spellings.
TEST(Abbreviations, FindMatchesTheListExactlyOrInAnyCase) {
  const Abbreviations abbreviations = Abbreviations::english();
  const std::vector<std::string> listed = abbreviations.list();
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
  };
  auto expected = [&](const std::string& w) {
    for (const std::string& a : listed)
      if (a == w || (w.size() > 3 && lower(a) == lower(w))) return true;
    return false;
  };
  std::vector<std::string> words;
  for (const std::string& a : listed) {
    words.push_back(a);
    std::string upper = a, flipped = a;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    for (char& c : flipped) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    words.insert(words.end(), {upper, flipped, lower(a), a.substr(1), "x" + a, a + "."});
  }
  for (const char* w : {"good.", "bad.", "said.", "Ave", "NO.", "no.", "SEPT.", "sept.", "Inc.", "INC.", "u.s.", ".", ""})
    words.emplace_back(w);
  std::size_t found = 0;
  for (const std::string& w : words) {
    const bool hit = abbreviations.find(w) != nullptr;
    EXPECT_EQ(hit, expected(w)) << '"' << w << '"';
    found += hit;
  }
  EXPECT_GT(found, listed.size());  // the upper-case and flipped spellings of long forms are found too
  EXPECT_NE(abbreviations.find("Sept."), nullptr);
  EXPECT_NE(abbreviations.find("SEPT."), nullptr);
  EXPECT_EQ(abbreviations.find("good."), nullptr);
}
