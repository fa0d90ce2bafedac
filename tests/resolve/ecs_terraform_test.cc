// Tests of the Terraform to ECS bridge: heredoc (plain, indented, interpolated), jsonencode,
// quoted JSON, unreadable values, task-level attribute mapping, and the workspace step.
#include "resolve/ecs/ecs_terraform.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/terraform/terraform_parser.h"
#include "resolve/ecs/hcl_json_value.h"

using namespace clearance;

namespace {

Document parse_tf(std::string source) {
  Document doc;
  doc.path = "infra/ecs.tf";
  doc.disk_path = "/repo/infra/ecs.tf";
  doc.format = Format::Terraform;
  doc.source = std::move(source);
  parse_terraform(doc);
  return doc;
}

// The derived document of the first task definition resource of `source`.
Document derive(const std::string& source) {
  Document tf = parse_tf(source);
  for (const Node& n : tf.root.children)
    if (n.type == "aws_ecs_task_definition") return ecs_document_from_terraform(tf, n);
  FAIL("no aws_ecs_task_definition in the source");
  return {};
}

const Node& task_of(const Document& d) {
  REQUIRE(d.root.children.size() == 1);
  return d.root.children[0];
}

bool has_diagnostic(const Document& d, Diagnostic::Level level, const std::string& part) {
  for (const auto& x : d.diagnostics)
    if (x.level == level && x.message.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("ECS in Terraform: an indented heredoc keeps exact .tf positions", "[ecs]") {
  Document d = derive(R"(resource "aws_ecs_task_definition" "app" {
  family        = "app"
  task_role_arn = aws_iam_role.task.arn
  cpu           = 256
  container_definitions = <<-EOF
    [
      {
        "name": "web",
        "image": "repo/web:1.0.0",
        "privileged": true
      }
    ]
  EOF
}
)");
  CHECK(d.format == Format::Ecs);
  CHECK(d.path == "infra/ecs.tf");
  CHECK(d.source.empty());
  INFO((d.diagnostics.empty() ? "" : d.diagnostics[0].message));
  CHECK(d.diagnostics.empty());
  const Node& task = task_of(d);
  CHECK(task.kind == "task_definition");
  CHECK(task.name == "aws_ecs_task_definition.app");
  CHECK(task.range.begin == Position{1, 1});
  REQUIRE(task.attribute("taskRoleArn"));
  CHECK(task.attribute("taskRoleArn")->value.is_unknown());
  CHECK(task.attribute("taskRoleArn")->range.begin == Position{3, 3});
  CHECK(task.attribute("cpu")->value.as_number() == 256);
  CHECK(task.attribute("family")->value.as_string() == "app");
  REQUIRE(task.children.size() == 1);
  const Node& web = task.children[0];
  CHECK(web.name == "web");
  CHECK(web.range.begin == Position{7, 7});
  REQUIRE(web.attribute("privileged"));
  CHECK(web.attribute("privileged")->value.range().begin == Position{10, 23});
}

TEST_CASE("ECS in Terraform: heredoc interpolations become Unknown in place", "[ecs]") {
  Document d = derive(R"(resource "aws_ecs_task_definition" "app" {
  container_definitions = <<EOF
[{"name": "app", "image": "${var.repo}:${var.tag}", "cpu": ${var.cpu},
  "environment": [{"name": "A", "value": "$${literal}"}]}]
EOF
}
)");
  CHECK(d.diagnostics.empty());
  const Node& app = task_of(d).children.at(0);
  const Value& image = app.attribute("image")->value;
  CHECK(image.is_unknown());
  CHECK(image.as_string() == "${var.repo}:${var.tag}");
  CHECK(image.range().begin == Position{3, 27});
  CHECK(app.attribute("cpu")->value.as_string() == "var.cpu");
  const Value* env = app.attribute("environment")->value.items().at(0).get("value");
  REQUIRE(env);
  CHECK(env->as_string() == "${literal}");
  CHECK(task_of(d).name == "aws_ecs_task_definition.app");  // no family: the address
}

TEST_CASE("ECS in Terraform: jsonencode keeps HCL ranges, non-literals stay Unknown", "[ecs]") {
  Document d = derive(R"(resource "aws_ecs_task_definition" "app" {
  execution_role_arn = "arn:aws:iam::1:role/exec"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${var.repo}:1.2.3"
      essential = true
      environment = [
        { name = "DB_PASSWORD", value = var.db_password },
        { "name" = "MODE", "value" = "prod" },
      ]
    },
    { name = "sidecar", image = "envoy:1.29", cpu = 64 },
  ])
}
)");
  CHECK(d.diagnostics.empty());
  const Node& task = task_of(d);
  CHECK(task.attribute("executionRoleArn")->value.as_string() == "arn:aws:iam::1:role/exec");
  REQUIRE(task.children.size() == 2);
  const Node& app = task.children[0];
  CHECK(app.range.begin == Position{4, 5});
  CHECK(app.attribute("essential")->value.as_bool());
  CHECK(app.attribute("essential")->range.begin == Position{7, 7});
  const Value& image = app.attribute("image")->value;
  CHECK(image.is_unknown());
  CHECK(image.as_string() == "${var.repo}:1.2.3");
  REQUIRE(image.expression() != nullptr);
  const Value& env = app.attribute("environment")->value;
  REQUIRE(env.items().size() == 2);
  CHECK(env.items()[0].get("name")->as_string() == "DB_PASSWORD");
  CHECK(env.items()[0].get("value")->is_unknown());
  CHECK(env.items()[0].get("value")->range().begin == Position{9, 41});
  CHECK(env.items()[1].get("value")->as_string() == "prod");
  CHECK(task.children[1].name == "sidecar");
  CHECK(task.children[1].range.begin == Position{13, 5});
  CHECK(task.children[1].attribute("cpu")->value.as_number() == 64);
}

