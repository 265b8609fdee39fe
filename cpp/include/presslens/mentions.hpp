// Stage 2: tokens -> mentions of people, organizations, groups and places, grouped into entities.
// (Placeholder interface; owned by the quotes/mentions work.)
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/segmenter.hpp"

namespace presslens {

enum class EntityKind : std::uint8_t { Person, Organization, Group, Place, Other };

struct Mention {
  std::uint32_t start = 0, end = 0;  // bytes
  std::int32_t entity = -1;          // index into MentionResult::entities
  std::uint32_t sentence = 0;
  bool is_pronoun = false;
};

struct Entity {
  std::string name;  // canonical name
  EntityKind kind = EntityKind::Other;
  std::string title;
  std::vector<std::uint32_t> mentions;  // indices into MentionResult::mentions
};

struct MentionResult {
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
};

class MentionFinder {
 public:
  MentionFinder();
  MentionResult find(std::string_view text, const Segmentation& seg) const;
};

}  // namespace presslens
