// The state one Terraform evaluation shares across module instances: the module directories
// of the workspace, options, file access confined to the scan root, diagnostics (deduplicated,
// since a module instantiated N times would raise each one N times), and the ECS definitions
// whose JSON was read from another file.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/workspace.h"
#include "model/document.h"
#include "model/value.h"

namespace clearance::tf {

/// One module directory: all its .tf files together.
struct ModuleDir {
  std::string dir;                ///< relative to the scan root, "" for the root itself
  std::vector<Document*> docs;    ///< its .tf documents, by path
  std::vector<Document*> tfvars;  ///< terraform.tfvars then *.auto.tfvars, lexical order
  int instances = 0;              ///< how many module calls instantiated it
  bool called = false;            ///< some local module call in the scan names it
};

/// An aws_ecs_task_definition whose container_definitions came from file()/templatefile().
struct EcsOrigin {
  std::string tf_path;         ///< the .tf file of the resource
  std::string module_address;  ///< of the document holding it
  std::string resource;        ///< "aws_ecs_task_definition.app[0]"
  std::string file;            ///< the file read, relative to the scan root
  std::string text;            ///< what the attribute evaluated to (the JSON text)
};

/// Shared evaluation state.
struct Context {
  Workspace& ws;
  std::map<std::string, ModuleDir> dirs;
  std::map<std::string, Value> cli_inputs;  ///< --var-file then --var, later wins
  std::map<std::string, Value> env_inputs;  ///< TF_VAR_name
  std::vector<EcsOrigin> origins;
  int depth = 0;  ///< nesting of cross-instance evaluation, bounded
  size_t max_file = 4u << 20;
  /// Bytes of values the scan's evaluation may still build; when spent,
  /// further values are Unknown and one note says so. Bounds time and memory on any input.
  size_t evaluation_budget = size_t{1} << 30;
  bool budget_noted = false;
  size_t module_instances = 0;  ///< instances of module calls made so far (capped per scan)

  explicit Context(Workspace& w) : ws(w) {}

  /// Records a diagnostic once (same level, message and location).
  void diag(Diagnostic::Level level, std::string message, Location at);
  /// Moves the recorded diagnostics into the workspace.
  void flush_diagnostics();

  /// Reads `rel` (a normalized path relative to the scan root) from the workspace's loaded
  /// documents, else from disk inside the scan root, at most `max_file` bytes.
  bool read(const std::string& rel, std::string& out, std::string& why) const;

 private:
  std::vector<Diagnostic> diags_;
  std::set<std::string> seen_;
};

/// `dir` + "/" + `path` with `.` and `..` resolved; nullopt when it leaves the scan root.
/// An absolute `path` is accepted only inside `root_abs`.
std::optional<std::string> join_path(const std::string& dir, const std::string& path,
                                     const std::string& root_abs);

/// The directory part of a relative path ("" for a file at the root).
std::string dir_of(const std::string& path);

}  // namespace clearance::tf
