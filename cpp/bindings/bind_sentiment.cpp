// Bindings of stage 4: sentiment. (Placeholder.)
#include "bindings.hpp"

namespace presslens::bindings {

void bind_sentiment(py::module_& m) {}

}  // namespace presslens::bindings
