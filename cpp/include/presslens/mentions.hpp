// Stage 2: tokens -> mentions of people, organizations, groups and places, grouped into entities.
//
// What counts as a mention (rules, no statistical model):
//  * a run of capitalised words ("U.S. Secretary of State Marco Rubio", "El Salvador", "CNN"), split
//    into a title ("U.S. Secretary of State") and a name ("Marco Rubio") when it holds a title word;
//    a title-cased heading line makes no new mentions, but for the speaker a headline may name
//    first ("Cruz: ...", "Ted Cruz Says ..."), which becomes a mention only of an entity the rest
//    of the text names (of no place);
//  * a transcript speaker label at the start of a line ("THE PRESIDENT:", "DR. FAUCI:", "Q:");
//  * a noun phrase whose head is a group or role noun ("human rights groups", "a senior official",
//    "the secretary");
//  * the source after "according to";
//  * personal pronouns he/she/they (and their other cases), and "it" when it is the subject of a
//    speech verb.
//
// Entities group the mentions of one document: a person is keyed by surname ("Marco Rubio" /
// "Rubio" / "President Rubio"), an organization by its name or acronym, a place by its name (with
// a few synonyms such as "U.S." / "United States"), a group by its words. "the secretary" joins
// the most recent person whose title holds "secretary".
//
// Pronoun rule (documented and tested): he/him/his resolve to the most recent preceding mention of
// a person whose gender is male or unknown, she/her to female or unknown; they/them/their and "it"
// to the most recent organization or group; looking back at most 6 sentences. A pronoun outside
// quotation marks skips mentions inside quotation marks (those are the quoted speaker's words).
// When that mention is the subject of a that-clause of an earlier sentence ("Ann argued that Tom
// was wrong."), a person of the same gender (known on both sides) named earlier in that sentence
// and followed by a verb (the main clause's subject) is taken instead.
// Gender comes from titles (Mr., Mrs., Ms., spokeswoman...) and from a bundled list of first names
// (1990 U.S. Census, public domain; python/presslens/data/first_names_gender.SOURCE.md). The quote
// stage may re-link a pronoun speaker to the previous quote's speaker (see quotes.hpp).
//
// Affiliation (what the text says an entity belongs to; never world knowledge, no list of people):
//  * party: "Democratic", "Republican" or "Independent", from a party code after the name
//    ("Sen. Pat Leahy (D-Vt.)", "Chuck Schumer, D-N.Y.,", "Rep. Joe Smith (R)"), a capitalised party
//    word in the title or the modifiers before the name ("Democratic Sen. Chuck Schumer", "GOP Rep.",
//    "Senate Democratic leader"), or in an apposition ("Mikie Sherrill, Democrat of New Jersey,",
//    "Chuck Schumer of New York, the Democratic leader,", "Rep. X, a Republican,"); a party word right
//    after "former"/"ex" does not count. Groups and organizations get it from their own words
//    ("Senate Democrats", "Republican lawmakers").
//  * role: a class of the title or role noun (lawmaker: Sen., Rep., congressman, Speaker, Minority
//    Leader, "Representative-elect", a leadership word with Senate/House/Congress...; executive:
//    president, governor, mayor, secretary, minister; spokesperson; aide; candidate; judge; clergy;
//    police; military; lawyer; journalist; academic; business; activist; official), from the title,
//    the modifiers before the name ("2016 Democratic House candidate Zephyr Teachout") or the head of
//    an apposition ("Brendan Buck, a spokesman for ...").
//  * speaks_for: the entity a spokesperson, aide or lawyer speaks for: "X, a spokesman for House
//    Speaker John Boehner" / "a lawyer for Mr. Trump" (the mention after "for"/"to"), or the
//    organization just before the role word ("White House spokesman Eric Schultz").
//  * organization: the organization of an apposition "a professor at Fordham University".
//  * groups: faith words of the title, modifiers or apposition: "Catholic" ("a Catholic bishop",
//    "Jesuit Father Thomas J. Reese": the Jesuits are a Catholic order), "Evangelical", "Jewish",
//    "Muslim"... (a word list, see word_lists.cpp).
// The first evidence found wins (text order); `evidence` keeps the byte spans it came from.
// A party code in parentheses or between commas after a name is not a mention itself.
//
// Every rule looks at a bounded window of tokens, so the stage is linear in the document length.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "presslens/segmenter.hpp"

namespace presslens {

enum class EntityKind : std::uint8_t { Person, Organization, Group, Place, Other };
enum class Gender : std::uint8_t { Unknown, Male, Female };

enum class RoleClass : std::uint8_t {
  None, Lawmaker, Executive, Official, Spokesperson, Aide, Candidate, Judge, Clergy, Police, Military,
  Lawyer, Journalist, Academic, Business, Activist
};

const char* to_string(EntityKind kind) noexcept;
const char* to_string(Gender gender) noexcept;
const char* to_string(RoleClass role) noexcept;  // "lawmaker", ...; "" for None

// What the document text says an entity belongs to (see the rules above).
struct Affiliation {
  std::string party;                  // "Democratic", "Republican", "Independent"; empty if not said
  RoleClass role = RoleClass::None;
  std::int32_t speaks_for = -1;       // entity index, -1 if none
  std::int32_t organization = -1;     // entity index, -1 if none
  std::vector<std::string> groups;    // faith / membership words: "Catholic"
  std::vector<std::pair<std::uint32_t, std::uint32_t>> evidence;  // byte spans (at most 8)
};

struct Mention {
  std::uint32_t start = 0, end = 0;              // bytes, the whole mention (title included)
  std::uint32_t token_begin = 0, token_end = 0;  // token range [begin, end)
  // First token of the words right before a person's mention that describe the person (party,
  // role and other modifiers: "Republican strategist" in "said Republican strategist John
  // Feehery", "former" in "former President Barack Obama"); token_begin when there are none.
  std::uint32_t modifier_begin = 0;
  std::int32_t entity = -1;                      // index into MentionResult::entities, -1 if unresolved
  std::uint32_t sentence = 0;
  bool is_pronoun = false;
  bool in_quote = false;  // inside quotation marks
};

struct Entity {
  std::string name;  // canonical name: the longest name seen, without its title
  EntityKind kind = EntityKind::Other;
  std::string title;  // title or role if any ("U.S. Secretary of State")
  Gender gender = Gender::Unknown;
  std::vector<std::uint32_t> mentions;  // indices into MentionResult::mentions, in text order
  Affiliation affiliation;
};

struct TokenFacts;  // per-token word facts of a text (internal to the core)

struct MentionResult {
  std::vector<Mention> mentions;  // sorted by position, non-overlapping
  std::vector<Entity> entities;   // in order of first strong mention
  // The per-token word facts the mention stage looked up, so that the quote stage need not look
  // them up again. An implementation detail: opaque here; the quote stage uses them only when
  // they were made for the same text and segmentation, and computes its own otherwise (or when null).
  std::shared_ptr<const TokenFacts> token_facts;
};

struct WordLists;  // word lists; built once, shared, immutable

class MentionFinder {
 public:
  MentionFinder();
  ~MentionFinder();
  // Thread-safe: the finder is immutable.
  MentionResult find(std::string_view text, const Segmentation& seg) const;
  const WordLists& word_lists() const { return *lex_; }
  std::shared_ptr<const WordLists> shared_word_lists() const { return lex_; }

 private:
  std::shared_ptr<const WordLists> lex_;
};

}  // namespace presslens
