// Terraform's built-in functions, each with Terraform's own semantics and edge cases.
#include "terraform_eval_support.h"

using namespace tfeval_test;

TEST_CASE("lookup, try, can and coalesce", "[tfeval]") {
  CHECK(eval("lookup({a = 1}, \"a\", 2)") == "1");
  CHECK(eval("lookup({a = 1}, \"b\", 2)") == "2");
  CHECK(eval("try(lookup({a = 1}, \"b\"), \"fallback\")") == "\"fallback\"");
  CHECK(eval("try(local.obj.missing, local.obj.here)", "locals {\n obj = { here = 3 }\n}") == "3");
  CHECK(eval("can(local.obj.missing)", "locals {\n obj = { here = 3 }\n}") == "false");
  CHECK(eval("can(local.obj.here)", "locals {\n obj = { here = 3 }\n}") == "true");
  // try of an unknown value cannot decide: it stays unknown rather than taking the fallback.
  CHECK(eval("try(var.unset, \"x\")", "variable \"unset\" {}") == "?var.unset");
  CHECK(eval("coalesce(null, \"\", \"b\", \"c\")") == "\"b\"");
  CHECK(eval("coalesce(\"a\", var.unset)", "variable \"unset\" {}") == "\"a\"");
  CHECK(eval("coalesce(var.unset, \"a\")", "variable \"unset\" {}").rfind("?", 0) == 0);
}

TEST_CASE("format verbs and string functions", "[tfeval]") {
  CHECK(eval("format(\"%s-%d\", \"a\", 42)") == "\"a-42\"");
  CHECK(eval("format(\"%q\", \"hi\")") == "\"\\\"hi\\\"\"");
  CHECK(eval("format(\"%v/%v/%v\", \"s\", 1.5, true)") == "\"s/1.5/true\"");
  CHECK(eval("format(\"%05d|%-4s|%.2f|%%\", 42, \"ab\", 3.14159)") == "\"00042|ab  |3.14|%\"");
  CHECK(eval("format(\"%d\", 1.5)").rfind("?", 0) == 0);  // %d needs a whole number
  CHECK(eval("split(\",\", \"a,b,,c\")") == "[\"a\",\"b\",\"\",\"c\"]");
  CHECK(eval("join(\"-\", [\"a\", \"b\"], [\"c\"])") == "\"a-b-c\"");
  CHECK(eval("join(\",\", [])") == "\"\"");
  CHECK(eval("lower(\"AbC\")") == "\"abc\"");
  CHECK(eval("upper(\"AbC\")") == "\"ABC\"");
  CHECK(eval("replace(\"a-b-c\", \"-\", \"_\")") == "\"a_b_c\"");
  CHECK(eval("replace(\"a1b22\", \"/[0-9]+/\", \"#\")") == "\"a#b#\"");
  CHECK(eval("trimprefix(\"prod-db\", \"prod-\")") == "\"db\"");
  CHECK(eval("trimsuffix(\"db.tf\", \".tf\")") == "\"db\"");
  CHECK(eval("trimprefix(\"db\", \"prod-\")") == "\"db\"");
  CHECK(eval("substr(\"hello\", 1, 3)") == "\"ell\"");
  CHECK(eval("trimspace(\"  x \\n\")") == "\"x\"");
  CHECK(eval("tostring(true)") == "\"true\"");
  CHECK(eval("tostring(5)") == "\"5\"");
  CHECK(eval("tonumber(\"1.5\")") == "1.5");
  CHECK(eval("tobool(\"false\")") == "false");
  CHECK(eval("tostring([1])").rfind("?", 0) == 0);
}

