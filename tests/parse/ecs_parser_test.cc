// Tests of the ECS task definition parser: both accepted forms, the model shape with ranges,
// classification, and bad input.
#include "parse/ecs/ecs_parser.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/parse.h"

using namespace clearance;

namespace {

Document parse(std::string source, std::string path = "task.json") {
  Document doc;
  doc.path = std::move(path);
  doc.format = Format::Ecs;
  doc.source = std::move(source);
  parse_ecs(doc);
  return doc;
}

const char* kRegister = R"({
  "family": "web",
  "taskRoleArn": "arn:aws:iam::123456789012:role/app",
  "cpu": "256",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "repo/app:1.2.3",
      "essential": true,
      "environment": [{"name": "MODE", "value": "prod"}],
      "logConfiguration": {"logDriver": "awslogs"}
    },
    {
      "image": "sidecar"
    }
  ]
})";

}  // namespace

TEST_CASE("ECS register form: a task_definition with container children", "[ecs]") {
  Document doc = parse(kRegister);
  REQUIRE(doc.diagnostics.empty());
  CHECK(doc.root.kind == "file");
  CHECK(doc.root.range.begin == Position{1, 1});
  CHECK(doc.root.range.end == Position{17, 2});
  REQUIRE(doc.root.children.size() == 1);
  const Node& root = doc.root.children[0];
  CHECK(root.kind == "task_definition");
  CHECK(root.type == "task_definition");
  CHECK(root.name == "web");
  CHECK(root.range.begin == Position{1, 1});
  REQUIRE(root.attribute("taskRoleArn"));
  CHECK(root.attribute("taskRoleArn")->range.begin == Position{3, 3});
  CHECK(root.attribute("cpu")->value.as_string() == "256");
  CHECK(root.attribute("containerDefinitions") == nullptr);
  REQUIRE(root.children.size() == 2);
  const Node& app = root.children[0];
  CHECK(app.kind == "container");
  CHECK(app.type == "container");
  CHECK(app.name == "app");
  CHECK(app.range.begin == Position{6, 5});
  REQUIRE(app.attribute("image"));
  CHECK(app.attribute("image")->value.as_string() == "repo/app:1.2.3");
  CHECK(app.attribute("image")->value.range().begin == Position{8, 16});
  CHECK(app.attribute("image")->range.begin == Position{8, 7});
  CHECK(app.attribute("essential")->value.as_bool());
  CHECK(app.find_attribute("logConfiguration") != nullptr);
  CHECK(app.attribute("logConfiguration")->value.find_path("logDriver")->as_string() == "awslogs");
  CHECK(root.children[1].name == "[1]");  // unnamed: its index
}

TEST_CASE("ECS describe-task-definition form reads the inner taskDefinition", "[ecs]") {
  Document doc = parse(R"({
  "taskDefinition": {
    "family": "api",
    "executionRoleArn": "arn:aws:iam::1:role/exec",
    "containerDefinitions": [{"name": "api", "image": "x:1"}]
  },
  "tags": []
})");
  REQUIRE(doc.diagnostics.empty());
  CHECK(doc.root.range.begin == Position{1, 1});
  REQUIRE(doc.root.children.size() == 1);
  const Node& task = doc.root.children[0];
  CHECK(task.name == "api");
  CHECK(task.range.begin == Position{2, 21});
  CHECK(task.attribute("executionRoleArn") != nullptr);
  CHECK(task.attribute("tags") == nullptr);
  REQUIRE(task.children.size() == 1);
  CHECK(task.children[0].range.begin == Position{5, 30});
}

TEST_CASE("ECS classification: containerDefinitions JSON only", "[ecs]") {
  CHECK(classify("deploy/task.json", kRegister) == Format::Ecs);
  CHECK(classify("td.json", R"({"taskDefinition": {"containerDefinitions": []}})") == Format::Ecs);
  CHECK(classify("package.json", R"({"name": "containerDefinitions"})") == Format::Text);
  CHECK(classify("x.json", R"({"containerDefinitions": {}})") == Format::Text);
  // Broken JSON with a containerDefinitions list key is ECS, so its error gets reported.
  CHECK(classify("x.json", R"({"containerDefinitions": [)") == Format::Ecs);
  CHECK(classify("x.json", R"({"containerDefinitions": 3)") == Format::Text);
  CHECK(classify("x.json", R"({"note": "containerDefinitions", )") == Format::Text);
  CHECK(classify("x.json", R"([{"containerDefinitions": []}])") == Format::Text);
  CHECK(classify("task.txt", kRegister) == Format::Text);
  CHECK(is_ecs_task_definition_json(kRegister));
  CHECK_FALSE(is_ecs_task_definition_json("{}"));
}

TEST_CASE("ECS parser reports bad input as diagnostics", "[ecs]") {
  Document broken = parse("{\"containerDefinitions\": [\n  {\"name\": }\n]}");
  REQUIRE(broken.has_errors());
  CHECK(broken.diagnostics[0].message.find("invalid JSON") != std::string::npos);
  CHECK(broken.diagnostics[0].location.range.begin == Position{2, 12});
  CHECK(broken.root.children.empty());
  CHECK(broken.root.kind.empty());  // nothing for rules to look at

  Document other = parse(R"({"a": 1})");
  REQUIRE(other.has_errors());
  CHECK(other.diagnostics[0].message.find("not an ECS task definition") != std::string::npos);

  Document mixed = parse(R"({"containerDefinitions": [1, {"name": "ok"}]})");
  CHECK_FALSE(mixed.has_errors());
  REQUIRE(mixed.diagnostics.size() == 1);
  CHECK(mixed.diagnostics[0].level == Diagnostic::Level::Warning);
  REQUIRE(mixed.root.children.size() == 1);
  REQUIRE(mixed.root.children[0].children.size() == 1);
  CHECK(mixed.root.children[0].children[0].name == "ok");

  Document deep = parse("{\"containerDefinitions\": [" + std::string(5000, '[') + "]}");
  CHECK(deep.has_errors());
}

TEST_CASE("ecs_task_node keeps an unreadable containerDefinitions as an attribute", "[ecs]") {
  Document doc;
  doc.path = "main.tf";
  Value task = Value::object({Member{"containerDefinitions", Value::unknown("var.defs"), {}}});
  Node root = ecs_task_node(std::move(task), {{3, 1}, {9, 2}}, doc);
  CHECK(doc.diagnostics.empty());
  CHECK(root.children.empty());
  REQUIRE(root.attribute("containerDefinitions"));
  CHECK(root.attribute("containerDefinitions")->value.is_unknown());
  CHECK(root.range.begin == Position{3, 1});
}
