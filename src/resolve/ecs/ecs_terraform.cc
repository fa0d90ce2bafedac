// The Terraform to ECS bridge. The heredoc case re-reads the heredoc body from the .tf source
// rather than using the parsed string: JSON does not care about the indentation `<<-` removes,
// and reading the verbatim text keeps every column true and lets the JSON reader turn each
// `${...}` into an Unknown at the place it is written.
#include "resolve/ecs/ecs_terraform.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "parse/ecs/ecs_parser.h"
#include "parse/json/json_reader.h"
#include "resolve/ecs/hcl_json_value.h"

namespace clearance {

namespace {

struct Mapping {
  std::string_view hcl;
  std::string_view ecs;
};

// Task-level arguments of aws_ecs_task_definition and their names in a task definition.
constexpr Mapping kTaskAttributes[] = {
    {"family", "family"},
    {"task_role_arn", "taskRoleArn"},
    {"execution_role_arn", "executionRoleArn"},
    {"cpu", "cpu"},
    {"memory", "memory"},
    {"network_mode", "networkMode"},
    {"requires_compatibilities", "requiresCompatibilities"},
    {"pid_mode", "pidMode"},
    {"ipc_mode", "ipcMode"},
};

// Byte offset of position `p` in `src` (clamped to the end).
size_t offset_of(std::string_view src, Position p) {
  size_t off = 0;
  for (uint32_t line = 1; line < p.line; ++line) {
    size_t nl = src.find('\n', off);
    if (nl == std::string_view::npos) return src.size();
    off = nl + 1;
  }
  return std::min(src.size(), off + (p.column ? p.column - 1 : 0));
}

struct Body {
  std::string_view text;
  Position base;
};

// The verbatim body of the heredoc at range `r` of `src`: from the line after `<<MARKER` to
// the start of the closing marker's line.
std::optional<Body> heredoc_body(std::string_view src, Range r) {
  size_t begin = offset_of(src, r.begin);
  size_t end = offset_of(src, r.end);
  if (src.substr(begin, 2) != "<<" || end < begin + 3) return std::nullopt;
  size_t nl = src.find('\n', begin);
  if (nl == std::string_view::npos || nl >= end) return std::nullopt;
  size_t body_begin = nl + 1;
  size_t last = src.rfind('\n', src[end - 1] == '\n' ? end - 2 : end - 1);
  if (last == std::string_view::npos || last + 1 < body_begin) return std::nullopt;
  return Body{src.substr(body_begin, last + 1 - body_begin), {r.begin.line + 1, 1}};
}

bool has_directive(const Expression& e) {
  for (const auto& part : e.children)
    if (part.kind == Expression::Kind::TemplateIf || part.kind == Expression::Kind::TemplateFor)
      return true;
  return false;
}

void note(Document& out, std::string message, Range r) {
  out.diagnostics.push_back({Diagnostic::Level::Note, std::move(message), {out.path, r}});
}

// Reads JSON text; a syntax error becomes an error diagnostic and nullopt.
std::optional<Value> read(std::string_view text, JsonReadOptions opt, Document& out,
                          const std::string& what) {
  JsonReadResult r = read_json(text, opt);
  for (auto& w : r.warnings)
    out.diagnostics.push_back({Diagnostic::Level::Warning,
                               what + ": " + w.message,
                               {out.path, {w.position, w.position}}});
  if (!r.ok()) {
    out.error(what + " is not valid JSON: " + r.error.message,
              {r.error.position, r.error.position});
    return std::nullopt;
  }
  return std::move(r.value);
}

// The containerDefinitions value of `a`, or nullopt when it is broken JSON.
std::optional<Value> container_definitions(const Attribute& a, const std::string& address,
                                           std::string_view source, Document& out) {
  const Value& v = a.value;
  std::string what = address + ".container_definitions";
  if (v.is_list() || v.is_object()) return v;
  JsonReadOptions opt;
  if (v.is_string()) {
    auto body = heredoc_body(source, v.range());
    if (body && body->text.find("${") == std::string_view::npos) {
      opt.base = body->base;
      opt.hcl_template = true;  // for %%{ only: there is no interpolation
      return read(body->text, opt, out, what);
    }
    // A quoted string, or a heredoc whose interpolations were evaluated: read the value
    // itself. Lines stay true unless an interpolation brought line breaks; columns may drift.
    opt.base = body ? body->base : Position{v.range().begin.line, v.range().begin.column + 1};
    return read(v.as_string(), opt, out, what);
  }
  const Expression* e = v.expression();
  if (v.is_unknown() && e && e->kind == Expression::Kind::Template && !has_directive(*e)) {
    if (auto body = heredoc_body(source, v.range())) {
      opt.base = body->base;
      opt.hcl_template = true;
      return read(body->text, opt, out, what);
    }
  }
  if (v.is_unknown() && e && e->kind == Expression::Kind::Call && e->op == "jsonencode" &&
      e->children.size() == 1 && !e->expand_final) {
    Value converted = value_from_hcl_expression(e->children[0]);
    if (!converted.is_unknown()) return converted;
  }
  if (v.is_unknown()) {
    std::string expr = v.as_string().substr(0, 80);
    if (expr.size() < v.as_string().size()) expr += "...";
    note(out, what + " cannot be read statically (" + expr + "); its containers are not checked",
         v.range());
  }
  return v;
}

std::string address_of(const Node& resource) {
  return resource.type + "." + resource.name;
}

Range name_range(const Attribute& a) {
  Position end = a.range.begin;
  end.column += static_cast<uint32_t>(a.name.size());
  return {a.range.begin, end};
}

}  // namespace

Document ecs_document_from_terraform(const Document& tf, const Node& resource) {
  return ecs_document_from_terraform(tf, resource, tf.source);
}

Document ecs_document_from_terraform(const Document& tf, const Node& resource,
                                     std::string_view source) {
  Document out;
  out.path = tf.path;
  out.disk_path = tf.disk_path;
  out.format = Format::Ecs;
  out.module_key = tf.module_key;
  out.module_address = tf.module_address;
  out.call_chain = tf.call_chain;
  out.checked = tf.checked;
  std::vector<Member> task;
  for (const auto& m : kTaskAttributes)
    if (const Attribute* a = resource.attribute(m.hcl))
      task.push_back(Member{std::string(m.ecs), a->value, name_range(*a)});
  if (const Attribute* a = resource.attribute("container_definitions")) {
    if (auto defs = container_definitions(*a, address_of(resource), source, out))
      task.push_back(Member{"containerDefinitions", std::move(*defs), name_range(*a)});
  }
  Node node = ecs_task_node(Value::object(std::move(task), resource.range), resource.range, out);
  node.name = address_of(resource);  // what users call it in Terraform, unique per module
  out.root = ecs_file_root(std::move(node), resource.range);
  return out;
}

void resolve_ecs_in_terraform(Workspace& ws) {
  auto is_task = [](const Node& n) {
    return n.kind == "resource" && n.type == "aws_ecs_task_definition";
  };
  bool any = false;
  for (const auto& doc : ws.documents)
    for (const auto& n : doc.root.children)
      any = any || (doc.format == Format::Terraform && is_task(n));
  if (!any) return;
  // Module instances carry no source of their own: heredocs are read from the file's bytes,
  // held by the document of the same path that has them.
  std::map<std::string_view, std::string_view> sources;
  for (const auto& doc : ws.documents)
    if (doc.format == Format::Terraform && !doc.source.empty())
      sources.emplace(doc.path, doc.source);
  std::vector<std::vector<Document>> derived(ws.documents.size());
  size_t count = 0;
  for (size_t i = 0; i < ws.documents.size(); ++i) {
    const Document& doc = ws.documents[i];
    if (doc.format != Format::Terraform) continue;
    auto it = sources.find(doc.path);
    std::string_view source = it == sources.end() ? std::string_view() : it->second;
    for (const auto& n : doc.root.children)
      if (is_task(n)) derived[i].push_back(ecs_document_from_terraform(doc, n, source));
    count += derived[i].size();
  }
  std::vector<Document> docs;
  docs.reserve(ws.documents.size() + count);
  for (size_t i = 0; i < ws.documents.size(); ++i) {
    docs.push_back(std::move(ws.documents[i]));
    for (auto& d : derived[i]) docs.push_back(std::move(d));
  }
  ws.documents = std::move(docs);
}

}  // namespace clearance
