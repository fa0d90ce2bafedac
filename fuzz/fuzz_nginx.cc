// libFuzzer target: the nginx parser and include resolver.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "parse/nginx/nginx_parser.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Workspace ws;
  ws.root = "/nonexistent-clearance-fuzz-root";  // no file outside the input is ever read
  clearance::Document doc = clearance::fuzz::document_from(data, size, "nginx.conf", clearance::Format::Nginx);
  clearance::parse_nginx(doc);
  ws.documents.push_back(std::move(doc));
  clearance::resolve_workspace(ws);  // includes: only the input itself exists
  return 0;
}
