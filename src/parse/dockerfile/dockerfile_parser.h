// Dockerfile parser: Dockerfiles and Containerfiles to the common model.
//
// The model:
//   root        kind "dockerfile"; its children are the instructions before the first FROM
//               (global ARGs) followed by one "stage" node per FROM.
//   stage       kind "stage"; type = base image name after ARG substitution (without tag or
//               digest; as written when a variable cannot be resolved), name = the alias or "".
//               Attributes: image, tag, digest (each absent when not written; Unknown when an
//               ARG has no default), reference (the whole resolved reference), platform
//               (--platform as written), alias, index (0-based), from_stage (true when the
//               base is an earlier stage's alias). Range: from FROM to the stage's last line.
//   instruction kind "instruction", children of their stage (the FROM itself is the first);
//               type = the upper-case keyword (RUN, USER, ENV, COPY, HEALTHCHECK...).
//               Attributes: flags (object of --name=value; `--name` alone is true) for FROM,
//               RUN, COPY, ADD, HEALTHCHECK; arguments (list of strings with quotes removed,
//               each with its range); form ("exec" for a JSON array, else "shell") for RUN,
//               CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME; command (the shell text or the
//               space-joined exec words; a RUN's heredoc bodies are appended on new lines);
//               heredocs (list of {delimiter, body}); USER: user, group; HEALTHCHECK:
//               subcommand ("CMD" or "NONE") and form/command of its CMD.
//   pair        kind "pair", children of ENV, ARG and LABEL instructions, one per key in both
//               syntaxes (`KEY value` and `K=V K2="V 2"`); type = name = the key. Attributes:
//               key; value (quotes removed; Unknown keeping the raw text when it expands a
//               variable; absent for `ARG NAME`); raw_value (as written).
// Comments are not nodes. Ranges are exact source ranges even across line continuations.
// Lexing follows the builder (dockerfile_lexer.h); tree-sitter checks each instruction's
// syntax (dockerfile_syntax.h). Problems become diagnostics; the rest is still modelled.
#pragma once

#include "model/document.h"

namespace clearance {

/// Fills doc.root from doc.source; syntax errors become diagnostics with positions.
void parse_dockerfile(Document& doc);

}  // namespace clearance
