// The one list of named predicates that rule YAML may call. Add a line per predicate.
#include "engine/predicate.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {
constexpr PredicateEntry kPredicates[] = {
    {"always_pass", &predicate_always_pass},
    {"iam_no_wildcard", &predicate_iam_no_wildcard},
    {"s3_no_public_policy", &predicate_s3_no_public_policy},
    {"s3_https_only", &predicate_s3_https_only},
    {"rds_force_ssl", &predicate_rds_force_ssl},
    {"sg_public_ingress", &predicate_sg_public_ingress},
    {"rotation_within", &predicate_rotation_within},
    {"secret_scan", &predicate_secret_scan},
    {"dotenv_file", &predicate_dotenv_file},
    {"dotenv_key", &predicate_dotenv_key},
    {"dotenv_required_keys", &predicate_dotenv_required_keys},
    {"dotenv_secret_length", &predicate_dotenv_secret_length},
    {"dotenv_secret_strength", &predicate_dotenv_secret_strength},
    {"dotenv_secret_unique", &predicate_dotenv_secret_unique},
    {"dotenv_db_password_complexity", &predicate_dotenv_db_password_complexity},
    {"dotenv_no_placeholder", &predicate_dotenv_no_placeholder},
    {"dotenv_cors_origin", &predicate_dotenv_cors_origin},
    {"dotenv_production_mode", &predicate_dotenv_production_mode},
    {"dotenv_live_api_key", &predicate_dotenv_live_api_key},
    {"dotenv_in_git_work_tree", &predicate_dotenv_in_git_work_tree},
    {"dotenv_not_committed", &predicate_dotenv_not_committed},
    {"dockerfile_final_stage", &predicate_dockerfile_final_stage},
    {"dockerfile_in_final_image", &predicate_dockerfile_in_final_image},
    {"dockerfile_non_root_user", &predicate_dockerfile_non_root_user},
    {"dockerfile_healthcheck", &predicate_dockerfile_healthcheck},
    {"dockerfile_pinned_image", &predicate_dockerfile_pinned_image},
    {"dockerfile_no_secrets", &predicate_dockerfile_no_secrets},
    {"dockerfile_slim_install", &predicate_dockerfile_slim_install},
    {"dockerfile_add_for_local", &predicate_dockerfile_add_for_local},
    {"nginx_applies", &predicate_nginx_applies},
    {"nginx_hsts", &predicate_nginx_hsts},
    {"nginx_x_frame_options", &predicate_nginx_x_frame_options},
    {"nginx_x_content_type_options", &predicate_nginx_x_content_type_options},
    {"nginx_header_redefinition", &predicate_nginx_header_redefinition},
    {"nginx_https_redirect", &predicate_nginx_https_redirect},
    {"nginx_tls_protocols", &predicate_nginx_tls_protocols},
    {"nginx_tls_certificate", &predicate_nginx_tls_certificate},
    {"nginx_rate_limiting", &predicate_nginx_rate_limiting},
    {"nginx_cors_restricted", &predicate_nginx_cors_restricted},
    {"nginx_server_tokens", &predicate_nginx_server_tokens},
    {"ecs_no_plaintext_secrets", &predicate_ecs_no_plaintext_secrets},
    {"ecs_image_pinned", &predicate_ecs_image_pinned},
    {"ecs_resources", &predicate_ecs_resources},
    {"ecs_role_set", &predicate_ecs_role_set},
};
}  // namespace

PredicateFn find_predicate(std::string_view name) {
  for (const auto& p : kPredicates)
    if (p.name == name) return p.fn;
  return nullptr;
}

std::vector<PredicateEntry> all_predicates() {
  return std::vector<PredicateEntry>(std::begin(kPredicates), std::end(kPredicates));
}

}  // namespace clearance
