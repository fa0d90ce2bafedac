// The table of output formats: name, enum and writer, one row each. Lookups and the
// dispatch all read this table, so a format cannot be offered without a writer.
#include "report/format.h"

#include <array>

#include "report/gitlab_writer.h"
#include "report/html_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"
#include "report/markdown_writer.h"
#include "report/sarif_writer.h"
#include "report/text_writer.h"

namespace clearance {

namespace {

using Writer = void (*)(const Report&, std::ostream&, const WriteOptions&);

struct FormatEntry {
  OutputFormat format;
  std::string_view name;
  Writer write;
};

constexpr std::array<FormatEntry, 7> kFormats{{
    {OutputFormat::Text, "text",
     [](const Report& r, std::ostream& out, const WriteOptions& o) {
       write_text(r, out, TextOptions{o.color, o.threshold});
     }},
    {OutputFormat::Sarif, "sarif",
     [](const Report& r, std::ostream& out, const WriteOptions&) { write_sarif(r, out); }},
    {OutputFormat::Json, "json",
     [](const Report& r, std::ostream& out, const WriteOptions& o) {
       write_json(r, out, o.threshold);
     }},
    {OutputFormat::Junit, "junit",
     [](const Report& r, std::ostream& out, const WriteOptions& o) { write_junit(r, out, o.threshold); }},
    {OutputFormat::Markdown, "markdown",
     [](const Report& r, std::ostream& out, const WriteOptions& o) { write_markdown(r, out, o.threshold); }},
    {OutputFormat::Gitlab, "gitlab",
     [](const Report& r, std::ostream& out, const WriteOptions&) { write_gitlab(r, out); }},
    {OutputFormat::Html, "html",
     [](const Report& r, std::ostream& out, const WriteOptions& o) { write_html(r, out, o.threshold); }},
}};

const FormatEntry* entry(OutputFormat f) {
  for (const auto& e : kFormats)
    if (e.format == f) return &e;
  return nullptr;
}

}  // namespace

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  for (const auto& e : kFormats)
    if (e.name == name) return e.format;
  return std::nullopt;
}

std::string_view output_format_name(OutputFormat format) {
  const FormatEntry* e = entry(format);
  return e ? e->name : "text";
}

std::vector<OutputFormat> output_formats() {
  std::vector<OutputFormat> out;
  for (const auto& e : kFormats) out.push_back(e.format);
  return out;
}

std::string output_format_names() {
  std::string out;
  for (const auto& e : kFormats) {
    if (!out.empty()) out += ", ";
    out += e.name;
  }
  return out;
}

void write_report(OutputFormat format, const Report& report, std::ostream& out,
                  const WriteOptions& options) {
  if (const FormatEntry* e = entry(format)) e->write(report, out, options);
}

}  // namespace clearance
