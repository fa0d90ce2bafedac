// Terraform evaluation: operators, templates with directives, for expressions, splats,
// variable precedence, locals in dependency order with cycles, count/for_each instances,
// dynamic blocks, and what must stay unknown.
#include <cstdio>
#include <fstream>

#include "terraform_eval_support.h"

using namespace tfeval_test;

TEST_CASE("operators, conditionals, for expressions and splats", "[tfeval]") {
  CHECK(eval("1 + 2 * 3 - 4 / 2") == "5");
  CHECK(eval("\"5\" + 1") == "6");       // numeric strings convert for arithmetic
  CHECK(eval("\"1\" == 1") == "false");  // but == compares types strictly
  CHECK(eval("7 % 3 == 1 && !(2 > 3)") == "true");
  CHECK(eval("true ? \"a\" : \"b\"") == "\"a\"");
  CHECK(eval("false || var.unset", "variable \"unset\" {}").rfind("?", 0) == 0);
  CHECK(eval("true || var.unset", "variable \"unset\" {}") == "true");  // decided without it
  CHECK(eval("var.unset ? 1 : 1", "variable \"unset\" {}") == "1");     // both branches agree
  CHECK(eval("[for s in [\"a\", \"b\"] : upper(s)]") == "[\"A\",\"B\"]");
  CHECK(eval("[for i, s in [\"a\", \"b\", \"c\"] : \"${i}${s}\" if i != 1]") == "[\"0a\",\"2c\"]");
  CHECK(eval("{for k, v in {b = 2, a = 1} : v => k}") == "{\"1\":\"a\",\"2\":\"b\"}");
  CHECK(eval("{for s in [\"ab\", \"ac\", \"b\"] : substr(s, 0, 1) => s...}") ==
        "{\"a\":[\"ab\",\"ac\"],\"b\":[\"b\"]}");
  CHECK(eval("[{n = 1}, {n = 2}][*].n") == "[1,2]");
  CHECK(eval("local.l[1].n", "locals {\n l = [{n = 1}, {n = 2}]\n}") == "2");
  CHECK(eval("local.m[\"k\"]", "locals {\n m = { k = \"v\" }\n}") == "\"v\"");
}

TEST_CASE("templates: interpolation, directives and strip markers", "[tfeval]") {
  CHECK(eval("\"${1 + 1}x\"") == "\"2x\"");
  CHECK(eval("\"${local.n}\"", "locals {\n n = 5\n}") ==
        "5");  // a lone interpolation keeps its type
  CHECK(eval("\"%{ if true }yes%{ else }no%{ endif }\"") == "\"yes\"");
  CHECK(eval("\"%{ for x in [1, 2] }(${x})%{ endfor }\"") == "\"(1)(2)\"");
  CHECK(eval("<<-EOT\n  %{ for x in [\"a\", \"b\"] ~}\n  ${x}\n  %{ endfor ~}\n  EOT") ==
        "\"a\\nb\\n\"");
  CHECK(eval("\"${var.unset}-x\"", "variable \"unset\" {}").rfind("?", 0) == 0);
}

TEST_CASE("*.auto.tfvars apply in lexical order, after terraform.tfvars", "[tfeval]") {
  Workspace ws = resolved({
      {"main.tf", "variable \"d\" {}\nresource \"t\" \"x\" {\n  d = var.d\n}\n"},
      {"terraform.tfvars", "d = \"tfvars\"\n"},
      {"b.auto.tfvars", "d = \"auto-b\"\n"},
      {"a.auto.tfvars", "d = \"auto-a\"\n"},
  });
  CHECK(value_of(ws, "main.tf", "t.x", "d") == "\"auto-b\"");
}

TEST_CASE("variable precedence: default < env < terraform.tfvars < auto.tfvars < var file < --var",
          "[tfeval]") {
  std::string vars =
      "variable \"a\" { default = \"default\" }\nvariable \"b\" { default = \"default\" }\n"
      "variable \"c\" { default = \"default\" }\nvariable \"d\" { default = \"default\" }\n"
      "variable \"e\" { default = \"default\" }\nvariable \"n\" {\n  type = number\n}\nvariable "
      "\"f\" {}\n"
      "resource \"t\" \"x\" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n  e = var.e\n  "
      "n = var.n\n  f = var.f\n}\n";
  ResolveOptions opt;
  opt.terraform.environment = {{"b", "env"}, {"c", "env"}, {"d", "env"}, {"e", "env"}, {"n", "7"}};
  opt.terraform.vars = {"e=cli", "e=cli-last"};
  std::string var_file =
      "/tmp/clearance-tfeval-" + std::to_string(reinterpret_cast<uintptr_t>(&opt)) + ".tfvars";
  std::ofstream(var_file) << "e = \"file\"\nf = [\"from\", \"file\"]\nd = \"file\"\n";
  opt.terraform.var_files = {var_file};
  Workspace ws = resolved(
      {
          {"main.tf", vars},
          {"terraform.tfvars", "c = \"tfvars\"\nd = \"tfvars\"\n"},
          {"b.auto.tfvars", "d = \"auto-b\"\n"},
          {"a.auto.tfvars", "d = \"auto-a\"\n"},
      },
      opt);
  CHECK(value_of(ws, "main.tf", "t.x", "a") == "\"default\"");
  CHECK(value_of(ws, "main.tf", "t.x", "b") == "\"env\"");
  CHECK(value_of(ws, "main.tf", "t.x", "c") == "\"tfvars\"");
  std::remove(var_file.c_str());
  CHECK(value_of(ws, "main.tf", "t.x", "d") == "\"file\"");  // a var file beats *.auto.tfvars
  CHECK(value_of(ws, "main.tf", "t.x", "f") == "[\"from\",\"file\"]");
  CHECK(value_of(ws, "main.tf", "t.x", "e") == "\"cli-last\"");
  CHECK(value_of(ws, "main.tf", "t.x", "n") == "7");  // converted to the declared type
}

