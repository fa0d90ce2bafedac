// Helpers shared by the Dockerfile predicates: which stage is final, which stages end up in
// the final image (the final stage and the earlier stages it is built FROM), the stage that
// holds an instruction, and the last instruction of a type that an image inherits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/node.h"

namespace clearance::dockerfile_stages {

/// Every stage of a parsed Dockerfile, in order.
std::vector<const Node*> stages(const Document& doc);
/// The last stage, or nullptr when the file has no FROM.
const Node* final_stage(const Document& doc);
/// The stage `s` and then the earlier stages it is built FROM (nearest first).
std::vector<const Node*> lineage(const Document& doc, const Node* s);
/// The stage whose instructions include `instruction`, or nullptr.
const Node* stage_of(const Document& doc, const Node& instruction);
/// The last instruction of `type` in the lineage of `s` (nearest stage wins), or nullptr.
const Node* last_inherited(const Document& doc, const Node* s, std::string_view type);
/// The string of attribute `name`, or "" when absent.
std::string attr(const Node& n, std::string_view name);
/// Upper-cased copy.
std::string upper(std::string_view s);

}  // namespace clearance::dockerfile_stages
