// Collection and number functions: merge, concat, lookup, length, element, contains, keys,
// values, flatten, distinct, the type conversions tolist/toset/tomap, coalesce, min, max...
// A collection holding Unknown elements is fine where the result does not depend on them
// (length, keys, element of a known index), and makes the result Unknown where it does.
#include <algorithm>
#include <cmath>

#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

Value list_of(Call& c, std::vector<Value> items) {
  return Value::list(std::move(items), c.range());
}

bool all_lists(const Call& c, size_t from = 0) {
  for (size_t i = from; i < c.args.size(); ++i)
    if (!c.args[i].is_list()) return false;
  return true;
}

Value fn_merge(Call& c) {
  std::vector<Member> out;
  for (auto& a : c.args) {
    if (a.is_null()) continue;
    if (!a.is_object()) return c.fail();
    for (auto& m : a.members()) {
      auto it =
          std::find_if(out.begin(), out.end(), [&](const Member& x) { return x.key == m.key; });
      if (it != out.end())
        it->value = m.value;  // later arguments win
      else
        out.push_back(m);
    }
  }
  return Value::object(std::move(out), c.range());
}

Value fn_concat(Call& c) {
  if (!all_lists(c)) return c.fail();
  std::vector<Value> out;
  for (auto& a : c.args)
    for (auto& item : a.items()) out.push_back(item);
  return list_of(c, std::move(out));
}

Value fn_lookup(Call& c) {
  if (c.args.size() < 2 || c.args.size() > 3 || !c.args[0].is_object()) return c.fail();
  auto key = as_text(c.args[1]);
  if (!key) return c.fail();
  if (const Value* v = c.args[0].get(*key)) return *v;
  if (c.args.size() == 3) return c.args[2];
  return c.fail();
}

Value fn_length(Call& c) {
  if (c.args.size() != 1) return c.fail();
  const Value& v = c.args[0];
  size_t n = 0;
  if (v.is_string()) {
    for (unsigned char ch : v.as_string()) n += (ch & 0xC0) != 0x80;
  } else if (v.is_list()) {
    n = v.items().size();
  } else if (v.is_object()) {
    n = v.members().size();
  } else {
    return c.fail();
  }
  return Value::number(static_cast<double>(n), c.range());
}

Value fn_element(Call& c) {
  if (c.args.size() != 2 || !c.args[0].is_list()) return c.fail();
  auto i = as_number(c.args[1]);
  const auto& items = c.args[0].items();
  if (!i || items.empty() || *i < 0) return c.fail();
  return items[static_cast<size_t>(*i) % items.size()];
}

Value fn_contains(Call& c) {
  if (c.args.size() != 2 || !c.args[0].is_list()) return c.fail();
  bool unknown = c.args[1].contains_unknown();
  for (const auto& item : c.args[0].items()) {
    if (item.contains_unknown())
      unknown = true;
    else if (!unknown && item.equals(c.args[1]))
      return Value::boolean(true, c.range());
  }
  return unknown ? c.unknown() : Value::boolean(false, c.range());
}

Value fn_keys(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_object()) return c.fail();
  std::vector<Value> out;
  for (size_t i : sorted_members(c.args[0]))
    out.push_back(Value::string(c.args[0].members()[i].key, c.range()));
  return list_of(c, std::move(out));
}

Value fn_values(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_object()) return c.fail();
  std::vector<Value> out;
  for (size_t i : sorted_members(c.args[0])) out.push_back(c.args[0].members()[i].value);
  return list_of(c, std::move(out));
}

bool flatten_into(const Value& v, std::vector<Value>& out, int depth) {
  if (depth > 100) return false;
  for (const auto& item : v.items()) {
    if (item.is_unknown()) return false;
    if (item.is_list()) {
      if (!flatten_into(item, out, depth + 1)) return false;
    } else {
      out.push_back(item);
    }
  }
  return true;
}

Value fn_flatten(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  std::vector<Value> out;
  if (!flatten_into(c.args[0], out, 0)) return c.unknown();
  return list_of(c, std::move(out));
}

// Unique elements, first occurrence kept; false when an element is unknown.
bool unique(const std::vector<Value>& in, std::vector<Value>& out) {
  for (const auto& item : in) {
    if (item.contains_unknown()) return false;
    if (std::none_of(out.begin(), out.end(), [&](const Value& x) { return x.equals(item); }))
      out.push_back(item);
  }
  return true;
}

Value fn_distinct(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  std::vector<Value> out;
  if (!unique(c.args[0].items(), out)) return c.unknown();
  return list_of(c, std::move(out));
}

