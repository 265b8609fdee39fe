// A small immutable-after-build open-addressing hash table from strings to values, looked up by
// std::string_view without allocating (the hot path of the sentiment scorer).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presslens::sentiment_detail {

inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  // FNV-1a, 64 bit: short keys, good enough spread for a power-of-two table.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
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
        slots_[i].value = std::move(value);
        return slots_[i].value;
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
    s.value = std::move(value);
    ++count_;
    return s.value;
  }

  const V* find(std::string_view key) const noexcept {
    if (count_ == 0) return nullptr;
    const std::uint64_t h = hash_bytes(key);
    // Most words are not in the lexicon: a small bit filter (fits in L1) answers without
    // touching the big slot array.
    const std::uint64_t b = (h >> 40) & (kFilterBits - 1);
    if (!(filter_[b >> 6] >> (b & 63) & 1u)) return nullptr;
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].used) {
      if (slots_[i].hash == h && view(slots_[i]) == key) return &slots_[i].value;
      i = (i + 1) & (slots_.size() - 1);
    }
    return nullptr;
  }
  V* find_mut(std::string_view key) noexcept {
    return const_cast<V*>(static_cast<const StringTable&>(*this).find(key));
  }

  std::size_t size() const noexcept { return count_; }

  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used) f(view(s), s.value);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t off = 0, len = 0;
    bool used = false;
    V value{};
  };
  std::string_view view(const Slot& s) const noexcept { return std::string_view(arena_).substr(s.off, s.len); }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::string old_arena = std::move(arena_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    arena_.clear();
    arena_.reserve(old_arena.size() * 2);
    count_ = 0;
    for (Slot& s : old)
      if (s.used) put(std::string_view(old_arena).substr(s.off, s.len), std::move(s.value));
  }

  static constexpr std::uint64_t kFilterBits = 1u << 17;  // 16 KiB
  std::vector<Slot> slots_;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(kFilterBits / 64, 0);
  std::string arena_;
  std::size_t count_ = 0;
};

}  // namespace presslens::sentiment_detail
