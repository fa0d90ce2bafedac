# Two buckets: audio uploads (hardened) and generated PDFs (missing several controls).

resource "aws_s3_bucket" "audio" {
  bucket = "seva-arogya-audio-prod-7f3a"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audio" {
  bucket = aws_s3_bucket.audio.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "audio" {
  bucket                  = aws_s3_bucket.audio.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "audio" {
  bucket = aws_s3_bucket.audio.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "audio" {
  bucket = aws_s3_bucket.audio.id
  rule {
    id     = "expire-raw-audio"
    status = "Enabled"
    expiration {
      days = 365
    }
  }
}

resource "aws_s3_bucket_logging" "audio" {
  bucket        = aws_s3_bucket.audio.id
  target_bucket = "seva-arogya-access-logs"
  target_prefix = "audio/"
}

resource "aws_s3_bucket_policy" "audio" {
  bucket = aws_s3_bucket.audio.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::seva-arogya-audio-prod-7f3a", "arn:aws:s3:::seva-arogya-audio-prod-7f3a/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# Deliberately weak: no encryption, no public access block, a public ACL.
resource "aws_s3_bucket" "pdf" {
  bucket = "seva-arogya-pdf-prod-7f3a"
  acl    = "public-read"
  tags   = local.tags
}
