// Bindings of stage 4: sentiment. Lexicon, the scorer (polarity_scores and its GIL-free batch),
// per-sentence/document sentiment of analysed documents, and target-dependent sentiment.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>

#include "bindings.hpp"
#include "presslens/parallel.hpp"

namespace presslens::bindings {

namespace {

DuplicatePolicy duplicate_policy(const std::string& s) {
  if (s == "mean") return DuplicatePolicy::Mean;
  if (s == "last") return DuplicatePolicy::Last;
  if (s == "first") return DuplicatePolicy::First;
  if (s == "error") return DuplicatePolicy::Error;
  throw py::value_error("duplicates must be 'mean', 'last', 'first' or 'error', not '" + s + "'");
}

// Text for scoring: like text_from_python, but a lone surrogate (which Python strs may hold) is
// scored as U+FFFD instead of raising, as vaderSentiment would not fail on it either.
std::string scoring_text(py::handle obj, const char* what) {
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data) return std::string(data, static_cast<std::size_t>(size));
    PyErr_Clear();
    PyObject* b = PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass");
    if (!b) throw py::error_already_set();
    std::string raw(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
    Py_DECREF(b);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const auto c = static_cast<unsigned char>(raw[i]);
      if (c == 0xED && i + 2 < raw.size() && (static_cast<unsigned char>(raw[i + 1]) & 0xE0) == 0xA0) {
        out += "\xEF\xBF\xBD";  // an encoded surrogate -> U+FFFD
        i += 2;
      } else {
        out.push_back(raw[i]);
      }
    }
    return out;
  }
  return text_from_python(obj, what);
}

// Python's round(x, digits) for the VADER-compatible dicts (exact also at ties).
double py_round(double x, int digits) {
  const double scale = digits == 3 ? 1e3 : 1e4;
  const double y = x * scale;
  const double frac = std::fabs(y - std::trunc(y));
  if (std::fabs(frac - 0.5) > 1e-6) return std::nearbyint(y) / scale;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);  // correctly rounded, half to even on the exact value
  return std::strtod(buf, nullptr);
}

// A new reference to {"neg", "neu", "pos", "compound"} (rounded like vaderSentiment), built with the
// C API and interned keys: for short texts this dict costs as much as the scoring itself.
PyObject* scores_dict_raw(const SentimentScores& s) {
  static PyObject* keys[4] = {PyUnicode_InternFromString("neg"), PyUnicode_InternFromString("neu"),
                              PyUnicode_InternFromString("pos"), PyUnicode_InternFromString("compound")};
  const double vals[4] = {py_round(s.neg, 3), py_round(s.neu, 3), py_round(s.pos, 3), py_round(s.compound, 4)};
  PyObject* d = PyDict_New();
  if (!d) throw py::error_already_set();
  // 0.0 and 1.0 (no negative words, a neutral text...) are shared float objects; floats are immutable.
  static PyObject* const zero = PyFloat_FromDouble(0.0);
  static PyObject* const one = PyFloat_FromDouble(1.0);
  for (int k = 0; k < 4; ++k) {
    PyObject* v;
    if (vals[k] == 0.0 && !std::signbit(vals[k]) && zero) {
      v = zero;
      Py_INCREF(v);
    } else if (vals[k] == 1.0 && one) {
      v = one;
      Py_INCREF(v);
    } else {
      v = PyFloat_FromDouble(vals[k]);
    }
    if (!v || PyDict_SetItem(d, keys[k], v) < 0) {
      Py_XDECREF(v);
      Py_DECREF(d);
      throw py::error_already_set();
    }
    Py_DECREF(v);
  }
  return d;
}

py::dict scores_dict(const SentimentScores& s) { return py::reinterpret_steal<py::dict>(scores_dict_raw(s)); }

py::tuple scores_tuple(const SentimentScores& s) {
  return py::make_tuple(s.neg, s.neu, s.pos, s.compound, s.words);
}

