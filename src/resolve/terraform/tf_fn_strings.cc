// String functions: join, split, case, replace (with /regex/), trimming, substr, regex, and
// the primitive conversions tostring, tonumber, tobool. format/formatlist: tf_fn_format.cc.
#include <re2/re2.h>

#include <cmath>
#include <cstdio>

#include "resolve/terraform/tf_fn_text.h"
#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

Value fn_join(Call& c) {
  std::string sep;
  if (c.args.size() < 2 || !text_arg(c, 0, sep)) return c.fail();
  std::string out;
  bool first = true;
  for (size_t i = 1; i < c.args.size(); ++i) {
    if (!c.args[i].is_list()) return c.fail();
    for (const auto& item : c.args[i].items()) {
      if (item.is_unknown()) return c.unknown();
      auto t = as_text(item);
      if (!t) return c.fail();
      if (!first) out += sep;
      first = false;
      out += *t;
    }
  }
  return str(c, std::move(out));
}

Value fn_split(Call& c) {
  std::string sep, s;
  if (!text_arg(c, 0, sep) || !text_arg(c, 1, s)) return c.fail();
  std::vector<Value> out;
  if (sep.empty()) {
    for (size_t i = 0; i < s.size();) {
      size_t n = char_offset(std::string_view(s).substr(i), 1);
      out.push_back(Value::string(s.substr(i, n), c.range()));
      i += n;
    }
  } else {
    size_t pos = 0;
    for (size_t at; (at = s.find(sep, pos)) != std::string::npos; pos = at + sep.size())
      out.push_back(Value::string(s.substr(pos, at - pos), c.range()));
    out.push_back(Value::string(s.substr(pos), c.range()));
  }
  return Value::list(std::move(out), c.range());
}

template <int (*F)(int)>
Value fn_case(Call& c) {
  std::string s;
  if (!text_arg(c, 0, s)) return c.fail();
  for (auto& ch : s)
    if (static_cast<unsigned char>(ch) < 0x80)
      ch = static_cast<char>(F(static_cast<unsigned char>(ch)));
  return str(c, std::move(s));
}

Value fn_title(Call& c) {
  std::string s;
  if (!text_arg(c, 0, s)) return c.fail();
  bool start = true;
  for (auto& ch : s) {
    if (start && std::islower(static_cast<unsigned char>(ch)))
      ch = static_cast<char>(std::toupper(ch));
    start = std::isspace(static_cast<unsigned char>(ch));
  }
  return str(c, std::move(s));
}

Value fn_replace(Call& c) {
  std::string s, from, to;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, from) || !text_arg(c, 2, to)) return c.fail();
  if (from.size() > 1 && from.front() == '/' && from.back() == '/') {
    RE2 re(from.substr(1, from.size() - 2));
    if (!re.ok()) return c.fail();
    // Terraform's replacement uses $1 / ${name}; RE2 uses \1.
    std::string rewrite;
    for (size_t i = 0; i < to.size(); ++i) {
      if (to[i] == '$' && i + 1 < to.size() && std::isdigit(static_cast<unsigned char>(to[i + 1])))
        rewrite += '\\';
      else if (to[i] == '\\')
        rewrite += '\\';
      if (!(to[i] == '$' && i + 1 < to.size() &&
            std::isdigit(static_cast<unsigned char>(to[i + 1]))))
        rewrite += to[i];
    }
    RE2::GlobalReplace(&s, re, rewrite);
    return str(c, std::move(s));
  }
  if (from.empty()) return str(c, std::move(s));
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = s.find(from, pos)) != std::string::npos; pos = at + from.size())
    out += s.substr(pos, at - pos) + to;
  out += s.substr(pos);
  return str(c, std::move(out));
}

Value fn_trimprefix(Call& c) {
  std::string s, p;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, p)) return c.fail();
  if (s.rfind(p, 0) == 0) s.erase(0, p.size());
  return str(c, std::move(s));
}

Value fn_trimsuffix(Call& c) {
  std::string s, p;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, p)) return c.fail();
  if (s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
    s.erase(s.size() - p.size());
  return str(c, std::move(s));
}

Value fn_trim(Call& c) {
  std::string s, set;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, set)) return c.fail();
  size_t b = s.find_first_not_of(set), e = s.find_last_not_of(set);
  return str(c, b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
}

