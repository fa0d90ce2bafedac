// Terraform module instantiation: local calls with inputs, two levels deep, count/for_each
// on calls, outputs and references across module boundaries, cycles, remote sources.
#include "terraform_eval_support.h"

using namespace tfeval_test;

TEST_CASE("a local module two levels deep gets its inputs and is marked with its call chain",
          "[tfeval]") {
  Workspace ws = resolved({
      {"main.tf", "module \"a\" {\n  source = \"./m/a\"\n  name = \"acme\"\n}\n"},
      {"m/a/main.tf",
       "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" { bucket = var.name }\n"
       "module \"b\" {\n  source = \"../b\"\n  bucket = aws_s3_bucket.this.id\n  label = "
       "\"${var.name}-b\"\n}\n"
       "output \"id\" { value = aws_s3_bucket.this.id }\n"},
      {"m/b/main.tf",
       "variable \"bucket\" {}\nvariable \"label\" {}\n"
       "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket = var.bucket\n  x = "
       "var.label\n}\n"},
  });
  CHECK(value_of(ws, "m/a/main.tf", "aws_s3_bucket.this", "bucket", "module.a") == "\"acme\"");
  CHECK(value_of(ws, "m/b/main.tf", "aws_s3_bucket_public_access_block.this", "x",
                 "module.a.module.b") == "\"acme-b\"");
  CHECK(value_of(ws, "m/b/main.tf", "aws_s3_bucket_public_access_block.this", "bucket",
                 "module.a.module.b") == "?module.a.aws_s3_bucket.this.id");
}

TEST_CASE("module calls expand by for_each; outputs resolve to the resource they name",
          "[tfeval]") {
  Workspace ws = resolved({
      {"main.tf",
       "module \"b\" {\n  source = \"./b\"\n  for_each = toset([\"x\", \"y\"])\n  name = "
       "each.key\n}\n"
       "resource \"pab\" \"p\" {\n  bucket = module.b[\"x\"].id\n  name = "
       "module.b[\"y\"].name\n}\n"},
      {"b/main.tf",
       "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" { bucket = var.name }\n"
       "output \"id\" { value = aws_s3_bucket.this.id }\noutput \"name\" { value = "
       "aws_s3_bucket.this.bucket }\n"},
  });
  CHECK(value_of(ws, "b/main.tf", "aws_s3_bucket.this", "bucket", "module.b[\"x\"]") == "\"x\"");
  CHECK(value_of(ws, "b/main.tf", "aws_s3_bucket.this", "bucket", "module.b[\"y\"]") == "\"y\"");
  // A computed output names its resource from the caller's side; a literal one is its value.
  CHECK(value_of(ws, "main.tf", "pab.p", "bucket") == "?module.b[\"x\"].aws_s3_bucket.this.id");
  CHECK(value_of(ws, "main.tf", "pab.p", "name") == "\"y\"");
  // The module directory's own copy is kept for reference only; instances are checked, and the
  // whole configuration shares one module key.
  for (const auto& d : ws.documents) {
    if (d.path != "b/main.tf") continue;
    if (d.module_address.empty())
      CHECK_FALSE(d.checked);
    else
      CHECK(d.module_key == ".");
    if (!d.module_address.empty()) CHECK(d.call_chain.size() == 1);
  }
}

TEST_CASE("module cycles are reported and cut; remote sources are notes", "[tfeval]") {
  Workspace ws = resolved({
      {"main.tf",
       "module \"a\" {\n  source = \"./a\"\n}\nmodule \"reg\" {\n  source = "
       "\"terraform-aws-modules/vpc/aws\"\n}\n"},
      {"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"t\" \"in_a\" {}\n"},
      {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"},
  });
  bool cycle = false, remote = false;
  for (const auto& d : ws.diagnostics) {
    if (d.level == Diagnostic::Level::Error && d.message.find("calls itself") != std::string::npos)
      cycle = true;
    if (d.level == Diagnostic::Level::Note &&
        d.message.find("module \"reg\" not scanned: remote source") == 0)
      remote = true;
  }
  CHECK(cycle);
  CHECK(remote);
  CHECK(node(ws, "a/main.tf", "t.in_a", "module.a") != nullptr);
}
