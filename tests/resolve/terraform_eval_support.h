// Helpers for the Terraform evaluation tests: an in-memory workspace resolved like a scan's,
// and lookups of evaluated attributes by document, module address and resource address.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parse/terraform/terraform_parser.h"
#include "resolve/resolve.h"
#include "resolve/terraform/tf_eval.h"
#include "resolve/terraform/tf_values.h"

namespace tfeval_test {

using namespace clearance;

/// Parses `files` (path, HCL) under a root that does not exist on disk and resolves them.
inline Workspace resolved(std::vector<std::pair<std::string, std::string>> files,
                          ResolveOptions opt = {}) {
  Workspace ws;
  ws.root = "/nonexistent-tfeval-root";
  for (auto& [p, s] : files) {
    Document d;
    d.path = p;
    d.disk_path = ws.root + "/" + p;
    d.format = Format::Terraform;
    d.source = std::move(s);
    parse_terraform(d);
    ws.documents.push_back(std::move(d));
  }
  opt.terraform.read_environment = false;
  resolve_workspace(ws, opt);
  return ws;
}

/// The node `address` ("aws_s3_bucket.x[0]") of the Terraform document at `path` whose module
/// address is `module`; nullptr when absent.
inline const Node* node(const Workspace& ws, const std::string& path, const std::string& address,
                        const std::string& module = "") {
  for (const auto& d : ws.documents) {
    if (d.path != path || d.module_address != module || d.format != Format::Terraform) continue;
    for (const auto& n : d.root.children)
      if ((n.kind == "resource" ? n.type + "."
           : n.kind == "data"   ? "data." + n.type + "."
                                : n.kind + ".") +
              n.name ==
          address)
        return &n;
  }
  return nullptr;
}

/// Attribute `attr` of that node as JSON (sorted keys), "?text" when Unknown, the display form
/// when partly unknown, "<none>" when absent.
inline std::string value_of(const Workspace& ws, const std::string& path,
                            const std::string& address, const std::string& attr,
                            const std::string& module = "") {
  const Node* n = node(ws, path, address, module);
  if (!n) return "<no node>";
  const Attribute* a = n->find_attribute(attr);
  if (!a) return "<none>";
  if (a->value.is_unknown()) return "?" + a->value.as_string();
  if (a->value.contains_unknown()) return a->value.to_display();
  return tf::json_encode(a->value).value_or("<unencodable>");
}

/// Evaluates one expression in a module made of `prelude` (HCL declarations) and returns the
/// display form, as value_of does.
inline std::string eval(const std::string& expr, const std::string& prelude = "") {
  Workspace ws =
      resolved({{"main.tf", prelude + "\nresource \"t_r\" \"x\" {\n  v = " + expr + "\n}\n"}});
  return value_of(ws, "main.tf", "t_r.x", "v");
}

inline std::vector<std::string> diagnostics(const Workspace& ws) {
  std::vector<std::string> out;
  for (const auto& d : ws.diagnostics) out.push_back(d.message);
  return out;
}

}  // namespace tfeval_test
