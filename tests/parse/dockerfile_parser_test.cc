// Tests of the Dockerfile parser: stages, aliases, platform, digests, ARG substitution in
// FROM, both ENV syntaxes, exec vs shell form, continuations, the escape directive,
// heredocs, comments and broken input.
#include "parse/dockerfile/dockerfile_parser.h"

#include <catch2/catch.hpp>
#include <string>

#include "parse/dockerfile/dockerfile_names.h"

using namespace clearance;

namespace {

Document parse(std::string source) {
  Document doc;
  doc.path = "Dockerfile";
  doc.format = Format::Dockerfile;
  doc.source = std::move(source);
  parse_dockerfile(doc);
  return doc;
}

std::vector<const Node*> stages(const Document& doc) {
  std::vector<const Node*> out;
  for (const Node& c : doc.root.children)
    if (c.kind == "stage") out.push_back(&c);
  return out;
}

std::string str(const Node& n, std::string_view attr) {
  const Attribute* a = n.attribute(attr);
  return a ? a->value.as_string() : "<absent>";
}

const Node& instruction(const Node& stage, size_t i) {
  return stage.children.at(i);
}

}  // namespace

TEST_CASE("stages carry image, tag, alias, index and platform", "[dockerfile]") {
  Document doc = parse(
      "FROM --platform=linux/amd64 golang:1.22 AS build\n"
      "RUN go build\n"
      "FROM gcr.io/distroless/base@sha256:0123abcd\n"
      "COPY --from=build /out /app\n");
  REQUIRE(doc.diagnostics.empty());
  CHECK(doc.root.kind == "dockerfile");
  auto st = stages(doc);
  REQUIRE(st.size() == 2);
  CHECK(st[0]->type == "golang");
  CHECK(st[0]->name == "build");
  CHECK(str(*st[0], "tag") == "1.22");
  CHECK(str(*st[0], "platform") == "linux/amd64");
  CHECK(str(*st[0], "alias") == "build");
  CHECK(st[0]->attribute("index")->value.as_number() == 0);
  CHECK(st[0]->range.begin.line == 1);
  CHECK(st[0]->range.end.line == 2);
  CHECK(st[1]->type == "gcr.io/distroless/base");
  CHECK(str(*st[1], "digest") == "sha256:0123abcd");
  CHECK(str(*st[1], "tag") == "<absent>");
  CHECK(st[1]->attribute("index")->value.as_number() == 1);
  const Node& copy = instruction(*st[1], 1);
  CHECK(copy.type == "COPY");
  CHECK(copy.attribute("flags")->value.get("from")->as_string() == "build");
  CHECK(copy.attribute("arguments")->value.items().size() == 2);
}

TEST_CASE("a FROM naming an earlier stage is marked from_stage", "[dockerfile]") {
  Document doc = parse("FROM node:20 AS Base\nFROM base\nFROM other\n");
  auto st = stages(doc);
  REQUIRE(st.size() == 3);
  CHECK_FALSE(st[0]->attribute("from_stage")->value.as_bool());
  CHECK(st[1]->attribute("from_stage")->value.as_bool());
  CHECK_FALSE(st[2]->attribute("from_stage")->value.as_bool());
}

TEST_CASE("global ARG defaults are substituted in FROM", "[dockerfile]") {
  Document doc = parse(
      "ARG PY_VERSION=3.11\n"
      "ARG REGISTRY\n"
      "ARG DISTRO=\"bookworm\"\n"
      "FROM python:${PY_VERSION}-slim\n"
      "FROM $REGISTRY/app:1.0\n"
      "FROM debian:${DISTRO:-bullseye}\n"
      "FROM alpine:${ALPINE:-3.19}\n");
  REQUIRE(doc.diagnostics.empty());
  REQUIRE(doc.root.children.size() == 7);
  CHECK(doc.root.children[0].type == "ARG");  // global ARGs stay on the root
  auto st = stages(doc);
  REQUIRE(st.size() == 4);
  CHECK(st[0]->type == "python");
  CHECK(str(*st[0], "tag") == "3.11-slim");
  CHECK(str(*st[0], "reference") == "python:3.11-slim");
  // REGISTRY has no default: the image is unknown, the tag still known.
  CHECK(st[1]->attribute("image")->value.is_unknown());
  CHECK(st[1]->attribute("reference")->value.is_unknown());
  CHECK(str(*st[1], "tag") == "1.0");
  CHECK(st[1]->attribute("tag")->value.is_string());
  CHECK(str(*st[2], "tag") == "bookworm");
  CHECK(str(*st[3], "tag") == "3.19");
}

