// Terraform parser: expressions that are not literals become Unknown values carrying an
// Expression tree (templates, references, calls, operators, conditionals, for, splats).
#include <catch2/catch.hpp>

#include "model/expression.h"
#include "parse/terraform/terraform_parser.h"

using clearance::Document;
using clearance::Expression;
using clearance::Value;
using Kind = clearance::Expression::Kind;

namespace {

Document parse(std::string source) {
  Document doc;
  doc.path = "main.tf";
  doc.source = std::move(source);
  clearance::parse_terraform(doc);
  return doc;
}

// The expression behind attribute `name` of the root, which must be Unknown.
const Expression& expr_of(const Document& doc, std::string_view name) {
  const clearance::Attribute* a = doc.root.attribute(name);
  REQUIRE(a != nullptr);
  REQUIRE(a->value.is_unknown());
  REQUIRE(a->value.expression() != nullptr);
  return *a->value.expression();
}

}  // namespace

TEST_CASE("an interpolated template is Unknown with a Template expression", "[terraform]") {
  Document doc = parse("name = \"app-${var.env}-\\\"x\\\"\"\n");
  REQUIRE(doc.diagnostics.empty());
  const Value& v = doc.root.attribute("name")->value;
  CHECK(v.is_unknown());
  CHECK(v.as_string() == "\"app-${var.env}-\\\"x\\\"\"");
  CHECK(v.range() == clearance::Range{{1, 8}, {1, 30}});
  const Expression& e = *v.expression();
  CHECK(e.kind == Kind::Template);
  REQUIRE(e.children.size() == 3);
  CHECK(e.children[0].kind == Kind::Literal);
  CHECK(e.children[0].literal.as_string() == "app-");
  const Expression& ref = e.children[1];
  CHECK(ref.kind == Kind::GetAttr);
  CHECK(ref.op == "env");
  CHECK(ref.text == "var.env");
  REQUIRE(ref.children.size() == 1);
  CHECK(ref.children[0].kind == Kind::Reference);
  CHECK(ref.children[0].op == "var");
  CHECK(e.children[2].literal.as_string() == "-\"x\"");
}

TEST_CASE("references chain attribute and index steps", "[terraform]") {
  Document doc = parse("a = aws_s3_bucket.logs.arn\nb = local.list[0].id\nc = x.0\n");
  const Expression& a = expr_of(doc, "a");
  CHECK(a.kind == Kind::GetAttr);
  CHECK(a.op == "arn");
  CHECK(a.children.at(0).kind == Kind::GetAttr);
  CHECK(a.children[0].op == "logs");
  CHECK(a.children[0].children.at(0).op == "aws_s3_bucket");
  const Expression& b = expr_of(doc, "b");
  CHECK(b.kind == Kind::GetAttr);
  CHECK(b.op == "id");
  const Expression& idx = b.children.at(0);
  CHECK(idx.kind == Kind::Index);
  CHECK(idx.text == "local.list[0]");
  REQUIRE(idx.children.size() == 2);
  CHECK(idx.children[1].literal.as_number() == 0);
  const Expression& c = expr_of(doc, "c");
  CHECK(c.kind == Kind::Index);
  CHECK(c.children.at(1).literal.as_number() == 0);
}

TEST_CASE("function calls keep their arguments", "[terraform]") {
  Document doc = parse(R"(tags = merge(var.tags, { Name = "web" }, local.extra...)
n = length([])
)");
  REQUIRE(doc.diagnostics.empty());
  const Expression& e = expr_of(doc, "tags");
  CHECK(e.kind == Kind::Call);
  CHECK(e.op == "merge");
  CHECK(e.expand_final);
  REQUIRE(e.children.size() == 3);
  CHECK(e.children[0].kind == Kind::GetAttr);
  const Expression& obj = e.children[1];
  CHECK(obj.kind == Kind::Literal);
  CHECK(obj.literal.get("Name")->as_string() == "web");
  CHECK(obj.text == "{ Name = \"web\" }");
  const Expression& n = expr_of(doc, "n");
  CHECK(n.kind == Kind::Call);
  REQUIRE(n.children.size() == 1);
  CHECK(n.children[0].literal.is_list());
}

TEST_CASE("conditionals and operators", "[terraform]") {
  Document doc = parse(R"(c = var.enabled ? 1 : "off"
o = !var.a && (var.b || 2 > 1)
m = -var.x * 3
)");
  REQUIRE(doc.diagnostics.empty());
  const Expression& c = expr_of(doc, "c");
  CHECK(c.kind == Kind::Conditional);
  REQUIRE(c.children.size() == 3);
  CHECK(c.children[0].text == "var.enabled");
  CHECK(c.children[1].literal.as_number() == 1);
  CHECK(c.children[2].literal.as_string() == "off");
  const Expression& o = expr_of(doc, "o");
  CHECK(o.kind == Kind::Binary);
  CHECK(o.op == "&&");
  CHECK(o.children.at(0).kind == Kind::Unary);
  CHECK(o.children[0].op == "!");
  const Expression& rhs = o.children.at(1);
  CHECK(rhs.kind == Kind::Binary);
  CHECK(rhs.op == "||");
  CHECK(rhs.children.at(1).op == ">");
  const Expression& m = expr_of(doc, "m");
  CHECK(m.op == "*");
  CHECK(m.children.at(0).kind == Kind::Unary);
  CHECK(m.children[1].literal.as_number() == 3);
}