TEST_CASE("ECS in Terraform: quoted JSON strings are read from the string", "[ecs]") {
  Document d = derive(
      "resource \"aws_ecs_task_definition\" \"q\" {\n"
      "  container_definitions = \"[{\\\"name\\\": \\\"q\\\", \\\"image\\\": \\\"q:1\\\"}]\"\n"
      "}\n");
  CHECK(d.diagnostics.empty());
  const Node& q = task_of(d).children.at(0);
  CHECK(q.name == "q");
  CHECK(q.range.begin.line == 2);  // lines are exact for one-line strings
}

TEST_CASE("ECS in Terraform: unreadable definitions stay Unknown with a note", "[ecs]") {
  Document d = derive(R"(resource "aws_ecs_task_definition" "f" {
  task_role_arn         = var.role
  container_definitions = file("${path.module}/task.json")
}
)");
  const Node& task = task_of(d);
  CHECK(task.children.empty());
  REQUIRE(task.attribute("containerDefinitions"));
  CHECK(task.attribute("containerDefinitions")->value.is_unknown());
  CHECK(has_diagnostic(d, Diagnostic::Level::Note, "cannot be read statically"));
  CHECK_FALSE(d.has_errors());

  Document loop = derive(R"(resource "aws_ecs_task_definition" "l" {
  container_definitions = <<EOF
[%{ for c in var.cs }{"name": "${c}"}%{ endfor }]
EOF
}
)");
  CHECK(task_of(loop).children.empty());
  CHECK(has_diagnostic(loop, Diagnostic::Level::Note, "cannot be read statically"));
}

TEST_CASE("ECS in Terraform: broken heredoc JSON is an error at its .tf position", "[ecs]") {
  Document d = derive(R"(resource "aws_ecs_task_definition" "b" {
  container_definitions = <<EOF
[
  {"name": "b" "image": "b:1"}
]
EOF
}
)");
  REQUIRE(d.has_errors());
  CHECK(d.diagnostics[0].message.find("aws_ecs_task_definition.b.container_definitions") == 0);
  CHECK(d.diagnostics[0].location.range.begin == Position{4, 16});
  CHECK(task_of(d).children.empty());
}

