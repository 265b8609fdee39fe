// The curated list of abbreviations that keep their final period ("Mr.", "U.S.", "Inc.").
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace presslens {

// How an abbreviation behaves at a possible sentence end.
enum class AbbreviationKind {
  Prefix,   // titles and the like, normally followed by a name or number: never end a sentence
  General,  // may end a sentence: do so only when the next word clearly starts one
};

class Abbreviations {
 public:
  // The built-in English news list.
  static Abbreviations english();
  // Adds one abbreviation, written with its final period ("Gov.").
  void add(std::string_view abbreviation, AbbreviationKind kind);
  // Looks `word` (with its final period) up, case-sensitively first, then lower-cased.
  const AbbreviationKind* find(std::string_view word) const;
  std::vector<std::string> list() const;

 private:
  // Keys view `storage_` so lookups take a string_view without allocating.
  std::vector<std::unique_ptr<std::string>> storage_;
  std::unordered_map<std::string_view, AbbreviationKind> exact_;
  std::unordered_map<std::string_view, AbbreviationKind> lower_;
  // starts_[b] bit n: some abbreviation (or its lower-cased form) of n bytes starts with byte b.
  std::array<std::uint64_t, 256> starts_{};
  // A bit per ASCII-lower-cased abbreviation, by a hash of it: a word followed by a period
  // (looked up at every sentence end) is usually dismissed by one bit instead of two map look-ups.
  std::array<std::uint64_t, 64> ascii_lower_bits_{};
  static std::size_t ascii_lower_hash(std::string_view s) noexcept;
};

}  // namespace presslens
