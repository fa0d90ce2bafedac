// The function table: one lookup per family. Provider-defined functions
// (`provider::aws::arn_parse`) and functions whose result is not fixed (timestamp, uuid) are
// not listed, so calls to them stay Unknown.
#include "resolve/terraform/tf_functions.h"

namespace clearance::tf {

Function find_function(std::string_view name) {
  if (name.starts_with("core::")) name.remove_prefix(6);
  if (Function f = find_string_function(name)) return f;
  if (Function f = find_format_function(name)) return f;
  if (Function f = find_collection_function(name)) return f;
  if (Function f = find_encoding_function(name)) return f;
  return find_file_function(name);
}

bool accepts_unknown(std::string_view name) {
  // coalesce: a known non-empty argument before an unknown one decides.
  return name == "coalesce" || name == "coalescelist";
}

}  // namespace clearance::tf
