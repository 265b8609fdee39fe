// GoogleTest: the internal word table of the sentiment scorer and the corpus stage (cpp/src/common/string_table.hpp),
// whose short-key and filtered look-ups must answer exactly like a plain comparison of strings.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

#include "../../cpp/src/common/string_table.hpp"

using presslens::detail::hash_bytes;
using presslens::detail::hash_padded;
using presslens::detail::StringTable;

namespace {

std::string random_word(std::mt19937& rng, std::size_t max_len) {
  std::uniform_int_distribution<std::size_t> len(0, max_len);
  std::uniform_int_distribution<int> letter('a', 'e');  // few letters: many near-misses
  std::string w(len(rng), ' ');
  for (char& c : w) c = static_cast<char>(letter(rng));
  return w;
}

}  // namespace

TEST(StringTable, PaddedAndFilteredLookUpsAgreeWithPlainComparison) {
  std::mt19937 rng(7);
  StringTable<int> table;
  std::unordered_map<std::string, int> reference;
  for (int k = 0; k < 3000; ++k) {
    const std::string w = random_word(rng, 20);
    table.put(w, k);
    reference[w] = k;
  }
  for (int k = 0; k < 20000; ++k) {
    const std::string w = random_word(rng, 20);
    // The key at the end of a buffer with eight bytes of slack holding other letters, as in the
    // scorer's arena: the padded look-up must ignore them.
    std::string buffer = "zz" + w + "abcdefgh";
    const std::string_view key(buffer.data() + 2, w.size());
    const std::uint64_t h = hash_padded(key.data(), key.size());
    ASSERT_EQ(h, hash_bytes(key)) << w;
    const auto it = reference.find(w);
    const int* plain = table.find(key);
    const int* padded = table.find_padded(key, h);
    if (it == reference.end()) {
      EXPECT_EQ(plain, nullptr) << w;
      EXPECT_EQ(padded, nullptr) << w;
    } else {
      ASSERT_NE(plain, nullptr) << w;
      ASSERT_NE(padded, nullptr) << w;
      EXPECT_EQ(*plain, it->second) << w;
      EXPECT_EQ(padded, plain) << w;
      EXPECT_TRUE(table.may_contain(h)) << w;  // the filter never turns away a key
    }
  }
}

// The scorer fills its table of inflected forms from another table, in that table's slot order
// (hash order), after reserve(): every key must arrive once with its value, whatever the order.
TEST(StringTable, ReservedTableFilledInAnotherTablesOrderHoldsEveryKey) {
  std::mt19937 rng(11);
  StringTable<int> source;
  for (int k = 0; k < 5000; ++k) source.put(random_word(rng, 14) + std::to_string(k), k);
  StringTable<int> copy;
  copy.reserve(source.size());
  source.for_each([&](std::string_view key, const int& v) { copy.put(key, v); });
  ASSERT_EQ(copy.size(), source.size());
  source.for_each([&](std::string_view key, const int& v) {
    const int* found = copy.find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, v) << key;
  });
  std::size_t seen = 0;
  copy.for_each([&](std::string_view key, const int& v) {
    ++seen;
    const int* original = source.find(key);
    ASSERT_NE(original, nullptr) << key;
    EXPECT_EQ(*original, v) << key;
  });
  EXPECT_EQ(seen, source.size());
}

// try_put inserts only a key that is not there and hands back what is stored; put replaces.
TEST(StringTable, TryPutKeepsWhatIsThereAndPutReplaces) {
  StringTable<int> table;
  for (int k = 0; k < 200; ++k) {
    const std::string key = "key" + std::to_string(k) + (k % 2 ? "-long-enough-for-the-arena" : "");
    auto [stored, fresh] = table.try_put(key, k);
    ASSERT_TRUE(fresh) << key;
    EXPECT_EQ(*stored, k);
    auto [again, fresh_again] = table.try_put(key, -1);
    EXPECT_FALSE(fresh_again) << key;
    EXPECT_EQ(*again, k) << key;
  }
  EXPECT_EQ(table.size(), 200u);
  table.put("key7-long-enough-for-the-arena", 70);
  EXPECT_EQ(*table.find("key7-long-enough-for-the-arena"), 70);
  EXPECT_EQ(*table.find("key8"), 8);
  EXPECT_EQ(table.size(), 200u);
}
