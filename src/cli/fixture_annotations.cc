// Parsing and blanking of fixture annotations.
#include "cli/fixture_annotations.h"

#include <re2/re2.h>

namespace clearance {

std::vector<Expectation> take_annotations(const std::string& path, std::string& source) {
  static const re2::RE2 kAnnotation(R"(^\s*(?:#|//)\s*(expect|ok|expect-undetermined):\s*([a-z0-9][a-z0-9, -]*?)\s*$)");
  std::vector<Expectation> out;
  std::vector<size_t> pending;  // indexes of annotations waiting for their target line
  uint32_t line = 1;
  size_t pos = 0;
  while (pos <= source.size()) {
    size_t end = source.find('\n', pos);
    if (end == std::string::npos) end = source.size();
    std::string_view text(source.data() + pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    std::string kind, ids;
    if (re2::RE2::FullMatch(text, kAnnotation, &kind, &ids)) {
      size_t start = 0;
      while (start <= ids.size()) {
        size_t comma = ids.find(',', start);
        if (comma == std::string::npos) comma = ids.size();
        std::string id = ids.substr(start, comma - start);
        while (!id.empty() && id.front() == ' ') id.erase(id.begin());
        while (!id.empty() && id.back() == ' ') id.pop_back();
        if (!id.empty()) {
          Expectation e;
          e.kind = kind == "expect"  ? Expectation::Kind::Fire
                   : kind == "ok"    ? Expectation::Kind::NoFire
                                     : Expectation::Kind::Undetermined;
          e.rule_id = id;
          e.path = path;
          e.annotation_line = line;
          pending.push_back(out.size());
          out.push_back(std::move(e));
        }
        start = comma + 1;
      }
      // Blank the annotation, keeping the line break so every later line keeps its number.
      source.erase(pos, text.size());
      end = pos;
    } else if (!pending.empty()) {
      for (size_t idx : pending) out[idx].line = line;
      pending.clear();
    }
    if (end >= source.size()) break;
    pos = end + 1;
    ++line;
  }
  return out;  // annotations at the very end keep line 0 and are reported as dangling
}

}  // namespace clearance
