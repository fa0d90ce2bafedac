// ECS task definition parser: reads the JSON with positions (parse/json), finds the task
// definition object in either accepted form, and turns it into a task_definition node (under
// a file root) with one container child per container definition.
#include "parse/ecs/ecs_parser.h"

#include <string>

#include "parse/json/json_reader.h"

namespace clearance {

namespace {

constexpr std::string_view kContainers = "containerDefinitions";

// The task definition object inside a parsed document, or nullptr.
Value* find_task(Value& top) {
  if (!top.is_object()) return nullptr;
  for (auto& m : top.members())
    if (m.key == kContainers && m.value.is_list()) return &top;
  for (auto& m : top.members()) {
    if (m.key != "taskDefinition" || !m.value.is_object()) continue;
    for (auto& inner : m.value.members())
      if (inner.key == kContainers && inner.value.is_list()) return &m.value;
  }
  return nullptr;
}

Range member_range(const Member& m) {
  return {m.key_range.begin, m.value.range().end};
}

Node container_node(Value container, size_t index) {
  Node n;
  n.kind = "container";
  n.type = "container";
  n.range = container.range();
  if (const Value* name = container.get("name");
      name && name->is_string() && !name->as_string().empty())
    n.name = name->as_string();
  else
    n.name = std::string("[").append(std::to_string(index)).append("]");
  n.attributes.reserve(container.members().size());
  for (auto& m : container.members()) {
    Range r = member_range(m);
    n.attributes.push_back(Attribute{std::move(m.key), std::move(m.value), r});
  }
  return n;
}

// True when `"containerDefinitions"` is followed by ':' and '[': the key of a list, as far as
// a text search can tell.
bool has_containers_key(std::string_view content) {
  const std::string quoted = "\"" + std::string(kContainers) + "\"";
  for (size_t at = content.find(quoted); at != std::string_view::npos;
       at = content.find(quoted, at + 1)) {
    size_t i = at + quoted.size();
    auto skip_ws = [&] {
      while (i < content.size() &&
             (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r'))
        ++i;
    };
    skip_ws();
    if (i >= content.size() || content[i] != ':') continue;
    ++i;
    skip_ws();
    if (i < content.size() && content[i] == '[') return true;
  }
  return false;
}

}  // namespace

bool is_ecs_task_definition_json(std::string_view content) {
  if (content.find(kContainers) == std::string_view::npos) return false;
  JsonReadResult read = read_json(content);
  if (read.ok()) return find_task(read.value) != nullptr;
  // Broken JSON that still reads as a task definition is one: its parse error is then
  // reported instead of the file silently going unchecked.
  return has_containers_key(content);
}

Node ecs_task_node(Value task, Range range, Document& doc) {
  Node root;
  root.kind = "task_definition";
  root.type = "task_definition";
  root.range = range;
  if (const Value* family = task.get("family"); family && family->is_string())
    root.name = family->as_string();
  root.attributes.reserve(task.members().size());
  for (auto& m : task.members()) {
    if (m.key == kContainers && m.value.is_list()) {
      size_t index = 0;
      for (auto& item : m.value.items()) {
        if (item.is_object()) {
          root.children.push_back(container_node(std::move(item), index));
        } else if (!item.is_unknown()) {
          doc.diagnostics.push_back(
              {Diagnostic::Level::Warning,
               "containerDefinitions[" + std::to_string(index) + "] is not an object; skipped",
               {doc.path, item.range()}});
        }
        ++index;
      }
      continue;
    }
    if (m.key == kContainers && !m.value.is_unknown())
      doc.diagnostics.push_back({Diagnostic::Level::Warning,
                                 "containerDefinitions is not a list; no containers read",
                                 {doc.path, m.value.range()}});
    Range r = member_range(m);
    root.attributes.push_back(Attribute{std::move(m.key), std::move(m.value), r});
  }
  return root;
}

void parse_ecs(Document& doc) {
  JsonReadResult read = read_json(doc.source);
  for (auto& w : read.warnings)
    doc.diagnostics.push_back(
        {Diagnostic::Level::Warning, std::move(w.message), {doc.path, {w.position, w.position}}});
  if (!read.ok()) {
    doc.error("invalid JSON: " + read.error.message, {read.error.position, read.error.position});
    return;
  }
  Value* task = find_task(read.value);
  if (!task) {
    doc.error(
        "not an ECS task definition: no containerDefinitions list at the top level or "
        "under taskDefinition",
        read.value.range());
    return;
  }
  Range range = task->range();
  Range whole = read.value.range();
  doc.root = ecs_file_root(ecs_task_node(std::move(*task), range, doc), whole);
}

Node ecs_file_root(Node task, Range range) {
  Node root;
  root.kind = "file";
  root.type = "file";
  root.range = range;
  root.children.push_back(std::move(task));
  return root;
}

}  // namespace clearance
