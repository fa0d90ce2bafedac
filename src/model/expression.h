// Expression: the syntax of a value that is not a plain literal (Terraform references,
// function calls, templates, operators...). Parsers attach it to Unknown values so that the
// resolve step can evaluate it; rules never look at it directly.
#pragma once

#include <string>
#include <vector>

#include "model/location.h"
#include "model/value.h"

namespace clearance {

/// A node of an expression tree. `op` names the operation; `children` are its operands.
struct Expression {
  enum class Kind {
    Literal,      ///< `literal` holds the value
    Reference,    ///< the root name of a traversal: op = "var", "local", "aws_s3_bucket"...
                  ///< (steps wrap it: `var.x` is GetAttr "x" of Reference "var")
    GetAttr,      ///< children[0].op ; op = attribute name
    Index,        ///< children[0][children[1]] (`x.0` has a Literal number key)
    Splat,        ///< children[0][*] or .* ; children[1] (optional) = the rest applied per
                  ///< element, rooted at an Other node with op "*" standing for the element
    Call,         ///< op = function name; children = arguments (expand_final = `...`)
    Template,     ///< string template: children are parts (Literal strings and interpolations);
                  ///< escapes, strip markers and heredoc indentation are already applied.
                  ///< A lone interpolation ("${x}") yields x's value unconverted, as in HCL.
    TemplateIf,   ///< %{ if } : children = cond, then, [else] (then/else are Templates)
    TemplateFor,  ///< %{ for k, v in coll } : op = "k,v" or "v"; children = collection, body
    Tuple,        ///< [a, b]
    Object,       ///< { k = v }: children alternate key, value (a bare `k` is a Literal string)
    Unary,        ///< op = "!" or "-"
    Binary,       ///< op = "+", "==", "&&", ...
    Conditional,  ///< cond ? a : b
    ForTuple,     ///< [for k, v in coll : expr if cond]: op = "k,v" or "v"; children = coll,
                  ///< expr, [cond]
    ForObject,    ///< {for k, v in coll : key => val... if cond}: children = coll, key, val, [cond]
    Other,        ///< anything else (broken or too deeply nested syntax); `text` keeps the source
  };
  Kind kind = Kind::Other;
  std::string op;
  std::string text;  ///< the exact source text
  Value literal;
  bool expand_final = false;  ///< Call with `...`; ForObject with grouping `...`
  std::vector<Expression> children;
  Range range;
};

}  // namespace clearance