Value fn_trimspace(Call& c) {
  std::string s;
  if (!text_arg(c, 0, s)) return c.fail();
  const char* ws = " \t\n\r\f\v";
  size_t b = s.find_first_not_of(ws), e = s.find_last_not_of(ws);
  return str(c, b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
}

Value fn_chomp(Call& c) {
  std::string s;
  if (!text_arg(c, 0, s)) return c.fail();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return str(c, std::move(s));
}

Value fn_substr(Call& c) {
  std::string s;
  auto off = c.args.size() == 3 ? as_number(c.args[1]) : std::nullopt;
  auto len = c.args.size() == 3 ? as_number(c.args[2]) : std::nullopt;
  if (!text_arg(c, 0, s) || !off || !len) return c.fail();
  long long n = static_cast<long long>(char_count(s));
  long long o = static_cast<long long>(*off), l = static_cast<long long>(*len);
  if (o < 0) o += n;
  if (o < 0 || o > n) return c.fail();
  if (l < 0 || o + l > n) l = n - o;
  size_t b = char_offset(s, static_cast<size_t>(o));
  size_t e = char_offset(s, static_cast<size_t>(o + l));
  return str(c, s.substr(b, e - b));
}

Value fn_affix(Call& c, bool start) {
  std::string s, p;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, p)) return c.fail();
  bool r = start ? s.rfind(p, 0) == 0
                 : s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
  return Value::boolean(r, c.range());
}
Value fn_startswith(Call& c) {
  return fn_affix(c, true);
}
Value fn_endswith(Call& c) {
  return fn_affix(c, false);
}

Value fn_strcontains(Call& c) {
  std::string s, p;
  if (!text_arg(c, 0, s) || !text_arg(c, 1, p)) return c.fail();
  return Value::boolean(s.find(p) != std::string::npos, c.range());
}

Value fn_regex(Call& c) {
  std::string pattern, s;
  if (!text_arg(c, 0, pattern) || !text_arg(c, 1, s)) return c.fail();
  RE2 re(pattern);
  if (!re.ok()) return c.fail();
  int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> m(static_cast<size_t>(groups) + 1);
  if (!re.Match(s, 0, s.size(), RE2::UNANCHORED, m.data(), static_cast<int>(m.size())))
    return c.fail();
  if (groups == 0) return str(c, std::string(m[0]));
  if (!re.NamedCapturingGroups().empty()) {
    std::vector<Member> members;
    for (const auto& [name, idx] : re.NamedCapturingGroups())
      members.push_back(
          {name, Value::string(std::string(m[static_cast<size_t>(idx)]), c.range()), c.range()});
    return Value::object(std::move(members), c.range());
  }
  std::vector<Value> out;
  for (int g = 1; g <= groups; ++g)
    out.push_back(Value::string(std::string(m[static_cast<size_t>(g)]), c.range()));
  return Value::list(std::move(out), c.range());
}

Value fn_tostring(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null()) return Value::null(c.range());
  auto t = as_text(c.args[0]);
  return t ? str(c, std::move(*t)) : c.fail();
}

Value fn_tonumber(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null()) return Value::null(c.range());
  auto n = as_number(c.args[0]);
  return n ? Value::number(*n, c.range()) : c.fail();
}

Value fn_tobool(Call& c) {
  if (c.args.size() != 1) return c.fail();
  if (c.args[0].is_null()) return Value::null(c.range());
  auto b = as_bool(c.args[0]);
  return b ? Value::boolean(*b, c.range()) : c.fail();
}

Value fn_strrev(Call& c) {
  std::string s;
  if (!text_arg(c, 0, s)) return c.fail();
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t n = char_offset(std::string_view(s).substr(i), 1);
    out.insert(0, s.substr(i, n));
    i += n;
  }
  return str(c, std::move(out));
}

struct Entry {
  std::string_view name;
  Function fn;
};

constexpr Entry kStrings[] = {
    {"join", fn_join},
    {"split", fn_split},
    {"lower", fn_case<std::tolower>},
    {"upper", fn_case<std::toupper>},
    {"title", fn_title},
    {"replace", fn_replace},
    {"trimprefix", fn_trimprefix},
    {"trimsuffix", fn_trimsuffix},
    {"trim", fn_trim},
    {"trimspace", fn_trimspace},
    {"chomp", fn_chomp},
    {"substr", fn_substr},
    {"startswith", fn_startswith},
    {"endswith", fn_endswith},
    {"strcontains", fn_strcontains},
    {"regex", fn_regex},
    {"tostring", fn_tostring},
    {"tonumber", fn_tonumber},
    {"tobool", fn_tobool},
    {"strrev", fn_strrev},
};

}  // namespace

Function find_string_function(std::string_view name) {
  for (const auto& e : kStrings)
    if (e.name == name) return e.fn;
  return nullptr;
}

}  // namespace clearance::tf
