// One named call per format's semantics, in dependency order.
#include "resolve/resolve.h"

#include "resolve/dotenv/dotenv_groups.h"
#include "resolve/ecs/ecs_terraform.h"
#include "resolve/nginx/nginx_resolve.h"
#include "resolve/terraform/tf_ecs_files.h"
#include "resolve/terraform/tf_resolve.h"

namespace clearance {

void resolve_workspace(Workspace& ws) { resolve_workspace(ws, ResolveOptions{}); }

void resolve_workspace(Workspace& ws, const ResolveOptions& options) {
  resolve_dotenv(ws);
  resolve_nginx(ws);
  auto ecs_files = resolve_terraform(ws, options.terraform);
  resolve_ecs_in_terraform(ws);  // after Terraform evaluation: it reads evaluated values
  tf::place_ecs_file_definitions(ws, ecs_files);
}

}  // namespace clearance