TEST_CASE("collection functions", "[tfeval]") {
  CHECK(eval("merge({a = 1, b = 1}, {b = 2}, null, {c = 3})") ==
        "{\"a\":1,\"b\":2,\"c\":3}");  // later wins
  CHECK(eval("concat([1], [], [2, 3])") == "[1,2,3]");
  CHECK(eval("length(\"héllo\")") == "5");  // characters, not bytes
  CHECK(eval("length({a = 1, b = 2})") == "2");
  CHECK(eval("length([var.unset, 1])", "variable \"unset\" {}") ==
        "2");                                            // unknown elements still count
  CHECK(eval("element([\"a\", \"b\"], 3)") == "\"b\"");  // wraps around
  CHECK(eval("contains([\"a\", \"b\"], \"b\")") == "true");
  CHECK(eval("contains([\"a\"], \"b\")") == "false");
  CHECK(eval("contains([var.unset], \"b\")", "variable \"unset\" {}").rfind("?", 0) == 0);
  CHECK(eval("keys({b = 1, a = 2})") == "[\"a\",\"b\"]");
  CHECK(eval("values({b = 1, a = 2})") == "[2,1]");
  CHECK(eval("flatten([[1, [2]], [], 3])") == "[1,2,3]");  // every depth
  CHECK(eval("distinct([1, 2, 1, 3, 2])") == "[1,2,3]");
  CHECK(eval("toset([\"b\", \"a\", \"b\"])") == "[\"a\",\"b\"]");
  CHECK(eval("tolist([1])") == "[1]");
  CHECK(eval("tomap({a = 1})") == "{\"a\":1}");
  CHECK(eval("min(3, 1, 2)") == "1");
  CHECK(eval("max([3, 1, 2]...)") == "3");
  CHECK(eval("compact([\"a\", \"\", null, \"b\"])") == "[\"a\",\"b\"]");
  CHECK(eval("zipmap([\"a\", \"b\"], [1, 2])") == "{\"a\":1,\"b\":2}");
  CHECK(eval("range(3)") == "[0,1,2]");
  CHECK(eval("slice([1, 2, 3, 4], 1, 3)") == "[2,3]");
}

TEST_CASE("encoding, file and network functions", "[tfeval]") {
  // jsonencode sorts object keys, as Terraform does.
  CHECK(eval("\"${jsonencode({b = 1, a = [true, null, \"x\"]})}\"") ==
        "\"{\\\"a\\\":[true,null,\\\"x\\\"],\\\"b\\\":1}\"");
  // At the top of an attribute, jsonencode keeps its evaluated data (with its positions).
  Workspace ws = resolved(
      {{"main.tf",
        "locals {\n  n = 2\n}\nresource \"t\" \"x\" {\n  p = jsonencode({ a = local.n })\n}\n"}});
  const Value& p = node(ws, "main.tf", "t.x")->attribute("p")->value;
  REQUIRE(p.expression());
  REQUIRE(p.expression()->children.size() == 1);
  CHECK(p.expression()->children[0].literal.get("a")->as_number() == 2);
  CHECK(eval("jsondecode(\"{\\\"a\\\": [1, 2]}\").a[1]") == "2");
  CHECK(eval("yamldecode(\"a: 1\\nb: [x, 'y']\\nc: true\")") ==
        "{\"a\":1,\"b\":[\"x\",\"y\"],\"c\":true}");
  CHECK(eval("base64encode(\"hello\")") == "\"aGVsbG8=\"");
  CHECK(eval("base64decode(\"aGVsbG8=\")") == "\"hello\"");
  CHECK(eval("cidrsubnet(\"10.0.0.0/16\", 8, 2)") == "\"10.0.2.0/24\"");
  CHECK(eval("cidrsubnet(\"10.1.0.0/16\", 4, 15)") == "\"10.1.240.0/20\"");
  CHECK(eval("cidrsubnet(\"10.0.0.0/30\", 4, 1)").rfind("?", 0) == 0);  // beyond 32 bits
  CHECK(eval("cidrhost(\"10.0.1.0/24\", 5)") == "\"10.0.1.5\"");
  CHECK(eval("file(\"nothere.json\")").rfind("?", 0) == 0);
  CHECK(eval("fileexists(\"nothere.json\")") == "false");
  CHECK(eval("file(\"../../etc/passwd\")").rfind("?", 0) == 0);  // outside the scan root
  CHECK(eval("timestamp()") == "?timestamp()");                  // not fixed: unknown
}

TEST_CASE("file and templatefile read workspace files relative to the module", "[tfeval]") {
  Workspace ws = resolved({
      {"mod/main.tf",
       "resource \"t\" \"x\" {\n  a = file(\"${path.module}/data.txt\")\n"
       "  b = templatefile(\"t.tpl\", { items = [\"x\", \"y\"], on = true })\n  c = "
       "fileexists(\"data.txt\")\n}\n"},
      {"mod/data.txt", "hello"},
      {"mod/t.tpl",
       "%{ for i in items ~}\n[${i}]\n%{ endfor ~}\n%{ if on }on%{ else }off%{ endif }"},
  });
  CHECK(value_of(ws, "mod/main.tf", "t.x", "a") == "\"hello\"");
  CHECK(value_of(ws, "mod/main.tf", "t.x", "b") == "\"[x]\\n[y]\\non\"");
  CHECK(value_of(ws, "mod/main.tf", "t.x", "c") == "true");
}
