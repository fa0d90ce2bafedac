// Terraform parser: blocks and labels, nested and dynamic blocks, literal values with their
// exact ranges, strings, escapes and heredocs, .tfvars.
#include "parse/terraform/terraform_parser.h"

#include <catch2/catch.hpp>

#include "model/expression.h"

using clearance::Attribute;
using clearance::Document;
using clearance::Expression;
using clearance::Node;
using clearance::Range;
using clearance::Value;

namespace {

Document parse(std::string source, std::string path = "main.tf") {
  Document doc;
  doc.path = std::move(path);
  doc.format = clearance::Format::Terraform;
  doc.source = std::move(source);
  clearance::parse_terraform(doc);
  return doc;
}

Range range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return {{l1, c1}, {l2, c2}};
}

const Value& attr(const Node& n, std::string_view name) {
  const Attribute* a = n.attribute(name);
  REQUIRE(a != nullptr);
  return a->value;
}

}  // namespace

TEST_CASE("top-level blocks get kind, type, name and labels", "[terraform]") {
  Document doc = parse(R"(resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
data "aws_iam_policy_document" "p" {}
module "vpc" {
  source = "./vpc"
}
variable "region" {}
output "id" {}
provider "aws" {}
terraform {}
locals {
  a = 1
  b = "two"
}
)");
  REQUIRE(doc.diagnostics.empty());
  const Node& root = doc.root;
  CHECK(root.kind == "file");
  REQUIRE(root.children.size() == 8);
  const Node& r = root.children[0];
  CHECK(r.kind == "resource");
  CHECK(r.type == "aws_s3_bucket");
  CHECK(r.name == "logs");
  CHECK(r.labels == std::vector<std::string>{"aws_s3_bucket", "logs"});
  CHECK(r.range == range(1, 1, 3, 2));
  CHECK(root.children[1].kind == "data");
  CHECK(root.children[1].type == "aws_iam_policy_document");
  CHECK(root.children[1].name == "p");
  const Node& m = root.children[2];
  CHECK(m.kind == "module");
  CHECK(m.type == "module");
  CHECK(m.name == "vpc");
  CHECK(attr(m, "source").as_string() == "./vpc");
  CHECK(root.children[3].kind == "variable");
  CHECK(root.children[3].name == "region");
  CHECK(root.children[4].name == "id");
  CHECK(root.children[5].kind == "provider");
  CHECK(root.children[5].name == "aws");
  CHECK(root.children[6].kind == "terraform");
  CHECK(root.children[6].labels.empty());
  const Node& locals = root.children[7];
  CHECK(locals.kind == "locals");
  CHECK(attr(locals, "a").as_number() == 1);
  CHECK(attr(locals, "b").as_string() == "two");
}

TEST_CASE("nested blocks keep their names, labels and attributes", "[terraform]") {
  Document doc = parse(R"(resource "aws_security_group" "sg" {
  ingress {
    from_port = 443
  }
  ingress {
    from_port = 80
  }
  lifecycle_rule {
    rule {
      enabled = true
    }
  }
}
terraform {
  backend "s3" {
    bucket = "state"
  }
}
)");
  REQUIRE(doc.diagnostics.empty());
  const Node& sg = doc.root.children[0];
  auto ingress = sg.children_of("ingress");
  REQUIRE(ingress.size() == 2);
  CHECK(ingress[0]->kind == "block");
  CHECK(attr(*ingress[1], "from_port").as_number() == 80);
  CHECK(ingress[0]->range == range(2, 3, 4, 4));
  const clearance::Attribute* enabled = sg.find_attribute("lifecycle_rule.rule.enabled");
  REQUIRE(enabled != nullptr);
  CHECK(enabled->value.as_bool());
  const Node& backend = doc.root.children[1].children[0];
  CHECK(backend.type == "backend");
  CHECK(backend.name == "s3");
  CHECK(backend.labels == std::vector<std::string>{"s3"});
}

TEST_CASE("dynamic blocks become kind dynamic with a content child", "[terraform]") {
  Document doc = parse(R"(resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port = port.value
      protocol  = "tcp"
    }
  }
}
)");
  REQUIRE(doc.diagnostics.empty());
  const Node& dyn = doc.root.children[0].children.at(0);
  CHECK(dyn.kind == "dynamic");
  CHECK(dyn.type == "ingress");
  CHECK(dyn.labels == std::vector<std::string>{"ingress"});
  CHECK(attr(dyn, "for_each").is_unknown());
  CHECK(attr(dyn, "for_each").as_string() == "var.ports");
  const Node* content = dyn.child("content");
  REQUIRE(content != nullptr);
  CHECK(content->kind == "block");
  CHECK(attr(*content, "protocol").as_string() == "tcp");
  CHECK(attr(*content, "from_port").is_unknown());
}

