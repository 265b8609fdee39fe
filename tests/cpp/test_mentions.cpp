// GoogleTest: mentions and entities in C++, without Python.
#include <gtest/gtest.h>

#include <string>

#include "presslens/mentions.hpp"
#include "presslens/segmenter.hpp"

using namespace presslens;

namespace {

MentionResult find(const std::string& text) {
  static const Segmenter seg;
  static const MentionFinder finder;
  return finder.find(text, seg.segment(text));
}

const Entity* by_name(const MentionResult& r, const std::string& name) {
  for (const auto& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

TEST(Mentions, TitleSplitAndSurnameGrouping) {
  const std::string text = "U.S. Secretary of State Marco Rubio met President Nayib Bukele. Rubio smiled. Bukele waved.";
  auto r = find(text);
  const Entity* rubio = by_name(r, "Marco Rubio");
  ASSERT_NE(rubio, nullptr);
  EXPECT_EQ(rubio->kind, EntityKind::Person);
  EXPECT_EQ(rubio->title, "U.S. Secretary of State");
  EXPECT_EQ(rubio->gender, Gender::Male);  // "Marco" in the bundled first-name list
  EXPECT_EQ(rubio->mentions.size(), 2u);
  const Entity* bukele = by_name(r, "Nayib Bukele");
  ASSERT_NE(bukele, nullptr);
  EXPECT_EQ(bukele->title, "President");
  EXPECT_EQ(bukele->mentions.size(), 2u);
}

TEST(Mentions, PronounsFollowGender) {
  const std::string text = "John Smith met Mary Jones. She thanked him.";
  auto r = find(text);
  for (const auto& m : r.mentions) {
    const std::string t = text.substr(m.start, m.end - m.start);
    if (t == "She") EXPECT_EQ(r.entities[static_cast<std::size_t>(m.entity)].name, "Mary Jones");
    if (t == "him") EXPECT_EQ(r.entities[static_cast<std::size_t>(m.entity)].name, "John Smith");
  }
}

TEST(Mentions, KindsOfEntities) {
  auto r = find("Officials from the White House and CNN flew to El Salvador.");
  ASSERT_NE(by_name(r, "El Salvador"), nullptr);
  EXPECT_EQ(by_name(r, "El Salvador")->kind, EntityKind::Place);
  ASSERT_NE(by_name(r, "CNN"), nullptr);
  EXPECT_EQ(by_name(r, "CNN")->kind, EntityKind::Organization);
  ASSERT_NE(by_name(r, "White House"), nullptr);
  EXPECT_EQ(by_name(r, "White House")->kind, EntityKind::Organization);
}

TEST(Mentions, AffiliationFromTheText) {
  const std::string text =
      "Brendan Buck, spokesman for House Speaker John Boehner (R-Ohio), said the emails confirmed it. "
      "Senate Minority Leader Chuck Schumer, D-N.Y., disagreed. Sen. Maria Lopez said nothing.";
  auto r = find(text);
  const Entity* buck = by_name(r, "Brendan Buck");
  const Entity* boehner = by_name(r, "John Boehner");
  const Entity* schumer = by_name(r, "Chuck Schumer");
  const Entity* lopez = by_name(r, "Maria Lopez");
  ASSERT_NE(buck, nullptr);
  ASSERT_NE(boehner, nullptr);
  ASSERT_NE(schumer, nullptr);
  ASSERT_NE(lopez, nullptr);
  EXPECT_EQ(buck->affiliation.role, RoleClass::Spokesperson);
  EXPECT_TRUE(buck->affiliation.party.empty());
  ASSERT_GE(buck->affiliation.speaks_for, 0);
  EXPECT_EQ(&r.entities[static_cast<std::size_t>(buck->affiliation.speaks_for)], boehner);
  EXPECT_EQ(boehner->affiliation.party, "Republican");
  EXPECT_EQ(boehner->affiliation.role, RoleClass::Lawmaker);
  EXPECT_EQ(schumer->affiliation.party, "Democratic");
  EXPECT_EQ(schumer->affiliation.role, RoleClass::Lawmaker);
  EXPECT_TRUE(lopez->affiliation.party.empty());
  EXPECT_EQ(lopez->affiliation.role, RoleClass::Lawmaker);
  // Evidence spans are inside the text; the party codes are not entities of their own.
  for (const auto& e : r.entities) {
    for (const auto& ev : e.affiliation.evidence) EXPECT_LE(ev.second, text.size());
    EXPECT_EQ(e.name.find("D-N"), std::string::npos);
    EXPECT_EQ(e.name.find("R-Ohio"), std::string::npos);
  }
  EXPECT_STREQ(to_string(RoleClass::Lawmaker), "lawmaker");
}

TEST(Mentions, APartyWordBeforeANameDescribesThePerson) {
  const std::string text =
      "Republican Pat Toomey questioned the timing. Democrat Chuck Schumer agreed. "
      "The Democratic National Committee did not comment.";
  auto r = find(text);
  const Entity* toomey = by_name(r, "Pat Toomey");
  const Entity* schumer = by_name(r, "Chuck Schumer");
  ASSERT_NE(toomey, nullptr);
  ASSERT_NE(schumer, nullptr);
  EXPECT_EQ(toomey->kind, EntityKind::Person);
  EXPECT_EQ(toomey->affiliation.party, "Republican");
  EXPECT_EQ(schumer->affiliation.party, "Democratic");
  EXPECT_TRUE(toomey->title.empty());
  EXPECT_EQ(by_name(r, "Republican Pat Toomey"), nullptr);
  // A party word inside an organization's name stays in it.
  const Entity* dnc = by_name(r, "Democratic National Committee");
  ASSERT_NE(dnc, nullptr);
  EXPECT_EQ(dnc->kind, EntityKind::Organization);
}

TEST(Mentions, DescribingWordsBeforeAPersonAreMarked) {
  const std::string text = "He spoke to Republican strategist John Feehery and to Mary Fallin.";
  auto r = find(text);
  bool feehery = false, fallin = false;
  for (const auto& m : r.mentions) {
    const std::string s = text.substr(m.start, m.end - m.start);
    if (s == "John Feehery") {
      feehery = true;
      EXPECT_EQ(m.modifier_begin + 2, m.token_begin);  // "Republican strategist"
    }
    if (s == "Mary Fallin") {
      fallin = true;
      EXPECT_EQ(m.modifier_begin, m.token_begin);  // "to" describes no one
    }
  }
  EXPECT_TRUE(feehery && fallin);
}

TEST(Mentions, ASurnameJoinsThePersonNamedOutsideQuotationMarks) {
  // A nickname in quotation marks founds an entity of its own, but later surname mentions belong
  // to the person the text names in its own words.
  const std::string text =
      "Defense Secretary Jim Mattis resigned on Thursday. The Pentagon chief, nicknamed “Mad Dog Mattis” as a "
      "Marine, had clashed with the White House. Mattis wrote a letter. Officials praised Mattis.";
  auto r = find(text);
  const Entity* jim = by_name(r, "Jim Mattis");
  ASSERT_NE(jim, nullptr);
  int surname_mentions = 0;
  for (const std::uint32_t m : jim->mentions) {
    const Mention& mm = r.mentions[m];
    surname_mentions += text.substr(mm.start, mm.end - mm.start) == "Mattis";
  }
  EXPECT_EQ(surname_mentions, 2);
}
