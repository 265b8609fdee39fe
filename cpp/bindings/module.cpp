// The presslens._core extension module: thin bindings over the C++ core.
#include "bindings.hpp"

namespace presslens::bindings {

void bind_errors(py::module_& m) {
  // Every core error becomes one Python built-in, translated here and nowhere else.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const IoError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const ParseError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const InvalidInput& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const Error& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
}

}  // namespace presslens::bindings

PYBIND11_MODULE(_core, m) {
  using namespace presslens::bindings;
  m.doc() = "presslens C++ core (private; use the presslens package)";
  m.attr("__version__") = PRESSLENS_VERSION;
  bind_errors(m);
  bind_segment(m);
  bind_mentions_quotes(m);
  bind_sentiment(m);
  bind_document(m);
  bind_corpus(m);
}
