// SHA-256 against the FIPS 180-4 example vectors.
#include "secrets/sha256.h"

#include <catch2/catch.hpp>

using clearance::sha256_hex;

TEST_CASE("sha256 matches the standard test vectors", "[secrets]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 fed in pieces equals sha256 in one go", "[secrets]") {
  std::string data;
  for (int i = 0; i < 300; ++i) data += char('a' + i % 26);
  for (size_t cut : {0, 1, 55, 56, 63, 64, 65, 200}) {
    clearance::Sha256 s;
    s.update(std::string_view(data).substr(0, cut));
    s.update(std::string_view(data).substr(cut));
    auto d = s.finish();
    char hex[65];
    for (size_t i = 0; i < 32; ++i) std::snprintf(hex + 2 * i, 3, "%02x", d[i]);
    CHECK(std::string(hex) == sha256_hex(data));
  }
}
