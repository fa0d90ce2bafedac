# Redis for sessions: encrypted and replicated, but without backups.

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "seva-arogya-sessions"
  description                = "Session store"
  engine                     = "redis"
  node_type                  = "cache.t3.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
  multi_az_enabled           = true
  automatic_failover_enabled = true
  snapshot_retention_limit   = 0
}

variable "redis_auth_token" {
  type      = string
  sensitive = true
}