TEST_CASE("for expressions keep names, collection, body and condition", "[terraform]") {
  Document doc = parse(R"(l = [for s in var.list : upper(s) if s != ""]
m = { for k, v in var.map : k => v... }
)");
  REQUIRE(doc.diagnostics.empty());
  const Expression& l = expr_of(doc, "l");
  CHECK(l.kind == Kind::ForTuple);
  CHECK(l.op == "s");
  REQUIRE(l.children.size() == 3);
  CHECK(l.children[0].text == "var.list");
  CHECK(l.children[1].kind == Kind::Call);
  CHECK(l.children[2].op == "!=");
  const Expression& m = expr_of(doc, "m");
  CHECK(m.kind == Kind::ForObject);
  CHECK(m.op == "k,v");
  CHECK(m.expand_final);
  REQUIRE(m.children.size() == 3);
  CHECK(m.children[1].op == "k");
  CHECK(m.children[2].op == "v");
}

TEST_CASE("splats apply the rest of the traversal to each element", "[terraform]") {
  Document doc = parse("ids = aws_instance.web[*].id\n");
  const Expression& e = expr_of(doc, "ids");
  CHECK(e.kind == Kind::Splat);
  REQUIRE(e.children.size() == 2);
  CHECK(e.children[0].text == "aws_instance.web");
  const Expression& rest = e.children[1];
  CHECK(rest.kind == Kind::GetAttr);
  CHECK(rest.op == "id");
  CHECK(rest.children.at(0).kind == Kind::Other);
  CHECK(rest.children[0].op == "*");
}

TEST_CASE("mixed collections are Unknown and keep their literal elements", "[terraform]") {
  Document doc = parse(R"(l = ["a", var.b, 3]
o = { fixed = "x", dyn = var.y, (var.k) = 1 }
)");
  REQUIRE(doc.diagnostics.empty());
  const Expression& l = expr_of(doc, "l");
  CHECK(l.kind == Kind::Tuple);
  REQUIRE(l.children.size() == 3);
  CHECK(l.children[0].kind == Kind::Literal);
  CHECK(l.children[0].literal.as_string() == "a");
  CHECK(l.children[0].literal.range() == clearance::Range{{1, 6}, {1, 9}});
  CHECK(l.children[0].text == "\"a\"");
  CHECK(l.children[2].literal.as_number() == 3);
  const Expression& o = expr_of(doc, "o");
  CHECK(o.kind == Kind::Object);
  REQUIRE(o.children.size() == 6);
  CHECK(o.children[0].literal.as_string() == "fixed");
  CHECK(o.children[1].literal.as_string() == "x");
  CHECK(o.children[2].literal.as_string() == "dyn");
  CHECK(o.children[3].kind == Kind::GetAttr);
  CHECK(o.children[4].kind == Kind::GetAttr);
}

TEST_CASE("template directives and strip markers", "[terraform]") {
  Document doc = parse(
      "a = \"%{ if var.on }yes%{ else }no%{ endif }\"\n"
      "b = <<-EOT\n"
      "  %{~ for n in var.names ~}\n"
      "  - ${n}\n"
      "  %{~ endfor ~}\n"
      "  done\n"
      "  EOT\n"
      "c = \"x ${~ var.v ~} y\"\n");
  REQUIRE(doc.diagnostics.empty());
  const Expression& a = expr_of(doc, "a");
  REQUIRE(a.kind == Kind::Template);
  REQUIRE(a.children.size() == 1);
  const Expression& cond = a.children[0];
  CHECK(cond.kind == Kind::TemplateIf);
  REQUIRE(cond.children.size() == 3);
  CHECK(cond.children[0].text == "var.on");
  CHECK(cond.children[1].children.at(0).literal.as_string() == "yes");
  CHECK(cond.children[2].children.at(0).literal.as_string() == "no");
  const Expression& b = expr_of(doc, "b");
  REQUIRE(b.kind == Kind::Template);
  REQUIRE(b.children.size() == 2);
  const Expression& loop = b.children[0];
  CHECK(loop.kind == Kind::TemplateFor);
  CHECK(loop.op == "n");
  CHECK(loop.children.at(0).text == "var.names");
  const Expression& body = loop.children.at(1);
  REQUIRE(body.children.size() == 2);
  CHECK(body.children[0].literal.as_string() == "- ");
  CHECK(body.children[1].op == "n");
  CHECK(b.children[1].literal.as_string() == "done\n");
  const Expression& c = expr_of(doc, "c");
  REQUIRE(c.children.size() == 3);
  CHECK(c.children[0].literal.as_string() == "x");
  CHECK(c.children[2].literal.as_string() == "y");
}

TEST_CASE("an indented heredoc with interpolation strips the common indent", "[terraform]") {
  Document doc = parse("h = <<-EOT\n    hello\n      ${x}\n    EOT\n");
  const Expression& h = expr_of(doc, "h");
  REQUIRE(h.children.size() == 3);
  CHECK(h.children[0].literal.as_string() == "hello\n  ");
  CHECK(h.children[1].kind == Kind::Reference);
  CHECK(h.children[2].literal.as_string() == "\n");
}
