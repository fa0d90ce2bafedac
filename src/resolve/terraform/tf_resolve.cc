// resolve_terraform: completes modules from disk, groups documents into module directories,
// gathers inputs, evaluates every root module with its module instances, and writes the
// evaluated nodes back (in place for roots, as new documents for instances).
#include "resolve/terraform/tf_resolve.h"

#include <algorithm>
#include <memory>
#include <new>

#include "model/file_bytes.h"
#include "parse/terraform/terraform_parser.h"
#include "resolve/terraform/tf_load.h"
#include "resolve/terraform/tf_module.h"

extern char** environ;

namespace clearance {

namespace {

using tf::Context;
using tf::ModuleDir;
using tf::ModuleInstance;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Evaluates a literal-only value (a tfvars entry): no names are in scope.
Value literal_value(const Value& v) {
  tf::Evaluator ev(nullptr);
  ev.set_sealed(true);
  return ev.eval_value(v);
}

void gather_inputs(Context& ctx, const TerraformOptions& options) {
  if (options.read_environment) {
    for (char** e = environ; e && *e; ++e) {
      std::string_view entry(*e);
      if (!entry.starts_with("TF_VAR_")) continue;
      auto eq = entry.find('=');
      if (eq == std::string_view::npos) continue;
      ctx.env_inputs[std::string(entry.substr(7, eq - 7))] =
          tf::parse_input_value(std::string(entry.substr(eq + 1)));
    }
  } else {
    for (const auto& [k, v] : options.environment) ctx.env_inputs[k] = tf::parse_input_value(v);
  }
  for (const auto& path : options.var_files) {
    Document doc;
    doc.path = path;
    doc.format = Format::Terraform;
    std::string error;
    uintmax_t size = 0;
    if (read_regular_file(path, 64u << 20, doc.source, error, size) != ReadStatus::Ok) {
      if (error.empty()) error = "larger than 64 MiB";
      ctx.ws.diagnostics.push_back(
          {Diagnostic::Level::Error, "cannot read variable file " + path + ": " + error, {path, {}}});
      continue;
    }
    parse_terraform(doc);
    for (auto& d : doc.diagnostics) ctx.ws.diagnostics.push_back(std::move(d));
    for (const auto& a : doc.root.attributes) ctx.cli_inputs[a.name] = literal_value(a.value);
  }
  for (const auto& kv : options.vars) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      ctx.ws.diagnostics.push_back(
          {Diagnostic::Level::Error, "--var expects name=value, got " + kv, {}});
      continue;
    }
    ctx.cli_inputs[kv.substr(0, eq)] = tf::parse_input_value(kv.substr(eq + 1));
  }
}

// Groups Terraform documents by directory; marks directories that local calls name.
void index_dirs(Context& ctx) {
  for (auto& doc : ctx.ws.documents) {
    if (doc.format != Format::Terraform) continue;
    std::string dir = tf::dir_of(doc.path);
    ModuleDir& m = ctx.dirs[dir];
    m.dir = dir;
    std::string name = base_name(doc.path);
    if (ends_with(name, ".tf"))
      m.docs.push_back(&doc);
    else if (name == "terraform.tfvars" || ends_with(name, ".auto.tfvars"))
      m.tfvars.push_back(&doc);
  }
  for (auto& [dir, m] : ctx.dirs) {
    // terraform.tfvars first, then *.auto.tfvars in lexical order (documents are by path).
    std::sort(m.tfvars.begin(), m.tfvars.end(), [](const Document* a, const Document* b) {
      bool ta = base_name(a->path) == "terraform.tfvars",
           tb = base_name(b->path) == "terraform.tfvars";
      return ta != tb ? ta : a->path < b->path;
    });
    for (const Document* d : m.docs)
      for (const auto& t : tf::local_module_targets(*d, ctx.ws.root))
        if (auto it = ctx.dirs.find(t); it != ctx.dirs.end() && t != dir) it->second.called = true;
  }
  // A directory named by a call may sort before its caller: mark again now that all exist.
  for (auto& [dir, m] : ctx.dirs)
    for (const Document* d : m.docs)
      for (const auto& t : tf::local_module_targets(*d, ctx.ws.root))
        if (auto it = ctx.dirs.find(t); it != ctx.dirs.end() && t != dir) it->second.called = true;
}

