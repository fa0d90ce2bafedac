// Fake secrets of the right shape for the secret tests. Random characters, never real keys;
// GitHub tokens get a valid checksum computed here.
#pragma once

#include <string>

#include "secrets/validators.h"

namespace clearance::testing {

inline std::string github_token(const std::string& prefix, const std::string& random30) {
  static const char* kB62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  uint32_t c = secrets::crc32(random30);
  std::string sum(6, '0');
  for (int i = 5; i >= 0; --i, c /= 62) sum[size_t(i)] = kB62[c % 62];
  return prefix + "_" + random30 + sum;
}

inline const std::string kAwsId = "AKIAUJZDEGXDNCF32EPF";
inline const std::string kAwsSecret = "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";
inline const std::string kStripe = "sk_live_EOzdmenCkhvMdgaKjIg8xNbe";
inline const std::string kSendgrid =
    "SG.AWtGSU8po-799NksnRH9uc.AUsdMlHUvTCQCyEZDz_TddJ8HyS5SUkCnD8zRA9a9Sk";
inline const std::string kOpenai =
    "sk-proj-"
    "pXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59FT3BlbkFJHz5r1pY4OjE2"
    "jBMptUs"
    "Gr7CmY-uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt_PlJhx2jIclHk";
inline const std::string kSlackBot = "xoxb-931417058649-2083124023448-WnsCGRlrwZbqcabUGJmGEp7C";
inline const std::string kSlackHook =
    "https://hooks.slack.com/services/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";
inline const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiI4NDc5Njk1IiwibmFtZSI6InN2YyIsImlhdCI6MTcwMDAwMzc5OH0."
    "HUQPFeNBTxaQWk8JzFalHlsZfYcMMDktXP_tKsf2rcD";
inline const std::string kPassword = "kdfrUnW5gcF!Ha6i%l81";
inline std::string github() {
  return github_token("ghp", "7WQAmL9xVQ2zg4mZaouqKLiMcVbpT4");
}
inline std::string rsa_key() {
  std::string body;
  const std::string line = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw";
  for (int i = 0; i < 6; ++i) {
    std::string l = line;
    l[size_t(10 + i)] = char('A' + i * 3);
    body += l + "\n";
  }
  return "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----\n";
}

}  // namespace clearance::testing
