#include "presslens/quotes.hpp"

namespace presslens {

QuoteFinder::QuoteFinder() = default;

std::vector<Quote> QuoteFinder::find(std::string_view, const Segmentation&,
                                     const MentionResult&) const {
  return {};
}

}  // namespace presslens
