// Every common checklist style parses, ticks are kept, an item ticked but failed is a
// conflict, a document with no item is an error, pins and --explain work.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checklist/checklist_document.h"

using namespace clearance;

namespace {

std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(CLEARANCE_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& args, int& rc) {
  std::string cmd = std::string("cd '") + CLEARANCE_SOURCE_DIR + "' && '" + CLEARANCE_BINARY +
                    "' " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace

TEST_CASE("every common checklist style parses", "[checklist][styles]") {
  ChecklistDocument doc = read_checklist(slurp("tests/checklist/checklists/styles.md"));
  std::vector<std::pair<std::string, bool>> want = {{"dash item", false},
                                                    {"star item nested", true},
                                                    {"plus item nested deeper", true},
                                                    {"numbered dot item", false},
                                                    {"numbered paren item", false},
                                                    {"item followed by a code block", false},
                                                    {"table unchecked box", false},
                                                    {"table ticked box", true},
                                                    {"table ballot", false},
                                                    {"table ballot ticked", true},
                                                    {"table green tick", true},
                                                    {"table cross", false},
                                                    {"table white square", false},
                                                    {"bare ticked line", true},
                                                    {"bare crossed line", false}};
  REQUIRE(doc.items.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(doc.items[i].text == want[i].first);
    CHECK(doc.items[i].checked == want[i].second);
  }
  CHECK(doc.items[1].parent == 0);
  CHECK(doc.items[2].parent == 1);
  CHECK(doc.items[0].group == "Group header");
  CHECK(doc.items[6].style == ItemStyle::TableRow);
  CHECK(doc.items[13].style == ItemStyle::StatusEmoji);
}

TEST_CASE("a document with no item is an error that says so", "[checklist][styles]") {
  std::string path =
      (std::filesystem::temp_directory_path() / "clearance-empty-checklist.md").string();
  std::ofstream(path) << "# Notes\n\nJust prose, no checkbox.\n";
  int rc = 0;
  std::string out = run("checklist '" + path + "' examples", rc);
  CHECK(rc == 2);
  CHECK(out.find("no checklist items found") != std::string::npos);
}

TEST_CASE("ticks are kept and a ticked item that fails is a conflict", "[checklist][styles]") {
  int rc = 0;
  std::string out = run("checklist tests/checklist/checklists/seed-style.md examples", rc);
  CHECK(out.find("- [x] CORS properly restricted — ❌ **failed** ⚠️ **conflict") !=
        std::string::npos);
  CHECK(out.find("- [ ] Automated backups enabled — ✅ **verified**") != std::string::npos);
}

TEST_CASE("table rows and status lines get their verdict beside the item", "[checklist][styles]") {
  int rc = 0;
  std::string out = run("checklist tests/checklist/corpus/status-table.md examples", rc);
  CHECK(out.find("| 1 | HSTS enabled on the web server — ❌ **failed** | ☐ | ops |") !=
        std::string::npos);
  out = run("checklist tests/checklist/corpus/emoji-lines.md examples", rc);
  CHECK(out.find("✅ Enable versioning on the uploads bucket — ") != std::string::npos);
}

TEST_CASE("pins: inline marker and .clearance.yml checklist section", "[checklist][styles]") {
  int rc = 0;
  std::string out =
      run("checklist tests/checklist/projects/pinned/checklist.md tests/checklist/projects/pinned "
          "--explain",
          rc);
  CHECK(rc == 0);
  CHECK(out.find("check (pinned): aws-rds-force-ssl") != std::string::npos);
  CHECK(out.find("check (pinned): aws-s3-versioning") != std::string::npos);
  size_t backups = out.find("Backups enabled");
  REQUIRE(backups != std::string::npos);
  CHECK(out.find("manual: pinned to manual", backups) < out.find("Our own wording", backups));
  size_t multi = out.find("Multi-AZ enabled");
  REQUIRE(multi != std::string::npos);
  CHECK(out.find("manual: pinned to manual", multi) != std::string::npos);
}

TEST_CASE("checklist --explain shows matched words, the check and its parameters",
          "[checklist][styles]") {
  int rc = 0;
  std::string out = run("checklist tests/checklist/corpus/data-layer.md --explain", rc);
  CHECK(rc == 0);
  CHECK(out.find("note: subject taken from \"PostgreSQL (RDS)\"") != std::string::npos);
  CHECK(out.find("aws-rds-backup-retention {min_days: 35}") != std::string::npos);
  CHECK(out.find("manual: \"review") != std::string::npos);
}
