// One named call per format's semantics, in dependency order.
#include "resolve/resolve.h"

#include "resolve/dotenv/dotenv_groups.h"
#include "resolve/ecs/ecs_terraform.h"
#include "resolve/nginx/nginx_resolve.h"

namespace clearance {

void resolve_workspace(Workspace& ws) {
  resolve_dotenv(ws);
  resolve_nginx(ws);
  resolve_ecs_in_terraform(ws);  // after Terraform evaluation: it reads evaluated values
}

}  // namespace clearance
