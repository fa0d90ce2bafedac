// The nesting bound shared by the evaluator's files: deeper expressions evaluate to an error
// rather than exhausting the stack.
#pragma once

namespace clearance::tf {

inline constexpr int kMaxDepth = 200;

/// Counts one level of nesting for as long as it lives.
struct DepthGuard {
  int& d;
  explicit DepthGuard(int& x) : d(x) { ++d; }
  ~DepthGuard() { --d; }
};

}  // namespace clearance::tf