// A set: unique elements; strings in lexical order and numbers in numeric order, as
// Terraform iterates sets of those types.
Value make_set(Call& c, const std::vector<Value>& items) {
  std::vector<Value> out;
  if (!unique(items, out)) return c.unknown();
  bool strings = std::all_of(out.begin(), out.end(), [](const Value& v) { return v.is_string(); });
  bool numbers = std::all_of(out.begin(), out.end(), [](const Value& v) { return v.is_number(); });
  if (strings)
    std::stable_sort(out.begin(), out.end(),
                     [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
  if (numbers)
    std::stable_sort(out.begin(), out.end(),
                     [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
  return list_of(c, std::move(out));
}

Value fn_toset(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null()) return Value::null(c.range());
  if (!c.args[0].is_list()) return c.fail();
  return make_set(c, c.args[0].items());
}

Value fn_tolist(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null() || c.args[0].is_list()) return c.args[0];
  return c.fail();
}

Value fn_tomap(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null() || c.args[0].is_object()) return c.args[0];
  return c.fail();
}

Value fn_coalesce(Call& c) {
  for (const auto& a : c.args) {
    if (a.is_unknown()) return c.unknown();  // it might be the first non-empty one
    if (a.is_null() || (a.is_string() && a.as_string().empty())) continue;
    return a;
  }
  return c.fail();
}

Value fn_coalescelist(Call& c) {
  for (const auto& a : c.args) {
    if (a.is_unknown()) return c.unknown();
    if (!a.is_list()) return c.fail();
    if (!a.items().empty()) return a;
  }
  return list_of(c, {});
}

Value fn_compact(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  std::vector<Value> out;
  for (const auto& item : c.args[0].items()) {
    if (item.is_unknown()) return c.unknown();
    if (item.is_null() || (item.is_string() && item.as_string().empty())) continue;
    out.push_back(item);
  }
  return list_of(c, std::move(out));
}

Value fn_slice(Call& c) {
  if (c.args.size() != 3 || !c.args[0].is_list()) return c.fail();
  auto b = as_number(c.args[1]), e = as_number(c.args[2]);
  const auto& items = c.args[0].items();
  if (!b || !e || *b < 0 || *e < *b || *e > static_cast<double>(items.size())) return c.fail();
  return list_of(c, std::vector<Value>(items.begin() + static_cast<long>(*b),
                                       items.begin() + static_cast<long>(*e)));
}

Value fn_reverse(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  std::vector<Value> out(c.args[0].items().rbegin(), c.args[0].items().rend());
  return list_of(c, std::move(out));
}

Value fn_sort(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  std::vector<Value> out;
  for (const auto& item : c.args[0].items()) {
    if (item.is_unknown()) return c.unknown();
    auto t = as_text(item);
    if (!t) return c.fail();
    out.push_back(Value::string(std::move(*t), item.range()));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
  return list_of(c, std::move(out));
}

Value fn_zipmap(Call& c) {
  if (c.args.size() != 2 || !all_lists(c)) return c.fail();
  const auto& k = c.args[0].items();
  const auto& v = c.args[1].items();
  if (k.size() != v.size()) return c.fail();
  std::vector<Member> out;
  for (size_t i = 0; i < k.size(); ++i) {
    if (k[i].is_unknown()) return c.unknown();
    auto t = as_text(k[i]);
    if (!t) return c.fail();
    out.push_back({std::move(*t), v[i], k[i].range()});
  }
  return Value::object(std::move(out), c.range());
}

Value fn_index(Call& c) {
  if (c.args.size() != 2 || !c.args[0].is_list()) return c.fail();
  for (size_t i = 0; i < c.args[0].items().size(); ++i) {
    if (c.args[0].items()[i].contains_unknown()) return c.unknown();
    if (c.args[0].items()[i].equals(c.args[1]))
      return Value::number(static_cast<double>(i), c.range());
  }
  return c.fail();
}

Value fn_range(Call& c) {
  std::vector<double> n;
  for (const auto& a : c.args) {
    auto x = as_number(a);
    if (!x) return c.fail();
    n.push_back(*x);
  }
  if (n.empty() || n.size() > 3) return c.fail();
  double start = n.size() == 1 ? 0 : n[0], limit = n.size() == 1 ? n[0] : n[1];
  double step = n.size() == 3 ? n[2] : (limit >= start ? 1 : -1);
  if (step == 0 || (step > 0) != (limit >= start))
    return limit == start ? list_of(c, {}) : c.fail();
  std::vector<Value> out;
  for (double x = start; (step > 0 ? x < limit : x > limit) && out.size() < 1024; x += step)
    out.push_back(Value::number(x, c.range()));
  return list_of(c, std::move(out));
}

Value fn_one(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list() || c.args[0].items().size() > 1) return c.fail();
  return c.args[0].items().empty() ? Value::null(c.range()) : c.args[0].items()[0];
}

template <bool kMax>
Value fn_extreme(Call& c) {
  if (c.args.empty()) return c.fail();
  double best = 0;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto x = as_number(c.args[i]);
    if (!x) return c.fail();
    if (i == 0 || (kMax ? *x > best : *x < best)) best = *x;
  }
  return Value::number(best, c.range());
}

