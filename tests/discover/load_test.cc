// read_source(): bytes, size cap, binary sniffing and unreadable files.
#include "discover/load.h"

#include <catch2/catch.hpp>
#include <string>

#include "discover/discover.h"
#include "temp_tree.h"

using clearance::Diagnostic;
using clearance::LoadOptions;
using clearance::LoadResult;
using clearance::read_source;
using clearance::SourceFile;
using clearance::testing::TempTree;

namespace {

SourceFile source(const TempTree& t, const std::string& rel) {
  SourceFile f;
  f.path = rel;
  f.disk_path = t.path(rel);
  std::error_code ec;
  f.size = std::filesystem::file_size(f.disk_path, ec);
  if (ec) f.size = 0;
  return f;
}

}  // namespace

TEST_CASE("load: text files come back byte for byte, invalid UTF-8 included", "[discover]") {
  TempTree t;
  std::string bytes = "resource \"x\" \"y\" {}\n\xC3\x28 \xFF\xFE bad utf-8\r\n";
  t.file("main.tf", bytes);
  t.file("empty.tf", "");
  LoadResult r = read_source(source(t, "main.tf"), {});
  REQUIRE(r.ok());
  CHECK(r.bytes == bytes);
  LoadResult e = read_source(source(t, "empty.tf"), {});
  CHECK(e.ok());
  CHECK(e.bytes.empty());
}

TEST_CASE("load: binary files are skipped with a warning", "[discover]") {
  TempTree t;
  t.file("nul.bin", std::string("text\0more", 9));
  t.file("image.png", std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR");
  t.file("doc.pdf", "%PDF-1.7\n% text-like header\n");
  t.file("lambda.zip", "PK\x03\x04 payload");
  t.file("late-nul.txt", std::string(9000, 'a') + std::string(1, '\0'));
  for (const char* name : {"nul.bin", "image.png", "doc.pdf", "lambda.zip"}) {
    SourceFile f = source(t, name);
    LoadResult r = read_source(f, {});
    INFO(name);
    CHECK(r.skip == LoadResult::Skip::Binary);
    CHECK(r.bytes.empty());
    Diagnostic d = r.diagnostic(f);
    CHECK(d.level == Diagnostic::Level::Warning);
    CHECK(d.message == "skipped: binary");
    CHECK(d.location.path == name);
  }
  // Only the first 8 KiB are sniffed for NUL bytes.
  CHECK(read_source(source(t, "late-nul.txt"), {}).ok());
}

TEST_CASE("load: the size cap skips larger files", "[discover]") {
  TempTree t;
  t.file("big.tf", std::string(2048, 'x'));
  t.file("small.tf", std::string(1024, 'x'));
  LoadOptions opts;
  opts.max_file_size = 1024;
  SourceFile big = source(t, "big.tf");
  LoadResult r = read_source(big, opts);
  CHECK(r.skip == LoadResult::Skip::TooLarge);
  CHECK(r.diagnostic(big).message == "skipped: larger than 1 KiB (2 KiB)");
  CHECK(read_source(source(t, "small.tf"), opts).ok());
  // The size seen at discovery may be stale: the cap holds for what is actually read.
  SourceFile stale = big;
  stale.size = 10;
  CHECK(read_source(stale, opts).skip == LoadResult::Skip::TooLarge);
  CHECK(LoadOptions{}.max_file_size == 10u * 1024 * 1024);
  CHECK(clearance::human_size(10u * 1024 * 1024) == "10 MiB");
  CHECK(clearance::human_size(1536) == "1.5 KiB");
}

TEST_CASE("load: unreadable files are skipped with a reason", "[discover]") {
  TempTree t;
  t.dir("a-directory");
  SourceFile missing = source(t, "missing.tf");
  LoadResult r = read_source(missing, {});
  CHECK(r.skip == LoadResult::Skip::Unreadable);
  CHECK(r.skip_reason.find("skipped: cannot read") == 0);
  CHECK(read_source(source(t, "a-directory"), {}).skip == LoadResult::Skip::Unreadable);
}

TEST_CASE("load: magic numbers and NUL bytes decide binary", "[discover]") {
  using clearance::looks_binary;
  CHECK_FALSE(looks_binary("variable \"x\" {}\n"));
  CHECK_FALSE(looks_binary(""));
  CHECK(
      looks_binary(std::string("\x7F"
                               "ELF\x02\x01",
                               6)));
  CHECK(looks_binary("\x1F\x8B\x08 gzip"));
  CHECK(looks_binary("BZh91AY&SY..."));
  CHECK_FALSE(looks_binary("BZh is a word"));
  CHECK_FALSE(looks_binary("GIF is not GIF89a at the start"));
}
