// ECS task definitions (JSON) to the common model.
//
// Accepted inputs: the `aws ecs register-task-definition --cli-input-json` form (an object with
// a top-level `containerDefinitions` array) and the `aws ecs describe-task-definition` output
// form (the same object under `taskDefinition`).
//
// The model:
// - root: kind "file" (as a Terraform file's root), range = the whole JSON value; one child:
// - the task definition: kind "task_definition", type "task_definition", name = `family`
//   when it is a string; range = the task definition object (for a definition inside
//   Terraform: the resource block). Attributes = the task definition's members except
//   `containerDefinitions` (family, taskRoleArn, executionRoleArn, cpu, memory, networkMode,
//   requiresCompatibilities...), values as written. When `containerDefinitions` is not a
//   readable list (an Unknown from Terraform), it stays an attribute so rules and users can see
//   why there are no containers.
//   The task definition is a child rather than the root so that rules select it as a node
//   (`kind: task_definition`): findings then point at its own header (in a .tf file, the
//   resource) and carry its name, which a document-scope rule (line 1, the file's path) would
//   not.
// - its children: one per container object, kind "container", type "container", name = the
//   container's `name` (or "[i]", its index, when it has none), range = the container object.
//   Attributes = the container's members (image, essential, environment, secrets,
//   logConfiguration, healthCheck, user, privileged, cpu, memory...).
// - Attribute ranges run from the start of the key to the end of the value; Value ranges are
//   the value's own (so a finding on `privileged` points at its line).
#pragma once

#include <string_view>

#include "model/document.h"
#include "model/node.h"
#include "model/value.h"

namespace clearance {

/// True when `content` is a task definition in one of the accepted JSON forms. Cheap for
/// other files: a substring test comes before the real parse.
bool is_ecs_task_definition_json(std::string_view content);

/// Fills doc.root from doc.source; syntax errors and shape problems become diagnostics.
void parse_ecs(Document& doc);

/// Builds the task_definition node from a task definition object (register form). Used by the
/// JSON parser and by the resolve step for definitions written in Terraform. `range` is the
/// node's range; shape problems are reported on `doc`.
Node ecs_task_node(Value task, Range range, Document& doc);

/// The root of an ECS document: kind "file" holding `task` as its only child.
Node ecs_file_root(Node task, Range range);

}  // namespace clearance
