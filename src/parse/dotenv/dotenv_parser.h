// .env parser: `KEY=VALUE` files as python-dotenv, dotenv for Node and docker compose's
// env_file read them, to the common model.
//
// Model:
//   root      kind "env_file", name = the file's base name, range = the whole file.
//             attributes: `template` (bool: .env.example/.sample/.template/.dist, *.example...),
//             `environment` (string: "production", "staging", "development", "test", "local"
//             or "" as the name says), `production` (bool: environment == "production").
//   children  one per assignment, kind "entry", type = name = the KEY, range = the whole
//             line(s) of the assignment (multi-line quoted values span several lines).
//             attributes:
//               `value` (String: the value after quote removal, escapes and `${VAR}` expansion
//                        from earlier keys of the same file; its range is the value text,
//                        inside the quotes. Null for a bare `KEY` line without `=`),
//               `raw` (String: the value as written, quotes included),
//               `unresolved` (List of the variable names `${VAR}`/`$VAR` that no earlier key
//                        defines; present only when there are some: the value then depends on
//                        the process environment, which is never read).
//
// Syntax: comments (`#` lines, and ` #` after an unquoted value), blank lines, `export `,
// spaces around `=`, unquoted values (trailing whitespace trimmed), single quotes and
// backticks (literal), double quotes (escapes \n \t \r \" \\ \$ \', expansion), multi-line
// quoted values, CRLF, a UTF-8 BOM. Malformed lines become Warning diagnostics; the parser
// never throws, and runs in time linear in the file size.
#pragma once

#include "model/document.h"

namespace clearance {

/// Fills doc.root from doc.source (see the model above); problems become Warnings.
void parse_dotenv(Document& doc);

}  // namespace clearance
