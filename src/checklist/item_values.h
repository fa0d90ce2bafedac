// Checks of the values an item names: a base image ("Base image selected (python:3.9-slim)"),
// a tag scheme ("Image tags use semantic versioning"), the application code copied into the
// image. Each compares what the item says with what the files say.
#pragma once

#include <string_view>

#include "checklist/item_result.h"
#include "engine/workspace.h"

namespace clearance {

/// The verdict of the named-value checks that apply to `text`; Manual with no rules when none
/// applies.
ItemResult judge_named_values(std::string_view text, const Workspace& ws);

}  // namespace clearance