TEST_CASE("ECS in Terraform: the workspace step adds one document per task definition", "[ecs]") {
  Workspace ws;
  ws.documents.push_back(parse_tf(R"(resource "aws_ecs_task_definition" "a" {
  container_definitions = jsonencode([{ name = "a", image = "a:1" }])
}
resource "aws_s3_bucket" "x" {}
resource "aws_ecs_task_definition" "b" {
  container_definitions = jsonencode([{ name = "b", image = "b:1" }])
}
)"));
  Document other;
  other.path = "z.json";
  ws.documents.push_back(std::move(other));
  resolve_ecs_in_terraform(ws);
  REQUIRE(ws.documents.size() == 4);
  CHECK(ws.documents[0].format == Format::Terraform);
  CHECK(ws.documents[1].format == Format::Ecs);
  CHECK(task_of(ws.documents[1]).name == "aws_ecs_task_definition.a");
  CHECK(task_of(ws.documents[2]).name == "aws_ecs_task_definition.b");
  CHECK(ws.documents[2].root.range.begin == Position{5, 1});
  CHECK(ws.documents[3].path == "z.json");
}

TEST_CASE("HCL expressions convert to JSON-shaped values", "[ecs]") {
  Expression key;
  key.kind = Expression::Kind::Literal;
  key.literal = Value::string("k");
  key.range = {{1, 3}, {1, 4}};
  Expression ref;
  ref.kind = Expression::Kind::Reference;
  ref.op = "var";
  ref.text = "var.x";
  Expression obj;
  obj.kind = Expression::Kind::Object;
  obj.children = {key, ref};
  Value v = value_from_hcl_expression(obj);
  REQUIRE(v.is_object());
  CHECK(v.members()[0].key == "k");
  CHECK(v.members()[0].key_range.begin == Position{1, 3});
  CHECK(v.get("k")->is_unknown());
  CHECK(v.get("k")->as_string() == "var.x");
  Expression computed_key = ref;
  obj.children = {computed_key, key};
  CHECK(value_from_hcl_expression(obj).is_unknown());
}

TEST_CASE("ECS in Terraform: an evaluated heredoc is read from its value", "[ecs]") {
  Document tf = parse_tf(R"(resource "aws_ecs_task_definition" "e" {
  container_definitions = <<EOF
[{"name": "e", "image": "repo:${var.tag}"}]
EOF
}
)");
  Node& r = tf.root.children.at(0);
  Attribute* a = r.attribute("container_definitions");
  REQUIRE(a);
  Range range = a->value.range();
  a->value = Value::string("[{\"name\": \"e\", \"image\": \"repo:1.2.3\"}]\n", range);
  Document d = ecs_document_from_terraform(tf, r);
  CHECK(d.diagnostics.empty());
  const Node& e = task_of(d).children.at(0);
  CHECK(e.attribute("image")->value.as_string() == "repo:1.2.3");
  CHECK(e.attribute("image")->value.range().begin.line == 3);
}

TEST_CASE("ECS in Terraform: module instances keep their module and read the file's bytes",
          "[ecs]") {
  Document tf = parse_tf(R"(resource "aws_ecs_task_definition" "m" {
  container_definitions = <<EOF
[{"name": "m", "image": "m:1"}]
EOF
}
)");
  std::string bytes = tf.source;
  tf.source.clear();  // as a module instance has
  tf.module_address = "module.app";
  tf.module_key = ".";
  tf.checked = false;
  Document d = ecs_document_from_terraform(tf, tf.root.children.at(0), bytes);
  CHECK(d.module_address == "module.app");
  CHECK(d.module_key == ".");
  CHECK_FALSE(d.checked);
  REQUIRE(task_of(d).children.size() == 1);
  CHECK(task_of(d).children[0].range.begin == Position{3, 2});
}
