// ModuleInstance: one instance of a Terraform module (the root module of a directory, or a
// `module` call's instance, `module.app` / `module.app["key"]`). It is the Env its
// expressions are evaluated in: variables (inputs, then defaults), locals (lazily, in
// dependency order, cycles reported), resources and data sources expanded by count/for_each,
// module calls (local sources instantiated recursively, remote ones reported), outputs, count,
// each and path. Everything is memoised, so a module evaluates in time linear in its size
// plus the references it follows.
//
// Values crossing from one file to another (a variable's default, a local from another file,
// a module input or output) are relocated to where they are used, so findings point at a line
// of the file they are reported in. Unknown texts crossing a module call upwards are prefixed
// with the call's address (`module.b.aws_s3_bucket.this.id`), so that rules can tell which
// resource they name from the caller's side.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "resolve/terraform/tf_context.h"
#include "resolve/terraform/tf_eval.h"

namespace clearance::tf {

/// How a resource or module call expands: once, by count, by for_each, or unknowably.
struct Expansion {
  enum class Mode { Single, Count, ForEach, Unknown };
  Mode mode = Mode::Single;
  std::vector<Value> keys;    ///< count.index / each.key per instance
  std::vector<Value> values;  ///< each.value per instance (for_each)
};

/// The binding of one instance: which expansion and which key (none for Single).
struct InstanceRef {
  Expansion::Mode mode = Expansion::Mode::Single;
  const Value* key = nullptr;
  const Value* value = nullptr;
};

class ModuleInstance : public Env {
 public:
  /// A root module (inputs from tfvars, options and environment) or, with `parent` and
  /// `call`, the instance of a module call with that instance's binding.
  ModuleInstance(Context& ctx, ModuleDir& dir, std::string address, std::vector<Location> chain,
                 ModuleInstance* parent = nullptr, const Node* call = nullptr,
                 const Document* call_doc = nullptr, InstanceRef call_ref = {});
  ~ModuleInstance() override;

  /// Creates the instances of this module's local module calls, recursively.
  void instantiate_children();
  /// The evaluated root node of one of this module's documents.
  Node build(const Document& doc);
  /// Every instance below this one, depth first (for writing their documents).
  void collect(std::vector<ModuleInstance*>& out);

  const ModuleDir& dir() const { return dir_; }
  const std::string& address() const { return address_; }
  const std::vector<Location>& chain() const { return chain_; }

  // Env
  Resolved resolve(std::string_view root, const std::vector<Step>& steps, Range at,
                   Evaluator& ev) override;
  bool read_file(const std::string& path, std::string& out, std::string& shown,
                 std::string& why) override;
  void note_origin(const std::string& shown) override { origin_ = shown; }
  bool charge(size_t weight, Range at) override;
  void note_limit(const std::string& message, Range at) override;

 private:
  struct Local;
  struct Resource;
  struct CallSite;
  struct Output;

  void declare();
  Value variable(const std::string& name, Range at);
  Value local(const std::string& name, Range at);
  Value output(const std::string& name, Range at);
  Resolved resource(Resource& r, Range at);
  Resolved module_call(CallSite& c, const std::vector<Step>& steps, Range at);
  const Expansion& expansion(Resource& r);
  Expansion expand(const Node& n, const Document& doc);
  Value instance_object(Resource& r, size_t i);
  Value resource_attribute(Resource& r, size_t i, size_t attr);
  InstanceRef ref_of(Resource& r, size_t i);
  std::string instance_name(Resource& r, size_t i);
  using Scope = std::vector<Evaluator::Binding>;
  /// Evaluates `v` (an attribute value as parsed) in the context of `doc`, `ref` and `scope`.
  Value eval_in(const Value& v, const Document* doc, InstanceRef ref, const Scope* scope = nullptr);
  Value eval_expr(const Expression& e, const Document* doc, InstanceRef ref, const Scope* scope);
  /// The attribute value to store: evaluated where known, original range kept.
  Value finish(const Attribute& a, Value raw, const Document& doc, InstanceRef ref,
               const Scope& scope);
  Node build_node(const Node& n, const Document& doc, InstanceRef ref,
                  const std::vector<Value>* memo, const Scope& scope);
  void build_dynamic(const Node& dyn, const Document& doc, InstanceRef ref, const Scope& scope,
                     std::vector<Node>& out);
  std::string path_to_root() const;

  Context& ctx_;
  ModuleDir& dir_;
  std::string address_;
  std::vector<Location> chain_;
  ModuleInstance* parent_;
  const Node* call_;
  const Document* call_doc_;
  InstanceRef call_ref_;
  Evaluator ev_;

  // The current evaluation context (switched when following a reference).
  const Document* cur_doc_ = nullptr;
  InstanceRef cur_ref_;
  std::string origin_;

  std::map<std::string, std::pair<const Node*, const Document*>> variables_;
  std::map<std::string, Value> variable_memo_;
  std::map<std::string, std::unique_ptr<Local>> locals_;
  std::map<std::string, std::unique_ptr<Resource>> resources_;  ///< "type.name", "data.type.name"
  std::map<std::string, std::unique_ptr<CallSite>> calls_;
  std::map<std::string, std::unique_ptr<Output>> outputs_;
  std::map<std::string, Value> root_inputs_;
  std::vector<std::string> local_stack_;
};

}  // namespace clearance::tf
