// glob_match: git's wildmatch rules for '*', '?', '**', classes and escapes.
#include "discover/glob.h"

#include <catch2/catch.hpp>
#include <string>

using clearance::glob_is_literal;
using clearance::glob_match;

TEST_CASE("glob: star and question mark stay within a path component", "[discover]") {
  CHECK(glob_match("*.tf", "main.tf"));
  CHECK(glob_match("*.tf", ".tf"));
  CHECK_FALSE(glob_match("*.tf", "main.tfvars"));
  CHECK_FALSE(glob_match("*.tf", "dir/main.tf"));
  CHECK(glob_match("a*b", "ab"));
  CHECK(glob_match("a*b", "axxb"));
  CHECK_FALSE(glob_match("a*b", "a/b"));
  CHECK(glob_match("?.c", "x.c"));
  CHECK_FALSE(glob_match("?.c", "xy.c"));
  CHECK_FALSE(glob_match("a?b", "a/b"));
  CHECK(glob_match("dir/*", "dir/file"));
  CHECK_FALSE(glob_match("dir/*", "dir/sub/file"));
}

TEST_CASE("glob: double star crosses directories only as a whole component", "[discover]") {
  CHECK(glob_match("**/foo", "foo"));
  CHECK(glob_match("**/foo", "a/b/foo"));
  CHECK_FALSE(glob_match("**/foo", "a/xfoo"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob_match("a/**/b", "ab"));
  CHECK_FALSE(glob_match("a/**/b", "a/xb"));
  CHECK(glob_match("abc/**", "abc/x"));
  CHECK(glob_match("abc/**", "abc/x/y"));
  CHECK_FALSE(glob_match("abc/**", "abc"));
  CHECK(glob_match("**", "a/b/c"));
  // Not a whole component: behaves as a single star.
  CHECK(glob_match("a**b", "axxb"));
  CHECK_FALSE(glob_match("a**b", "a/b"));
  CHECK_FALSE(glob_match("x/**b", "x/a/b"));
  CHECK(glob_match("x/**b", "x/ab"));
}

TEST_CASE("glob: bracket expressions", "[discover]") {
  CHECK(glob_match("[abc].txt", "b.txt"));
  CHECK_FALSE(glob_match("[abc].txt", "d.txt"));
  CHECK(glob_match("[!abc].txt", "d.txt"));
  CHECK(glob_match("[^abc].txt", "d.txt"));
  CHECK_FALSE(glob_match("[!abc].txt", "a.txt"));
  CHECK(glob_match("[a-c]x", "bx"));
  CHECK_FALSE(glob_match("[a-c]x", "dx"));
  CHECK(glob_match("[]]x", "]x"));
  CHECK(glob_match("[!]]x", "ax"));
  CHECK_FALSE(glob_match("[!]]x", "]x"));
  CHECK(glob_match("[a-]x", "-x"));
  CHECK(glob_match("[[:digit:]]x", "5x"));
  CHECK_FALSE(glob_match("[[:digit:]]x", "ax"));
  CHECK(glob_match("[[:upper:][:digit:]]", "Q"));
  CHECK_FALSE(glob_match("a[!b]c", "a/c"));  // never a slash
  CHECK(glob_match("*.[oa]", "lib.a"));
  // Malformed: an unterminated class or unknown class name matches nothing.
  CHECK_FALSE(glob_match("foo[ab", "foo[ab"));
  CHECK_FALSE(glob_match("foo[ab", "fooa"));
  CHECK_FALSE(glob_match("[[:nosuch:]]", "a"));
}

TEST_CASE("glob: escapes make special characters literal", "[discover]") {
  CHECK(glob_match("\\*star", "*star"));
  CHECK_FALSE(glob_match("\\*star", "xstar"));
  CHECK(glob_match("\\?", "?"));
  CHECK_FALSE(glob_match("\\?", "a"));
  CHECK(glob_match("[\\]]", "]"));
  CHECK(glob_match("a\\[b", "a[b"));
  CHECK_FALSE(glob_match("abc\\", "abc"));  // a dangling escape matches nothing
  CHECK(glob_is_literal("main.tf"));
  CHECK_FALSE(glob_is_literal("*.tf"));
  CHECK_FALSE(glob_is_literal("a\\b"));
}

TEST_CASE("glob: pathological patterns finish quickly", "[discover]") {
  std::string text(3000, 'a');
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "b";
  CHECK_FALSE(glob_match(pattern, text));
  std::string deep;
  for (int i = 0; i < 30; ++i) deep += "**/";
  deep += "z";
  std::string path;
  for (int i = 0; i < 500; ++i) path += "d/";
  path += "y";
  CHECK_FALSE(glob_match(deep, path));
  CHECK(glob_match(deep, path.substr(0, path.size() - 1) + "z"));
}
