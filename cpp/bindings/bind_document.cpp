// Bindings of the pipeline: Analyzer and Document. Batch calls convert every input first, then
// release the GIL and fan the C++ work out over threads.
#include <pybind11/stl.h>

#include <thread>

#include "bindings.hpp"
#include "presslens/parallel.hpp"

namespace presslens::bindings {

namespace {

std::vector<std::shared_ptr<const Document>> analyze_parallel(const Analyzer& analyzer,
                                                              std::vector<std::string> texts,
                                                              unsigned threads) {
  std::vector<std::shared_ptr<const Document>> out(texts.size());
  parallel_for(texts.size(), threads, [&](std::size_t i) { out[i] = analyzer.analyze(std::move(texts[i])); });
  return out;
}

}  // namespace

void bind_document(py::module_& m) {
  py::class_<DocumentHandle>(m, "Document", "An analysed document (core handle; use presslens.Document)")
      .def_property_readonly("text", [](const DocumentHandle& h) { return slice(*h.doc, 0, static_cast<std::uint32_t>(h.doc->text.size())); })
      .def_property_readonly("n_tokens", [](const DocumentHandle& h) { return h.doc->segmentation.tokens.size(); })
      .def_property_readonly("n_sentences", [](const DocumentHandle& h) { return h.doc->segmentation.sentences.size(); })
      .def_property_readonly("n_bytes", [](const DocumentHandle& h) { return h.doc->text.size(); });

  py::class_<Analyzer, std::shared_ptr<Analyzer>>(m, "Analyzer",
                                                  "Immutable analysis pipeline, safe to share between threads")
      .def(py::init([](bool mentions, bool quotes, bool sentiment, std::shared_ptr<SentimentScorer> scorer) {
             AnalyzerOptions o;
             o.mentions = mentions || quotes;  // quotes need mentions
             o.quotes = quotes;
             o.sentiment = sentiment;
             // A null scorer means the shared default; a custom one comes from presslens.SentimentAnalyzer.
             return std::make_shared<Analyzer>(o, nullptr, std::shared_ptr<const SentimentScorer>(std::move(scorer)));
           }),
           py::kw_only(), py::arg("mentions") = true, py::arg("quotes") = true, py::arg("sentiment") = true,
           py::arg("sentiment_scorer") = nullptr)
      .def_property_readonly("options", [](const Analyzer& a) {
        py::dict d;
        d["mentions"] = a.options().mentions;
        d["quotes"] = a.options().quotes;
        d["sentiment"] = a.options().sentiment;
        return d;
      })
      .def("analyze",
           [](const Analyzer& a, py::handle text) {
             std::string utf8 = text_from_python(text);
             std::shared_ptr<const Document> doc;
             {
               py::gil_scoped_release release;
               doc = a.analyze(std::move(utf8));
             }
             return DocumentHandle{std::move(doc)};
           },
           py::arg("text"))
      .def("analyze_many",
           [](const Analyzer& a, const py::sequence& texts, unsigned threads) {
             std::vector<std::string> utf8;
             utf8.reserve(texts.size());
             for (std::size_t i = 0; i < texts.size(); ++i) {
               std::string what = "texts[" + std::to_string(i) + "]";
               utf8.push_back(text_from_python(texts[i], what.c_str()));
             }
             std::vector<std::shared_ptr<const Document>> docs;
             {
               py::gil_scoped_release release;
               docs = analyze_parallel(a, std::move(utf8), threads);
             }
             py::list out;
             for (auto& d : docs) out.append(DocumentHandle{std::move(d)});
             return out;
           },
           py::arg("texts"), py::arg("threads") = 1)
      .def(py::pickle(
          [](const Analyzer& a) {
            return py::make_tuple(a.options().mentions, a.options().quotes, a.options().sentiment);
          },
          [](const py::tuple& t) {
            AnalyzerOptions o;
            o.mentions = t[0].cast<bool>();
            o.quotes = t[1].cast<bool>();
            o.sentiment = t[2].cast<bool>();
            return std::make_shared<Analyzer>(o);
          }));

  m.def("hardware_threads", [] { return std::max(1u, std::thread::hardware_concurrency()); });
}

}  // namespace presslens::bindings
