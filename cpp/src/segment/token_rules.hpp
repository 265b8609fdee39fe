// Internal: word-shape rules of the tokenizer that the sentiment scorer's ASCII fast path
// (cpp/src/sentiment/fast_path.cpp) applies too, since it must split text exactly like the
// tokenizer. One definition each, so the two cannot drift apart.
#pragma once
#include <cstddef>
#include <string_view>

namespace presslens::token_rules {

// An ASCII letter, either case.
inline bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Letters that stay with a number without making it a word: 1990s, 3rd, 95th.
inline bool is_number_suffix(std::string_view s) {
  return s == "s" || s == "st" || s == "nd" || s == "rd" || s == "th" || s == "S" || s == "ST" || s == "ND" ||
         s == "RD" || s == "TH";
}

// Where a clitic splits off a word: `ap` is the byte offset of the word's last apostrophe,
// `before` the character right before it and `suffix` the lower-cased text after it. "do|n't",
// "ca|n't" split before the n, "it|'s", "we|'re", "I|'m"... at the apostrophe. Returns the split
// offset in the word, or 0 for no clitic.
inline std::size_t clitic_split(std::size_t ap, char before, std::string_view suffix) {
  if (suffix == "t" && ap >= 2 && (before == 'n' || before == 'N')) return ap - 1;
  if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" || suffix == "d" || suffix == "m") return ap;
  return 0;
}

// "No." and friends are abbreviations only before a number: "No. 5", not "said no."
inline bool abbreviation_needs_number(std::string_view with_period) {
  return with_period == "No." || with_period == "Nos." || with_period == "no.";
}

// "U.S.", "e.g.", "Ph.D.", "a.m.": groups of one or two ASCII letters each followed by a period,
// at least two groups, starting at i. Returns the end of the groups, or 0. (The caller rejects a
// word character right after them.)
inline std::size_t dotted_groups_end(std::string_view s, std::size_t i) {
  // Only "X." or "XY." openings can start one; most words leave here.
  if (!(i + 1 < s.size() && s[i + 1] == '.') && !(i + 2 < s.size() && s[i + 2] == '.')) return 0;
  std::size_t e = i;
  int groups = 0;
  while (e < s.size()) {
    std::size_t g = e;
    int letters = 0;
    while (g < s.size() && is_ascii_alpha(static_cast<unsigned char>(s[g])) && letters < 3) ++g, ++letters;
    if (letters == 0 || letters > 2 || g >= s.size() || s[g] != '.') break;
    e = g + 1;
    ++groups;
  }
  return groups >= 2 ? e : 0;
}

}  // namespace presslens::token_rules