TEST_CASE("ENV in both syntaxes gives one pair per key with exact ranges", "[dockerfile]") {
  Document doc = parse(
      "FROM alpine:3\n"
      "ENV A=1 B=\"two words\" \\\n"
      "    C='$x'\n"
      "ENV LEGACY some value here\n"
      "ENV P=$HOME/bin\n");
  REQUIRE(doc.diagnostics.empty());
  const Node& st = *stages(doc)[0];
  const Node& env = instruction(st, 1);
  REQUIRE(env.children.size() == 3);
  CHECK(env.children[0].kind == "pair");
  CHECK(env.children[1].name == "B");
  CHECK(str(env.children[1], "value") == "two words");
  CHECK(str(env.children[2], "value") == "$x");  // single quotes: no expansion
  CHECK(env.children[2].attribute("value")->value.is_string());
  const Range& r = env.children[2].range;
  CHECK(r.begin.line == 3);
  CHECK(r.begin.column == 5);
  CHECK(r.end.column == 11);
  CHECK(env.children[1].attribute("key")->range.begin.column == 9);
  const Node& legacy = instruction(st, 2);
  REQUIRE(legacy.children.size() == 1);
  CHECK(legacy.children[0].name == "LEGACY");
  CHECK(str(legacy.children[0], "value") == "some value here");
  const Node& expands = instruction(st, 3);
  CHECK(expands.children[0].attribute("value")->value.is_unknown());
}

TEST_CASE("ARG with and without default; LABEL pairs", "[dockerfile]") {
  Document doc = parse("FROM alpine:3\nARG A B=2\nLABEL \"org.x\"=\"v 1\" k=v\n");
  REQUIRE(doc.diagnostics.empty());
  const Node& st = *stages(doc)[0];
  const Node& arg = instruction(st, 1);
  REQUIRE(arg.children.size() == 2);
  CHECK(arg.children[0].attribute("value") == nullptr);
  CHECK(str(arg.children[1], "value") == "2");
  const Node& label = instruction(st, 2);
  REQUIRE(label.children.size() == 2);
  CHECK(label.children[0].name == "org.x");
  CHECK(str(label.children[0], "value") == "v 1");
}

TEST_CASE("exec and shell form", "[dockerfile]") {
  Document doc = parse(
      "FROM alpine:3\n"
      "CMD [\"python\", \"-m\", \"app\"]\n"
      "ENTRYPOINT python -m app\n"
      "RUN [\"bad json\"\n"
      "HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://x/\"]\n");
  const Node& st = *stages(doc)[0];
  CHECK(str(instruction(st, 1), "form") == "exec");
  CHECK(str(instruction(st, 1), "command") == "python -m app");
  CHECK(instruction(st, 1).attribute("arguments")->value.items().size() == 3);
  CHECK(str(instruction(st, 2), "form") == "shell");
  CHECK(str(instruction(st, 2), "command") == "python -m app");
  CHECK(str(instruction(st, 3), "form") == "shell");  // not valid JSON: shell form
  const Node& hc = instruction(st, 4);
  CHECK(str(hc, "subcommand") == "CMD");
  CHECK(str(hc, "form") == "exec");
  CHECK(hc.attribute("flags")->value.get("interval")->as_string() == "5s");
}

TEST_CASE("continuations join lines and skip comment lines", "[dockerfile]") {
  Document doc = parse(
      "FROM alpine:3\n"
      "RUN apk add \\\n"
      "# a comment inside\n"
      "\n"
      "    --no-cache curl   \\  \n"
      "    && echo done\n"
      "USER app\n");
  REQUIRE(doc.diagnostics.empty());
  const Node& st = *stages(doc)[0];
  REQUIRE(st.children.size() == 3);
  const Node& run = instruction(st, 1);
  CHECK(run.range.begin.line == 2);
  CHECK(run.range.end.line == 6);
  std::string cmd = str(run, "command");
  CHECK(cmd.find("--no-cache curl") != std::string::npos);
  CHECK(cmd.find("comment") == std::string::npos);
  CHECK(instruction(st, 2).type == "USER");
  CHECK(instruction(st, 2).range.begin.line == 7);
}

