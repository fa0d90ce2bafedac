// nginx `include` resolution: each nginx document gets the directives of the files it
// includes spliced in place, as nginx itself reads them.
//
// Where a pattern is looked for, in order (the first place where it matches wins):
//   1. the conf prefix: the directory of the nearest `nginx.conf` at or above the document
//      (the document's own directory when there is none), as nginx resolves relative includes;
//   2. the including file's directory, then its parent directories up to the scan root, since
//      repositories keep configuration in folders of their own;
//   an absolute pattern is tried as written (inside the scan root only), then by its trailing
//   segments under the places above (`/etc/nginx/conf.d/*.conf` finds `conf.d/*.conf`).
// Globs are expanded and sorted like glob(3). The `include` directive stays in the tree with
// attribute "resolved" (the display paths of the files found), followed by the spliced
// directives, each carrying attribute "file" (the display path of its file). A missing file is
// a Warning (a Note for files nginx installations ship, such as mime.types; a glob matching
// nothing is a Note, as nginx accepts it); a cycle is an Error naming the chain; nesting is
// capped. A document included by another scanned document gets root attribute "included_by"
// (a list of paths): rules then check it where it is included, not on its own.
#pragma once

#include "engine/workspace.h"
#include "resolve/nginx/config_files.h"

namespace clearance {

/// Splices includes into every Format::Nginx document of `ws`. Files that are not documents
/// of `ws` are read through `files` (absolute paths, `ws.root` joined with relative paths).
void resolve_nginx_includes(Workspace& ws, const ConfigFiles& files);

}  // namespace clearance
