// A small immutable-after-build open-addressing hash table from strings to values, looked up by
// std::string_view without allocating (the hot path of the sentiment scorer).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presslens::sentiment_detail {

// FNV-1a, 64 bit, streamed (hash_step per byte, then hash_finish): short keys, good enough spread
// for a power-of-two table; the scorer hashes a word while it lower-cases it.
constexpr std::uint64_t kHashSeed = 1469598103934665603ull;
inline std::uint64_t hash_step(std::uint64_t h, unsigned char c) noexcept { return (h ^ c) * 1099511628211ull; }
inline std::uint64_t hash_finish(std::uint64_t h) noexcept { return h ^ (h >> 29); }
inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = kHashSeed;
  for (unsigned char c : s) h = hash_step(h, c);
  return hash_finish(h);
}

template <class V>
class StringTable {
 public:
  // Inserts or replaces; returns a reference to the stored value.
  V& put(std::string_view key, V value) {
    if ((count_ + 1) * 4 >= slots_.size() * 3) grow();
    const std::uint64_t h = hash_bytes(key);
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].used) {
      if (slots_[i].hash == h && view(slots_[i]) == key) {
        values_[i] = std::move(value);
        return values_[i];
      }
      i = (i + 1) & (slots_.size() - 1);
    }
    const std::uint64_t fb = (h >> 40) & (kFilterBits - 1);
    filter_[fb >> 6] |= std::uint64_t{1} << (fb & 63);
    Slot& s = slots_[i];
    s.used = true;
    s.hash = h;
    s.off = static_cast<std::uint32_t>(arena_.size());
    s.len = static_cast<std::uint32_t>(key.size());
    arena_.append(key.data(), key.size());
    values_[i] = std::move(value);
    ++count_;
    return values_[i];
  }

  const V* find(std::string_view key) const noexcept { return find(key, hash_bytes(key)); }
  // `h` must be hash_bytes(key).
  const V* find(std::string_view key, std::uint64_t h) const noexcept {
    if (count_ == 0) return nullptr;
    // Most words are not in the lexicon: a small bit filter (fits in L1) answers without
    // touching the slot array.
    const std::uint64_t b = (h >> 40) & (kFilterBits - 1);
    if (!(filter_[b >> 6] >> (b & 63) & 1u)) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask; slots_[i].used; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (sl.hash == h && sl.len == key.size() && same_bytes(arena_.data() + sl.off, key.data(), key.size()))
        return &values_[i];
    }
    return nullptr;
  }
  V* find_mut(std::string_view key) noexcept {
    return const_cast<V*>(static_cast<const StringTable&>(*this).find(key));
  }

  std::size_t size() const noexcept { return count_; }

  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
      if (slots_[i].used) f(view(slots_[i]), values_[i]);
  }

 private:
  // Slots hold the hash and where the key is; values live in a parallel array, so a probe walks
  // 24-byte slots and touches a value only on a hit.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t off = 0, len = 0;
    bool used = false;
  };
  static bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    for (std::size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  std::string_view view(const Slot& s) const noexcept { return std::string_view(arena_).substr(s.off, s.len); }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::vector<V> old_values = std::move(values_);
    std::string old_arena = std::move(arena_);
    const std::size_t n = old.empty() ? 64 : old.size() * 2;
    slots_.assign(n, Slot{});
    values_.clear();
    values_.resize(n);
    arena_.clear();
    arena_.reserve(old_arena.size() * 2);
    count_ = 0;
    for (std::size_t i = 0; i < old.size(); ++i)
      if (old[i].used) put(std::string_view(old_arena).substr(old[i].off, old[i].len), std::move(old_values[i]));
  }

  static constexpr std::uint64_t kFilterBits = 1u << 17;  // 16 KiB
  std::vector<Slot> slots_;
  std::vector<V> values_;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(kFilterBits / 64, 0);
  std::string arena_;
  std::size_t count_ = 0;
};

}  // namespace presslens::sentiment_detail
