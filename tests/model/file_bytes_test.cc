// Text normalisation and confined reads of model/file_bytes.
#include "model/file_bytes.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace clearance;

TEST_CASE("file bytes: a lone CR ends a line, CRLF and LF stay as they are", "[model]") {
  std::string s = "a=1\rb=2\r\nc=3\nd=4\r";
  CHECK_FALSE(normalise_text(s));
  CHECK(s == "a=1\nb=2\r\nc=3\nd=4\n");
}

TEST_CASE("file bytes: UTF-16 with a byte order mark becomes UTF-8", "[model]") {
  std::string le("\xFF\xFE" "a\0=\0\xE9\0\n\0\x3D\xD8\x00\xDE", 14);  // "a=é\n" then U+1F600
  CHECK(normalise_text(le));
  CHECK(le == "a=\xC3\xA9\n\xF0\x9F\x98\x80");
  std::string be("\xFE\xFF\0k\0\r\0v", 8);
  CHECK(normalise_text(be));
  CHECK(be == "k\nv");
  std::string lone("\xFF\xFE\x00\xD8" "x\0", 6);  // an unpaired surrogate
  CHECK(normalise_text(lone));
  CHECK(lone == "\xEF\xBF\xBDx");
}

TEST_CASE("file bytes: reads are confined to the real scan root", "[model]") {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("clearance-fb-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "root");
  fs::create_directories(base / "outside");
  std::ofstream(base / "outside" / "x.tf") << "secret";
  std::ofstream(base / "root" / "in.tf") << "inside";
  fs::create_symlink(base / "outside" / "x.tf", base / "root" / "link.tf");
  fs::create_directory_symlink(base / "outside", base / "root" / "dir");
  std::string root = (base / "root").string(), out, why;
  CHECK(read_confined(root, root + "/in.tf", 100, out, why));
  CHECK(out == "inside");
  CHECK_FALSE(read_confined(root, root + "/link.tf", 100, out, why));
  CHECK(why == "outside the scan root");
  CHECK_FALSE(read_confined(root, root + "/dir/x.tf", 100, out, why));
  CHECK(why == "outside the scan root");
  CHECK_FALSE(read_confined(root, root + "/../outside/x.tf", 100, out, why));
  CHECK(why == "outside the scan root");
  CHECK_FALSE(read_confined(root, root + "/missing.tf", 100, out, why));
  CHECK(why == "no such file");
  CHECK_FALSE(read_confined(root, root + "/in.tf", 3, out, why));
  CHECK(why.starts_with("larger than"));
  CHECK_FALSE(read_confined(root, root, 100, out, why));
  CHECK(why == "is a directory");
  fs::remove_all(base);
}
