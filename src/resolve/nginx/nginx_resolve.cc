// Wires the real file system (confined to the scan root) into include resolution.
#include "resolve/nginx/nginx_resolve.h"

#include "resolve/nginx/config_files.h"
#include "resolve/nginx/nginx_includes.h"

namespace clearance {

void resolve_nginx(Workspace& ws) {
  DiskConfigFiles disk(ws.root);
  resolve_nginx_includes(ws, disk);
}

}  // namespace clearance
