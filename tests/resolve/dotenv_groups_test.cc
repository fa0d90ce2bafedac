// Tests of .env groups: template lookup per directory and upward, production overrides.
#include "resolve/dotenv/dotenv_groups.h"

#include <catch2/catch.hpp>

#include "parse/dotenv/dotenv_parser.h"

using namespace clearance;

namespace {

Workspace workspace(std::initializer_list<const char*> paths) {
  Workspace ws;
  for (const char* p : paths) {
    Document d;
    d.path = p;
    d.format = Format::Dotenv;
    d.source = "A=1\n";
    parse_dotenv(d);
    ws.documents.push_back(std::move(d));
  }
  return ws;
}

std::string template_path(const Workspace& ws, std::string_view path) {
  for (const auto& d : ws.documents) {
    if (d.path != path) continue;
    const Attribute* a = d.root.attribute("template_path");
    return a ? a->value.as_string() : "(none)";
  }
  FAIL("no document " << path);
  return "";
}

}  // namespace

TEST_CASE("dotenv groups: same directory, specific template first", "[dotenv]") {
  auto ws = workspace({".env", ".env.example", ".env.production", ".env.production.example",
                       ".env.staging", ".env.sample"});
  resolve_dotenv(ws);
  CHECK(template_path(ws, ".env") == ".env.example");
  CHECK(template_path(ws, ".env.production") == ".env.production.example");
  CHECK(template_path(ws, ".env.staging") == ".env.example");  // example before sample
  CHECK(template_path(ws, ".env.example") == "(none)");        // templates have none

  auto groups = dotenv_groups(ws);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].template_doc->path == ".env.example");
  REQUIRE(groups[0].real.size() == 2);
  CHECK(groups[0].real[0]->path == ".env");
  CHECK(groups[0].real[1]->path == ".env.staging");
  CHECK(groups[1].template_doc->path == ".env.production.example");
}

TEST_CASE("dotenv groups: nearest template upward", "[dotenv]") {
  auto ws = workspace({".env.template", "services/api/.env", "services/api/.env.dist",
                       "services/web/.env.production", "services/.env.local",
                       "other/.env.prod.example", "other/.env.staging"});
  resolve_dotenv(ws);
  CHECK(template_path(ws, "services/api/.env") == "services/api/.env.dist");
  CHECK(template_path(ws, "services/web/.env.production") == ".env.template");
  CHECK(template_path(ws, "services/.env.local") == ".env.template");
  // A template named for production does not describe staging.
  CHECK(template_path(ws, "other/.env.staging") == ".env.template");
}

TEST_CASE("dotenv groups: no template, no group", "[dotenv]") {
  auto ws = workspace({"a/.env", "b/.env.example"});
  resolve_dotenv(ws);
  CHECK(template_path(ws, "a/.env") == "(none)");
  CHECK(dotenv_groups(ws).empty());
}

TEST_CASE("dotenv groups: production by name, and overridden", "[dotenv]") {
  auto ws = workspace({".env.production", ".env", "deploy/live.env"});
  CHECK(is_dotenv_production(ws.documents[0]));
  CHECK_FALSE(is_dotenv_production(ws.documents[1]));
  CHECK(is_dotenv_production(ws.documents[2]));
  REQUIRE(set_dotenv_production(ws, ".env", true));
  CHECK(is_dotenv_production(ws.documents[1]));
  CHECK(ws.documents[1].root.attribute("environment")->value.as_string() == "production");
  set_dotenv_production(ws.documents[0], false);
  CHECK_FALSE(is_dotenv_production(ws.documents[0]));
  CHECK(ws.documents[0].root.attribute("environment")->value.as_string().empty());
  CHECK_FALSE(set_dotenv_production(ws, "missing.env", true));
}
