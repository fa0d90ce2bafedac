// .env predicates about secret values: env-secret-length, env-secret-strength,
// env-secret-unique and env-db-password-complexity. Details say what is wrong with a
// value (its length, its character classes) and never show the value itself.
#include <cctype>
#include <string>

#include "engine/predicates/dotenv_util.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

bool is_redis_password(std::string_view key) {
  std::string k = dotenv_upper(key);
  return k.find("REDIS") != std::string::npos && k.find("PASSWORD") != std::string::npos;
}

// Judges a non-empty, environment-independent value with `fn`; other values are left to
// env-no-placeholders (empty) or are undetermined (depend on the environment).
template <typename Fn>
Outcome judge_value(const EvalContext& ctx, Fn&& fn) {
  const Node& e = ctx.subject;
  const std::string* v = dotenv_text(e);
  if (!v || v->empty()) return Outcome::pass();
  if (dotenv_has_unresolved(e)) return dotenv_undetermined(ctx, e);
  return fn(e, *v);
}

struct PasswordSpan {
  std::string password;
  size_t offset = 0;  // in the decoded value
  bool found = false;
};

// The password of `scheme://user:password@host/...`, percent-decoded.
PasswordSpan url_password(std::string_view url) {
  PasswordSpan out;
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return out;
  size_t auth_b = scheme + 3;
  size_t auth_e = url.find_first_of("/?#", auth_b);
  std::string_view authority =
      url.substr(auth_b, auth_e == std::string_view::npos ? auth_e : auth_e - auth_b);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return out;
  size_t colon = authority.find(':');
  if (colon == std::string_view::npos || colon > at) return out;
  std::string_view enc = authority.substr(colon + 1, at - colon - 1);
  for (size_t i = 0; i < enc.size(); ++i) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (enc[i] == '%' && i + 2 < enc.size() && hex(enc[i + 1]) && hex(enc[i + 2])) {
      out.password += static_cast<char>(std::stoi(std::string(enc.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out.password += enc[i];
    }
  }
  out.offset = auth_b + colon + 1;
  out.found = true;
  return out;
}

int character_classes(std::string_view s) {
  bool lower = false, upper = false, digit = false, other = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else
      other = true;
  }
  return lower + upper + digit + other;
}

// Narrows the blame to the password inside a one-line URL when the text is as written.
Range password_range(const Node& e, const PasswordSpan& p, size_t encoded_len) {
  Range r = dotenv_value_range(e);
  const Attribute* raw = e.attribute("raw");
  const std::string* v = dotenv_text(e);
  if (!raw || !v || r.begin.line != r.end.line) return r;
  const std::string& w = raw->value.as_string();
  bool as_written = w == *v || (w.size() == v->size() + 2 && w.compare(1, v->size(), *v) == 0);
  if (!as_written) return r;
  Range out = r;
  out.begin.column = r.begin.column + static_cast<uint32_t>(p.offset);
  out.end.column = out.begin.column + static_cast<uint32_t>(encoded_len);
  return out;
}

}  // namespace

Outcome predicate_dotenv_secret_length(const EvalContext& ctx, const Value&) {
  return judge_value(ctx, [&](const Node& e, const std::string& v) {
    bool redis = is_redis_password(e.name);
    double min = redis ? ctx.param("redis_min_length", 20) : ctx.param("min_length", 32);
    if (static_cast<double>(v.size()) >= min) return Outcome::pass();
    return Outcome::fail(dotenv_blame(ctx, e,
                                      e.name + " has " + std::to_string(v.size()) +
                                          " characters; at least " +
                                          std::to_string(static_cast<long>(min)) + " are needed"));
  });
}

Outcome predicate_dotenv_secret_strength(const EvalContext& ctx, const Value&) {
  return judge_value(ctx, [&](const Node& e, const std::string& v) {
    double min_entropy = ctx.param("min_entropy", 3.0);
    auto min_run = static_cast<size_t>(ctx.param("min_sequential_run", 5));
    std::string why = dotenv_weakness(v, min_entropy, min_run);
    if (why.empty()) return Outcome::pass();
    return Outcome::fail(dotenv_blame(ctx, e, e.name + " " + why));
  });
}

Outcome predicate_dotenv_secret_unique(const EvalContext& ctx, const Value& args) {
  const Node& e = ctx.subject;
  const std::string* v = dotenv_text(e);
  if (!v || v->empty()) return Outcome::pass();
  for (const Node* other : dotenv_entries(ctx.document)) {
    if (other == &e) break;  // only earlier entries: the second of a pair is blamed
    if (other->name == e.name || !dotenv_key_in(other->name, args)) continue;
    const std::string* ov = dotenv_text(*other);
    if (!ov || *ov != *v) continue;
    Blame b = dotenv_blame(ctx, e,
                           e.name + " has the same value as " + other->name + " (line " +
                               std::to_string(other->range.begin.line) + ")");
    b.related.push_back(ctx.at(dotenv_value_range(*other)));
    return Outcome::fail(std::move(b));
  }
  return Outcome::pass();
}

Outcome predicate_dotenv_db_password_complexity(const EvalContext& ctx, const Value&) {
  return judge_value(ctx, [&](const Node& e, const std::string& v) {
    std::string password = v;
    Range at = dotenv_value_range(e);
    std::string what = e.name;
    std::string k = dotenv_upper(e.name);
    if (k.size() >= 3 &&
        (k.compare(k.size() - 3, 3, "URL") == 0 || k.compare(k.size() - 3, 3, "URI") == 0)) {
      PasswordSpan p = url_password(v);
      if (!p.found) return Outcome::pass();  // no password in the URL: nothing to judge
      size_t at_sign = v.find('@', p.offset);
      at = password_range(e, p, at_sign == std::string::npos ? 0 : at_sign - p.offset);
      password = p.password;
      what = "the password in " + e.name;
    }
    auto min_length = static_cast<size_t>(ctx.param("min_length", 12));
    int min_classes = static_cast<int>(ctx.param("min_classes", 3));
    int classes = character_classes(password);
    std::string why;
    if (password.size() < min_length)
      why = "has " + std::to_string(password.size()) + " characters (at least " +
            std::to_string(min_length) + " needed)";
    if (classes < min_classes)
      why += std::string(why.empty() ? "" : " and ") + "uses " + std::to_string(classes) +
             " of 4 character classes (at least " + std::to_string(min_classes) + " needed)";
    if (why.empty()) return Outcome::pass();
    Blame b = dotenv_blame(ctx, e, what + " " + why);
    b.location = ctx.at(at);
    return Outcome::fail(std::move(b));
  });
}

}  // namespace clearance
