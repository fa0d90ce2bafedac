// Text of HCL templates: escape decoding of literal parts and the indentation removal of
// `<<-` heredocs, over the Expression parts the template builder produced.
#include "parse/terraform/hcl_text.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "model/utf8.h"

namespace clearance::hcl {

using Kind = Expression::Kind;

namespace {

bool parse_hex(std::string_view s, uint32_t& out) {
  out = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return false;
    out = out * 16 + static_cast<uint32_t>(d);
  }
  return true;
}

// `$${` and `%%{` stand for `${` and `%{`; returns the bytes consumed (0 if none).
size_t template_escape(std::string_view raw, size_t i, std::string& out) {
  if (i + 2 < raw.size() && (raw[i] == '$' || raw[i] == '%') && raw[i + 1] == raw[i] &&
      raw[i + 2] == '{') {
    out += raw[i];
    out += '{';
    return 3;
  }
  return 0;
}

// Heredoc flush: the walk visits literal parts in document order, directive and
// interpolation tokens in between, as Terraform's token stream does.
struct Flush {
  size_t min = SIZE_MAX;
  bool line_start = true;
  bool apply = false;
};

void flush_literal(Expression& part, Flush& f) {
  const std::string& s = part.literal.as_string();
  if (s.empty()) return;
  std::string out;
  if (f.apply) out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    size_t end = nl == std::string::npos ? s.size() : nl + 1;
    size_t seg = end - pos;
    if (f.line_start) {
      size_t ws = 0;
      while (ws < seg && s[pos + ws] != '\n' && is_space(s[pos + ws])) ++ws;
      bool blank = nl != std::string::npos && ws == seg - 1;  // whitespace, then newline
      if (!blank && !f.apply) f.min = std::min(f.min, ws);
      if (!blank && f.apply) pos += std::min(ws, f.min);
    }
    if (f.apply) out.append(s, pos, end - pos);
    f.line_start = nl != std::string::npos;
    pos = end;
  }
  if (f.apply) set_string(part, std::move(out));
}

void flush_token(Flush& f) {
  if (f.line_start && !f.apply) f.min = 0;
  f.line_start = false;
}

void flush_parts(std::vector<Expression>& parts, Flush& f) {
  for (Expression& p : parts) {
    if (is_string_part(p)) {
      flush_literal(p, f);
    } else if (p.kind == Kind::TemplateIf || p.kind == Kind::TemplateFor) {
      // Bodies are children after the condition / collection; each is a Template.
      flush_token(f);
      for (size_t i = 1; i < p.children.size(); ++i) {
        if (i > 1) flush_token(f);  // the %{ else }
        flush_parts(p.children[i].children, f);
      }
      flush_token(f);
    } else {
      flush_token(f);
    }
  }
}

}  // namespace

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool is_string_part(const Expression& e) {
  return e.kind == Kind::Literal && e.literal.is_string();
}

void set_string(Expression& part, std::string s) {
  part.literal = Value::string(std::move(s), part.literal.range());
}

void drop_empty_literals(std::vector<Expression>& parts) {
  std::erase_if(parts, [](const Expression& p) {
    return is_string_part(p) && p.literal.as_string().empty();
  });
}

std::string decode_quoted(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    if (size_t n = template_escape(raw, i, out)) {
      i += n;
      continue;
    }
    char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out += c;
      ++i;
      continue;
    }
    char e = raw[i + 1];
    switch (e) {
      case 'n':
        out += '\n';
        i += 2;
        continue;
      case 'r':
        out += '\r';
        i += 2;
        continue;
      case 't':
        out += '\t';
        i += 2;
        continue;
      case '"':
        out += '"';
        i += 2;
        continue;
      case '\\':
        out += '\\';
        i += 2;
        continue;
      case 'u':
      case 'U': {
        size_t len = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        if (i + 2 + len <= raw.size() && parse_hex(raw.substr(i + 2, len), cp) && cp <= 0x10FFFF) {
          append_utf8(out, cp);
          i += 2 + len;
          continue;
        }
        break;
      }
      default: break;
    }
    // Not an escape Terraform knows: keep it as written.
    out += c;
    ++i;
  }
  return out;
}

std::string decode_heredoc(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    if (size_t n = template_escape(raw, i, out)) {
      i += n;
    } else {
      out += raw[i++];
    }
  }
  return out;
}

void flush_heredoc(std::vector<Expression>& parts) {
  Flush f;
  flush_parts(parts, f);
  if (f.min == 0 || f.min == SIZE_MAX) return;
  f.apply = true;
  f.line_start = true;
  flush_parts(parts, f);
}

}  // namespace clearance::hcl
