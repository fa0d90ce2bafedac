# PostgreSQL for application data. Deliberately public, unencrypted, short backups.

resource "aws_db_parameter_group" "postgres" {
  name   = "seva-arogya-pg15"
  family = "postgres15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "main" {
  identifier              = "seva-arogya-db"
  engine                  = "postgres"
  engine_version          = "15.4"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  db_name                 = "seva_arogya"
  username                = "seva_admin"
  password                = "Sup3rS3cretPassw0rd!"
  parameter_group_name    = aws_db_parameter_group.postgres.name
  publicly_accessible     = true
  storage_encrypted       = false
  backup_retention_period = 7
  multi_az                = false
  skip_final_snapshot     = true
}
