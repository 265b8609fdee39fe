// A small immutable-after-build open-addressing hash table from strings to values, looked up by
// std::string_view without allocating (the hot path of the sentiment scorer; the corpus stage's
// vocabulary and function-word list), and the byte hash it uses.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace presslens::detail {

// The hash of a key: its bytes in 8-byte chunks (the last one zero-padded) mixed multiplicatively,
// then the length; one multiply per 8 bytes rather than one per byte.
namespace hash_detail {
constexpr std::uint64_t kMul = 0x9FB21C651E98DF25ull;
inline std::uint64_t step(std::uint64_t h, std::uint64_t chunk) noexcept {
  h = (h ^ chunk) * kMul;
  return h ^ (h >> 29);
}
inline std::uint64_t finish(std::uint64_t h, std::size_t n) noexcept {
  h = (h ^ n) * 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}
}  // namespace hash_detail

inline std::uint64_t hash_bytes(std::string_view s) noexcept {
  const std::size_t n = s.size();
  std::uint64_t h = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    h = hash_detail::step(h, x);
  }
  if (i < n) {
    // The last 1-7 bytes, zero-padded (as a memcpy into a zeroed word would give, without the call).
    std::uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    std::memcpy(&x, s.data() + i, n - i);
#else
    for (std::size_t k = i; k < n; ++k) x |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * (k - i));
#endif
    h = hash_detail::step(h, x);
  }
  return hash_detail::finish(h, n);
}

// The first n (1..8) bytes at p, zero-padded to eight, as one word; p + 8 must be readable.
inline std::uint64_t load_first_bytes(const char* p, std::size_t n) noexcept {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return x & (~std::uint64_t{0} << (8 * (8 - n)));
#else
  return x & (~std::uint64_t{0} >> (8 * (8 - n)));
#endif
}

// hash_bytes of the n bytes at p, for a buffer that may be read up to 7 bytes past p + n (the
// scorer's arena keeps that slack): the last chunk is loaded whole and masked.
inline std::uint64_t hash_padded(const char* p, std::size_t n) noexcept {
  std::uint64_t h = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    h = hash_detail::step(h, x);
  }
  if (i < n) {
    // The n - i lowest-addressed bytes, as the zero-padded copy in hash_bytes has them.
    h = hash_detail::step(h, load_first_bytes(p + i, n - i));
  }
  return hash_detail::finish(h, n);
}

// A bit filter over key hashes: may_contain(h) is true for every hash added (and for a few
// others: false positives); false means the hash was never added. Two bits per key, both in one 64-bit word (one memory read per look-up), taken
// from hash bits a table's slot index does not use (bits 40-51 pick the word, 52-63 the bits);
// two bits cut the false positives several times over one bit in the same space.
class HashFilter {
 public:
  static constexpr std::size_t kWords = 4096;  // 32 KiB
  void add(std::uint64_t h) noexcept { bits_[word(h)] |= mask(h); }
  bool may_contain(std::uint64_t h) const noexcept { return (bits_[word(h)] & mask(h)) == mask(h); }

 private:
  static std::size_t word(std::uint64_t h) noexcept { return (h >> 40) & (kWords - 1); }
  static std::uint64_t mask(std::uint64_t h) noexcept {
    return (std::uint64_t{1} << ((h >> 52) & 63)) | (std::uint64_t{1} << ((h >> 58) & 63));
  }
  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kWords, 0);
};

template <class V>
class StringTable {
 public:
  // Inserts or replaces; returns a reference to the stored value.
  V& put(std::string_view key, V value) {
    if ((count_ + 1) * 4 >= slots_.size() * 3) grow();
    const std::uint64_t h = hash_bytes(key);
    const std::size_t i = locate(key, h);
    if (slots_[i].size1) {
      slots_[i].value = std::move(value);
      return slots_[i].value;
    }
    return fill(i, key, h, std::move(value));
  }
  // Inserts `value` unless `key` is there already (like std::map::try_emplace): the stored value,
  // and whether it was inserted. The pointer lasts until the next insertion.
  std::pair<V*, bool> try_put(std::string_view key, V value) {
    if ((count_ + 1) * 4 >= slots_.size() * 3) grow();
    const std::uint64_t h = hash_bytes(key);
    const std::size_t i = locate(key, h);
    if (slots_[i].size1) return {&slots_[i].value, false};
    return {&fill(i, key, h, std::move(value)), true};
  }

