// The output formats, listed once (format.cc's table). The CLI offers `--format` from this
// list; adding a format means one writer pair in report/ and one row in the table.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/severity.h"
#include "report/report.h"

namespace clearance {

/// Every output format clearance can write.
enum class OutputFormat { Text, Sarif, Json, Junit, Markdown, Gitlab, Html };

/// Options every writer may read.
struct WriteOptions {
  bool color = false;                  ///< ANSI colours (text, on a terminal)
  Severity threshold = Severity::Low;  ///< what the summary counts as failing
};

/// The format called `name` ("text", "sarif", "json"), if any.
std::optional<OutputFormat> output_format_from_name(std::string_view name);
/// The name `--format` takes for `format`.
std::string_view output_format_name(OutputFormat format);
/// Every format, in the order help lists them.
std::vector<OutputFormat> output_formats();
/// "text, sarif, json": for help and error messages.
std::string output_format_names();
/// Writes `report` in `format` to `out`.
void write_report(OutputFormat format, const Report& report, std::ostream& out,
                  const WriteOptions& options);

}  // namespace clearance
