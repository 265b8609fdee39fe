// Bindings of stage 1: tokens, sentences, paragraphs as light views (document + index).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <Python.h>

#include "bindings.hpp"
#include "views.hpp"

namespace presslens::bindings {

// Defined in bind_sentiment.cpp (stage 4).
py::object sentence_sentiment(const std::shared_ptr<const Document>& doc, std::uint32_t i);

std::string text_from_python(py::handle obj, const char* what) {
  if (PyBytes_Check(obj.ptr())) {
    // Documented behaviour: bytes are decoded as strict UTF-8 (UnicodeDecodeError names the offset).
    char* data = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(obj.ptr(), &data, &size);
    PyObject* decoded = PyUnicode_DecodeUTF8(data, size, "strict");
    if (!decoded) throw py::error_already_set();
    Py_DECREF(decoded);
    return std::string(data, static_cast<std::size_t>(size));
  }
  if (!PyUnicode_Check(obj.ptr())) {
    throw py::type_error(std::string(what) + " must be str or bytes, not " +
                         std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
  if (!data) {
    PyErr_Clear();
    // Only lone surrogates make a str unencodable; find the first one to name it.
    Py_ssize_t n = PyUnicode_GetLength(obj.ptr());
    for (Py_ssize_t i = 0; i < n; ++i) {
      Py_UCS4 c = PyUnicode_ReadChar(obj.ptr(), i);
      if (c >= 0xD800 && c <= 0xDFFF) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      "%s contains a lone surrogate U+%04X at index %zd; it is not valid "
                      "Unicode text (decode with errors='replace' or fix the source)",
                      what, static_cast<unsigned>(c), static_cast<Py_ssize_t>(i));
        throw py::value_error(buf);
      }
    }
    throw py::value_error(std::string(what) + " cannot be encoded as UTF-8");
  }
  return std::string(data, static_cast<std::size_t>(size));
}

py::str slice(const Document& doc, std::uint32_t start, std::uint32_t end) {
  PyObject* s = PyUnicode_DecodeUTF8(doc.text.data() + start, end - start, "strict");
  if (!s) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

namespace {

using TokenView = View<Token>;
using SentenceView = View<Sentence>;
using ParagraphView = View<Paragraph>;

// A lazy sequence of views over an index range (or an explicit index list) of one document.
template <class T>
struct ViewList {
  std::shared_ptr<const Document> doc;
  std::uint32_t begin = 0, end = 0;
  std::shared_ptr<const std::vector<std::uint32_t>> indices;  // when set, overrides the range
  std::size_t size() const { return indices ? indices->size() : end - begin; }
  View<T> at(py::ssize_t k) const {
    auto n = static_cast<py::ssize_t>(size());
    if (k < 0) k += n;
    if (k < 0 || k >= n) throw py::index_error("index out of range");
    std::uint32_t idx = indices ? (*indices)[static_cast<std::size_t>(k)] : begin + static_cast<std::uint32_t>(k);
    return View<T>{doc, idx};
  }
};

template <class T>
void bind_view_list(py::module_& m, const char* name, const char* item) {
  using L = ViewList<T>;
  py::class_<L>(m, name, (std::string("A sequence of ") + item + " of one document").c_str())
      .def("__len__", &L::size)
      .def("__getitem__", &L::at)
      .def("__getitem__",
           [](const L& l, py::slice s) {
             std::size_t start, stop, step, len;
             if (!s.compute(l.size(), &start, &stop, &step, &len)) throw py::error_already_set();
             py::list out;
             for (std::size_t k = 0; k < len; ++k) out.append(l.at(static_cast<py::ssize_t>(start + k * step)));
             return out;
           })
      .def("__iter__",
           [](const L& l) {
             py::list out;  // materialise: views are tiny and this keeps iteration simple and fast
             for (std::size_t k = 0; k < l.size(); ++k) out.append(l.at(static_cast<py::ssize_t>(k)));
             return py::iter(out);
           })
      .def("__repr__", [item](const L& l) {
        return "<" + std::to_string(l.size()) + " " + item + ">";
      });
}

template <class V>
py::str view_text(const V& v, std::uint32_t s, std::uint32_t e) {
  return slice(*v.doc, s, e);
}

std::string short_repr(const std::string& kind, const py::str& text, std::uint32_t s, std::uint32_t e) {
  std::string t = text;
  if (t.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t = t.substr(0, cut) + "...";
  }
  std::string r = py::repr(py::str(t));
  return "<" + kind + " " + std::to_string(s) + ":" + std::to_string(e) + " " + r + ">";
}

}  // namespace

void bind_segment(py::module_& m) {
  py::class_<TokenView>(m, "Token", "A token: a light view into its document")
      .def_property_readonly("start", [](const TokenView& v) { return cp(*v.doc, v.item().start); })
      .def_property_readonly("end", [](const TokenView& v) { return cp(*v.doc, v.item().end); })
      .def_property_readonly("text", [](const TokenView& v) { return view_text(v, v.item().start, v.item().end); })
      .def_property_readonly("i", [](const TokenView& v) { return v.i; })
      .def_property_readonly("kind", [](const TokenView& v) { return to_string(v.item().kind); })
      .def_property_readonly("quote_role", [](const TokenView& v) -> py::object {
        if (v.item().kind != TokenKind::Quote) return py::none();
        return py::str(to_string(v.item().quote_role));
      })
      .def_property_readonly("norm", [](const TokenView& v) {
        return normalize_token(v.item().text(v.doc->text));
      }, "Case-folded, NFKC-normalised form")
      .def_property_readonly("space_after", [](const TokenView& v) { return v.item().space_after; })
      .def_property_readonly("whitespace_after", [](const TokenView& v) {
        const auto& toks = v.doc->segmentation.tokens;
        std::uint32_t next = v.i + 1 < toks.size() ? toks[v.i + 1].start
                                                   : static_cast<std::uint32_t>(v.doc->text.size());
        return slice(*v.doc, v.item().end, next);
      }, "The exact text between this token and the next (or the end)")
      .def_property_readonly("is_abbreviation", [](const TokenView& v) { return v.item().has(token_flags::kAbbreviation); })
      .def("__len__", [](const TokenView& v) { return cp(*v.doc, v.item().end) - cp(*v.doc, v.item().start); })
      .def("__str__", [](const TokenView& v) { return view_text(v, v.item().start, v.item().end); })
      .def("__repr__", [](const TokenView& v) {
        return short_repr(std::string("Token ") + to_string(v.item().kind), view_text(v, v.item().start, v.item().end),
                          cp(*v.doc, v.item().start), cp(*v.doc, v.item().end));
      });

  py::class_<SentenceView>(m, "Sentence", "A sentence: a light view into its document")
      .def_property_readonly("start", [](const SentenceView& v) { return cp(*v.doc, v.item().start); })
      .def_property_readonly("end", [](const SentenceView& v) { return cp(*v.doc, v.item().end); })
      .def_property_readonly("text", [](const SentenceView& v) { return view_text(v, v.item().start, v.item().end); })
      .def_property_readonly("i", [](const SentenceView& v) { return v.i; })
      .def_property_readonly("paragraph_index", [](const SentenceView& v) { return v.item().paragraph; })
      .def_property_readonly("sentiment", [](const SentenceView& v) { return sentence_sentiment(v.doc, v.i); },
                             "The sentence's SentimentScores (compound, pos, neu, neg, label); see presslens.sentiment")
      .def_property_readonly("tokens", [](const SentenceView& v) {
        return ViewList<Token>{v.doc, v.item().token_begin, v.item().token_end, nullptr};
      })
      .def("__len__", [](const SentenceView& v) { return v.item().token_end - v.item().token_begin; })
      .def("__str__", [](const SentenceView& v) { return view_text(v, v.item().start, v.item().end); })
      .def("__repr__", [](const SentenceView& v) {
        return short_repr("Sentence", view_text(v, v.item().start, v.item().end), cp(*v.doc, v.item().start),
                          cp(*v.doc, v.item().end));
      });

  py::class_<ParagraphView>(m, "Paragraph", "A paragraph (a line of text, or a heading)")
      .def_property_readonly("start", [](const ParagraphView& v) { return cp(*v.doc, v.item().start); })
      .def_property_readonly("end", [](const ParagraphView& v) { return cp(*v.doc, v.item().end); })
      .def_property_readonly("text", [](const ParagraphView& v) { return view_text(v, v.item().start, v.item().end); })
      .def_property_readonly("i", [](const ParagraphView& v) { return v.i; })
      .def_property_readonly("is_heading", [](const ParagraphView& v) { return v.item().is_heading; })
      .def_property_readonly("sentences", [](const ParagraphView& v) {
        return ViewList<Sentence>{v.doc, v.item().sentence_begin, v.item().sentence_end, nullptr};
      })
      .def("__str__", [](const ParagraphView& v) { return view_text(v, v.item().start, v.item().end); })
      .def("__repr__", [](const ParagraphView& v) {
        return short_repr(v.item().is_heading ? "Heading" : "Paragraph", view_text(v, v.item().start, v.item().end),
                          cp(*v.doc, v.item().start), cp(*v.doc, v.item().end));
      });

  bind_view_list<Token>(m, "TokenList", "tokens");
  bind_view_list<Sentence>(m, "SentenceList", "sentences");
  bind_view_list<Paragraph>(m, "ParagraphList", "paragraphs");

  m.def("_views_for", [](const DocumentHandle& h) {
    // Used by _core.Document accessors below (bind_document); kept here with the view types.
    const auto& seg = h.doc->segmentation;
    auto headings = std::make_shared<std::vector<std::uint32_t>>();
    for (std::uint32_t i = 0; i < seg.paragraphs.size(); ++i)
      if (seg.paragraphs[i].is_heading) headings->push_back(i);
    return py::make_tuple(
        ViewList<Token>{h.doc, 0, static_cast<std::uint32_t>(seg.tokens.size()), nullptr},
        ViewList<Sentence>{h.doc, 0, static_cast<std::uint32_t>(seg.sentences.size()), nullptr},
        ViewList<Paragraph>{h.doc, 0, static_cast<std::uint32_t>(seg.paragraphs.size()), nullptr},
        ViewList<Paragraph>{h.doc, 0, 0, headings});
  }, "(tokens, sentences, paragraphs, headings) views of a document");

  m.def("_token_arrays", [](const DocumentHandle& h) {
    // Column arrays for DataFrame/Arrow export without a Python loop per token.
    const auto& doc = *h.doc;
    const auto& toks = doc.segmentation.tokens;
    const auto n = static_cast<py::ssize_t>(toks.size());
    py::array_t<std::int64_t> start(n), end(n), sentence(n);
    py::array_t<std::uint8_t> kind(n), quote_role(n);
    py::array_t<bool> space_after(n);
    auto s = start.mutable_unchecked<1>(); auto e = end.mutable_unchecked<1>();
    auto k = kind.mutable_unchecked<1>(); auto q = quote_role.mutable_unchecked<1>();
    auto sp = space_after.mutable_unchecked<1>(); auto sn = sentence.mutable_unchecked<1>();
    std::size_t si = 0;
    const auto& sents = doc.segmentation.sentences;
    for (py::ssize_t i = 0; i < n; ++i) {
      const auto& t = toks[static_cast<std::size_t>(i)];
      s(i) = cp(doc, t.start); e(i) = cp(doc, t.end);
      k(i) = static_cast<std::uint8_t>(t.kind); q(i) = static_cast<std::uint8_t>(t.quote_role);
      sp(i) = t.space_after;
      while (si < sents.size() && sents[si].token_end <= static_cast<std::uint32_t>(i)) ++si;
      sn(i) = si < sents.size() && sents[si].token_begin <= static_cast<std::uint32_t>(i) ? static_cast<std::int64_t>(si) : -1;
    }
    py::list text(n);  // token strings made here, so tables need no Python loop per token
    for (py::ssize_t i = 0; i < n; ++i) {
      const auto& t = toks[static_cast<std::size_t>(i)];
      PyList_SET_ITEM(text.ptr(), i, slice(doc, t.start, t.end).release().ptr());
    }
    py::dict out;
    out["start"] = start; out["end"] = end; out["text"] = text; out["kind"] = kind; out["quote_role"] = quote_role;
    out["space_after"] = space_after; out["sentence"] = sentence;
    return out;
  });

  m.def("_span_arrays", [](const DocumentHandle& h, const std::string& what) {
    const auto& doc = *h.doc;
    const auto& seg = doc.segmentation;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    if (what == "sentences") for (const auto& x : seg.sentences) spans.emplace_back(x.start, x.end);
    else if (what == "paragraphs") for (const auto& x : seg.paragraphs) spans.emplace_back(x.start, x.end);
    else throw py::value_error("what must be 'sentences' or 'paragraphs', not " + what);
    const auto n = static_cast<py::ssize_t>(spans.size());
    py::array_t<std::int64_t> start(n), end(n);
    auto s = start.mutable_unchecked<1>(); auto e = end.mutable_unchecked<1>();
    for (py::ssize_t i = 0; i < n; ++i) {
      s(i) = cp(doc, spans[static_cast<std::size_t>(i)].first);
      e(i) = cp(doc, spans[static_cast<std::size_t>(i)].second);
    }
    py::list text(n);
    for (py::ssize_t i = 0; i < n; ++i) {
      const auto& sp = spans[static_cast<std::size_t>(i)];
      PyList_SET_ITEM(text.ptr(), i, slice(doc, sp.first, sp.second).release().ptr());
    }
    py::dict out; out["start"] = start; out["end"] = end; out["text"] = text;
    return out;
  });

  py::list kinds;
  for (int k = 0; k <= static_cast<int>(TokenKind::Symbol); ++k) kinds.append(to_string(static_cast<TokenKind>(k)));
  m.attr("TOKEN_KINDS") = py::tuple(kinds);
  py::list roles;
  for (int k = 0; k <= static_cast<int>(QuoteRole::Ambiguous); ++k) roles.append(to_string(static_cast<QuoteRole>(k)));
  m.attr("QUOTE_ROLES") = py::tuple(roles);
  m.def("normalize_token", [](const std::string& s) { return normalize_token(s); });
}

}  // namespace presslens::bindings
