// Instruction nodes. Flags are read only where the builder reads them (FROM, RUN, COPY, ADD,
// HEALTHCHECK); exec form is a JSON array of strings, anything else is shell form (the builder
// falls back the same way). A RUN's command includes its heredoc bodies, because with
// `RUN <<EOF` the script is the body.
#include "parse/dockerfile/dockerfile_instruction.h"

#include <cctype>

namespace clearance::dockerfile {

namespace {

std::string upper(std::string_view t) {
  std::string out(t);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool takes_flags(const std::string& kw) {
  return kw == "FROM" || kw == "RUN" || kw == "COPY" || kw == "ADD" || kw == "HEALTHCHECK";
}

bool takes_exec_form(const std::string& kw) {
  return kw == "RUN" || kw == "CMD" || kw == "ENTRYPOINT" || kw == "SHELL" || kw == "COPY" ||
         kw == "ADD" || kw == "VOLUME";
}

std::string trim(std::string_view t) {
  size_t b = 0, e = t.size();
  while (b < e && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(t[e - 1]))) --e;
  return std::string(t.substr(b, e - b));
}

class Builder {
 public:
  Builder(const LogicalLine& l, const LineIndex& ix, char esc) : l_(l), ix_(ix), esc_(esc) {}

  Instruction build() {
    const std::string& t = l_.text;
    size_t k = skip_blanks(t, 0);
    size_t kw_end = k;
    while (kw_end < t.size() &&
           (std::isalnum(static_cast<unsigned char>(t[kw_end])) || t[kw_end] == '_'))
      ++kw_end;
    out_.node.kind = "instruction";
    out_.node.type = upper(std::string_view(t).substr(k, kw_end - k));
    out_.node.range = ix_.range(l_.begin, l_.end);
    size_t pos = kw_end;
    if (takes_flags(out_.node.type)) pos = flags(pos);
    body(pos);
    heredocs();
    return std::move(out_);
  }

 private:
  Range at(size_t b, size_t e) const { return logical_range(l_, ix_, b, e); }
  void set(std::string name, Value v, Range r) {
    out_.node.attributes.push_back({std::move(name), std::move(v), r});
  }

  /// Reads leading `--name[=value]` words into the `flags` object; returns where they end.
  size_t flags(size_t pos) {
    std::vector<Member> members;
    size_t begin = skip_blanks(l_.text, pos), end = begin;
    for (const Word& w : split_words(l_.text, pos, esc_)) {
      std::string_view raw(l_.text.data() + w.begin, w.end - w.begin);
      if (raw.size() < 3 || raw.substr(0, 2) != "--") break;
      size_t eq = w.value.find('=');
      Member m;
      m.key = w.value.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      m.key_range = at(w.begin, w.end);
      m.value = eq == std::string::npos ? Value::boolean(true, m.key_range)
                                        : Value::string(w.value.substr(eq + 1), m.key_range);
      members.push_back(std::move(m));
      pos = end = w.end;
    }
    set("flags", Value::object(std::move(members), at(begin, end)), at(begin, end));
    return pos;
  }

  void body(size_t pos) {
    const std::string& kw = out_.node.type;
    const std::string& t = l_.text;
    bool unterminated = false;
    out_.words = split_words(t, pos, esc_, &unterminated);
    size_t rest_begin = skip_blanks(t, pos);
    Range rest_range = at(rest_begin, t.size());
    if (kw == "ENV" || kw == "ARG" || kw == "LABEL") {
      pairs(pos);
    } else if (unterminated && kw != "RUN" && kw != "CMD" && kw != "ENTRYPOINT") {
      out_.problems.push_back("unterminated quote");
    }
    if (kw == "HEALTHCHECK") {
      // HEALTHCHECK [flags] NONE | HEALTHCHECK [flags] CMD <command>
      if (!out_.words.empty() && upper(out_.words[0].value) == "CMD") {
        set("subcommand", Value::string("CMD", at(out_.words[0].begin, out_.words[0].end)),
            at(out_.words[0].begin, out_.words[0].end));
        command(out_.words[0].end, true);
      } else if (!out_.words.empty() && upper(out_.words[0].value) == "NONE") {
        set("subcommand", Value::string("NONE", rest_range), rest_range);
        arguments(out_.words);
      } else {
        out_.problems.push_back("needs CMD or NONE");
        arguments(out_.words);
      }
      return;
    }
    if (takes_exec_form(kw)) {
      command(pos, kw == "RUN" || kw == "CMD" || kw == "ENTRYPOINT" || kw == "SHELL");
      return;
    }
    arguments(out_.words);
    set("command", Value::string(trim(std::string_view(t).substr(rest_begin)), rest_range),
        rest_range);
    if (kw == "USER" && !out_.words.empty()) user(out_.words[0]);
    if (out_.words.empty() && kw != "ARG") out_.problems.push_back("needs arguments");
  }

