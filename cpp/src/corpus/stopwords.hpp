// Internal: the function-word check of the corpus stage with a hash the caller already has.
#pragma once
#include <cstdint>
#include <string_view>

namespace presslens::corpus_detail {

// is_stopword(term), given h = detail::hash_bytes(term).
bool is_stopword(std::string_view term, std::uint64_t h) noexcept;

}  // namespace presslens::corpus_detail
