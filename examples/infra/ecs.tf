# ECS on Fargate: cluster, task definition (read from deploy/task-definition.json at deploy
# time; an inline one here for the worker), service.

resource "aws_ecr_repository" "api" {
  name                 = "seva-arogya/api"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "worker" {
  name = "seva-arogya/worker"
}

resource "aws_ecs_cluster" "main" {
  name = "seva-arogya"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE"]
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "seva-arogya-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.ecs_execution.arn
  task_role_arn            = aws_iam_role.ecs_task.arn
  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "123456789012.dkr.ecr.ap-south-1.amazonaws.com/seva-arogya/worker:latest"
      essential = true
      environment = [
        { name = "AWS_REGION", value = "ap-south-1" },
        { name = "JWT_SECRET", value = "dev-jwt-secret-please-change" },
        { name = "DB_SECRET_NAME", value = "seva-arogya/db-credentials" }
      ]
    }
  ])
}
