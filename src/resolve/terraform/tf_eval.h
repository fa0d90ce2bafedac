// Evaluator: computes the Value of an HCL Expression (model/expression.h) with Terraform's
// semantics: operators, conditionals, templates with directives, for expressions, splats,
// indexing and function calls. Names (`var.x`, `local.y`, `aws_s3_bucket.b.arn`, `count.index`)
// are resolved by an Env, the module instance being evaluated.
//
// Three outcomes, kept apart:
// - a known Value;
// - an Unknown Value: something that cannot be known statically (an unset variable, a computed
//   attribute such as `aws_s3_bucket.x.arn`, a data source). Its text names what is unknown,
//   with instance keys already evaluated (`aws_s3_bucket.x[0].id`), so that rules can tell which
//   resource a reference names. Unknown is never guessed: an operation on it stays Unknown,
//   except where the result does not depend on it (`true || x`, `length([x])`).
// - an error (a missing attribute of a known object, a type mismatch, a failing function):
//   also an Unknown, plus a count that `try` and `can` look at, as Terraform's do.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/expression.h"
#include "model/value.h"

namespace clearance::tf {

class Evaluator;

/// One step of a traversal after its root name: `.name` or `[key]` (key already evaluated).
struct Step {
  bool is_attr = true;
  std::string name;
  Value key;
};

/// What a root name and some of the steps after it resolved to.
struct Resolved {
  Value value;
  std::string text;     ///< the canonical text of what was resolved (`aws_s3_bucket.x[0]`)
  bool open = false;    ///< missing attributes are computed (Unknown), not errors (resources)
  size_t consumed = 0;  ///< how many steps the Env used
  bool error = false;   ///< the name does not exist (counts as an error for try/can)
  /// An unknown member keeps its own text rather than the path to it (module outputs: they
  /// name what they depend on inside the module).
  bool member_texts = false;
};

/// The names an evaluation can see: the module instance (variables, locals, resources, module
/// calls, count/each, path) and the file functions.
class Env {
 public:
  virtual ~Env() = default;
  /// Resolves `root` followed by `steps` (the Env consumes as many as it needs).
  virtual Resolved resolve(std::string_view root, const std::vector<Step>& steps, Range at,
                           Evaluator& ev) = 0;
  /// Reads a file for file()/templatefile(): path relative to the module directory. Returns
  /// false (and sets `why`) when refused or unreadable. `shown` is the path as users see it.
  virtual bool read_file(const std::string& path, std::string& out, std::string& shown,
                         std::string& why) = 0;
  /// Records that the value being evaluated was read from file `shown` (ECS definitions).
  virtual void note_origin(const std::string& shown) = 0;
  /// Charges building a value of `weight` bytes to the scan's
  /// evaluation budget; false once it is spent. `at` locates the expression for the note.
  virtual bool charge(size_t weight, Range at) {
    (void)weight;
    (void)at;
    return true;
  }
  /// Reports that a value at `at` was not built because it would exceed a limit.
  virtual void note_limit(const std::string& message, Range at) {
    (void)message;
    (void)at;
  }
};

/// The largest value the evaluator builds (bytes of memory: text plus elements); a larger
/// result is Unknown, with a note. Terraform values in configurations are far smaller.
inline constexpr size_t kMaxValueWeight = 16u << 20;

/// Evaluates expressions in one Env. Not thread-safe; cheap to construct.
class Evaluator {
 public:
  explicit Evaluator(Env* env) : env_(env) {}

  /// The value of `e` in the current bindings.
  Value eval(const Expression& e);
  /// The value of an attribute as the parser left it: literals as they are, Unknowns with an
  /// expression evaluated.
  Value eval_value(const Value& v);

  /// A local name bound while evaluating (for-expression and dynamic-block iterators,
  /// templatefile variables). `open` as in Resolved.
  struct Binding {
    std::string name;
    Value value;
    std::string text;
    bool open = false;
  };
  void push(Binding b) { bindings_.push_back(std::move(b)); }
  void pop() { bindings_.pop_back(); }
  /// Swaps out all bindings (when evaluating another attribute, whose scope is its own).
  std::vector<Binding> take_bindings() { return std::exchange(bindings_, {}); }
  void restore_bindings(std::vector<Binding> b) { bindings_ = std::move(b); }
  /// A sealed evaluator sees only its bindings and functions (templatefile).
  void set_sealed(bool s) { sealed_ = s; }
  /// An evaluator for a template file called from `outer`: it continues `outer`'s nesting
  /// depth, and may not call templatefile again (Terraform refuses recursive templates).
  void nest_in(const Evaluator& outer) {
    depth_ = outer.depth_;
    in_template_ = true;
  }
  bool in_template() const { return in_template_; }

  /// Errors met so far (see the file comment).
  int errors() const { return errors_; }
  void set_errors(int n) { errors_ = n; }
  /// Records an error and returns the Unknown that stands for its result.
  Value error(const Expression& e);
  Env* env() { return env_; }

 private:
  Value eval_kind(const Expression& e);
  Resolved reference(const Expression& e);
  Value traversal(const Expression& e);
  Value splat(const Expression& e);
  Value call(const Expression& e);
  Value template_string(const Expression& e);
  bool render(const Expression& part, std::string& out, bool& unknown);
  Value object(const Expression& e);
  Value unary(const Expression& e);
  Value binary(const Expression& e);
  Value conditional(const Expression& e);
  Value for_expr(const Expression& e);
  const Binding* bound(std::string_view name) const;
  /// The Unknown for `e`, its text with each unknown operand's own text substituted.
  Value unknown_of(const Expression& e,
                   const std::vector<std::pair<const Expression*, const Value*>>& parts);

  Env* env_;
  std::vector<Binding> bindings_;
  /// The result of `e`, or an Unknown when it is heavier than kMaxValueWeight or the scan's
  /// budget is spent.
  Value within_budget(const Expression& e, Value v);

  bool sealed_ = false;
  bool in_template_ = false;
  int errors_ = 0;
  int depth_ = 0;
};

}  // namespace clearance::tf
