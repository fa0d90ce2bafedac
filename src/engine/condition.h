// Condition: the parsed form of a rule's `condition:` (and `target.where:`) YAML.
// Evaluated over a subject node, it yields Pass, Fail or Undetermined. See docs/rules.md.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/value.h"

namespace re2 {
class RE2;
}

namespace clearance {

struct Condition {
  enum class Op {
    Attribute,  ///< test `attribute:` path with `test`
    Block,      ///< `block:` path: present / every / some
    All,
    Any,
    Not,
    Related,    ///< another node refers to the subject (`related:`)
    Exists,     ///< some node of the format exists in the subject's scope (`exists:`)
    Predicate,  ///< a named C++ predicate (`predicate:` + `args:`)
  };
  enum class Test {
    Present, Absent, Equals, NotEquals, OneOf, NotOneOf, Gte, Gt, Lte, Lt,
    MinLength, MaxLength, Matches, NotMatches, Contains, NotContains, Empty, NotEmpty,
    Literal,  ///< `literal: true|false`: the value is (not) a constant written in the code
  };
  enum class Quantifier { Present, Absent, Every, Some };

  Op op = Op::All;
  std::string path;            ///< attribute/block path, or predicate name
  Test test = Test::Present;
  Value operand;               ///< the test's operand (a `$param` is resolved at load time)
  bool has_default = false;
  Value default_value;         ///< used when the attribute is missing
  Quantifier quantifier = Quantifier::Present;
  std::vector<std::string> kinds;  ///< Related/Exists: node kinds (empty = any)
  std::vector<std::string> types;  ///< Related/Exists: node types (empty = any)
  std::vector<std::string> names;  ///< Related/Exists: node names (empty = any)
  std::string via;             ///< Related: attribute of the other node that refers here
  std::shared_ptr<const re2::RE2> regex;  ///< Matches/NotMatches, compiled at load time
  Value args;                  ///< Predicate arguments (an Object)
  std::vector<Condition> children;  ///< All/Any/Not operands; Block/Related/Exists `where`
};

}  // namespace clearance
