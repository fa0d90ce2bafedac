// Moving file-read ECS container definitions into a document of their own file.
#include "resolve/terraform/tf_ecs_files.h"

#include "parse/ecs/ecs_parser.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

Range whole(const std::string& text) {
  Position end{1, 1};
  for (char c : text) {
    if (c == '\n')
      end = {end.line + 1, 1};
    else
      ++end.column;
  }
  return {{1, 1}, end};
}

// The ECS document the bridge made for `o`, or nullptr.
Document* bridge_document(Workspace& ws, const EcsOrigin& o) {
  for (auto& d : ws.documents) {
    if (d.format != Format::Ecs || d.path != o.tf_path || d.module_address != o.module_address)
      continue;
    if (d.root.children.size() == 1 && d.root.children[0].name == o.resource) return &d;
  }
  return nullptr;
}

}  // namespace

void place_ecs_file_definitions(Workspace& ws, const std::vector<EcsOrigin>& origins) {
  std::vector<Document> parts;
  for (const auto& o : origins) {
    Document* d = bridge_document(ws, o);
    if (!d) continue;
    auto defs = json_decode(o.text, {1, 1});
    if (!defs || !defs->is_list()) continue;  // the bridge already reported what it could not read
    Range all = whole(o.text);
    Node& task = d->root.children[0];
    std::vector<Member> members;
    for (const auto& a : task.attributes) members.push_back({a.name, a.value, all});
    members.push_back({"containerDefinitions", std::move(*defs), all});
    Document part;
    part.path = o.file;
    part.disk_path = ws.root + "/" + o.file;
    part.format = Format::Ecs;
    part.module_key = d->module_key;
    part.module_address = d->module_address;
    part.call_chain = d->call_chain;
    part.checked = d->checked;
    Node node = ecs_task_node(Value::object(std::move(members), all), all, part);
    node.kind = "task_definition_part";
    node.name = o.resource;
    part.root = ecs_file_root(std::move(node), all);
    task.children.clear();  // its containers were placed with .tf positions: now in `part`
    parts.push_back(std::move(part));
  }
  for (auto& p : parts) ws.documents.push_back(std::move(p));
}

}  // namespace clearance::tf
