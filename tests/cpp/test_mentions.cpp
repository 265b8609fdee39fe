// GoogleTest: mentions and entities in C++, without Python.
#include <gtest/gtest.h>

#include <stdexcept>
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

// The entity of that name; a missing one fails the test (GoogleTest reports the exception).
const Entity& entity_named(const MentionResult& r, const std::string& name) {
  if (const Entity* e = by_name(r, name)) return *e;
  throw std::runtime_error("no entity named " + name);
}

std::string mention_text(const std::string& text, const Mention& m) { return text.substr(m.start, m.end - m.start); }

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
    const std::string t = mention_text(text, m);
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
  const Entity* buck = &entity_named(r, "Brendan Buck");
  const Entity* boehner = &entity_named(r, "John Boehner");
  const Entity* schumer = &entity_named(r, "Chuck Schumer");
  const Entity* lopez = &entity_named(r, "Maria Lopez");
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
  const Entity& toomey = entity_named(r, "Pat Toomey");
  EXPECT_EQ(toomey.kind, EntityKind::Person);
  EXPECT_EQ(toomey.affiliation.party, "Republican");
  EXPECT_EQ(entity_named(r, "Chuck Schumer").affiliation.party, "Democratic");
  EXPECT_TRUE(toomey.title.empty());
  EXPECT_EQ(by_name(r, "Republican Pat Toomey"), nullptr);
  // A party word inside an organization's name stays in it.
  EXPECT_EQ(entity_named(r, "Democratic National Committee").kind, EntityKind::Organization);
}

TEST(Mentions, DescribingWordsBeforeAPersonAreMarked) {
  const std::string text = "He spoke to Republican strategist John Feehery and to Mary Fallin.";
  auto r = find(text);
  bool feehery = false, fallin = false;
  for (const auto& m : r.mentions) {
    const std::string s = mention_text(text, m);
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
  int surname_mentions = 0;
  for (const std::uint32_t m : entity_named(r, "Jim Mattis").mentions)
    surname_mentions += mention_text(text, r.mentions[m]) == "Mattis";
  EXPECT_EQ(surname_mentions, 2);
}