TEST_CASE("literals of every kind with exact ranges", "[terraform]") {
  Document doc = parse(R"(s = "text"
n = 42
f = -1.5e3
h = 0x1F
t = true
u = false
z = null
l = [1, "two", [true]]
o = { name = "x", "quoted key" = 2, nested = { deep = null } }
e = []
)");
  REQUIRE(doc.diagnostics.empty());
  const Node& root = doc.root;
  CHECK(attr(root, "s").as_string() == "text");
  CHECK(attr(root, "s").range() == range(1, 5, 1, 11));
  CHECK(root.attribute("s")->range == range(1, 1, 1, 11));
  CHECK(attr(root, "n").as_number() == 42);
  CHECK(attr(root, "n").range() == range(2, 5, 2, 7));
  CHECK(attr(root, "f").as_number() == -1500);
  CHECK(attr(root, "f").range() == range(3, 5, 3, 11));
  CHECK(attr(root, "h").as_number() == 31);
  CHECK(attr(root, "t").is_bool());
  CHECK(attr(root, "t").as_bool());
  CHECK_FALSE(attr(root, "u").as_bool());
  CHECK(attr(root, "z").is_null());
  CHECK(attr(root, "z").range() == range(7, 5, 7, 9));
  const Value& l = attr(root, "l");
  REQUIRE(l.is_list());
  REQUIRE(l.items().size() == 3);
  CHECK(l.items()[1].as_string() == "two");
  CHECK(l.items()[1].range() == range(8, 9, 8, 14));
  CHECK(l.items()[2].items()[0].as_bool());
  CHECK(l.range() == range(8, 5, 8, 23));
  const Value& o = attr(root, "o");
  REQUIRE(o.is_object());
  CHECK(o.get("name")->as_string() == "x");
  CHECK(o.get("quoted key")->as_number() == 2);
  CHECK(o.find_path("nested.deep")->is_null());
  CHECK(o.members()[1].key_range == range(9, 19, 9, 31));
  CHECK(o.get("name")->range() == range(9, 14, 9, 17));
  CHECK(attr(root, "e").is_list());
  CHECK(attr(root, "e").items().empty());
  CHECK_FALSE(o.contains_unknown());
}

TEST_CASE("quoted strings decode HCL escapes", "[terraform]") {
  Document doc = parse(R"(a = "line\nnext\t\"q\" \\ \u00e9 \U0001F600"
b = "$${not} %%{lit}"
c = ""
)");
  REQUIRE(doc.diagnostics.empty());
  CHECK(attr(doc.root, "a").as_string() == "line\nnext\t\"q\" \\ \xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(attr(doc.root, "b").as_string() == "${not} %{lit}");
  CHECK(attr(doc.root, "c").is_string());
  CHECK(attr(doc.root, "c").as_string().empty());
}

TEST_CASE("heredocs, plain and indented, become strings", "[terraform]") {
  Document doc = parse(
      "policy = <<EOT\n"
      "{\n"
      "  \"Effect\": \"Allow\" $${x}\n"
      "}\n"
      "EOT\n"
      "resource \"x\" \"y\" {\n"
      "  script = <<-EOF\n"
      "    echo one\n"
      "\n"
      "      echo two \\n\n"
      "    EOF\n"
      "  empty = <<EOT\n"
      "EOT\n"
      "}\n");
  REQUIRE(doc.diagnostics.empty());
  const Value& policy = attr(doc.root, "policy");
  REQUIRE(policy.is_string());
  CHECK(policy.as_string() == "{\n  \"Effect\": \"Allow\" ${x}\n}\n");
  CHECK(policy.range() == range(1, 10, 5, 4));
  const Node& res = doc.root.children.at(0);
  CHECK(attr(res, "script").as_string() == "echo one\n\n  echo two \\n\n");
  CHECK(attr(res, "empty").as_string().empty());
}

TEST_CASE("a tfvars file puts its attributes on the root", "[terraform]") {
  Document doc = parse(R"(region = "eu-west-1"
instance_count = 3
tags = {
  Team = "core"
}
)",
                       "prod.tfvars");
  REQUIRE(doc.diagnostics.empty());
  CHECK(doc.root.children.empty());
  REQUIRE(doc.root.attributes.size() == 3);
  CHECK(attr(doc.root, "region").as_string() == "eu-west-1");
  CHECK(attr(doc.root, "instance_count").as_number() == 3);
  CHECK(attr(doc.root, "tags").get("Team")->as_string() == "core");
  CHECK(doc.root.attributes[2].range == range(3, 1, 5, 2));
}

TEST_CASE("comments anywhere are ignored", "[terraform]") {
  Document doc = parse(R"(# file comment
resource "a" "b" { // trailing
  /* block */ x = [
    "one", # first
    "two",
  ]
}
)");
  REQUIRE(doc.diagnostics.empty());
  const Value& x = attr(doc.root.children.at(0), "x");
  REQUIRE(x.is_list());
  CHECK(x.items().size() == 2);
}
