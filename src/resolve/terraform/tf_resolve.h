// Terraform evaluation over the common model: the entry point of src/resolve/terraform.
//
// A module is a directory: all its .tf files together. Every directory of the workspace that
// no local `module` call names is a root module; it is evaluated in place with its inputs
// (variable defaults < TF_VAR_ environment < terraform.tfvars < *.auto.tfvars in lexical
// order < --var-file in order < --var in order). Local module calls are instantiated
// recursively with their inputs: each instance becomes derived Documents (same path and
// disk_path as the module's files, empty source, module_address "module.a.module.b",
// call_chain = the call sites outermost first). The module directory's own documents are then
// kept unevaluated with `checked = false`: every use of it is through its calls, and a
// standalone copy with unset variables would only repeat findings as undetermined. All
// documents of one configuration (the root and its instances) share one module_key (the root
// directory, "." for the scan root), so `related` and `exists` see across modules.
//
// Evaluated attributes replace the parser's Unknowns where known, keeping the attribute's
// range and giving the value the expression's range; partly known collections become lists or
// objects with Unknown elements; what stays unknown keeps its text, with instance keys
// evaluated and module prefixes added (`aws_s3_bucket.x[0].id`, `module.b.aws_s3_bucket.y.id`).
// `jsonencode(<data>)` stays an Unknown call whose argument is the evaluated data (rules and
// the ECS bridge read it with its positions). count/for_each make one node per instance
// (`x[0]`, `x["key"]`); `count = 0` removes the resource; an unknown count keeps one node whose
// count/each references are Unknown. `dynamic` blocks become one block per element.
//
// Files: the .tf/.tfvars files of a module directory that the scan did not load (one file given
// on the command line, a module directory outside the scanned paths) are loaded from disk, so a
// module is the same whichever of its files was given. file(), templatefile() and fileexists()
// read relative to the module directory, never outside the scan root, at most 4 MiB.
// Diagnostics: remote module sources (registry, git) are Notes "module X not scanned";
// module cycles and cycles between locals are Errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/workspace.h"
#include "resolve/terraform/tf_context.h"

namespace clearance {

/// Inputs from outside the configuration.
struct TerraformOptions {
  std::vector<std::string> var_files;  ///< --var-file paths (relative to the working directory)
  std::vector<std::string> vars;       ///< --var "name=value"
  /// TF_VAR_name values; when `read_environment`, the process environment is read instead.
  std::map<std::string, std::string> environment;
  bool read_environment = true;
};

/// Evaluates every Terraform module of `ws` in place and adds module instance documents.
/// Returns the ECS task definitions whose JSON was read from another file (for
/// tf::place_ecs_file_definitions, which runs after the ECS bridge).
std::vector<tf::EcsOrigin> resolve_terraform(Workspace& ws, const TerraformOptions& options);

namespace tf {

/// Parses a --var or TF_VAR_ value: HCL for a value starting with `[` or `{`, else a string.
Value parse_input_value(const std::string& text);

}  // namespace tf

}  // namespace clearance
