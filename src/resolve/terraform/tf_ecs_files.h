// ECS task definitions whose container definitions Terraform reads from another file
// (`container_definitions = file("task.json")` or `templatefile("task.json.tpl", {...})`).
// The ECS bridge (resolve/ecs) makes one ECS document per task definition, located in the .tf
// file; for these, the containers are moved into a second ECS document located in the JSON
// file, so that container findings point at its lines. That document's node is
// kind "task_definition_part" (type "task_definition", name = the resource address) and carries
// the task-level attributes for container predicates (task cpu/memory); task-level rules still
// select only the .tf document's "task_definition" node, so nothing is reported twice.
// Lines are exact for file(); for templatefile() they are the rendered text's, which match the
// template's as long as no interpolation spans lines.
#pragma once

#include <vector>

#include "engine/workspace.h"
#include "resolve/terraform/tf_context.h"

namespace clearance::tf {

/// Runs after resolve_ecs_in_terraform: splits the documents named by `origins`.
void place_ecs_file_definitions(Workspace& ws, const std::vector<EcsOrigin>& origins);

}  // namespace clearance::tf
