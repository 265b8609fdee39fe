// The light views behind _core.Token, Sentence, Paragraph, Entity, Mention and Quote: item i of
// one table of an analysed document, whose shared_ptr keeps the document alive.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "presslens/document.hpp"

namespace presslens::bindings {

// The document's table of T items.
template <class T>
const std::vector<T>& items(const Document& d);
template <> inline const std::vector<Token>& items(const Document& d) { return d.segmentation.tokens; }
template <> inline const std::vector<Sentence>& items(const Document& d) { return d.segmentation.sentences; }
template <> inline const std::vector<Paragraph>& items(const Document& d) { return d.segmentation.paragraphs; }
template <> inline const std::vector<Entity>& items(const Document& d) { return d.mentions.entities; }
template <> inline const std::vector<Mention>& items(const Document& d) { return d.mentions.mentions; }
template <> inline const std::vector<Quote>& items(const Document& d) { return d.quotes; }

template <class T>
struct View {
  std::shared_ptr<const Document> doc;
  std::uint32_t i;
  const T& item() const { return items<T>(*doc)[i]; }
};

}  // namespace presslens::bindings