TEST_CASE("locals evaluate in dependency order across files; cycles are reported", "[tfeval]") {
  Workspace ws = resolved({
      {"a.tf",
       "locals {\n  first = \"${local.second}-1\"\n  loop_a = local.loop_b\n}\n"
       "resource \"t\" \"x\" {\n  v = local.first\n  w = local.loop_a\n}\n"},
      {"b.tf",
       "locals {\n  second = upper(local.third)\n  third = \"x\"\n  loop_b = local.loop_a\n}\n"},
  });
  CHECK(value_of(ws, "a.tf", "t.x", "v") == "\"X-1\"");
  CHECK(value_of(ws, "a.tf", "t.x", "w").rfind("?", 0) == 0);
  bool reported = false;
  for (const auto& d : diagnostics(ws))
    reported = reported || d.find("cycle between local values") != std::string::npos;
  CHECK(reported);
}

TEST_CASE("count and for_each expand into instances", "[tfeval]") {
  Workspace ws =
      resolved({{"main.tf",
                 "variable \"n\" {}\n"
                 "resource \"t\" \"c\" {\n  count = 2\n  name = \"c-${count.index}\"\n}\n"
                 "resource \"t\" \"none\" {\n  count = 0\n}\n"
                 "resource \"t\" \"f\" {\n  for_each = { b = 2, a = 1 }\n  v = each.value * 10\n  "
                 "k = each.key\n}\n"
                 "resource \"t\" \"s\" {\n  for_each = toset([\"y\", \"x\"])\n  v = each.value\n}\n"
                 "resource \"t\" \"u\" {\n  count = var.n\n  name = \"u-${count.index}\"\n}\n"
                 "resource \"t\" \"ref\" {\n  a = t.c[1].name\n  b = t.f[\"a\"].v\n  c = "
                 "t.c[*].name\n  d = t.c[0].id\n}\n"}});
  CHECK(value_of(ws, "main.tf", "t.c[0]", "name") == "\"c-0\"");
  CHECK(value_of(ws, "main.tf", "t.c[1]", "name") == "\"c-1\"");
  CHECK(node(ws, "main.tf", "t.c") == nullptr);
  CHECK(node(ws, "main.tf", "t.none") == nullptr);  // count = 0: no resource
  CHECK(value_of(ws, "main.tf", "t.f[\"a\"]", "v") == "10");
  CHECK(value_of(ws, "main.tf", "t.f[\"b\"]", "k") == "\"b\"");
  CHECK(value_of(ws, "main.tf", "t.s[\"x\"]", "v") == "\"x\"");
  // An unknown count keeps one node whose count references stay unknown.
  CHECK(value_of(ws, "main.tf", "t.u", "name").rfind("?", 0) == 0);
  CHECK(value_of(ws, "main.tf", "t.ref", "a") == "\"c-1\"");
  CHECK(value_of(ws, "main.tf", "t.ref", "b") == "10");
  CHECK(value_of(ws, "main.tf", "t.ref", "c") == "[\"c-0\",\"c-1\"]");
  CHECK(value_of(ws, "main.tf", "t.ref", "d") == "?t.c[0].id");  // computed: the reference text
}

TEST_CASE("dynamic blocks become one block per element", "[tfeval]") {
  Workspace ws =
      resolved({{"main.tf",
                 "resource \"aws_security_group\" \"sg\" {\n"
                 "  dynamic \"ingress\" {\n    for_each = [22, 443]\n    iterator = port\n"
                 "    content {\n      from_port = port.value\n    }\n  }\n}\n"}});
  const Node* sg = node(ws, "main.tf", "aws_security_group.sg");
  REQUIRE(sg);
  auto blocks = sg->children_of("ingress");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0]->kind == "block");
  CHECK(blocks[0]->attribute("from_port")->value.as_number() == 22);
  CHECK(blocks[1]->attribute("from_port")->value.as_number() == 443);
}

TEST_CASE("provider-computed attributes, data sources and unset variables stay unknown",
          "[tfeval]") {
  Workspace ws = resolved(
      {{"main.tf",
        "variable \"pw\" {}\n"
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n"
        "resource \"t\" \"x\" {\n  name = aws_s3_bucket.b.bucket\n  arn = aws_s3_bucket.b.arn\n"
        "  data = data.aws_caller_identity.me.account_id\n  pw = var.pw\n}\n"}});
  CHECK(value_of(ws, "main.tf", "t.x", "name") == "\"logs\"");  // literal in its block
  CHECK(value_of(ws, "main.tf", "t.x", "arn") == "?aws_s3_bucket.b.arn");
  CHECK(value_of(ws, "main.tf", "t.x", "data") == "?data.aws_caller_identity.me.account_id");
  CHECK(value_of(ws, "main.tf", "t.x", "pw") == "?var.pw");
  // Evaluated values keep the attribute's range and take the expression's.
  const Attribute* a = node(ws, "main.tf", "t.x")->attribute("name");
  CHECK(a->range.begin.line == 6);
  CHECK(a->value.range().begin.line == 6);
}
