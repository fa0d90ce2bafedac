# Example stack: a small clinic application on AWS (S3, RDS, ElastiCache, ALB, ECS,
# CloudWatch, Cognito, Secrets Manager). Some resources follow the deployment checklist, some
# deliberately do not, so that `clearance scan examples` has something to say.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "ap-south-1"
}

variable "project" {
  type    = string
  default = "seva-arogya"
}

locals {
  name = "seva-arogya"
  tags = {
    Project     = "seva-arogya"
    Environment = "production"
  }
}
