// Node: one element of a parsed file in the common model (a Terraform block, a Dockerfile
// stage or instruction, an nginx directive, an ECS container, a .env entry).
// Every parser produces Nodes; rules see only Nodes, Attributes and Values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"
#include "model/value.h"

namespace clearance {

/// A named value on a node, with the range of the whole `name = value` text.
struct Attribute {
  std::string name;
  Value value;
  Range range;
};

/// A structural element of a document. What kind/type/name mean is format-specific and
/// documented by each parser (see ARCHITECTURE.md, "The model per format").
struct Node {
  std::string kind;                 ///< e.g. "resource", "block", "stage", "directive"
  std::string type;                 ///< e.g. "aws_s3_bucket", "versioning", "server"
  std::string name;                 ///< e.g. the resource name, a stage alias
  std::vector<std::string> labels;  ///< all labels as written (Terraform, nginx arguments)
  std::vector<Attribute> attributes;
  std::vector<Node> children;
  Range range;  ///< the whole element; range.begin is its header line

  const Attribute* attribute(std::string_view name) const;
  Attribute* attribute(std::string_view name);
  /// First direct child with this type, or nullptr.
  const Node* child(std::string_view type) const;
  /// All direct children with this type.
  std::vector<const Node*> children_of(std::string_view type) const;
  /// Follows a dotted path through nested children and finally an attribute:
  /// "versioning.enabled" is child "versioning", attribute "enabled". nullptr when absent.
  const Attribute* find_attribute(std::string_view dotted) const;
  /// Follows a dotted path of nested children; nullptr when absent.
  const Node* find_child(std::string_view dotted) const;
};

}  // namespace clearance
