// Shared pieces of the Python bindings. Only cpp/bindings knows about Python.
#pragma once
#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "presslens/document.hpp"
#include "presslens/errors.hpp"

namespace presslens::bindings {

namespace py = pybind11;

// The Python-visible handle on an analysed document; spans keep it alive through `doc`.
struct DocumentHandle {
  std::shared_ptr<const Document> doc;
};

// Converts a Python str to UTF-8. Lone surrogates raise ValueError naming the index.
// bytes are decoded as strict UTF-8 first (UnicodeDecodeError names the offset).
std::string text_from_python(py::handle obj, const char* what = "text");

// Code point offset of a byte offset in `doc`.
inline std::uint32_t cp(const Document& doc, std::uint32_t byte) {
  return doc.index.to_codepoint(byte);
}

// Python str of bytes [start, end) of the document text.
py::str slice(const Document& doc, std::uint32_t start, std::uint32_t end);

void bind_errors(py::module_& m);
void bind_segment(py::module_& m);
void bind_document(py::module_& m);
void bind_mentions_quotes(py::module_& m);
void bind_sentiment(py::module_& m);
void bind_corpus(py::module_& m);

}  // namespace presslens::bindings
