// The JSON reader: a recursive-descent parser over bytes that tracks line and column as it
// goes. Line breaks can only occur in whitespace (and inside `${...}` in template mode), so the
// line counter is advanced there and every other position is computed from the current line's
// start offset. The first error stops reading; the error says where and what was expected.
#include "parse/json/json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "model/utf8.h"
#include "parse/json/json_lexemes.h"

namespace clearance {

namespace {

constexpr size_t kIndexMembersFrom = 16;  // objects this big get a key index for duplicates

class Reader {
 public:
  Reader(std::string_view text, const JsonReadOptions& options)
      : s_(text), opt_(options), line_(options.base.line) {}

  JsonReadResult run() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
    skip_ws();
    Value v = value(0);
    if (!failed_) {
      skip_ws();
      if (pos_ < s_.size()) fail("unexpected " + describe() + " after the JSON value");
    }
    if (!failed_) result_.value = std::move(v);
    return std::move(result_);
  }

 private:
  std::string_view s_;
  const JsonReadOptions& opt_;
  size_t pos_ = 0;
  uint32_t line_;
  size_t line_start_ = 0;
  bool failed_ = false;
  JsonReadResult result_;

  Position here() const {
    uint32_t col = static_cast<uint32_t>(pos_ - line_start_) + 1;
    if (line_start_ == 0) col += opt_.base.column - 1;
    return {line_, col};
  }

  bool at_end() const { return pos_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

  void newline_at(size_t offset) {
    ++line_;
    line_start_ = offset + 1;
  }

  void fail(std::string message) { fail_at(here(), std::move(message)); }
  void fail_at(Position p, std::string message) {
    if (failed_) return;
    failed_ = true;
    result_.has_error = true;
    result_.error = {std::move(message), p};
  }

  std::string describe() const { return json::describe_byte(s_, pos_); }

  void skip_ws() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n')
        newline_at(pos_);
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      ++pos_;
    }
  }