template <double (*F)(double)>
Value fn_math(Call& c) {
  auto x = c.args.size() == 1 ? as_number(c.args[0]) : std::nullopt;
  return x ? Value::number(F(*x), c.range()) : c.fail();
}

Value fn_sum(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_list() || c.args[0].items().empty()) return c.fail();
  double s = 0;
  for (const auto& item : c.args[0].items()) {
    if (item.is_unknown()) return c.unknown();
    auto x = as_number(item);
    if (!x) return c.fail();
    s += *x;
  }
  return Value::number(s, c.range());
}

Value fn_alltrue(Call& c, bool all) {
  if (c.args.size() != 1 || !c.args[0].is_list()) return c.fail();
  bool unknown = false;
  for (const auto& item : c.args[0].items()) {
    if (item.is_unknown()) {
      unknown = true;
      continue;
    }
    auto b = as_bool(item);
    if (!b) return c.fail();
    if (*b != all) return Value::boolean(!all, c.range());
  }
  return unknown ? c.unknown() : Value::boolean(all, c.range());
}
Value fn_alltrue(Call& c) {
  return fn_alltrue(c, true);
}
Value fn_anytrue(Call& c) {
  return fn_alltrue(c, false);
}

Value fn_setunion(Call& c) {
  if (!all_lists(c)) return c.fail();
  std::vector<Value> all;
  for (auto& a : c.args)
    for (auto& item : a.items()) all.push_back(item);
  return make_set(c, all);
}

Value fn_chunklist(Call& c) {
  auto n = c.args.size() == 2 && c.args[0].is_list() ? as_number(c.args[1]) : std::nullopt;
  if (!n || *n < 0) return c.fail();
  std::vector<Value> out;
  const auto& items = c.args[0].items();
  size_t size = *n == 0 ? items.size() : static_cast<size_t>(*n);
  for (size_t i = 0; i < items.size(); i += std::max<size_t>(size, 1))
    out.push_back(Value::list(
        std::vector<Value>(items.begin() + static_cast<long>(i),
                           items.begin() + static_cast<long>(std::min(
                                               items.size(), i + std::max<size_t>(size, 1)))),
        c.range()));
  return list_of(c, std::move(out));
}

double abs_(double x) {
  return std::fabs(x);
}
double ceil_(double x) {
  return std::ceil(x);
}
double floor_(double x) {
  return std::floor(x);
}
double signum_(double x) {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

struct Entry {
  std::string_view name;
  Function fn;
};

constexpr Entry kCollections[] = {
    {"merge", fn_merge},
    {"concat", fn_concat},
    {"lookup", fn_lookup},
    {"length", fn_length},
    {"element", fn_element},
    {"contains", fn_contains},
    {"keys", fn_keys},
    {"values", fn_values},
    {"flatten", fn_flatten},
    {"distinct", fn_distinct},
    {"toset", fn_toset},
    {"tolist", fn_tolist},
    {"tomap", fn_tomap},
    {"coalesce", fn_coalesce},
    {"coalescelist", fn_coalescelist},
    {"compact", fn_compact},
    {"slice", fn_slice},
    {"reverse", fn_reverse},
    {"sort", fn_sort},
    {"zipmap", fn_zipmap},
    {"index", fn_index},
    {"range", fn_range},
    {"one", fn_one},
    {"min", fn_extreme<false>},
    {"max", fn_extreme<true>},
    {"abs", fn_math<abs_>},
    {"ceil", fn_math<ceil_>},
    {"floor", fn_math<floor_>},
    {"signum", fn_math<signum_>},
    {"sum", fn_sum},
    {"alltrue", fn_alltrue},
    {"anytrue", fn_anytrue},
    {"setunion", fn_setunion},
    {"chunklist", fn_chunklist},
};

}  // namespace

Function find_collection_function(std::string_view name) {
  for (const auto& e : kCollections)
    if (e.name == name) return e.fn;
  return nullptr;
}

}  // namespace clearance::tf
