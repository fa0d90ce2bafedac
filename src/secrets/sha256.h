// SHA-256 (FIPS 180-4), used to identify a secret without keeping it: fingerprints and
// de-duplication across files and commits hash the secret, never store it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace clearance {

/// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  /// Feeds more bytes.
  void update(std::string_view data);
  /// The 32-byte digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> finish();

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_{};
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace clearance
