// Bindings of stage 5: corpus statistics. Term counts of analysed documents (their arrays handed to
// NumPy without copies), distinctive terms and cosine similarity; the GIL is released for the work.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "bindings.hpp"
#include "presslens/corpus.hpp"

namespace presslens::bindings {

namespace {

// A NumPy array over `data`, which `owner` (the Python object holding it) keeps alive.
template <class T>
py::array_t<T> view_of(const std::vector<T>& data, py::handle owner) {
  auto a = py::array_t<T>({static_cast<py::ssize_t>(data.size())}, {static_cast<py::ssize_t>(sizeof(T))},
                          data.data(), owner);
  a.attr("setflags")(py::arg("write") = false);  // a view of the counts, not a copy: read-only
  return a;
}

// A NumPy array that owns `data` (moved to the heap; freed with the array).
py::array_t<double> owning_array(std::vector<double>&& data, std::vector<py::ssize_t> shape) {
  auto held = std::make_unique<std::vector<double>>(std::move(data));
  py::capsule free_it(held.get(), [](void* p) { std::unique_ptr<std::vector<double>>(static_cast<std::vector<double>*>(p)); });
  const double* values = held->data();
  held.release();  // owned by the capsule from here on
  std::vector<py::ssize_t> strides(shape.size(), static_cast<py::ssize_t>(sizeof(double)));
  for (std::size_t k = shape.size(); k-- > 1;) strides[k - 1] = strides[k] * shape[k];
  return py::array_t<double>(shape, strides, values, free_it);
}

std::vector<std::int32_t> group_numbers(const py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>& g) {
  if (g.ndim() != 1) throw py::value_error("groups must be a one-dimensional sequence of integers");
  return std::vector<std::int32_t>(g.data(), g.data() + g.size());
}

}  // namespace

void bind_corpus(py::module_& m) {
  py::class_<TermCounts, std::shared_ptr<TermCounts>>(
      m, "TermCounts", "Term counts of documents or groups: a sparse rows x terms matrix in compressed rows")
      .def_static(
          "count",
          [](const py::sequence& documents, bool stopwords, bool numbers, std::uint32_t min_chars, unsigned threads) {
            std::vector<std::shared_ptr<const Document>> held;
            held.reserve(py::len(documents));
            for (const py::handle d : documents) {
              if (!py::isinstance<DocumentHandle>(d))
                throw py::type_error("TermCounts.count: expected analysed documents, got " +
                                     std::string(py::str(py::type::of(d).attr("__name__"))) + " at index " +
                                     std::to_string(held.size()));
              held.push_back(d.cast<const DocumentHandle&>().doc);
            }
            std::vector<const Document*> docs;
            docs.reserve(held.size());
            for (const auto& d : held) docs.push_back(d.get());
            TermOptions options;
            options.stopwords = stopwords;
            options.numbers = numbers;
            options.min_chars = min_chars;
            py::gil_scoped_release release;
            return std::make_shared<TermCounts>(TermCounts::count(docs, options, threads));
          },
          py::arg("documents"), py::arg("stopwords") = true, py::arg("numbers") = false, py::arg("min_chars") = 2,
          py::arg("threads") = 1)
      .def_static(
          "concat",
          [](const std::vector<std::shared_ptr<TermCounts>>& parts) {
            std::vector<const TermCounts*> p;
            p.reserve(parts.size());
            for (const auto& t : parts) p.push_back(t.get());
            py::gil_scoped_release release;
            return std::make_shared<TermCounts>(TermCounts::concat(p));
          },
          py::arg("parts"), "The rows of all parts, one after the other, over the union of their vocabularies")
      .def_property_readonly("rows", &TermCounts::rows)
      .def_property_readonly("size", &TermCounts::size, "the number of terms (columns)")
      .def_property_readonly("terms", &TermCounts::terms)
      .def_property_readonly("row_start",
                             [](py::object self) { return view_of(self.cast<const TermCounts&>().row_start(), self); })
      .def_property_readonly("term_ids",
                             [](py::object self) { return view_of(self.cast<const TermCounts&>().term_ids(), self); })
      .def_property_readonly("counts",
                             [](py::object self) { return view_of(self.cast<const TermCounts&>().counts(), self); })
      .def("row_totals", [](const TermCounts& t) { return owning_array(t.row_totals(), {static_cast<py::ssize_t>(t.rows())}); })
      .def("term_totals", [](const TermCounts& t) { return owning_array(t.term_totals(), {static_cast<py::ssize_t>(t.size())}); })
      .def("document_frequency",
           [](const TermCounts& t) { return owning_array(t.document_frequency(), {static_cast<py::ssize_t>(t.size())}); })
      .def(
          "sum_rows",
          [](const TermCounts& t, const py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>& groups,
             std::size_t n_groups) {
            std::vector<std::int32_t> g = group_numbers(groups);
            py::gil_scoped_release release;
            return std::make_shared<TermCounts>(t.sum_rows(g, n_groups));
          },
          py::arg("groups"), py::arg("n_groups"))
      .def(py::pickle(
          [](const TermCounts& t) {  // the four parts, the arrays as bytes (compact, exact)
            auto as_bytes = [](const auto& v) {
              return py::bytes(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
            };
            return py::make_tuple(t.terms(), as_bytes(t.row_start()), as_bytes(t.term_ids()), as_bytes(t.counts()));
          },
          [](const py::tuple& state) {
            if (state.size() != 4) throw py::value_error("TermCounts: a pickled state has 4 parts");
            auto from_bytes = [](const py::handle& b, auto element) {
              const auto raw = b.cast<std::string_view>();  // (the bytes object's buffer, not a copy)
              using T = decltype(element);
              if (raw.size() % sizeof(T)) throw py::value_error("TermCounts: a pickled array has a partial element");
              std::vector<T> v(raw.size() / sizeof(T));
              if (!v.empty()) std::memcpy(v.data(), raw.data(), raw.size());
              return v;
            };
            return std::make_shared<TermCounts>(TermCounts::from_parts(
                state[0].cast<std::vector<std::string>>(), from_bytes(state[1], std::int64_t{}),
                from_bytes(state[2], std::int32_t{}), from_bytes(state[3], double{})));
          }))
      .def("__repr__", [](const TermCounts& t) {
        return "<TermCounts " + std::to_string(t.rows()) + " rows x " + std::to_string(t.size()) + " terms, " +
               std::to_string(t.counts().size()) + " non-zero>";
      });

  m.def(
      "distinctive_terms",
      [](const TermCounts& rows, double prior, std::size_t top, double min_count) {
        std::vector<std::vector<DistinctiveTerm>> found;
        {
          py::gil_scoped_release release;
          found = distinctive_terms(rows, prior, top, min_count);
        }
        py::list out;
        for (const auto& side : found) {
          py::list terms;
          for (const auto& d : side)
            terms.append(py::make_tuple(rows.terms()[d.term], d.count, d.rest_count, d.log_odds, d.z));
          out.append(terms);
        }
        return out;
      },
      py::arg("rows"), py::arg("prior") = 500.0, py::arg("top") = 20, py::arg("min_count") = 5.0,
      "Per row: (term, count, rest_count, log_odds, z) of its most over-represented terms, by z");
  m.def(
      "inverse_document_frequency",
      [](const TermCounts& documents) {
        return owning_array(inverse_document_frequency(documents), {static_cast<py::ssize_t>(documents.size())});
      },
      py::arg("documents"), "ln((1 + n) / (1 + df)) + 1 of each term over the rows");
  m.def(
      "cosine_similarity",
      [](const TermCounts& rows, std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> weights) {
        std::vector<double> w;
        if (weights) w.assign(weights->data(), weights->data() + weights->size());
        DenseMatrix s;
        {
          py::gil_scoped_release release;
          s = cosine_similarity(rows, w);
        }
        return owning_array(std::move(s.values), {static_cast<py::ssize_t>(s.rows), static_cast<py::ssize_t>(s.cols)});
      },
      py::arg("rows"), py::arg("weights") = py::none(),
      "Cosine similarity of all pairs of rows, counts times the term weights (None: raw counts)");
  m.def(
      "is_stopword", [](const std::string& term) { return is_stopword(term); }, py::arg("term"),
      "Whether a case-folded term is one of the English function words left out of term counts");
}

}  // namespace presslens::bindings