// Texts of a batch as UTF-8 views. Python strs are viewed in place (CPython caches their UTF-8 form;
// for ASCII strs it is the str's own buffer). `keep` is a tuple of the batch's items, taken with
// one C call, that keeps them alive while the GIL is released even if the caller's list changes;
// other inputs (bytes, strs with lone surrogates) are converted into `owned`.
struct TextBatch {
  py::object keep;
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
  std::size_t size() const { return views.size(); }
};

// Scores texts[0..n) on up to `threads` threads. Short texts go out in blocks (one scheduling
// step and one work-buffer lookup per block); long ones one at a time, since their sizes differ a lot.
void score_into(const SentimentScorer& scorer, const std::string_view* texts, std::size_t n, SentimentScores* out,
                unsigned threads) {
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < n; ++i) bytes += texts[i].size();
  const std::size_t block = bytes <= n * 512 ? 64 : 1;
  const std::size_t blocks = (n + block - 1) / block;
  parallel_for(blocks, threads, [&](std::size_t b) {
    const std::size_t lo = b * block, hi = std::min(n, lo + block);
    scorer.polarity_scores(texts + lo, hi - lo, out + lo);
  });
}

TextBatch convert_texts(const py::sequence& texts) {
  TextBatch b;
  b.keep = py::reinterpret_steal<py::object>(PySequence_Tuple(texts.ptr()));
  if (!b.keep) throw py::error_already_set();
  const auto n = static_cast<std::size_t>(PyTuple_GET_SIZE(b.keep.ptr()));
  b.views.resize(n);
  std::vector<std::size_t> owned_at;  // indices whose view points into `owned` (set at the end)
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* h = PyTuple_GET_ITEM(b.keep.ptr(), static_cast<Py_ssize_t>(i));
    if (PyUnicode_Check(h)) {
      Py_ssize_t size = 0;
      const char* data = PyUnicode_AsUTF8AndSize(h, &size);
      if (data) {
        b.views[i] = std::string_view(data, static_cast<std::size_t>(size));
        continue;
      }
      PyErr_Clear();
    }
    std::string what = "texts[" + std::to_string(i) + "]";
    b.owned.push_back(scoring_text(h, what.c_str()));
    owned_at.push_back(i);
  }
  for (std::size_t k = 0; k < owned_at.size(); ++k) b.views[owned_at[k]] = b.owned[k];
  return b;
}

// The process-wide default scorer, the same instance the default Analyzer uses.
const std::shared_ptr<const SentimentScorer>& default_scorer() { return shared_default<SentimentScorer>(); }

// Target features count reported events fully: "arrested" says something about who was arrested.
const SentimentScorer& target_scorer() {
  static const SentimentScorer scorer([] {
    SentimentOptions o;
    o.event_words = false;
    o.dilution = 0.0;  // the fitted weights (target_sentiment_weights.tsv) saw undiluted sentence scores
    return o;
  }());
  return scorer;
}

const TargetSentimentModel& default_target_model() {
  static const TargetSentimentModel model;
  return model;
}

std::uint32_t to_byte_checked(const Document& doc, std::int64_t cp_off, const char* what) {
  if (cp_off < 0 || cp_off > static_cast<std::int64_t>(doc.index.codepoint_size()))
    throw py::index_error(std::string(what) + " " + std::to_string(cp_off) + " is outside the text of " +
                          std::to_string(doc.index.codepoint_size()) + " characters");
  return doc.index.to_byte(static_cast<std::uint32_t>(cp_off));
}

// Sentence sentiment of a document: the stored one, or computed now when the analyzer skipped it.
const DocumentSentiment& document_sentiment(const Document& doc, DocumentSentiment& storage) {
  if (doc.sentiment.sentences.size() == doc.segmentation.sentences.size()) return doc.sentiment;
  storage = default_scorer()->score(doc.text, doc.segmentation);
  return storage;
}

py::dict target_dict(const TargetSentiment& t) {
  py::dict d;
  d["score"] = t.score;
  d["label"] = t.label;
  d["p_negative"] = t.p_negative;
  d["p_neutral"] = t.p_neutral;
  d["p_positive"] = t.p_positive;
  return d;
}

}  // namespace