  const V* find(std::string_view key) const noexcept { return find(key, hash_bytes(key)); }
  // `h` must be hash_bytes(key).
  const V* find(std::string_view key, std::uint64_t h) const noexcept {
    if (!may_contain(h)) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask; slots_[i].size1; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      if (sl.hash == h && sl.size1 == key.size() + 1 &&
          same_bytes(key.size() <= kInline ? sl.inl : arena_.data() + sl.off, key.data(), key.size()))
        return &sl.value;
    }
    return nullptr;
  }
  // find(key, h) for a key that may be read up to 7 bytes past its end (the scorer's arena):
  // short keys are compared as one masked 8-byte word instead of byte by byte.
  const V* find_padded(std::string_view key, std::uint64_t h) const noexcept {
    if (!may_contain(h)) return nullptr;
    const std::size_t n = key.size();
    if (n > kInline) return find(key, h);
    const std::uint64_t k = n ? load_first_bytes(key.data(), n) : 0;  // zero-padded like Slot::inl
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask; slots_[i].size1; i = (i + 1) & mask) {
      const Slot& sl = slots_[i];
      std::uint64_t stored;
      std::memcpy(&stored, sl.inl, 8);
      if (sl.hash == h && sl.size1 == n + 1 && stored == k) return &sl.value;
    }
    return nullptr;
  }
  // False: no key has hash `h` (the filter alone answers); true: find() may find one.
  bool may_contain(std::uint64_t h) const noexcept {
    return filter_.may_contain(h);
  }
  std::size_t size() const noexcept { return count_; }
  // Room for n keys without growing. (Filling a table in another table's slot order, i.e. in
  // hash order, must not grow on the way: linear probing would pile the keys up.)
  void reserve(std::size_t n) {
    while ((n + 1) * 4 >= slots_.size() * 3) grow();
  }

  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.size1) f(view(s), s.value);
  }
  // The same, with the values open to change (the keys stay as they are).
  template <class F>
  void for_each(F&& f) {
    for (Slot& s : slots_)
      if (s.size1) f(view(s), s.value);
  }

 private:
  // A slot holds the hash, the key itself when it is short (most words; otherwise its place in
  // arena_) and the value, so that a hit usually reads one cache line (64 bytes for the scorer's
  // merged word table).
  static constexpr std::size_t kInline = 8;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t size1 = 0;  // key length + 1; 0 for an empty slot
    std::uint32_t off = 0;    // the key in arena_ when it is longer than kInline
    char inl[kInline] = {};   // the key when it is short
    V value{};
  };
  static bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    for (std::size_t k = 0; k < n; ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  std::string_view view(const Slot& s) const noexcept {
    const std::size_t n = s.size1 - 1;
    return n <= kInline ? std::string_view(s.inl, n) : std::string_view(arena_).substr(s.off, n);
  }

  // The slot holding `key` (hash h), or the empty slot where it would go.
  std::size_t locate(std::string_view key, std::uint64_t h) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].size1 && !(slots_[i].hash == h && view(slots_[i]) == key)) i = (i + 1) & mask;
    return i;
  }

  // Stores a new key with hash h in the empty slot i.
  V& fill(std::size_t i, std::string_view key, std::uint64_t h, V value) {
    filter_.add(h);
    Slot& s = slots_[i];
    s.hash = h;
    s.size1 = static_cast<std::uint32_t>(key.size()) + 1;
    if (key.size() <= kInline) {
      std::memcpy(s.inl, key.data(), key.size());
    } else {
      s.off = static_cast<std::uint32_t>(arena_.size());
      arena_.append(key.data(), key.size());
    }
    s.value = std::move(value);
    ++count_;
    return s.value;
  }

  // Twice the slots; every key moves with the hash it has (keys are distinct: no compares).
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    std::string old_arena = std::move(arena_);
    slots_.clear();
    slots_.resize(old.empty() ? 64 : old.size() * 2);
    arena_.clear();
    arena_.reserve(old_arena.size() * 2);
    count_ = 0;
    const std::size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (!s.size1) continue;
      const std::size_t n = s.size1 - 1;
      const std::string_view k = n <= kInline ? std::string_view(s.inl, n) : std::string_view(old_arena).substr(s.off, n);
      std::size_t i = s.hash & mask;
      while (slots_[i].size1) i = (i + 1) & mask;
      fill(i, k, s.hash, std::move(s.value));
    }
  }

  // Most words are not in a table: the filter answers for them without touching the slots.
  // (Its size matters: the NYT snippets scored about 6 % slower with an 8 KiB filter than with
  // 16, and 3 % faster with 32: the fewer false positives, the fewer slot reads.)
  HashFilter filter_;
  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t count_ = 0;
};

}  // namespace presslens::detail
