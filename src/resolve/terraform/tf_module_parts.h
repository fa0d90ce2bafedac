// The declarations a ModuleInstance keeps (locals, resources, module calls, outputs) with
// their memoised values, and two helpers for values crossing a module boundary.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/document.h"
#include "resolve/terraform/tf_module.h"

namespace clearance::tf {

struct ModuleInstance::Local {
  const Attribute* attr = nullptr;
  const Document* doc = nullptr;
  int state = 0;  ///< 0 not evaluated, 1 being evaluated (a cycle if met again), 2 done
  Value value;
};

struct ModuleInstance::Resource {
  const Node* node = nullptr;
  const Document* doc = nullptr;
  bool data = false;
  int expansion_state = 0;
  Expansion exp;
  std::vector<std::vector<Value>> memo;  ///< [instance][attribute]: evaluated values
  std::vector<std::vector<char>> state;  ///< same shape, 0/1/2 as Local::state
};

struct ModuleInstance::CallSite {
  const Node* node = nullptr;
  const Document* doc = nullptr;
  Expansion exp;
  std::vector<std::unique_ptr<ModuleInstance>> children;  ///< one per instance; empty if not local
};

struct ModuleInstance::Output {
  const Attribute* attr = nullptr;
  const Document* doc = nullptr;
  int state = 0;
  Value value;
};

/// Prefixes the resource, data and module references inside every Unknown text of `v` with
/// `prefix` ("module.b"): how the caller names what the callee's value depends on.
void requalify(Value& v, const std::string& prefix);

/// Converts an input to the variable's primitive type (`string`, `number`, `bool`), as
/// Terraform does with values from tfvars and the command line; other types pass unchanged.
Value convert_to_type(Value v, const Node& variable);

}  // namespace clearance::tf
