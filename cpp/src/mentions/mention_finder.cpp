#include "presslens/mentions.hpp"

namespace presslens {

MentionFinder::MentionFinder() = default;

MentionResult MentionFinder::find(std::string_view, const Segmentation&) const { return {}; }

}  // namespace presslens
