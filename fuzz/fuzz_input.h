// The fuzz input as a document of one format, for the targets that parse or resolve one file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "model/document.h"

namespace clearance::fuzz {

inline Document document_from(const uint8_t* data, size_t size, std::string path, Format format) {
  Document doc;
  doc.path = std::move(path);
  doc.format = format;
  doc.source.assign(reinterpret_cast<const char*>(data), size);
  return doc;
}

}  // namespace clearance::fuzz
