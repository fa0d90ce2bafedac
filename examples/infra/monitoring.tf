# Logs, alarms and the audit trail.

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/seva-arogya-api"
  retention_in_days = 90
  kms_key_id        = "arn:aws:kms:ap-south-1:123456789012:key/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809"
}

resource "aws_cloudwatch_log_group" "worker" {
  name = "/ecs/seva-arogya-worker"
}

resource "aws_sns_topic" "alerts" {
  name = "seva-arogya-alerts"
}

resource "aws_cloudwatch_metric_alarm" "high_error_rate" {
  alarm_name          = "seva-arogya-high-error-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "HTTPCode_Target_5XX_Count"
  namespace           = "AWS/ApplicationELB"
  period              = 300
  statistic           = "Sum"
  threshold           = 10
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudtrail" "main" {
  name                          = "seva-arogya-trail"
  s3_bucket_name                = "seva-arogya-cloudtrail"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
}
