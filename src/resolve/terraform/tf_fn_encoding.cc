// Encoding and network functions: jsonencode (object keys sorted, as Terraform writes them),
// jsondecode, yamldecode, base64encode/base64decode, urlencode, cidrsubnet, cidrhost,
// cidrnetmask (IPv4; IPv6 prefixes give Unknown rather than a wrong answer).
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

Value fn_jsonencode(Call& c) {
  if (c.args.size() != 1) return c.fail();
  auto s = json_encode(c.args[0]);
  return s ? Value::string(std::move(*s), c.range()) : c.unknown();
}

Value fn_jsondecode(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_string()) return c.fail();
  auto v = json_decode(c.args[0].as_string(), {1, 1});
  if (!v) return c.fail();
  relocate(*v, c.range());  // the text's own positions are not positions in this file
  return std::move(*v);
}

Value fn_yamldecode(Call& c) {
  if (c.args.size() != 1 || !c.args[0].is_string()) return c.fail();
  auto v = yaml_decode(c.args[0].as_string(), c.range());
  return v ? std::move(*v) : c.fail();
}

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value fn_base64encode(Call& c) {
  auto t = c.args.size() == 1 ? as_text(c.args[0]) : std::nullopt;
  if (!t) return c.fail();
  std::string out;
  const std::string& s = *t;
  for (size_t i = 0; i < s.size(); i += 3) {
    uint32_t n = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) n |= static_cast<unsigned char>(s[i + 1]) << 8;
    if (i + 2 < s.size()) n |= static_cast<unsigned char>(s[i + 2]);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < s.size() ? kB64[(n >> 6) & 63] : '=';
    out += i + 2 < s.size() ? kB64[n & 63] : '=';
  }
  return Value::string(std::move(out), c.range());
}

Value fn_base64decode(Call& c) {
  auto t = c.args.size() == 1 ? as_text(c.args[0]) : std::nullopt;
  if (!t) return c.fail();
  std::string out;
  uint32_t buf = 0;
  int bits = 0;
  for (char ch : *t) {
    if (ch == '=') break;
    const char* p = std::char_traits<char>::find(kB64, 64, ch);
    if (!p) return c.fail();
    buf = (buf << 6) | static_cast<uint32_t>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return Value::string(std::move(out), c.range());
}

Value fn_urlencode(Call& c) {
  auto t = c.args.size() == 1 ? as_text(c.args[0]) : std::nullopt;
  if (!t) return c.fail();
  std::string out;
  for (unsigned char ch : *t) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      char b[4];
      std::snprintf(b, sizeof b, "%%%02X", ch);
      out += b;
    }
  }
  return Value::string(std::move(out), c.range());
}

struct Cidr {
  uint32_t addr = 0;
  int bits = 0;
};

// An IPv4 prefix "a.b.c.d/n"; nullopt for anything else (IPv6 included).
std::optional<Cidr> parse_cidr(const std::string& s) {
  unsigned a, b, c, d, n;
  char tail;
  if (std::sscanf(s.c_str(), "%u.%u.%u.%u/%u%c", &a, &b, &c, &d, &n, &tail) != 5)
    return std::nullopt;
  if (a > 255 || b > 255 || c > 255 || d > 255 || n > 32) return std::nullopt;
  return Cidr{(a << 24) | (b << 16) | (c << 8) | d, static_cast<int>(n)};
}

std::string ip_text(uint32_t a) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
  return buf;
}

uint32_t mask_of(int bits) {
  return bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
}

Value fn_cidrsubnet(Call& c) {
  if (c.args.size() != 3 || !c.args[0].is_string()) return c.fail();
  auto p = parse_cidr(c.args[0].as_string());
  auto nb = as_number(c.args[1]), num = as_number(c.args[2]);
  if (!p) return c.args[0].as_string().find(':') != std::string::npos ? c.unknown() : c.fail();
  if (!nb || !num || *nb < 0 || *num < 0) return c.fail();
  int bits = p->bits + static_cast<int>(*nb);
  if (bits > 32 || *num >= std::ldexp(1.0, static_cast<int>(*nb))) return c.fail();
  uint32_t base = p->addr & mask_of(p->bits);
  uint32_t sub =
      bits == 32 ? static_cast<uint32_t>(*num) : static_cast<uint32_t>(*num) << (32 - bits);
  if (*nb == 0) sub = 0;
  return Value::string(ip_text(base | sub) + "/" + std::to_string(bits), c.range());
}

Value fn_cidrhost(Call& c) {
  if (c.args.size() != 2 || !c.args[0].is_string()) return c.fail();
  auto p = parse_cidr(c.args[0].as_string());
  auto num = as_number(c.args[1]);
  if (!p) return c.args[0].as_string().find(':') != std::string::npos ? c.unknown() : c.fail();
  if (!num) return c.fail();
  double size = std::ldexp(1.0, 32 - p->bits);
  double n = *num < 0 ? size + *num : *num;
  if (n < 0 || n >= size) return c.fail();
  return Value::string(ip_text((p->addr & mask_of(p->bits)) + static_cast<uint32_t>(n)), c.range());
}

Value fn_cidrnetmask(Call& c) {
  auto p = c.args.size() == 1 && c.args[0].is_string() ? parse_cidr(c.args[0].as_string())
                                                       : std::nullopt;
  if (!p) return c.fail();
  return Value::string(ip_text(mask_of(p->bits)), c.range());
}

struct Entry {
  std::string_view name;
  Function fn;
};

constexpr Entry kEncoding[] = {
    {"jsonencode", fn_jsonencode},     {"jsondecode", fn_jsondecode},
    {"yamldecode", fn_yamldecode},     {"base64encode", fn_base64encode},
    {"base64decode", fn_base64decode}, {"urlencode", fn_urlencode},
    {"cidrsubnet", fn_cidrsubnet},     {"cidrhost", fn_cidrhost},
    {"cidrnetmask", fn_cidrnetmask},
};

}  // namespace

Function find_encoding_function(std::string_view name) {
  for (const auto& e : kEncoding)
    if (e.name == name) return e.fn;
  return nullptr;
}

}  // namespace clearance::tf
