// SecretHit: one secret found in a text, by byte offsets and by line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/location.h"

namespace clearance::secrets {

/// A secret the scanner found. It holds no copy of the secret: only where it is and its hash.
struct SecretHit {
  std::string_view rule_id;  ///< "secret-aws-access-key"...
  std::string_view label;    ///< what was found: "AWS access key id", "PEM private key"...
  size_t begin = 0;          ///< byte offset of the secret in the scanned text
  size_t end = 0;            ///< one past its last byte
  Range range;               ///< the same span as 1-based line and byte column
  std::string name;          ///< generic: the secret-looking name the value is assigned to
  std::string sha256;        ///< hex SHA-256 of the secret (whitespace removed in key blocks)
};

}  // namespace clearance::secrets
