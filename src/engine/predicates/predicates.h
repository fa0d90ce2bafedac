// Declarations of every named predicate, grouped by format. Definitions live in one file per
// predicate family (engine/predicates/<format>_<topic>.cc).
#pragma once

#include "engine/predicate.h"

namespace clearance {

/// Passes every subject: used by tests of the predicate mechanism.
Outcome predicate_always_pass(const EvalContext& ctx, const Value& args);

// Terraform, AWS provider.
/// Allow statements granting "*" actions, or "service:*" on "*" resources.
Outcome predicate_iam_no_wildcard(const EvalContext& ctx, const Value& args);
/// A bucket policy Allow with Principal "*" and no Condition.
Outcome predicate_s3_no_public_policy(const EvalContext& ctx, const Value& args);
/// Some policy of the bucket denies aws:SecureTransport = false.
Outcome predicate_s3_https_only(const EvalContext& ctx, const Value& args);
/// A PostgreSQL database's parameter group sets rds.force_ssl = 1.
Outcome predicate_rds_force_ssl(const EvalContext& ctx, const Value& args);
/// Ingress from 0.0.0.0/0 or ::/0 to args.ports (or every port when args.all_ports).
Outcome predicate_sg_public_ingress(const EvalContext& ctx, const Value& args);
Outcome predicate_rotation_within(const EvalContext& ctx, const Value& args);

// Committed secrets (every text file).
/// One blame per secret found by args.detector in the document (scanned once for all detectors).
Outcome predicate_secret_scan(const EvalContext& ctx, const Value& args);

// .env files.
/// Applies args' condition to the env file itself (template/production filters).
Outcome predicate_dotenv_file(const EvalContext& ctx, const Value& args);
/// Checks the entries whose key matches args.
Outcome predicate_dotenv_key(const EvalContext& ctx, const Value& args);
/// Every key of the file's template is present.
Outcome predicate_dotenv_required_keys(const EvalContext& ctx, const Value& args);
/// Secrets are at least their minimum length.
Outcome predicate_dotenv_secret_length(const EvalContext& ctx, const Value& args);
/// Secrets are not low-entropy, repeated, sequential or dictionary-like.
Outcome predicate_dotenv_secret_strength(const EvalContext& ctx, const Value& args);
/// No two secrets share a value.
Outcome predicate_dotenv_secret_unique(const EvalContext& ctx, const Value& args);
/// Database passwords meet length and character-class requirements.
Outcome predicate_dotenv_db_password_complexity(const EvalContext& ctx, const Value& args);
/// No empty values or placeholders in a real env file.
Outcome predicate_dotenv_no_placeholder(const EvalContext& ctx, const Value& args);
/// CORS origins are restricted (no *, no localhost, https in production).
Outcome predicate_dotenv_cors_origin(const EvalContext& ctx, const Value& args);
/// Production files run in production mode without debug flags.
Outcome predicate_dotenv_production_mode(const EvalContext& ctx, const Value& args);
/// Production API keys have the provider's live form.
Outcome predicate_dotenv_live_api_key(const EvalContext& ctx, const Value& args);
/// The scan root is inside a git work tree.
Outcome predicate_dotenv_in_git_work_tree(const EvalContext& ctx, const Value& args);
/// A real env file is neither tracked by git nor left un-ignored.
Outcome predicate_dotenv_not_committed(const EvalContext& ctx, const Value& args);

// Dockerfiles.
/// The subject stage is the file's last stage.
Outcome predicate_dockerfile_final_stage(const EvalContext& ctx, const Value& args);
/// The subject (stage or instruction) is in the final image: the last stage or one it is FROM.
Outcome predicate_dockerfile_in_final_image(const EvalContext& ctx, const Value& args);
/// The stage's last USER (inherited from earlier stages) is not root.
Outcome predicate_dockerfile_non_root_user(const EvalContext& ctx, const Value& args);
/// The stage's last HEALTHCHECK (inherited from earlier stages) runs a command.
Outcome predicate_dockerfile_healthcheck(const EvalContext& ctx, const Value& args);
/// The stage's base image has a digest or a tag other than latest.
Outcome predicate_dockerfile_pinned_image(const EvalContext& ctx, const Value& args);
/// No secret-looking ENV/ARG literal, no secret file copied (one blame each).
Outcome predicate_dockerfile_no_secrets(const EvalContext& ctx, const Value& args);
/// Package installs in a RUN skip recommends and leave no caches.
Outcome predicate_dockerfile_slim_install(const EvalContext& ctx, const Value& args);
/// ADD is used only for URLs, git sources and local tar archives.
Outcome predicate_dockerfile_add_for_local(const EvalContext& ctx, const Value& args);

// nginx (after include splicing; see resolve/nginx/nginx_view.h).
/// The document is a whole configuration (not an included fragment) with what args.needs names.
Outcome predicate_nginx_applies(const EvalContext& ctx, const Value& args);
/// Every TLS server and each of its locations sends HSTS with max-age >= params.min_max_age, always.
Outcome predicate_nginx_hsts(const EvalContext& ctx, const Value& args);
/// X-Frame-Options DENY/SAMEORIGIN (or CSP frame-ancestors) wherever content is served.
Outcome predicate_nginx_x_frame_options(const EvalContext& ctx, const Value& args);
/// X-Content-Type-Options nosniff wherever content is served.
Outcome predicate_nginx_x_content_type_options(const EvalContext& ctx, const Value& args);
/// No nested add_header drops the security headers (args.headers) of an outer block.
Outcome predicate_nginx_header_redefinition(const EvalContext& ctx, const Value& args);
/// Plain-HTTP servers redirect to HTTPS (ACME challenge locations allowed).
Outcome predicate_nginx_https_redirect(const EvalContext& ctx, const Value& args);
/// No ssl_protocols enables a protocol in args.forbidden.
Outcome predicate_nginx_tls_protocols(const EvalContext& ctx, const Value& args);
/// TLS servers have ssl_certificate and ssl_certificate_key.
Outcome predicate_nginx_tls_certificate(const EvalContext& ctx, const Value& args);
/// limit_req applies to every block that passes requests upstream, with a defined zone.
Outcome predicate_nginx_rate_limiting(const EvalContext& ctx, const Value& args);
/// No Access-Control-Allow-Origin * and no unchecked echo of $http_origin.
Outcome predicate_nginx_cors_restricted(const EvalContext& ctx, const Value& args);
/// server_tokens off at http level or in every server.
Outcome predicate_nginx_server_tokens(const EvalContext& ctx, const Value& args);

// ECS task definitions (JSON files and those inside Terraform).
/// No secret-looking `environment` entry, by name or by value (one blame each).
Outcome predicate_ecs_no_plaintext_secrets(const EvalContext& ctx, const Value& args);
/// The container image has a tag other than latest, or a digest.
Outcome predicate_ecs_image_pinned(const EvalContext& ctx, const Value& args);
/// CPU and memory are allocated at task or container level.
Outcome predicate_ecs_resources(const EvalContext& ctx, const Value& args);
/// The task definition's args.attribute (taskRoleArn, executionRoleArn) names a role.
Outcome predicate_ecs_role_set(const EvalContext& ctx, const Value& args);

}  // namespace clearance