  Value value(size_t depth) {
    if (depth >= opt_.max_depth) {
      fail("nesting deeper than " + std::to_string(opt_.max_depth) + " levels");
      return {};
    }
    switch (peek()) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string_value();
      case 't': return literal("true", Value::boolean(true));
      case 'f': return literal("false", Value::boolean(false));
      case 'n': return literal("null", Value::null());
      case '$':
        if (opt_.hcl_template && peek(1) == '{') return bare_interpolation(depth);
        break;
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number();
    }
    fail("expected a value (object, array, string, number, true, false or null), found " +
         describe());
    return {};
  }

  Value literal(std::string_view word, Value v) {
    Position begin = here();
    if (s_.substr(pos_, word.size()) != word) {
      fail("expected a value, found " + describe());
      return {};
    }
    pos_ += word.size();
    v.set_range({begin, here()});
    return v;
  }

  Value object(size_t depth) {
    Position begin = here();
    ++pos_;  // '{'
    std::vector<Member> members;
    std::unordered_map<std::string, size_t> index;
    skip_ws();
    if (peek() == '}') {
      ++pos_;
      return Value::object({}, {begin, here()});
    }
    while (true) {
      skip_ws();
      if (peek() != '"') {
        if (peek() == '}' && !members.empty())
          fail("trailing comma before '}'");
        else
          fail("expected a string key, found " + describe());
        return {};
      }
      Position key_begin = here();
      std::string key;
      bool interpolated = false;
      if (!read_string(key, interpolated, depth)) return {};
      Range key_range{key_begin, here()};
      skip_ws();
      if (peek() != ':') {
        fail("expected ':' after the key \"" + key + "\", found " + describe());
        return {};
      }
      ++pos_;
      skip_ws();
      Value v = value(depth + 1);
      if (failed_) return {};
      add_member(members, index, Member{std::move(key), std::move(v), key_range});
      skip_ws();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return Value::object(std::move(members), {begin, here()});
      }
      fail("expected ',' or '}' after an object member, found " + describe());
      return {};
    }
  }

  // The last duplicate wins, at the position of the last one; earlier ones are warned about.
  void add_member(std::vector<Member>& members, std::unordered_map<std::string, size_t>& index,
                  Member m) {
    size_t found = members.size();
    if (members.size() < kIndexMembersFrom) {
      for (size_t i = 0; i < members.size(); ++i)
        if (members[i].key == m.key) found = i;
    } else {
      if (index.empty())
        for (size_t i = 0; i < members.size(); ++i) index.emplace(members[i].key, i);
      auto it = index.find(m.key);
      if (it != index.end()) found = it->second;
    }
    if (found < members.size()) {
      result_.warnings.push_back(
          {"duplicate key \"" + m.key + "\": the last one is used", m.key_range.begin});
      members[found] = std::move(m);
      return;
    }
    if (members.size() >= kIndexMembersFrom && !index.empty()) index.emplace(m.key, members.size());
    members.push_back(std::move(m));
  }

  Value array(size_t depth) {
    Position begin = here();
    ++pos_;  // '['
    std::vector<Value> items;
    skip_ws();
    if (peek() == ']') {
      ++pos_;
      return Value::list({}, {begin, here()});
    }
    while (true) {
      skip_ws();
      if (peek() == ']' && !items.empty()) {
        fail("trailing comma before ']'");
        return {};
      }
      items.push_back(value(depth + 1));
      if (failed_) return {};
      skip_ws();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return Value::list(std::move(items), {begin, here()});
      }
      fail("expected ',' or ']' after an array element, found " + describe());
      return {};
    }
  }

  Value string_value() {
    Position begin = here();
    std::string text;
    bool interpolated = false;
    if (!read_string(text, interpolated, 0)) return {};
    Range r{begin, here()};
    return interpolated ? Value::unknown(std::move(text), r) : Value::string(std::move(text), r);
  }

  Value bare_interpolation(size_t depth) {
    Position begin = here();
    size_t start = pos_;
    if (!skip_interpolation(depth)) return {};
    std::string_view inner = s_.substr(start + 2, pos_ - start - 3);
    while (!inner.empty() && (inner.front() == ' ' || inner.front() == '~')) inner.remove_prefix(1);
    while (!inner.empty() && (inner.back() == ' ' || inner.back() == '~')) inner.remove_suffix(1);
    return Value::unknown(std::string(inner), {begin, here()});
  }

  // Skips a `${...}` (pos_ at '$'), balancing braces and HCL quoted strings inside it.
  bool skip_interpolation(size_t depth) {
    Position begin = here();
    if (depth >= opt_.max_depth) {
      fail("nesting deeper than " + std::to_string(opt_.max_depth) + " levels");
      return false;
    }
    pos_ += 2;
    int braces = 1;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') newline_at(pos_);
      if (c == '{') ++braces;
      if (c == '}' && --braces == 0) {
        ++pos_;
        return true;
      }
      if (c == '"') {
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\n') {
          if (s_[pos_] == '$' && peek(1) == '{') {
            if (!skip_interpolation(depth + 1)) return false;
            continue;
          }
          pos_ += s_[pos_] == '\\' ? 2 : 1;
        }
        if (pos_ >= s_.size() || s_[pos_] == '\n') break;
      }
      ++pos_;
    }
    fail_at(begin, "unterminated ${ interpolation");
    return false;
  }

  // Reads a string (pos_ at the opening quote) into `out`. In template mode an interpolation
  // is kept verbatim in `out` and sets `interpolated`.
  bool read_string(std::string& out, bool& interpolated, size_t depth) {
    ++pos_;  // '"'
    while (true) {
      size_t run = pos_;
      while (run < s_.size()) {
        unsigned char c = static_cast<unsigned char>(s_[run]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        if (opt_.hcl_template && (c == '$' || c == '%')) break;
        ++run;
      }
      out.append(s_.data() + pos_, run - pos_);
      pos_ = run;
      if (at_end()) {
        fail("unterminated string: expected '\"', found end of input");
        return false;
      }
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c == '\n' || c == '\r') {
        fail("unterminated string: a line break cannot appear inside a string");
        return false;
      } else if (c < 0x20) {
        fail("control character " + describe() + " in a string must be escaped");
        return false;
      } else if (c >= 0x80) {
        utf8(out);
      } else if (!template_part(out, interpolated, depth)) {
        return false;
      }
    }
  }

  // `$` or `%` in template mode: an escape, an interpolation, a directive, or a plain byte.
  bool template_part(std::string& out, bool& interpolated, size_t depth) {
    char c = s_[pos_];
    if (peek(1) == c && peek(2) == '{') {  // $${ and %%{ are literal
      out += c;
      out += '{';
      pos_ += 3;
      return true;
    }
    if (peek(1) != '{') {
      out += c;
      ++pos_;
      return true;
    }
    if (c == '%') {
      fail("template directives (%{ ... }) are not supported here");
      return false;
    }
    size_t start = pos_;
    if (!skip_interpolation(depth + 1)) return false;
    out.append(s_.data() + start, pos_ - start);
    interpolated = true;
    return true;
  }

  bool escape(std::string& out) {
    json::Lexeme r = json::decode_escape(s_, pos_, out);
    if (!r.ok) {
      pos_ = r.error_at;
      fail(std::move(r.error));
      return false;
    }
    pos_ = r.end;
    return true;
  }

  // Copies one well-formed UTF-8 sequence, or writes U+FFFD for one invalid byte.
  void utf8(std::string& out) {
    size_t len = utf8_sequence_length(s_, pos_);
    if (len == 0) {
      append_utf8(out, 0xFFFD);
      ++pos_;
      return;
    }
    out.append(s_.data() + pos_, len);
    pos_ += len;
  }

  Value number() {
    Position begin = here();
    size_t start = pos_;
    json::Lexeme r = json::scan_number(s_, pos_);
    if (!r.ok) {
      pos_ = r.error_at;
      fail(std::move(r.error));
      return {};
    }
    pos_ = r.end;
    Range range{begin, here()};
    std::string_view text = s_.substr(start, pos_ - start);
    double d = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), d);
    if (res.ec == std::errc::result_out_of_range) {
      d = std::strtod(std::string(text).c_str(), nullptr);  // underflow gives 0 or a denormal
      if (std::isinf(d)) {
        result_.warnings.push_back({"number " + std::string(text) + " is too large", begin});
        return Value::unknown(std::string(text), range);
      }
    }
    return Value::number(d, range);
  }
};

}  // namespace

JsonReadResult read_json(std::string_view text, const JsonReadOptions& options) {
  return Reader(text, options).run();
}

}  // namespace clearance
