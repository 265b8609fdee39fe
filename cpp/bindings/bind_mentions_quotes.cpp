// Bindings of stage 2 and 3: mentions, entities and quotes. (Placeholder.)
#include "bindings.hpp"

namespace presslens::bindings {

void bind_mentions_quotes(py::module_& m) {}

}  // namespace presslens::bindings
