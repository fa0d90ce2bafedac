// What a .env file's name says: whether it is an env file at all, whether it is a template
// (placeholders expected, never deployed) and which environment it is meant for.
// Shared by classification, the parser (root attributes) and the resolve step (groups).
#pragma once

#include <string>
#include <string_view>

namespace clearance {

/// True for `.env`, `.env.*` and `*.env` base names (not `.envrc`, not `.env.js`...).
bool is_dotenv_file_name(std::string_view base_name);

/// True for templates: a name component `example`, `sample`, `template`, `dist`, `tpl` or
/// `tmpl` (`.env.example`, `.env.production.sample`, `app.env.dist`, `example.env`).
bool is_dotenv_template_name(std::string_view base_name);

/// "production", "staging", "development", "test", "local" when a name component says so
/// (`prod`, `stage`, `dev`, `ci`... count too), else "". Production wins over the others.
std::string dotenv_environment_from_name(std::string_view base_name);

/// The part of `path` after its last '/'.
std::string_view dotenv_base_name(std::string_view path);

}  // namespace clearance