// Used by the `sentiment` property of _core.Sentence (bind_segment.cpp).
py::object sentence_sentiment(const std::shared_ptr<const Document>& doc, std::uint32_t i) {
  DocumentSentiment storage;
  const DocumentSentiment& ds = document_sentiment(*doc, storage);
  const SentimentScores& s = ds.sentences.at(i);
  static py::object* cls = nullptr;  // presslens.sentiment.SentimentScores, looked up once
  if (!cls) cls = new py::object(py::module_::import("presslens.sentiment").attr("SentimentScores"));
  return (*cls).attr("_from_core")(s.neg, s.neu, s.pos, s.compound);
}

namespace {

// Scores a Python sequence of texts: converted with the GIL held, scored without it.
std::vector<SentimentScores> score_batch(const SentimentScorer& s, const py::sequence& texts, unsigned threads) {
  TextBatch utf8 = convert_texts(texts);
  py::gil_scoped_release release;
  std::vector<SentimentScores> out(utf8.size());
  score_into(s, utf8.views.data(), utf8.size(), out.data(), threads);
  return out;
}

// (overall scores tuple, per-sentence column arrays) of a document's sentiment: one NumPy array
// per column, filled in C++, so DataFrames need no Python loop per sentence.
py::tuple document_sentiment_result(const DocumentSentiment& ds) {
  const auto n = static_cast<py::ssize_t>(ds.sentences.size());
  py::array_t<double> neg(n), neu(n), pos(n), comp(n);
  auto a = neg.mutable_unchecked<1>(); auto b = neu.mutable_unchecked<1>();
  auto c = pos.mutable_unchecked<1>(); auto d = comp.mutable_unchecked<1>();
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& r = ds.sentences[static_cast<std::size_t>(i)];
    a(i) = r.neg; b(i) = r.neu; c(i) = r.pos; d(i) = r.compound;
  }
  py::dict cols;
  cols["neg"] = neg; cols["neu"] = neu; cols["pos"] = pos; cols["compound"] = comp;
  return py::make_tuple(scores_tuple(ds.overall), cols);
}

// The common case of polarity_scores: a str of at most 4096 bytes, scored in its cached UTF-8 form
// without releasing the GIL (cheaper than releasing it for so short a text). Returns the result
// dict, or null with no error set for any other input (the caller converts and scores that).
PyObject* score_str_in_place(const SentimentScorer& s, PyObject* text) {
  if (!PyUnicode_Check(text)) return nullptr;
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text, &size);
  if (!data) {  // a lone surrogate: the caller's conversion scores it as U+FFFD
    PyErr_Clear();
    return nullptr;
  }
  if (size > 4096) return nullptr;
  return scores_dict_raw(s.polarity_scores(std::string_view(data, static_cast<std::size_t>(size))));
}

// A loop of single polarity_scores calls is how vaderSentiment is used. For it, a plain C function
// (METH_O) bound to one scorer scores a str in place without pybind11's argument dispatch; any
// other input (bytes, long or non-UTF-8-able text, a wrong type) and any error go to the bound
// pybind11 method, so results and exceptions are exactly those of SentimentScorer.polarity_scores.
struct FastPolarityCall {
  py::object method;                        // the scorer's bound polarity_scores (keeps it alive)
  const SentimentScorer* scorer = nullptr;  // method.__self__'s C++ scorer, for the in-place case
};
constexpr const char* kFastPolarityCapsule = "presslens.FastPolarityCall";

PyObject* fast_polarity_call(PyObject* capsule, PyObject* text) {
  auto* f = static_cast<FastPolarityCall*>(PyCapsule_GetPointer(capsule, kFastPolarityCapsule));
  if (!f) return nullptr;
  try {
    if (PyObject* scores = score_str_in_place(*f->scorer, text)) return scores;
  } catch (...) {
    PyErr_Clear();  // the bound method below raises it again, translated in the one place
  }
  return PyObject_CallFunctionObjArgs(f->method.ptr(), text, nullptr);
}

