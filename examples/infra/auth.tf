# Cognito user pool and the application's secrets.

resource "aws_cognito_user_pool" "users" {
  name                     = "seva-arogya-users"
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length    = 8
    require_lowercase = true
    require_uppercase = true
    require_numbers   = true
    require_symbols   = false
  }
}

resource "aws_cognito_user_pool_client" "app" {
  name         = "seva-arogya-app"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_secretsmanager_secret" "db_credentials" {
  name = "seva-arogya/db-credentials"
}

resource "aws_secretsmanager_secret_rotation" "db_credentials" {
  secret_id           = aws_secretsmanager_secret.db_credentials.id
  rotation_lambda_arn = "arn:aws:lambda:ap-south-1:123456789012:function:rotate-postgres"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "flask_secret" {
  name = "seva-arogya/flask-secret"
}

resource "aws_secretsmanager_secret_version" "flask_secret" {
  secret_id     = aws_secretsmanager_secret.flask_secret.id
  secret_string = "flask-0b7e4c2a9d1f8e6b5a3c7d9e1f2a4b6c"
}

resource "aws_secretsmanager_secret" "jwt_secret" {
  name = "seva-arogya/jwt-secret"
}
