// Templates: quoted strings with interpolations, heredocs and %{ if } / %{ for } directives.
//
// The grammar's literal chunks do not cover the whitespace between them, so literal text is
// taken from the source between the structural parts (the "gaps"), which is exact by
// construction. Strip markers (`~`) trim the neighbouring literals as they are met; `<<-`
// heredocs then lose their common indentation; a template made only of literals folds into
// one string.
#include <algorithm>
#include <cstdint>
#include <utility>

#include "parse/terraform/hcl_expression.h"
#include "parse/terraform/hcl_text.h"

namespace clearance::hcl {

using Kind = Expression::Kind;

struct ExpressionBuilder::TemplateState {
  bool heredoc = false;
  bool strip_next = false;  // a `~}` asked to trim the start of the next literal
};

namespace {

// Trims the end of the last literal (a `${~` or `%{~` follows it).
void strip_prev(std::vector<Expression>& parts) {
  if (parts.empty() || !is_string_part(parts.back())) return;
  const std::string& s = parts.back().literal.as_string();
  size_t keep = s.size();
  while (keep > 0 && is_space(s[keep - 1])) --keep;
  if (keep != s.size()) set_string(parts.back(), s.substr(0, keep));
}

// Which sides of a directive or interpolation carry a strip marker.
struct Markers {
  bool left = false, right = false;
};

Markers markers(const Children& kids, TSSymbol strip) {
  Markers m;
  size_t n = kids.size();
  if (n > 1 && ts_node_symbol(kids[1]) == strip) m.left = true;
  if (n > 3 && ts_node_symbol(kids[n - 2]) == strip) m.right = true;
  return m;
}

}  // namespace

void ExpressionBuilder::gap(Mark from, Mark to, std::vector<Expression>& parts, TemplateState& st) {
  if (to.byte <= from.byte || to.byte > src_.size()) {
    st.strip_next = false;
    return;
  }
  std::string_view raw = src_.substr(from.byte, to.byte - from.byte);
  std::string text = st.heredoc ? decode_heredoc(raw) : decode_quoted(raw);
  if (st.strip_next) {
    size_t skip = 0;
    while (skip < text.size() && is_space(text[skip])) ++skip;
    text.erase(0, skip);
    st.strip_next = false;
  }
  Range r{position(from.point), position(to.point)};
  Expression e;
  e.kind = Kind::Literal;
  e.literal = Value::string(std::move(text), r);
  e.range = r;
  e.text = std::string(raw);
  parts.push_back(std::move(e));
}

bool ExpressionBuilder::template_boundary(TSNode c, Mark& cursor, std::vector<Expression>& parts,
                                          TemplateState& st) {
  TSSymbol s = ts_node_symbol(c);
  if (s == sym_.template_literal || s == sym_.comment || !ts_node_is_named(c)) return false;
  if (s == sym_.quoted_template_start || s == sym_.quoted_template_end || s == sym_.heredoc_start ||
      s == sym_.heredoc_identifier)
    return false;
  gap(cursor, start_mark(c), parts, st);
  if (s == sym_.template_interpolation) {
    Children kids(pool_, c);
    Markers m = markers(kids, sym_.strip_marker);
    if (m.left) strip_prev(parts);
    Expression inner;
    for (TSNode x : kids)
      if (ts_node_symbol(x) == sym_.expression) inner = build_child(x);
    if (inner.text.empty()) inner = other(c);
    parts.push_back(std::move(inner));
    st.strip_next = m.right;
  } else if (s == sym_.template_directive) {
    TSNode d = ts_node_named_child(c, 0);
    TSSymbol ds = ts_node_is_null(d) ? 0 : ts_node_symbol(d);
    Expression e = ds == sym_.template_if    ? template_if(d, parts, st)
                   : ds == sym_.template_for ? template_for(d, parts, st)
                                             : other(c);
    parts.push_back(std::move(e));
  } else {
    parts.push_back(other(c));  // an ERROR node inside the template
  }
  cursor = end_mark(c);
  return true;
}

void ExpressionBuilder::template_parts(TSNode container, size_t first, Mark cursor, Mark end,
                                       std::vector<Expression>& parts, TemplateState& st) {
  Children kids(pool_, container);
  for (size_t i = first; i < kids.size(); ++i) template_boundary(kids[i], cursor, parts, st);
  gap(cursor, end, parts, st);
}

Expression ExpressionBuilder::template_if(TSNode n, std::vector<Expression>& outer,
                                          TemplateState& st) {
  if (depth_ >= kMaxExpressionDepth) return too_deep(n);
  ++depth_;
  Children kids(pool_, n);
  Expression cond;
  std::vector<Expression> bodies[2];
  int cur = 0;
  Mark cursor = start_mark(n);
  Mark body_begin[2] = {start_mark(n), start_mark(n)};
  Mark body_end[2] = {end_mark(n), end_mark(n)};
  for (TSNode c : kids) {
    TSSymbol s = ts_node_symbol(c);
    if (s == sym_.template_if_intro || s == sym_.template_else_intro || s == sym_.template_if_end) {
      Children mk(pool_, c);
      Markers m = markers(mk, sym_.strip_marker);
      if (s == sym_.template_if_intro) {
        if (m.left) strip_prev(outer);
        for (TSNode x : mk)
          if (ts_node_symbol(x) == sym_.expression) cond = build_child(x);
        body_begin[0] = end_mark(c);
      } else {
        gap(cursor, start_mark(c), bodies[cur], st);
        if (m.left) strip_prev(bodies[cur]);
        drop_empty_literals(bodies[cur]);
        body_end[cur] = start_mark(c);
        if (s == sym_.template_else_intro) {
          cur = 1;
          body_begin[1] = end_mark(c);
        }
      }
      st.strip_next = m.right;
      cursor = end_mark(c);
    } else {
      template_boundary(c, cursor, bodies[cur], st);
    }
  }
  --depth_;
  if (cond.text.empty()) return other(n);
  Expression e = make(Kind::TemplateIf, n);
  e.children.push_back(std::move(cond));
  for (int i = 0; i <= cur; ++i) {
    Expression body = make(Kind::Template, body_begin[i], body_end[i]);
    body.children = std::move(bodies[i]);
    e.children.push_back(std::move(body));
  }
  return e;
}

Expression ExpressionBuilder::template_for(TSNode n, std::vector<Expression>& outer,
                                           TemplateState& st) {
  if (depth_ >= kMaxExpressionDepth) return too_deep(n);
  ++depth_;
  Children kids(pool_, n);
  Expression e = make(Kind::TemplateFor, n);
  Expression collection;
  std::vector<Expression> body;
  Mark cursor = start_mark(n), body_begin = start_mark(n), body_end = end_mark(n);
  for (TSNode c : kids) {
    TSSymbol s = ts_node_symbol(c);
    if (s == sym_.template_for_start || s == sym_.template_for_end) {
      Children mk(pool_, c);
      Markers m = markers(mk, sym_.strip_marker);
      if (s == sym_.template_for_start) {
        if (m.left) strip_prev(outer);
        for (TSNode x : mk) {
          TSSymbol xs = ts_node_symbol(x);
          if (xs == sym_.identifier) {
            if (!e.op.empty()) e.op += ',';
            e.op += text_of(src_, x);
          } else if (xs == sym_.expression) {
            collection = build_child(x);
          }
        }
        body_begin = end_mark(c);
      } else {
        gap(cursor, start_mark(c), body, st);
        if (m.left) strip_prev(body);
        drop_empty_literals(body);
        body_end = start_mark(c);
      }
      st.strip_next = m.right;
      cursor = end_mark(c);
    } else {
      template_boundary(c, cursor, body, st);
    }
  }
  --depth_;
  if (collection.text.empty()) return other(n);
  e.children.push_back(std::move(collection));
  Expression b = make(Kind::Template, body_begin, body_end);
  b.children = std::move(body);
  e.children.push_back(std::move(b));
  return e;
}

Expression ExpressionBuilder::finish_template(std::vector<Expression> parts, TSNode n, bool flush) {
  if (flush) flush_heredoc(parts);
  drop_empty_literals(parts);
  Range r = range_of(n);
  if (std::all_of(parts.begin(), parts.end(), is_string_part)) {
    std::string s;
    if (parts.size() == 1) {
      s = parts[0].literal.as_string();
    } else {
      for (const auto& p : parts) s += p.literal.as_string();
    }
    Expression e;
    e.kind = Kind::Literal;
    e.literal = Value::string(std::move(s), r);
    e.range = r;
    return e;
  }
  Expression e = make(Kind::Template, n);
  e.children = std::move(parts);
  return e;
}

Expression ExpressionBuilder::quoted_template(TSNode n) {
  uint32_t count = ts_node_child_count(n);
  if (count < 2) return other(n);
  TemplateState st;
  std::vector<Expression> parts;
  TSNode open = ts_node_child(n, 0);
  TSNode close = ts_node_child(n, count - 1);
  Mark end = ts_node_symbol(close) == sym_.quoted_template_end ? start_mark(close) : end_mark(n);
  template_parts(n, 1, end_mark(open), end, parts, st);
  return finish_template(std::move(parts), n, false);
}

Expression ExpressionBuilder::heredoc(TSNode n) {
  uint32_t count = ts_node_child_count(n);
  if (count < 2) return other(n);
  TemplateState st;
  st.heredoc = true;
  bool flush = text_of(src_, ts_node_child(n, 0)) == "<<-";
  TSNode open = ts_node_child(n, 1);
  // Content starts on the line after the opening marker and ends where the closing
  // marker's line begins (its indentation is not content).
  Mark begin = end_mark(n);
  uint32_t open_end = ts_node_end_byte(open);
  size_t nl = src_.find('\n', open_end);
  if (nl != std::string_view::npos && nl < ts_node_end_byte(n)) {
    begin = {static_cast<uint32_t>(nl + 1), {ts_node_end_point(open).row + 1, 0}};
  }
  Mark end = begin;
  TSNode close = ts_node_child(n, count - 1);
  if (count > 2 && ts_node_symbol(close) == sym_.heredoc_identifier) {
    uint32_t cb = ts_node_start_byte(close);
    size_t line = src_.rfind('\n', cb == 0 ? 0 : cb - 1);
    if (line != std::string_view::npos && line + 1 >= begin.byte && cb > 0) {
      end = {static_cast<uint32_t>(line + 1), {ts_node_start_point(close).row, 0}};
    }
  }
  std::vector<Expression> parts;
  if (end.byte > begin.byte) template_parts(n, 2, begin, end, parts, st);
  return finish_template(std::move(parts), n, flush);
}

}  // namespace clearance::hcl