PyMethodDef kFastPolarityDef = {"polarity_scores", fast_polarity_call, METH_O,
                                "polarity_scores(text) -> {'neg', 'neu', 'pos', 'compound'}, rounded like vaderSentiment"};

}  // namespace

void bind_sentiment(py::module_& m) {
  py::class_<Lexicon, std::shared_ptr<Lexicon>>(m, "Lexicon", R"doc(
A valence lexicon: word (emoticon, or multi-word phrase) -> valence, usually on VADER's -4..+4 scale.

Build one with Lexicon.vader(), Lexicon.from_file(path), Lexicon.from_dict(mapping) or Lexicon();
edit it like a dict (lex["meh"] = -0.5, del lex["bus"]) and combine with merge(). Pass it to
presslens.SentimentAnalyzer(lexicon=...). Keys are case-sensitive here; the scorer folds case.
)doc")
      .def(py::init<>())
      .def_static("vader", [](const std::string& dup) { return std::make_shared<Lexicon>(Lexicon::vader(duplicate_policy(dup))); },
                  py::arg("duplicates") = "mean",
                  "The VADER lexicon shipped with presslens (MIT; see presslens/data/README-sentiment.md).")
      .def_static("from_file",
                  [](py::object path, const std::string& dup) {
                    std::string p = py::str(py::module_::import("os").attr("fspath")(path));
                    Lexicon lex;
                    {
                      py::gil_scoped_release release;
                      lex = Lexicon::from_file(p, duplicate_policy(dup));
                    }
                    return std::make_shared<Lexicon>(std::move(lex));
                  },
                  py::arg("path"), py::arg("duplicates") = "mean",
                  "Reads WORD<TAB>VALENCE lines (more columns are ignored; '#' lines are comments). A malformed "
                  "line raises ValueError naming the file and line; duplicates: 'mean', 'last', 'first' or 'error'.")
      .def_static("from_string",
                  [](const std::string& data, const std::string& source, const std::string& dup) {
                    return std::make_shared<Lexicon>(Lexicon::parse(data, source, duplicate_policy(dup)));
                  },
                  py::arg("data"), py::arg("source") = "<string>", py::arg("duplicates") = "mean")
      .def_static("from_dict",
                  [](const py::dict& d) {
                    auto lex = std::make_shared<Lexicon>();
                    for (auto kv : d) lex->set(py::cast<std::string>(kv.first), py::cast<double>(kv.second));
                    return lex;
                  },
                  py::arg("mapping"))
      .def("merge", [](Lexicon& self, const Lexicon& other) { self.merge(other); return &self; },
           py::arg("other"), py::return_value_policy::reference_internal,
           "Adds the entries of `other` (they win on conflicts); returns self.")
      .def("copy", [](const Lexicon& self) { return std::make_shared<Lexicon>(self); })
      .def("__setitem__", [](Lexicon& self, const std::string& w, double v) { self.set(w, v); })
      .def("__getitem__", [](const Lexicon& self, const std::string& w) {
        const double* v = self.find(w);
        if (!v) throw py::key_error(w);
        return *v;
      })
      .def("get", [](const Lexicon& self, const std::string& w, py::object dflt) -> py::object {
        const double* v = self.find(w);
        return v ? py::float_(*v) : dflt;
      }, py::arg("word"), py::arg("default") = py::none())
      .def("__delitem__", [](Lexicon& self, const std::string& w) {
        if (!self.erase(w)) throw py::key_error(w);
      })
      .def("__contains__", [](const Lexicon& self, const std::string& w) { return self.find(w) != nullptr; })
      .def("__len__", &Lexicon::size)
      .def("items", &Lexicon::items, "(word, valence) pairs sorted by word")
      .def("to_dict", [](const Lexicon& self) {
        py::dict d;
        for (const auto& kv : self.items()) d[py::str(kv.first)] = kv.second;
        return d;
      })
      .def_property_readonly("duplicates", &Lexicon::duplicates, "Words listed more than once in the parsed source")
      .def("__repr__", [](const Lexicon& self) { return "<Lexicon " + std::to_string(self.size()) + " entries>"; })
      .def(py::pickle([](const Lexicon& self) { return py::make_tuple(self.items()); },
                      [](const py::tuple& t) {
                        auto lex = std::make_shared<Lexicon>();
                        for (const auto& kv : t[0].cast<std::vector<std::pair<std::string, double>>>())
                          lex->set(kv.first, kv.second);
                        return lex;
                      }));

  py::class_<SentimentScorer, std::shared_ptr<SentimentScorer>>(m, "SentimentScorer",
                                                                "Immutable lexicon-and-rules scorer (use presslens.SentimentAnalyzer)")
      .def(py::init([](bool vader_compat, std::shared_ptr<Lexicon> lexicon, bool contrast_by_position,
                       bool extra_contrast, bool clause_scope, bool phrases, bool negated_superlatives,
                       bool event_words, double event_weight, bool shifters, bool morphology, bool length_norm,
                       double dilution, double dilution_words, bool fast_path) {
             SentimentOptions o;
             o.vader_compat = vader_compat;
             o.contrast_by_position = contrast_by_position;
             o.extra_contrast = extra_contrast;
             o.clause_scope = clause_scope;
             o.phrases = phrases;
             o.negated_superlatives = negated_superlatives;
             o.event_words = event_words;
             o.event_weight = event_weight;
             o.shifters = shifters;
             o.morphology = morphology;
             o.length_norm = length_norm;
             o.dilution = dilution;
             o.dilution_words = dilution_words;
             o.fast_path = fast_path;
             std::shared_ptr<const Lexicon> lex;
             if (lexicon) lex = std::make_shared<const Lexicon>(*lexicon);  // a frozen copy
             return std::make_shared<SentimentScorer>(o, lex);
           }),
           py::kw_only(), py::arg("vader_compat") = false, py::arg("lexicon") = nullptr,
           py::arg("contrast_by_position") = true, py::arg("extra_contrast") = true, py::arg("clause_scope") = true,
           py::arg("phrases") = true, py::arg("negated_superlatives") = true, py::arg("event_words") = true,
           py::arg("event_weight") = 0.5, py::arg("shifters") = true, py::arg("morphology") = true,
           py::arg("length_norm") = true, py::arg("dilution") = SentimentOptions{}.dilution,
           py::arg("dilution_words") = SentimentOptions{}.dilution_words, py::arg("fast_path") = true)
      .def_property_readonly("options", [](const SentimentScorer& s) {
        const auto& o = s.options();
        py::dict d;
        d["vader_compat"] = o.vader_compat;
        d["contrast_by_position"] = o.contrast_by_position;
        d["extra_contrast"] = o.extra_contrast;
        d["clause_scope"] = o.clause_scope;
        d["phrases"] = o.phrases;
        d["negated_superlatives"] = o.negated_superlatives;
        d["event_words"] = o.event_words;
        d["event_weight"] = o.event_weight;
        d["shifters"] = o.shifters;
        d["morphology"] = o.morphology;
        d["length_norm"] = o.length_norm;
        d["dilution"] = o.dilution;
        d["dilution_words"] = o.dilution_words;
        d["fast_path"] = o.fast_path;
        return d;
      })
      .def_property_readonly("lexicon", [](const SentimentScorer& s) { return std::make_shared<Lexicon>(s.lexicon()); },
                             "A copy of the scorer's lexicon")
      .def("polarity_scores",
           [](const SentimentScorer& s, py::handle text) {
             if (PyObject* scores = score_str_in_place(s, text.ptr())) return py::reinterpret_steal<py::dict>(scores);
             std::string t = scoring_text(text, "text");
             SentimentScores r;
             if (t.size() > 4096) {
               py::gil_scoped_release release;
               r = s.polarity_scores(t);
             } else {
               r = s.polarity_scores(t);
             }
             return scores_dict(r);
           },
           py::arg("text"))
      .def("_fast_polarity_scores",
           [](const std::shared_ptr<SentimentScorer>& self) {
             auto call = std::make_unique<FastPolarityCall>();
             call->method = py::cast(self).attr("polarity_scores");
             call->scorer = self.get();
             py::capsule capsule(call.get(), kFastPolarityCapsule, [](PyObject* c) {
               delete static_cast<FastPolarityCall*>(PyCapsule_GetPointer(c, kFastPolarityCapsule));
             });
             call.release();  // owned by the capsule from here on
             return py::reinterpret_steal<py::object>(PyCFunction_New(&kFastPolarityDef, capsule.ptr()));
           },
           "polarity_scores as a plain C function bound to this scorer (for loops of single calls)")
      .def("_reads_without_tokens",
           [](const SentimentScorer& s, const std::string& text) { return s.reads_without_tokens(text); },
           py::arg("text"), "Whether polarity_scores reads text on the ASCII fast path (tests, diagnostics)")
      .def("polarity_scores_raw",
           [](const SentimentScorer& s, py::handle text) {
             std::string t = scoring_text(text, "text");
             py::gil_scoped_release release;
             auto r = s.polarity_scores(t);
             py::gil_scoped_acquire acquire;
             return scores_tuple(r);
           },
           py::arg("text"), "(neg, neu, pos, compound, words) unrounded")
      .def("polarity_scores_many",
           [](const SentimentScorer& s, const py::sequence& texts, unsigned threads) {
             const std::vector<SentimentScores> res = score_batch(s, texts, threads);
             py::list out(res.size());
             for (std::size_t i = 0; i < res.size(); ++i)
               PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), scores_dict_raw(res[i]));
             return out;
           },
           py::arg("texts"), py::arg("threads") = 1)
      .def("polarity_arrays",
           [](const SentimentScorer& s, const py::sequence& texts, unsigned threads) {
             // The arrays are allocated with the GIL; the scoring threads fill a vector of scores
             // and one pass copies it into the arrays, all without the GIL.
             TextBatch utf8 = convert_texts(texts);
             const auto n = static_cast<py::ssize_t>(utf8.size());
             py::array_t<double> neg(n), neu(n), pos(n), comp(n);
             double* a = neg.mutable_data();
             double* b = neu.mutable_data();
             double* c = pos.mutable_data();
             double* d = comp.mutable_data();
             {
               py::gil_scoped_release release;
               std::vector<SentimentScores> scores(utf8.size());
               score_into(s, utf8.views.data(), utf8.size(), scores.data(), threads);
               for (std::size_t i = 0; i < scores.size(); ++i) {
                 const SentimentScores& r = scores[i];
                 a[i] = r.neg; b[i] = r.neu; c[i] = r.pos; d[i] = r.compound;
               }
             }
             py::dict out;
             out["neg"] = neg; out["neu"] = neu; out["pos"] = pos; out["compound"] = comp;
             return out;
           },
           py::arg("texts"), py::arg("threads") = 1, "Unrounded scores as NumPy arrays")
      .def("explain",
           [](const SentimentScorer& s, py::handle text) {
             const std::string t = scoring_text(text, "text");
             SentimentExplanation e;
             CodepointIndex index;
             {
               py::gil_scoped_release release;
               e = s.explain(t);
               index = CodepointIndex(t);
             }
             // Offsets as str indices (a lone surrogate, scored as U+FFFD, is one code point either way).
             auto cp = [&](std::uint32_t byte) { return index.to_codepoint(byte); };
             py::list sentences, words;
             for (const auto& x : e.sentences)
               sentences.append(py::make_tuple(cp(x.start), cp(x.end), x.scores.neg, x.scores.neu, x.scores.pos,
                                               x.scores.compound));
             for (const auto& x : e.words)
               words.append(py::make_tuple(cp(x.start), cp(x.end), x.sentence, x.lexicon, x.valence));
             return py::make_tuple(scores_tuple(e.overall), sentences, words);
           },
           py::arg("text"),
           "(overall (neg, neu, pos, compound, words), sentences [(start, end, neg, neu, pos, compound)], "
           "words [(start, end, sentence, lexicon, valence)]) with str offsets; default mode only")
      .def("score_document",
           [](const SentimentScorer& s, const DocumentHandle& h) {
             DocumentSentiment ds;
             {
               py::gil_scoped_release release;
               ds = s.score(h.doc->text, h.doc->segmentation);
             }
             return document_sentiment_result(ds);
           },
           py::arg("doc"), "Re-scores an analysed document: (overall tuple, sentence column arrays)")
      .def("__repr__", [](const SentimentScorer& s) {
        return std::string("<SentimentScorer ") + (s.options().vader_compat ? "vader_compat" : "default") + ", " +
               std::to_string(s.lexicon().size()) + " lexicon entries>";
      });

  m.def("_default_sentiment_scorer", [] { return std::const_pointer_cast<SentimentScorer>(default_scorer()); });

  m.def("_document_sentiment", [](const DocumentHandle& h) {
    DocumentSentiment storage;
    const DocumentSentiment& ds = document_sentiment(*h.doc, storage);
    return document_sentiment_result(ds);
  }, "(overall (neg, neu, pos, compound, words), per-sentence column arrays) of an analysed document");

  m.def("_target_features", [](const DocumentHandle& h, std::int64_t start, std::int64_t end) {
    const Document& doc = *h.doc;
    const std::uint32_t s = to_byte_checked(doc, start, "start"), e = to_byte_checked(doc, end, "end");
    if (s > e) throw py::value_error("start must not be after end");
    return default_target_model().features(target_scorer(), doc.text, doc.segmentation, s, e);
  });

  m.def("_target_sentiment", [](const DocumentHandle& h, std::int64_t start, std::int64_t end) {
    const Document& doc = *h.doc;
    const std::uint32_t s = to_byte_checked(doc, start, "start"), e = to_byte_checked(doc, end, "end");
    if (s > e) throw py::value_error("start must not be after end");
    const auto& model = default_target_model();
    return target_dict(model.analyze(target_scorer(), doc.text, doc.segmentation, s, e));
  });

  m.def("_target_predict", [](const std::vector<double>& weights, const std::vector<double>& features) {
    return target_dict(TargetSentimentModel(weights).predict(features));
  });

  m.def("_fit_target_model",
        [](py::array_t<double, py::array::c_style | py::array::forcecast> X, py::array_t<int, py::array::c_style | py::array::forcecast> y,
           double l2, int iterations) {
          if (X.ndim() != 2 || X.shape(1) != TargetSentimentModel::kFeatures)
            throw py::value_error("X must have shape (n, " + std::to_string(TargetSentimentModel::kFeatures) + ")");
          if (y.ndim() != 1 || y.shape(0) != X.shape(0)) throw py::value_error("y must have shape (n,)");
          std::vector<double> xs(X.data(), X.data() + X.size());
          std::vector<int> ys(y.data(), y.data() + y.size());
          std::vector<double> w;
          {
            py::gil_scoped_release release;
            w = TargetSentimentModel::fit(xs, ys, l2, iterations).weights();
          }
          return w;
        },
        py::arg("X"), py::arg("y"), py::arg("l2") = 1.0, py::arg("iterations") = 50);

  m.def("_target_weights", [] { return default_target_model().weights(); });
  m.def("_target_hashed_weights", [] { return default_target_model().hashed_weights(); });
  m.def("_target_hashed", [](const DocumentHandle& h, std::int64_t start, std::int64_t end) {
    const Document& doc = *h.doc;
    const std::uint32_t s = to_byte_checked(doc, start, "start"), e = to_byte_checked(doc, end, "end");
    if (s > e) throw py::value_error("start must not be after end");
    return TargetSentimentModel::hashed_features(doc.text, doc.segmentation, s, e);
  });
  m.attr("TARGET_HASH_DIM") = TargetSentimentModel::kHashDim;

  py::list names;
  for (int i = 0; i < TargetSentimentModel::kFeatures; ++i) names.append(TargetSentimentModel::feature_names()[i]);
  m.attr("TARGET_FEATURES") = py::tuple(names);
}

}  // namespace presslens::bindings
