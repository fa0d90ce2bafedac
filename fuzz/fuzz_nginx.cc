// libFuzzer target: the nginx parser and include resolver.
// Any input must parse without a crash, a hang or undefined behaviour (ASan + UBSan build).
#include <cstddef>
#include <cstdint>

#include "parse/nginx/nginx_parser.h"
#include "resolve/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  clearance::Workspace ws;
  clearance::Document doc;
  doc.path = "nginx.conf";
  doc.format = clearance::Format::Nginx;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  clearance::parse_nginx(doc);
  ws.documents.push_back(std::move(doc));
  clearance::resolve_workspace(ws);  // includes (in-tree only: no root, so nothing on disk)
  return 0;
}
