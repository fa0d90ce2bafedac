// Dockerfile parser driver: lexes the file into logical instructions, builds one node per
// instruction, groups them into stages at each FROM, resolves FROM's base image with the
// defaults of the global ARGs, and reports lexer, tree-sitter and semantic problems as
// diagnostics.
#include "parse/dockerfile/dockerfile_parser.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "parse/dockerfile/dockerfile_image.h"
#include "parse/dockerfile/dockerfile_instruction.h"
#include "parse/dockerfile/dockerfile_lexer.h"
#include "parse/dockerfile/dockerfile_syntax.h"

namespace clearance {

namespace {

using namespace dockerfile;

const std::set<std::string, std::less<>> kKnown = {
    "ADD",    "ARG",   "CMD",         "COPY",  "ENTRYPOINT", "ENV",
    "EXPOSE", "FROM",  "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
    "RUN",    "SHELL", "STOPSIGNAL",  "USER",  "VOLUME",     "WORKDIR"};

std::string lower(std::string_view t) {
  std::string out(t);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The raw reference split at its separators, ignoring those inside `${...}`.
ImageRef split_raw(std::string_view raw) {
  std::string masked(raw);
  int depth = 0;
  for (size_t i = 0; i < masked.size(); ++i) {
    if (masked[i] == '$' && i + 1 < masked.size() && masked[i + 1] == '{')
      ++depth;
    else if (masked[i] == '}' && depth > 0)
      --depth;
    else if (depth > 0)
      masked[i] = 'x';
  }
  ImageRef m = split_image(masked);
  ImageRef out;
  size_t p = 0;
  out.name = std::string(raw.substr(p, m.name.size()));
  p += m.name.size();
  if (!m.tag.empty() || (p < raw.size() && raw[p] == ':')) {
    out.tag = std::string(raw.substr(p + 1, m.tag.size()));
    p += 1 + m.tag.size();
  }
  if (p < raw.size()) out.digest = std::string(raw.substr(p + 1));
  return out;
}

class StageBuilder {
 public:
  StageBuilder(Document& doc, const LineIndex& ix, char esc) : doc_(doc), ix_(ix), esc_(esc) {}

  /// Adds an ARG before the first FROM to the global scope.
  void global_arg(const Node& arg) {
    for (const Node& p : arg.children) {
      const Attribute* v = p.attribute("value");
      if (!v)
        args_[p.name] = std::nullopt;
      else if (v->value.is_string())
        args_[p.name] = v->value.as_string();
      else  // a default that refers to another ARG
        args_[p.name] = expand_or_unknown(v->value.as_string());
    }
  }

  /// Builds the stage node for a FROM instruction.
  Node stage(Instruction from) {
    Node st;
    st.kind = "stage";
    st.range = from.node.range;
    const auto& words = from.words;
    auto set = [&](std::string name, Value v, Range r) {
      st.attributes.push_back({std::move(name), std::move(v), r});
    };
    set("index", Value::number(static_cast<double>(index_), st.range), st.range);
    ++index_;
    if (const Attribute* f = from.node.attribute("flags"))
      if (const Value* p = f->value.get("platform")) set("platform", *p, p->range());
    if (words.empty()) {
      doc_.error("FROM needs an image", st.range);
    } else {
      image(st, words[0]);
      if (words.size() >= 3 && lower(words[1].value) == "as") {
        Range r = logical_range(*line_, ix_, words[2].begin, words[2].end);
        st.name = words[2].value;
        set("alias", Value::string(st.name, r), r);
      } else if (words.size() > 1) {
        doc_.error("FROM takes an image and an optional AS name", st.range);
      }
    }
    if (!st.name.empty()) aliases_.insert(lower(st.name));
    st.children.push_back(std::move(from.node));
    return st;
  }

  void set_line(const LogicalLine* l) { line_ = l; }

 private:
  std::optional<std::string> expand_or_unknown(const std::string& raw) {
    std::string missing;
    return expand_args(raw, args_, esc_, &missing);
  }

  /// Resolves one part of the reference; Unknown with the raw text when it cannot be.
  Value part(const std::string& raw, Range r, bool* known) {
    std::string missing;
    if (auto v = expand_args(raw, args_, esc_, &missing)) return Value::string(*v, r);
    *known = false;
    return Value::unknown(raw, r);
  }

  void image(Node& st, const Word& w) {
    Range r = logical_range(*line_, ix_, w.begin, w.end);
    std::string raw = line_->text.substr(w.begin, w.end - w.begin);
    std::string missing;
    ImageRef ref;
    bool known = true;
    Value name, tag, digest, whole;
    if (auto full = expand_args(raw, args_, esc_, &missing)) {
      ref = split_image(*full);
      name = Value::string(ref.name, r);
      tag = Value::string(ref.tag, r);
      digest = Value::string(ref.digest, r);
      whole = Value::string(*full, r);
    } else {
      ref = split_raw(raw);
      name = part(ref.name, r, &known);
      tag = part(ref.tag, r, &known);
      digest = part(ref.digest, r, &known);
      whole = Value::unknown(raw, r);
      known = false;
    }
    st.type = name.is_string() ? name.as_string() : ref.name;
    st.attributes.push_back({"image", name, r});
    if (!ref.tag.empty()) st.attributes.push_back({"tag", tag, r});
    if (!ref.digest.empty()) st.attributes.push_back({"digest", digest, r});
    st.attributes.push_back({"reference", whole, r});
    bool earlier = known && ref.tag.empty() && ref.digest.empty() &&
                   aliases_.count(lower(name.as_string())) > 0;
    st.attributes.push_back({"from_stage", Value::boolean(earlier, r), r});
  }

  Document& doc_;
  const LineIndex& ix_;
  char esc_;
  const LogicalLine* line_ = nullptr;
  ArgMap args_;
  std::set<std::string> aliases_;
  int index_ = 0;
};

/// Whether the tree-sitter grammar models this instruction's syntax faithfully. Shell text
/// (RUN, CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD in shell form) is free-form for the builder
/// but not for the grammar (`[ -s f ]`, `<` in a line), nor is the legacy `ENV KEY a b`, nor
/// `ARG A B`, nor are escapes inside words (`B=\"q\"`).
bool grammar_covers(const Instruction& ins, const LogicalLine& line, char escape) {
  const std::string& kw = ins.node.type;
  if (line.text.find(escape) != std::string::npos) return false;
  if (kw == "ONBUILD" || kw == "MAINTAINER") return false;
  if (kw == "RUN" || kw == "CMD" || kw == "ENTRYPOINT" || kw == "HEALTHCHECK") {
    const Attribute* form = ins.node.attribute("form");
    return form && form->value.as_string() == "exec" && kw != "HEALTHCHECK";
  }
  if (kw == "ARG") return ins.words.size() == 1;  // the grammar knows one name per ARG
  if (kw == "ENV" || kw == "LABEL")
    return !ins.words.empty() && ins.words[0].value.find('=') != std::string::npos;
  return true;
}

void extend(Range& outer, const Range& inner) {
  if (outer.end < inner.end) outer.end = inner.end;
}

}  // namespace

void parse_dockerfile(Document& doc) {
  doc.root = Node{};
  doc.root.kind = "dockerfile";
  LineIndex ix(doc.source);
  doc.root.range = ix.range(0, static_cast<uint32_t>(doc.source.size()));
  Lexed lx = lex(doc.source);
  for (const LexProblem& p : lx.problems) doc.error(p.message, ix.range(p.begin, p.end));
  SyntaxChecker syntax;
  StageBuilder stages(doc, ix, lx.escape);
  bool in_stage = false;
  for (const LogicalLine& line : lx.lines) {
    Instruction ins = build_instruction(line, ix, lx.escape);
    const std::string kw = ins.node.type;
    for (const std::string& p : ins.problems) doc.error(kw + ": " + p, ins.node.range);
    if (kKnown.count(kw) == 0) {
      doc.error("unknown instruction '" + kw + "'", ins.node.range);
    } else if (ins.problems.empty() && grammar_covers(ins, line, lx.escape)) {
      for (const LexProblem& p : syntax.check(doc.source, line, lx.escape))
        doc.error(kw + ": " + p.message, ix.range(p.begin, p.end));
    }
    stages.set_line(&line);
    if (kw == "FROM") {
      doc.root.children.push_back(stages.stage(std::move(ins)));
      in_stage = true;
      continue;
    }
    if (!in_stage) {
      if (kw == "ARG")
        stages.global_arg(ins.node);
      else
        doc.error(kw + " before the first FROM", ins.node.range);
      doc.root.children.push_back(std::move(ins.node));
      continue;
    }
    Node& stage = doc.root.children.back();
    extend(stage.range, ins.node.range);
    stage.children.push_back(std::move(ins.node));
  }
}

}  // namespace clearance
