// NginxView: the configuration contexts of one resolved nginx document (http, server,
// location, nested location, `if`) and the response headers nginx sends from each of them.
//
// Header inheritance follows ngx_http_headers_module: a level with any `add_header` sends only
// its own; a level without one inherits the previous level's list; `add_header_inherit merge`
// appends the previous level's list, `add_header_inherit off` drops it (the mode itself is
// inherited). `more_set_headers` (headers-more) is tracked the same way in its own list. A
// header whose value is empty is never sent, but still stops inheritance. Every header keeps
// the Location (file and range) of the directive defining it, across included files.
//
// Servers inside `stream {}` or `mail {}` are not HTTP contexts: they are left out.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/document.h"

namespace clearance {

/// One response header as an `add_header` or `more_set_headers` defines it.
struct HeaderDef {
  std::string name;     ///< as written
  std::string value;    ///< as written (variables verbatim)
  bool always = false;  ///< sent for every status code (`always`; more_set_headers without -s)
  Location location;    ///< the defining directive
  const Node* node = nullptr;
};

/// An http, server, location or if block, with its resolved header list.
struct NginxContext {
  enum class Kind { Main, Http, Server, Location, If };
  Kind kind = Kind::Main;
  const Node* node = nullptr;  ///< the block directive (the document root for Main)
  std::string file;            ///< display path of the file holding `node`
  std::string doc_path;        ///< the document's path (for nodes not from an included file)
  const NginxContext* parent = nullptr;
  std::vector<std::unique_ptr<NginxContext>> children;
  std::vector<HeaderDef> own;   ///< defined at this level
  std::vector<HeaderDef> sent;  ///< what nginx sends from here (inheritance applied)
  bool inherited = true;        ///< `sent` came from the previous level unchanged
  /// The directives directly in this block by name, in order, so that lookups (and the
  /// inheritance walks above them) do not scan blocks with thousands of children each time.
  std::unordered_map<std::string_view, std::vector<const Node*>> by_name;

  /// The block's header line (file and the directive's first line).
  Location header_location() const;
  /// Location of any directive node inside this context's file set.
  Location location_of(const Node& n) const;
  /// The first directive named `name` directly in this block, or nullptr.
  const Node* directive(std::string_view name) const;
  /// Every directive named `name` directly in this block, in order.
  const std::vector<const Node*>& directives(std::string_view name) const;
  /// The directive named `name` in force here: this block's, else the nearest enclosing one's
  /// (standard nginx inheritance for value directives). nullptr when nowhere.
  const Node* inherited_directive(std::string_view name) const;
  /// Sent headers named `name` (case-insensitive), empty-valued ones excluded.
  std::vector<const HeaderDef*> find(std::string_view name) const;
  /// "server example.com", "location /api in server example.com", "http".
  std::string describe() const;
  /// The first server_name of the server this context belongs to ("" when none).
  std::string server_name() const;
};

/// All contexts of a document, and the `map` blocks that define variables.
class NginxView {
 public:
  /// Builds the view of `doc` (after include resolution).
  explicit NginxView(const Document& doc);

  const NginxContext& main() const { return main_; }
  /// Every HTTP server block, in source order.
  const std::vector<const NginxContext*>& servers() const { return servers_; }
  /// Every context (http, server, location, if) in source order, main excluded.
  const std::vector<const NginxContext*>& contexts() const { return all_; }
  /// The values a header value may take: itself when it has no variables; the values of a
  /// `map` that defines it when it is exactly one `$variable` (the default included, "" when
  /// the map has none); nullopt when unknown.
  std::optional<std::vector<std::string>> possible_values(std::string_view value) const;
  /// The `map` directive that defines `$name` (name without `$`), or nullptr.
  const Node* map_for(std::string_view name) const;

 private:
  void build(NginxContext& ctx, bool in_stream);

  const Document& doc_;
  NginxContext main_;
  std::vector<const NginxContext*> servers_;
  std::vector<const NginxContext*> all_;
  std::vector<const Node*> maps_;
};

/// Case-insensitive ASCII comparison of header names.
bool header_name_equals(std::string_view a, std::string_view b);

}  // namespace clearance
