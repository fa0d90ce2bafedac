// Value: construction, lookups, equality and display.
#include "model/value.h"

#include <catch2/catch.hpp>

using clearance::Member;
using clearance::Value;

TEST_CASE("Value object lookups follow dotted paths") {
  Value inner = Value::object({Member{"enabled", Value::boolean(true), {}}});
  Value outer = Value::object({Member{"versioning", inner, {}}});
  REQUIRE(outer.find_path("versioning.enabled") != nullptr);
  CHECK(outer.find_path("versioning.enabled")->as_bool());
  CHECK(outer.find_path("versioning.missing") == nullptr);
  CHECK(outer.get("nope") == nullptr);
}

TEST_CASE("Unknown is never equal, and is found inside containers") {
  Value u = Value::unknown("var.x");
  CHECK_FALSE(u.equals(u));
  Value l = Value::list({Value::string("a"), u});
  CHECK(l.contains_unknown());
  CHECK_FALSE(Value::list({Value::string("a")}).contains_unknown());
}

TEST_CASE("Display form quotes nested strings only") {
  CHECK(Value::string("abc").to_display() == "abc");
  CHECK(Value::list({Value::string("a"), Value::number(2)}).to_display() == "[\"a\", 2]");
  CHECK(Value::number(2.5).to_display() == "2.5");
  CHECK(Value::unknown("var.x").to_display() == "${var.x}");
}
