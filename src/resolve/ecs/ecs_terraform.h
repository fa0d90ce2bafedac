// ECS task definitions written in Terraform: every `resource "aws_ecs_task_definition"`
// becomes a derived Document of Format::Ecs (model: parse/ecs/ecs_parser.h) whose path and
// disk path are the .tf file's, so ECS rules run on it and findings point at .tf lines. Its
// `source` is left empty: the .tf document holds those bytes (snippets and suppressions find
// them by path), and the secret detectors must not scan the same file twice.
//
// `container_definitions` is read from:
// - a heredoc without interpolation, or with `${...}` interpolations left unevaluated: the
//   body is read verbatim from the .tf source as JSON in template mode, so positions are exact
//   (also for `<<-` heredocs) and each string holding an interpolation becomes Unknown; a
//   heredoc whose interpolations were evaluated is read from its value (lines exact unless a
//   value brought line breaks);
// - `jsonencode(<tuple or object>)`: the argument's literal parts become Values with their
//   HCL ranges; non-literal parts stay Unknown with their Expression;
// - a quoted JSON string: parsed from its decoded text with the string's start as base; lines
//   are exact for one-line strings, columns drift by the escapes before them;
// - a List or Object value (what an evaluator produces): used as it is.
// Anything else (var.x, file(...), templatefile(...), template directives) stays an Unknown
// `containerDefinitions` attribute on the root, with a Note diagnostic saying so.
// The task_definition node's range is the resource block and its name the resource address
// (`aws_ecs_task_definition.app`). Task-level resource attributes map onto the root's ECS names
// (task_role_arn -> taskRoleArn, execution_role_arn -> executionRoleArn, cpu, memory, family,
// network_mode...), ranges kept.
#pragma once

#include <string_view>

#include "engine/workspace.h"
#include "model/document.h"
#include "model/node.h"

namespace clearance {

/// The derived ECS document of one `aws_ecs_task_definition` resource of document `tf`, with
/// tf's module fields (module_key, module_address, call_chain, checked). Callable again once
/// an evaluator has replaced Unknown attribute values.
Document ecs_document_from_terraform(const Document& tf, const Node& resource);
/// The same, reading heredoc bodies from `source` (the .tf file's bytes) for documents that
/// have none of their own (module instances).
Document ecs_document_from_terraform(const Document& tf, const Node& resource,
                                     std::string_view source);

/// Adds one derived ECS document per `aws_ecs_task_definition` of every Terraform document,
/// right after the document it comes from (the order stays by path, then format).
void resolve_ecs_in_terraform(Workspace& ws);

}  // namespace clearance
