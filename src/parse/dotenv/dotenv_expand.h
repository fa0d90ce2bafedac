// Value decoding for .env files: double-quote escapes and `${VAR}` / `$VAR` expansion from
// the keys defined earlier in the same file. The process environment is never read: a
// variable no earlier key defines stays as written and is reported as unresolved.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

/// Keys defined so far in a file, with their decoded values.
using DotenvScope = std::map<std::string, std::string, std::less<>>;

/// Decodes `text` (a value without its quotes). `escapes` enables the double-quote escapes
/// \n \t \r \" \' \\ \$; `expand` enables `${VAR}`, `${VAR:-default}`, `${VAR-default}` and
/// `$VAR`. Names not in `scope` are appended (once) to `unresolved`.
std::string decode_dotenv_value(std::string_view text, bool escapes, bool expand,
                                const DotenvScope& scope, std::vector<std::string>& unresolved);

}  // namespace clearance
