// Value: what an attribute, a JSON member or an environment entry holds, in every format.
// `Unknown` stands for what cannot be known statically (a reference, a function of an unset
// variable...) and keeps the expression's source text so a rule can show it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

namespace clearance {

struct Member;
struct Expression;

/// A dynamically typed value with its source range.
class Value {
 public:
  enum class Kind { Null, Bool, Number, String, List, Object, Unknown };

  Value() = default;
  static Value null(Range r = {});
  static Value boolean(bool b, Range r = {});
  static Value number(double n, Range r = {});
  static Value string(std::string s, Range r = {});
  static Value list(std::vector<Value> items, Range r = {});
  static Value object(std::vector<Member> members, Range r = {});
  /// An unknown value; `expression` is the source text that could not be evaluated.
  static Value unknown(std::string expression, Range r = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_object() const { return kind_ == Kind::Object; }
  bool is_unknown() const { return kind_ == Kind::Unknown; }
  /// True if this value or anything inside it is Unknown.
  bool contains_unknown() const;

  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  /// The string of a String, or the expression text of an Unknown.
  const std::string& as_string() const { return text_; }
  const std::vector<Value>& items() const { return items_; }
  std::vector<Value>& items() { return items_; }
  const std::vector<Member>& members() const { return members_; }
  std::vector<Member>& members() { return members_; }

  /// The member named `key` of an Object, or nullptr.
  const Value* get(std::string_view key) const;
  /// Looks up a dotted path of object keys ("a.b.c"); nullptr when absent.
  const Value* find_path(std::string_view dotted) const;

  /// The expression behind an Unknown, when the parser kept its syntax; else nullptr.
  const Expression* expression() const { return expr_.get(); }
  void set_expression(std::shared_ptr<const Expression> e) { expr_ = std::move(e); }

  const Range& range() const { return range_; }
  void set_range(Range r) { range_ = r; }

  /// Human form for messages: strings unquoted, lists/objects as compact JSON-like text.
  std::string to_display() const;
  /// Typed equality (Unknown is never equal to anything, itself included).
  bool equals(const Value& other) const;

  static const char* kind_name(Kind k);

 private:
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  double number_ = 0;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Member> members_;
  std::shared_ptr<const Expression> expr_;
  Range range_;
};

/// A key of an Object with its value and the range of the key itself.
struct Member {
  std::string key;
  Value value;
  Range key_range;
};

}  // namespace clearance