struct Built {
  Document* doc;
  Node root;
};

void evaluate_root_unguarded(Context& ctx, ModuleDir& m, std::vector<Built>& in_place,
                             std::vector<Document>& added);

// Evaluates the root module `m` and its instances. Running out of memory loses this module's
// evaluation (its documents keep their parsed values) with an error, never the whole scan.
void evaluate_root(Context& ctx, ModuleDir& m, std::vector<Built>& in_place,
                   std::vector<Document>& added) {
  size_t kept_in_place = in_place.size(), kept_added = added.size();
  try {
    evaluate_root_unguarded(ctx, m, in_place, added);
  } catch (const std::bad_alloc&) {
    in_place.resize(kept_in_place);
    added.resize(kept_added);
    ctx.diag(Diagnostic::Level::Error,
             "Terraform evaluation ran out of memory: module not evaluated",
             {m.docs.empty() ? m.dir : m.docs.front()->path, {}});
  }
}

void evaluate_root_unguarded(Context& ctx, ModuleDir& m, std::vector<Built>& in_place,
                             std::vector<Document>& added) {
  if (m.docs.empty()) return;
  std::string key = m.dir.empty() ? "." : m.dir;
  ModuleInstance root(ctx, m, "", {});
  root.instantiate_children();
  for (Document* d : m.docs) in_place.push_back({d, root.build(*d)});
  for (Document* d : m.tfvars) d->module_key = key;
  std::vector<ModuleInstance*> instances;
  root.collect(instances);
  for (ModuleInstance* inst : instances) {
    for (const Document* src : inst->dir().docs) {
      Document doc;
      doc.path = src->path;
      doc.disk_path = src->disk_path;
      doc.format = Format::Terraform;
      doc.root = inst->build(*src);
      doc.module_key = key;
      doc.module_address = inst->address();
      doc.call_chain = inst->chain();
      added.push_back(std::move(doc));
    }
  }
}

}  // namespace

namespace tf {

Value parse_input_value(const std::string& text) {
  if (!text.empty() && (text.front() == '[' || text.front() == '{')) {
    Document doc;
    doc.format = Format::Terraform;
    doc.source = "v = " + text + "\n";
    parse_terraform(doc);
    if (const Attribute* a = doc.root.attribute("v"); a && !doc.has_errors())
      return literal_value(a->value);
  }
  return Value::string(text);
}

}  // namespace tf

std::vector<tf::EcsOrigin> resolve_terraform(Workspace& ws, const TerraformOptions& options) {
  bool any = std::any_of(ws.documents.begin(), ws.documents.end(),
                         [](const Document& d) { return d.format == Format::Terraform; });
  if (!any) return {};
  tf::load_module_files(ws);
  Context ctx(ws);
  gather_inputs(ctx, options);
  index_dirs(ctx);
  std::vector<Built> in_place;
  std::vector<Document> added;
  for (auto& [dir, m] : ctx.dirs)
    if (!m.called) evaluate_root(ctx, m, in_place, added);
  // Directories only a cycle calls have no root above them: evaluate them as roots.
  for (auto& [dir, m] : ctx.dirs)
    if (m.called && m.instances == 0) evaluate_root(ctx, m, in_place, added);
  for (auto& [dir, m] : ctx.dirs)
    if (m.instances > 0)
      for (Document* d : m.docs) d->checked = false;
  for (auto& b : in_place) {
    b.doc->root = std::move(b.root);
    b.doc->module_key = tf::dir_of(b.doc->path).empty() ? "." : tf::dir_of(b.doc->path);
  }
  ctx.flush_diagnostics();
  std::vector<tf::EcsOrigin> origins = std::move(ctx.origins);
  for (auto& d : added) ws.documents.push_back(std::move(d));
  return origins;
}

}  // namespace clearance
