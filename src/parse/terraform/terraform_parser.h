// Terraform (HCL) parser on tree-sitter: .tf and .tfvars files to the common model.
//
// The model it produces (rules and the resolve step rely on this shape):
//
// - doc.root: kind "file". Its attributes are the top-level attributes (a .tfvars file's
//   variables); its children are the top-level blocks.
// - Top-level block: kind = the block keyword ("resource", "data", "module", "variable",
//   "locals", "output", "provider", "terraform", "moved", "import", "check"...);
//   labels = all labels as written (unquoted, escapes decoded).
//   resource / data: type = first label ("aws_s3_bucket"), name = second label.
//   Every other keyword: type = the keyword, name = the first label if any
//   (module "vpc": name "vpc"; provider "aws": name "aws"; locals: name "").
// - Nested block: kind "block", type = the block name ("versioning", "ingress", "rule"),
//   labels as written, name = the first label if any (`backend "s3"`: name "s3").
//   `dynamic "x" { for_each = ..., content { ... } }` becomes kind "dynamic", type "x",
//   labels ["x"], with its own attributes (for_each, iterator...) and a child block "content".
// - Node.range spans the whole block; range.begin is its header line.
// - Attribute{name, value, range of the whole `name = expr`}. A `locals` block carries its
//   locals as attributes. Attributes whose syntax is broken are left out.
// - Values: literal strings (quoted without interpolation, escapes decoded), heredocs
//   without interpolation (`<<-` indentation removed), numbers (hex too), bools, null, and
//   tuples / objects whose elements are all literal (object keys may be identifiers or
//   strings; keys are strings) are plain Values. `-1` and `!true` fold into constants.
//   Each Value's range is that of its own source text (strings include their quotes).
// - Anything else is Value::unknown(<exact source text>, range) with an Expression tree
//   (model/expression.h) attached: Reference (op = root name) wrapped by GetAttr / Index /
//   Splat steps, Call, Template (parts: Literal strings, with strip markers and heredoc
//   indentation already applied, and interpolated expressions; TemplateIf / TemplateFor for
//   directives), Unary, Binary, Conditional, Tuple, Object, ForTuple, ForObject. In a mixed
//   tuple or object, literal elements stay Literal nodes holding their Values. Syntax the
//   parser cannot use (an ERROR node, nesting over 256 levels) becomes Kind::Other.
// - Syntax errors: one Error diagnostic per ERROR / MISSING node (at most 20, then one
//   saying the rest were left out), e.g. "syntax error: unexpected '}'" at its position. The
//   valid blocks of the file are still produced, including those after a broken block.
// - Limits: files over 32 MiB are skipped with a diagnostic; block nesting over 256 levels
//   is cut with a diagnostic; a parse running past its time budget is cancelled.
#pragma once

#include "model/document.h"

namespace clearance {

/// Fills doc.root from doc.source; syntax errors become diagnostics with positions.
/// Thread-safe (one parser per thread); never throws on bad input.
void parse_terraform(Document& doc);

}  // namespace clearance
