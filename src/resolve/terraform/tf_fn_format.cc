// format and formatlist: Go-style verbs (%s %d %q %v %t %f %e %g %x %o %b, flags, width,
// precision, %[n] argument indexes), as Terraform's format implements them.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "resolve/terraform/tf_fn_text.h"

namespace clearance::tf {

namespace {

std::string quoted(std::string_view s) {
  Value v = Value::string(std::string(s));
  return json_encode(v).value_or("\"\"");
}

std::string pad(std::string s, int width, bool left, char fill) {
  size_t n = char_count(s);
  if (width <= 0 || n >= static_cast<size_t>(width)) return s;
  std::string padding(static_cast<size_t>(width) - n, fill);
  return left ? s + padding : padding + s;
}

// One `%...` verb of format(); false when the argument does not suit the verb.
bool format_verb(char verb, const std::string& flags, int width, int prec, const Value& arg,
                 std::string& out) {
  bool left = flags.find('-') != std::string::npos;
  char fill = flags.find('0') != std::string::npos && !left ? '0' : ' ';
  if (arg.is_null()) {
    out += pad("null", width, left, ' ');
    return true;
  }
  std::string s;
  switch (verb) {
    case 'v':
      if (arg.is_list() || arg.is_object() || flags.find('#') != std::string::npos) {
        auto j = json_encode(arg);
        if (!j) return false;
        s = *j;
      } else {
        s = *as_text(arg);
      }
      break;
    case 's': {
      auto t = as_text(arg);
      if (!t) return false;
      s = prec >= 0 ? t->substr(0, char_offset(*t, static_cast<size_t>(prec))) : *t;
      break;
    }
    case 'q': {
      auto t = as_text(arg);
      if (!t) return false;
      s = quoted(*t);
      break;
    }
    case 't': {
      auto b = as_bool(arg);
      if (!b) return false;
      s = *b ? "true" : "false";
      break;
    }
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      if ((verb == 'x' || verb == 'X') && arg.is_string() && !as_number(arg)) {
        static const char* digits = verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
        for (unsigned char ch : arg.as_string()) s += digits[ch >> 4], s += digits[ch & 15];
        break;
      }
      auto n = as_number(arg);
      if (!n) return false;
      if (verb == 'd' || verb == 'b' || verb == 'o' || verb == 'x' || verb == 'X') {
        if (*n != std::floor(*n)) return false;
        long long v = static_cast<long long>(*n);
        bool neg = v < 0;
        unsigned long long u =
            neg ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
        int base = verb == 'd' ? 10 : verb == 'b' ? 2 : verb == 'o' ? 8 : 16;
        const char* digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        std::string d;
        do {
          d.insert(d.begin(), digits[u % base]);
          u /= base;
        } while (u);
        if (fill == '0' && width > 0) {
          int sign = neg || flags.find('+') != std::string::npos;
          if (static_cast<int>(d.size()) + sign < width)
            d.insert(0, static_cast<size_t>(width - sign) - d.size(), '0');
        }
        s = (neg ? "-" : flags.find('+') != std::string::npos ? "+" : "") + d;
        break;
      }
      char fmt[16], buf[512];
      std::snprintf(fmt, sizeof fmt, "%%%s%s.*%c", flags.find('+') != std::string::npos ? "+" : "",
                    fill == '0' ? "0*" : "*", verb);
      std::snprintf(buf, sizeof buf, fmt, fill == '0' ? width : 0,
                    prec >= 0 ? prec : (verb == 'g' || verb == 'G' ? -1 : 6), *n);
      s = buf;
      break;
    }
    default: return false;
  }
  out += pad(std::move(s), width, left,
             fill == '0' && (verb == 's' || verb == 'v' || verb == 'q') ? ' ' : fill);
  return true;
}

/// Widths and precisions above this would build a value over the evaluator's size limit.
constexpr int kMaxWidth = static_cast<int>(kMaxValueWeight);

// format(spec, args...): Go-style verbs, as Terraform's format does. `too_wide` is set (and
// nullopt returned) when a width or precision exceeds kMaxWidth.
std::optional<std::string> do_format(const std::string& spec, const std::vector<Value>& args,
                                     size_t first, bool& too_wide) {
  std::string out;
  size_t next = first;
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out += spec[i];
      continue;
    }
    if (++i >= spec.size()) return std::nullopt;
    if (spec[i] == '%') {
      out += '%';
      continue;
    }
    std::string flags;
    while (i < spec.size() && std::string_view("+-# 0").find(spec[i]) != std::string_view::npos)
      flags += spec[i++];
    if (i < spec.size() && spec[i] == '[') {  // %[n]s: explicit argument index (1-based)
      size_t close = spec.find(']', i);
      if (close == std::string::npos) return std::nullopt;
      next = first + static_cast<size_t>(std::atoi(spec.substr(i + 1, close - i - 1).c_str())) - 1;
      i = close + 1;
    }
    int width = -1, prec = -1;
    auto number = [&](int& n) {
      n = 0;
      while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
        if (n <= kMaxWidth) n = n * 10 + (spec[i] - '0');  // no overflow: stops past the cap
        ++i;
      }
      if (n > kMaxWidth) too_wide = true;
    };
    if (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) number(width);
    if (i < spec.size() && spec[i] == '.') {
      ++i;
      number(prec);
    }
    if (too_wide) return std::nullopt;
    if (i >= spec.size() || next >= args.size()) return std::nullopt;
    if (!format_verb(spec[i], flags, width, prec, args[next++], out)) return std::nullopt;
  }
  return out;
}

/// The Unknown (with a note) for a format whose result would exceed the value size limit.
Value wide(Call& c) {
  if (c.ev.env()) c.ev.env()->note_limit("format result larger than 16 MiB: treated as unknown", c.range());
  return c.unknown();
}

Value fn_format(Call& c) {
  std::string spec;
  if (!text_arg(c, 0, spec)) return c.fail();
  for (const auto& a : c.args)
    if (a.contains_unknown()) return c.unknown();
  bool too_wide = false;
  auto s = do_format(spec, c.args, 1, too_wide);
  if (too_wide) return wide(c);
  return s ? str(c, std::move(*s)) : c.fail();
}

Value fn_formatlist(Call& c) {
  std::string spec;
  if (!text_arg(c, 0, spec)) return c.fail();
  size_t n = SIZE_MAX;
  for (size_t i = 1; i < c.args.size(); ++i) {
    if (c.args[i].contains_unknown()) return c.unknown();
    if (c.args[i].is_list()) {
      if (n != SIZE_MAX && n != c.args[i].items().size()) return c.fail();
      n = c.args[i].items().size();
    }
  }
  if (n == SIZE_MAX) n = 1;
  std::vector<Value> out;
  size_t total = 0;
  for (size_t k = 0; k < n; ++k) {
    std::vector<Value> row{c.args[0]};
    for (size_t i = 1; i < c.args.size(); ++i)
      row.push_back(c.args[i].is_list() ? c.args[i].items()[k] : c.args[i]);
    bool too_wide = false;
    auto s = do_format(spec, row, 1, too_wide);
    if (too_wide) return wide(c);
    if (!s) return c.fail();
    total += s->size() + 1;
    if (total > kMaxValueWeight) return wide(c);
    out.push_back(Value::string(std::move(*s), c.range()));
  }
  return Value::list(std::move(out), c.range());
}

}  // namespace

Function find_format_function(std::string_view name) {
  if (name == "format") return fn_format;
  if (name == "formatlist") return fn_formatlist;
  return nullptr;
}

}  // namespace clearance::tf
