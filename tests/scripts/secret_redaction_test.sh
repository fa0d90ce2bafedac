#!/usr/bin/env bash
# No secret in any output: secrets planted on lines that non-secret rules report (a Dockerfile
# RUN line, a minified ECS task definition, a one-line Terraform block, a one-line nginx
# server) must not appear, whole or as any 12-character piece, in any format of `scan`, in
# the baseline, or in `checklist`. The secrets are assembled here at run time, so the
# repository holds none of them.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# A GitHub OAuth token: "gho_", 30 characters, then their CRC32 in 6 base62 digits (the CRC
# is read from a gzip trailer, so no other tool is needed).
body="Zq7Rk2Lm9Xw4Tp8Vn3Bc6Yh1Jd5Gf0Sa"
body=${body:0:30}
crc_le=$(printf %s "$body" | gzip -c | tail -c8 | head -c4 | od -An -tu4 | tr -d ' ')
digits=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz
sum=""
n=$crc_le
for _ in 1 2 3 4 5 6; do
  sum="${digits:$((n % 62)):1}$sum"
  n=$((n / 62))
done
github="gh""o_${body}${sum}"
stripe="sk_""live_""4eC39HqLyjWDarjtT1zdp7dcQx9R"
ecs_secret="Vf8""kQ2zR7mW4pXs9LtN3bYc"
db_password="Hx4""#pL9qWz2vRt7mKs8Nd"
jwt_head=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | base64 | tr -d '=\n' | tr '/+' '_-')
jwt_body=$(printf '%s' '{"sub":"svc-edge","iat":1700000000}' | base64 | tr -d '=\n' | tr '/+' '_-')
jwt="${jwt_head}.${jwt_body}.""Qm9yR3hXc0t2TnBaWjdMcTJ5VmE4ZEI"
secrets=("$github" "$stripe" "$ecs_secret" "$db_password" "$jwt")

tree=$tmp/tree
mkdir -p "$tree/docker" "$tree/ecs" "$tree/tf" "$tree/nginx"
cat >"$tree/docker/Dockerfile" <<EOF
FROM ubuntu:latest
RUN curl -H "Authorization: token $github" https://example.com/install.sh | sh
EOF
printf '%s\n' "{\"family\":\"api\",\"containerDefinitions\":[{\"name\":\"api\",\"image\":\"api:latest\",\"privileged\":true,\"environment\":[{\"name\":\"STRIPE_KEY\",\"value\":\"$stripe\"},{\"name\":\"DB_PASSWORD\",\"value\":\"$ecs_secret\"}]}]}" \
  >"$tree/ecs/task-definition.json"
printf '%s\n' "resource \"aws_db_instance\" \"main\" { engine = \"postgres\" password = \"$db_password\" publicly_accessible = true storage_encrypted = false master_password = \"$db_password\" }" \
  >"$tree/tf/main.tf"
printf '%s\n' "server { listen 80; server_tokens on; location / { proxy_set_header Authorization \"Bearer $jwt\"; proxy_pass http://backend; } }" \
  >"$tree/nginx/nginx.conf"
cat >"$tmp/checklist.md" <<'EOF'
# Release checklist
- [ ] Containers do not run as privileged
- [ ] Databases are not publicly accessible
- [ ] Database storage is encrypted
- [ ] Container images are pinned to a version
- [ ] nginx does not reveal its version
EOF

# Every output to check, one file each.
outputs=()
for format in $("$bin" scan --help | sed -n 's/.*Output format: //p' | tr -d ,); do
  "$bin" scan --no-config -f "$format" -o "$tmp/scan.$format" "$tree" >"$tmp/scan.$format.log" 2>&1
  outputs+=("$tmp/scan.$format" "$tmp/scan.$format.log")
done
"$bin" scan --no-config "$tree" >"$tmp/scan.stdout" 2>&1
outputs+=("$tmp/scan.stdout")
"$bin" baseline --no-config -o "$tmp/baseline.json" "$tree" >"$tmp/baseline.log" 2>&1
outputs+=("$tmp/baseline.json" "$tmp/baseline.log")
"$bin" scan --no-config -f sarif --baseline "$tmp/baseline.json" -o "$tmp/baselined.sarif" "$tree" \
  >"$tmp/baselined.log" 2>&1
outputs+=("$tmp/baselined.sarif" "$tmp/baselined.log")
for format in markdown html json; do
  "$bin" checklist -f "$format" -o "$tmp/checklist.$format" "$tmp/checklist.md" "$tree" \
    >"$tmp/checklist.$format.log" 2>&1
  outputs+=("$tmp/checklist.$format" "$tmp/checklist.$format.log")
done

# The tree must give findings of non-secret rules on the secrets' lines, or the test proves
# nothing.
for needle in Dockerfile task-definition.json main.tf nginx.conf; do
  if ! grep -q "$needle" "$tmp/scan.sarif"; then
    echo "not ok - the scan reports findings in $needle"
    fail=1
  fi
done
if ! grep -q '"snippet"' "$tmp/scan.sarif"; then
  echo "not ok - the SARIF output carries snippets"
  fail=1
fi

for out in "${outputs[@]}"; do
  [ -e "$out" ] || continue
  leaked=""
  for s in "${secrets[@]}"; do
    for ((i = 0; i + 12 <= ${#s}; i++)); do
      if grep -qF -- "${s:i:12}" "$out"; then
        leaked="${s:0:4}… (piece at offset $i)"
        break 2
      fi
    done
  done
  if [ -n "$leaked" ]; then
    echo "not ok - $(basename "$out") prints a secret: $leaked"
    fail=1
  else
    echo "ok - $(basename "$out") prints no secret"
  fi
done
exit $fail
