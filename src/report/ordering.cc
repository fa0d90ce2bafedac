// Stable, total orders over findings and notifications, so output never depends on the
// order in which parallel workers happened to finish.
#include "report/ordering.h"

#include <algorithm>
#include <tuple>

namespace clearance {

namespace {

auto location_key(const Location& l) {
  return std::tie(l.path, l.range.begin.line, l.range.begin.column, l.range.end.line,
                  l.range.end.column);
}

}  // namespace

std::vector<const Finding*> ordered_findings(const Report& report) {
  std::vector<const Finding*> out;
  out.reserve(report.findings.size());
  for (const auto& f : report.findings) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
    auto ka = std::tuple_cat(location_key(a->location), std::tie(a->rule_id, a->message));
    auto kb = std::tuple_cat(location_key(b->location), std::tie(b->rule_id, b->message));
    return ka < kb;
  });
  return out;
}

std::vector<const Diagnostic*> ordered_notifications(const Report& report) {
  std::vector<const Diagnostic*> out;
  out.reserve(report.notifications.size());
  for (const auto& d : report.notifications) out.push_back(&d);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic* a, const Diagnostic* b) {
    auto ka = std::tuple_cat(location_key(a->location), std::tie(a->level, a->message));
    auto kb = std::tuple_cat(location_key(b->location), std::tie(b->level, b->message));
    return ka < kb;
  });
  return out;
}

}  // namespace clearance
