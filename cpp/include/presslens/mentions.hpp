// Stage 2: tokens -> mentions of people, organizations, groups and places, grouped into entities.
//
// What counts as a mention (rules, no statistical model):
//  * a run of capitalised words ("U.S. Secretary of State Marco Rubio", "El Salvador", "CNN"), split
//    into a title ("U.S. Secretary of State") and a name ("Marco Rubio") when it holds a title word;
//    a title-cased heading line makes no new mentions;
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
// Gender comes from titles (Mr., Mrs., Ms., spokeswoman...) and from a bundled list of first names
// (1990 U.S. Census, public domain; python/presslens/data/first_names_gender.SOURCE.md). The quote
// stage may re-link a pronoun speaker to the previous quote's speaker (see quotes.hpp).
//
// Every rule looks at a bounded window of tokens, so the stage is linear in the document length.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/segmenter.hpp"

namespace presslens {

enum class EntityKind : std::uint8_t { Person, Organization, Group, Place, Other };
enum class Gender : std::uint8_t { Unknown, Male, Female };

const char* to_string(EntityKind kind) noexcept;
const char* to_string(Gender gender) noexcept;

struct Mention {
  std::uint32_t start = 0, end = 0;              // bytes, the whole mention (title included)
  std::uint32_t token_begin = 0, token_end = 0;  // token range [begin, end)
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
};

struct MentionResult {
  std::vector<Mention> mentions;  // sorted by position, non-overlapping
  std::vector<Entity> entities;   // in order of first strong mention
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