  /// Sets form, arguments and command from text[pos..] (exec form when it is a JSON array).
  void command(size_t pos, bool is_command) {
    const std::string& t = l_.text;
    size_t rest_begin = skip_blanks(t, pos);
    Range r = at(rest_begin, t.size());
    std::string text;
    if (auto json = parse_json_array(t, pos)) {
      set("form", Value::string("exec", r), r);
      for (const Word& w : *json) text += (text.empty() ? "" : " ") + w.value;
      arguments(*json);
    } else {
      set("form", Value::string("shell", r), r);
      text = trim(std::string_view(t).substr(rest_begin));
      arguments(split_words(t, pos, esc_));
      if (out_.node.type == "SHELL") out_.problems.push_back("needs a JSON array");
    }
    if (out_.node.type == "RUN")
      for (const Heredoc& h : l_.heredocs) text += "\n" + h.body;
    if (text.empty() && l_.heredocs.empty()) out_.problems.push_back("needs arguments");
    if (is_command || !text.empty()) set("command", Value::string(std::move(text), r), r);
  }

  void arguments(const std::vector<Word>& words) {
    std::vector<Value> items;
    items.reserve(words.size());
    for (const Word& w : words) items.push_back(Value::string(w.value, at(w.begin, w.end)));
    Range r = words.empty() ? out_.node.range : at(words.front().begin, words.back().end);
    set("arguments", Value::list(std::move(items), r), r);
  }

  void user(const Word& w) {
    Range r = at(w.begin, w.end);
    size_t colon = w.value.find(':');
    set("user", Value::string(w.value.substr(0, colon), r), r);
    if (colon != std::string::npos) set("group", Value::string(w.value.substr(colon + 1), r), r);
  }

  void pairs(size_t pos) {
    const std::string& kw = out_.node.type;
    std::vector<Pair> ps =
        parse_pairs(l_.text, pos, esc_, kw != "ARG", kw == "ARG", &out_.problems);
    if (ps.empty() && out_.problems.empty()) out_.problems.push_back("needs arguments");
    for (Pair& p : ps) {
      Node child;
      child.kind = "pair";
      child.type = p.key;
      child.name = p.key;
      child.range = at(p.begin, p.end);
      Range kr = at(p.key_begin, p.key_end);
      child.attributes.push_back({"key", Value::string(p.key, kr), kr});
      if (p.value) {
        Range vr = at(p.value_begin, p.value_end);
        Value v = p.expands ? Value::unknown(p.raw_value, vr) : Value::string(*p.value, vr);
        child.attributes.push_back({"value", std::move(v), vr});
        child.attributes.push_back({"raw_value", Value::string(p.raw_value, vr), vr});
      }
      out_.node.children.push_back(std::move(child));
    }
  }

  void heredocs() {
    if (l_.heredocs.empty()) return;
    std::vector<Value> items;
    for (const Heredoc& h : l_.heredocs) {
      Range mr = ix_.range(h.marker_begin, h.marker_end);
      Range br = ix_.range(h.body_begin, h.body_end);
      std::vector<Member> m;
      m.push_back({"delimiter", Value::string(h.delimiter, mr), mr});
      m.push_back({"body", Value::string(h.body, br), br});
      items.push_back(Value::object(std::move(m), mr));
    }
    Range r = ix_.range(l_.heredocs.front().marker_begin, l_.end);
    set("heredocs", Value::list(std::move(items), r), r);
  }

  const LogicalLine& l_;
  const LineIndex& ix_;
  char esc_;
  Instruction out_;
};

}  // namespace

Range logical_range(const LogicalLine& line, const LineIndex& index, size_t begin, size_t end) {
  uint32_t b = line.source_offset(begin);
  uint32_t e = end > begin ? line.source_offset(end - 1) + 1 : b;
  return index.range(b, e);
}

Instruction build_instruction(const LogicalLine& line, const LineIndex& index, char escape) {
  return Builder(line, index, escape).build();
}

}  // namespace clearance::dockerfile