TEST_CASE("the escape directive switches to backtick", "[dockerfile]") {
  Document doc = parse(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN dir C:\\ `\n"
      "    && echo C:\\temp\\\n"
      "USER ContainerUser\n");
  REQUIRE(doc.diagnostics.empty());
  const Node& st = *stages(doc)[0];
  REQUIRE(st.children.size() == 3);
  CHECK(str(instruction(st, 1), "command") == "dir C:\\     && echo C:\\temp\\");
  CHECK(str(instruction(st, 2), "user") == "ContainerUser");
  // Without the directive the backtick is an ordinary character.
  Document plain = parse("FROM alpine:3\nRUN echo `\nUSER x\n");
  CHECK(stages(plain)[0]->children.size() == 3);
}

TEST_CASE("a directive after a comment is only a comment", "[dockerfile]") {
  Document doc = parse("# hello\n# escape=`\nFROM alpine:3\nRUN a `\nUSER x\n");
  CHECK(stages(doc)[0]->children.size() == 3);
}

TEST_CASE("heredocs belong to their instruction", "[dockerfile]") {
  Document doc = parse(
      "FROM debian:12\n"
      "RUN <<EOF\n"
      "apt-get update\n"
      "apt-get install -y curl\n"
      "EOF\n"
      "COPY <<-\"CONF\" /etc/app.conf\n"
      "\tkey=value\n"
      "\tCONF\n"
      "USER app\n");
  REQUIRE(doc.diagnostics.empty());
  const Node& st = *stages(doc)[0];
  REQUIRE(st.children.size() == 4);
  const Node& run = instruction(st, 1);
  CHECK(run.range.end.line == 5);
  CHECK(str(run, "command").find("apt-get install -y curl") != std::string::npos);
  const Value& docs = run.attribute("heredocs")->value;
  REQUIRE(docs.items().size() == 1);
  CHECK(docs.items()[0].get("delimiter")->as_string() == "EOF");
  const Node& copy = instruction(st, 2);
  CHECK(copy.attribute("heredocs")->value.items()[0].get("body")->as_string() == "key=value");
  CHECK(instruction(st, 3).type == "USER");
}

TEST_CASE("comments are not nodes", "[dockerfile]") {
  Document doc = parse("# top\nFROM alpine:3\n  # indented\nRUN echo hi # not a comment\n");
  const Node& st = *stages(doc)[0];
  REQUIRE(st.children.size() == 2);
  CHECK(str(instruction(st, 1), "command") == "echo hi # not a comment");
}

TEST_CASE("broken input gives diagnostics and keeps the rest", "[dockerfile]") {
  Document doc = parse(
      "RUN echo before\n"
      "FROM ubuntu:22.04\n"
      "FRM typo\n"
      "ENV =oops\n"
      "EXPOSE abc\n"
      "USER app\n"
      "RUN <<EOF\n"
      "never closed\n");
  CHECK(doc.has_errors());
  auto has = [&](int line) {
    for (const auto& d : doc.diagnostics)
      if (d.location.range.begin.line == static_cast<uint32_t>(line)) return true;
    return false;
  };
  CHECK(has(1));
  CHECK(has(3));
  CHECK(has(4));
  CHECK(has(5));
  CHECK(has(7));
  CHECK_FALSE(has(6));
  const Node& st = *stages(doc)[0];
  bool user = false;
  for (const Node& c : st.children) user = user || c.type == "USER";
  CHECK(user);
}

TEST_CASE("hostile input never crashes", "[dockerfile]") {
  std::string deep = "FROM a:${" + std::string(5000, '{') + "\n";
  std::string cont = "FROM a:1\nRUN x" + std::string(20000, '\\') + "\n";
  std::string bytes = "FROM \xff\xfe:1\nENV \x80=\xc3\n\r\n\0RUN\n";
  for (const std::string& s :
       {deep, cont, bytes, std::string("\\"), std::string("FROM"), std::string("RUN <<"),
        std::string("ARG X=${X:-${X:-${X}}}\n"
                    "FROM a:${X}\n")}) {
    Document doc = parse(s);
    CHECK(doc.root.kind == "dockerfile");
  }
}

TEST_CASE("Dockerfile names", "[dockerfile]") {
  CHECK(is_dockerfile_name("Dockerfile"));
  CHECK(is_dockerfile_name("Dockerfile.prod"));
  CHECK(is_dockerfile_name("api.Dockerfile"));
  CHECK(is_dockerfile_name("api.dockerfile"));
  CHECK(is_dockerfile_name("Containerfile"));
  CHECK(is_dockerfile_name("Containerfile.dev"));
  CHECK_FALSE(is_dockerfile_name("Dockerfile.dockerignore"));
  CHECK_FALSE(is_dockerfile_name("Dockerfile-alpine.template"));
  CHECK_FALSE(is_dockerfile_name("README.md"));
}
