// Checksums, entropy and the allowlists the detectors rely on.
#include "secrets/validators.h"

#include <catch2/catch.hpp>

#include "fake_secrets.h"

using namespace clearance::secrets;

TEST_CASE("crc32 is the IEEE checksum", "[secrets]") {
  CHECK(crc32("") == 0u);
  CHECK(crc32("123456789") == 0xCBF43926u);
  CHECK(crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

TEST_CASE("GitHub token checksums are verified", "[secrets]") {
  std::string good = clearance::testing::github();
  CHECK(github_checksum_ok(good));
  std::string bad = good;
  bad.back() = bad.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(github_checksum_ok(bad));
  std::string flipped = good;
  flipped[10] = flipped[10] == 'x' ? 'y' : 'x';
  CHECK_FALSE(github_checksum_ok(flipped));
  CHECK_FALSE(github_checksum_ok("ghp_short"));
}

TEST_CASE("Shannon entropy and character classes", "[secrets]") {
  CHECK(shannon_entropy("") == 0);
  CHECK(shannon_entropy("aaaaaaaa") == Approx(0));
  CHECK(shannon_entropy("abcd") == Approx(2.0));
  CHECK(shannon_entropy("0123456789abcdef") == Approx(4.0));
  CHECK(shannon_entropy(clearance::testing::kAwsSecret) > 4.5);
  CHECK(char_classes("abc") == 1);
  CHECK(char_classes("aB3!") == 4);
}

TEST_CASE("documented examples and placeholders are recognised", "[secrets]") {
  CHECK(is_documented_example("AKIAIOSFODNN7EXAMPLE"));
  CHECK(is_documented_example("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  CHECK_FALSE(is_documented_example(clearance::testing::kAwsId));
  for (const char* p : {"changeme", "<password>", "your-api-key-here", "xxxxxxxxxxxx", "********",
                        "TODO", "password", "aaaaaaaaaaaa", "abcdefghijk", "12345678", "[secret]"})
    CHECK(is_placeholder(p));
  CHECK_FALSE(is_placeholder(clearance::testing::kPassword));
}

TEST_CASE("references to secrets kept elsewhere are recognised", "[secrets]") {
  for (const char* r :
       {"${DB_PASSWORD}", "$DB_PASSWORD", "$(cat /run/secrets/x)", "{{ .Values.token }}",
        "var.db_password", "os.environ['X']", "process.env.TOKEN", "%(password)s",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"})
    CHECK(is_variable_reference(r));
  CHECK_FALSE(is_variable_reference(clearance::testing::kPassword));
}

TEST_CASE("UUIDs, digests, SRI hashes, data URIs and lock files are recognised", "[secrets]") {
  CHECK(is_uuid("3f2b9c1e-7d4a-4f6b-9e2c-8a1d5b7c9e0f"));
  CHECK_FALSE(is_uuid("3f2b9c1e-7d4a-4f6b-9e2c-8a1d5b7c9e0"));
  CHECK(is_cognito_user_pool_id("ap-south-1_Ab12Cd34E"));
  CHECK(is_cognito_user_pool_id("us-gov-west-1_Ab12Cd34E"));
  CHECK_FALSE(is_cognito_user_pool_id("ap-south-1_Ab12Cd34E9x"));
  CHECK_FALSE(is_cognito_user_pool_id("x_Ab12Cd34E"));
  CHECK(is_hex_digest("9fceb02d0ae598e95dc970b74767f19372d61af8"));
  CHECK(is_hex_digest("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK_FALSE(is_hex_digest("9fceb02d0ae598e95dc970b74767f19372d61afz"));
  CHECK(is_sri_hash("sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"));
  CHECK(is_data_uri("data:image/png;base64,iVBORw0KGgo"));
  CHECK(is_lock_file("web/package-lock.json"));
  CHECK(is_lock_file("go.sum"));
  CHECK(is_lock_file("Cargo.lock"));
  CHECK_FALSE(is_lock_file("src/lock.go"));
}
