// JSON output: checked against docs/json-output.schema.json (the subset of JSON Schema that
// file uses), plus the values that matter.
#include "report/json_writer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sample_report.h"

using nlohmann::json;
using namespace clearance;
using clearance::testing::sample_report;

namespace {

std::string json_text(const Report& r, Severity threshold = Severity::Low) {
  std::ostringstream out;
  write_json(r, out, threshold);
  return out.str();
}

/// Validates `v` against `schema` for the keywords docs/json-output.schema.json uses;
/// appends one line per violation to `errors`. An unknown keyword is itself an error, so
/// the schema cannot outgrow this check unnoticed.
void check_schema(const json& v, const json& schema, const json& root, const std::string& at,
                  std::vector<std::string>& errors) {
  auto fail = [&](const std::string& why) { errors.push_back(at + ": " + why); };
  for (const auto& [key, rule] : schema.items()) {
    if (key == "$ref") {
      std::string ref = rule;  // "#/$defs/name"
      check_schema(v, root["$defs"][ref.substr(ref.rfind('/') + 1)], root, at, errors);
    } else if (key == "type") {
      std::string t = rule;
      bool ok = (t == "object" && v.is_object()) || (t == "array" && v.is_array()) ||
                (t == "string" && v.is_string()) || (t == "number" && v.is_number()) ||
                (t == "integer" && v.is_number_integer());
      if (!ok) fail("not " + t);
    } else if (key == "const") {
      if (v != rule) fail("not " + rule.dump());
    } else if (key == "enum") {
      if (std::find(rule.begin(), rule.end(), v) == rule.end()) fail(v.dump() + " not in enum");
    } else if (key == "minimum") {
      if (!v.is_number() || v.get<double>() < rule.get<double>()) fail("below minimum");
    } else if (key == "minLength") {
      if (!v.is_string() || v.get<std::string>().size() < rule.get<size_t>()) fail("too short");
    } else if (key == "required") {
      for (const auto& k : rule)
        if (!v.is_object() || !v.contains(k.get<std::string>())) fail("missing " + k.dump());
    } else if (key == "properties") {
      for (const auto& [k, sub] : rule.items())
        if (v.is_object() && v.contains(k)) check_schema(v[k], sub, root, at + "." + k, errors);
    } else if (key == "additionalProperties") {
      if (rule == false && v.is_object())
        for (const auto& [k, _] : v.items())
          if (!schema["properties"].contains(k)) fail("unexpected key " + k);
    } else if (key == "items") {
      if (v.is_array())
        for (size_t i = 0; i < v.size(); ++i)
          check_schema(v[i], rule, root, at + "[" + std::to_string(i) + "]", errors);
    } else if (key != "$schema" && key != "title" && key != "description" && key != "$defs") {
      fail("schema keyword not understood by this test: " + key);
    }
  }
}

json load_schema() {
  std::ifstream in(std::string(CLEARANCE_SOURCE_DIR) + "/docs/json-output.schema.json");
  REQUIRE(in);
  return json::parse(in);
}

}  // namespace

TEST_CASE("json: output matches docs/json-output.schema.json", "[report][json]") {
  json schema = load_schema();
  auto s = sample_report();
  std::vector<std::string> errors;
  check_schema(json::parse(json_text(s.report)), schema, schema, "$", errors);
  CHECK(errors == std::vector<std::string>{});

  Report empty;
  errors.clear();
  check_schema(json::parse(json_text(empty)), schema, schema, "$", errors);
  CHECK(errors == std::vector<std::string>{});
}

TEST_CASE("json: the schema check catches a wrong shape", "[report][json]") {
  json schema = load_schema();
  auto s = sample_report();
  json out = json::parse(json_text(s.report));
  out["findings"][0].erase("fingerprint");
  out["findings"][1]["severity"] = "severe";
  out["summary"]["extra"] = 1;
  std::vector<std::string> errors;
  check_schema(out, schema, schema, "$", errors);
  CHECK(errors.size() == 3);
}

TEST_CASE("json: values", "[report][json]") {
  auto s = sample_report();
  json out = json::parse(json_text(s.report, Severity::High));
  CHECK(out["version"] == 1);
  CHECK(out["tool"] == json({{"name", "clearance"}, {"version", "0.1.0"}}));
  CHECK(out["root"] == "/repo/root");
  const json& sum = out["summary"];
  CHECK(sum["failed"] == 6);
  CHECK(sum["by_severity"] ==
        json({{"critical", 1}, {"high", 1}, {"medium", 0}, {"low", 2}, {"info", 2}}));
  CHECK(sum["threshold"] == "high");
  CHECK(sum["failing"] == 2);
  CHECK(sum["undetermined"] == 1);
  CHECK(sum["suppressed"] == 1);
  CHECK(sum["parse_errors"] == 1);
  CHECK(sum["warnings"] == 1);
  CHECK(sum["rules"] == 4);
  CHECK(sum["files_scanned"] == 12);
  CHECK(sum["seconds"] == 0.25);

  REQUIRE(out["findings"].size() == 8);
  CHECK(out["findings"][0]["location"]["path"] == "/repo/root/app/.env");
  const json& supp = out["findings"][1];
  CHECK(supp["location"]["start"] == json({{"line", 1}, {"column", 1}}));  // line 0 clamped
  CHECK(supp["suppressions"][0] ==
        json({{"kind", "in_source"}, {"justification", "build image only"}}));
  const json& undet = out["findings"][7];
  CHECK(undet["verdict"] == "undetermined");
  CHECK(undet["unresolved_expression"] == "var.user");
  CHECK(out["findings"][6]["related"][0]["path"] == "modules/store/main.tf");
  CHECK(out["notifications"][1] == json({{"level", "error"},
                                         {"message", "syntax error: unexpected '}'"},
                                         {"location",
                                          {{"path", "broken.tf"},
                                           {"start", {{"line", 4}, {"column", 2}}},
                                           {"end", {{"line", 4}, {"column", 3}}}}}}));
}

TEST_CASE("json: output is byte-identical across runs and input orders", "[report][json]") {
  auto s = sample_report();
  std::string a = json_text(s.report);
  CHECK(json_text(s.report) == a);
  std::reverse(s.report.findings.begin(), s.report.findings.end());
  CHECK(json_text(s.report) == a);
}
