// What a parsed site rule file holds (SiteRules::Impl), shared by the rule parser and the
// page reader.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "html_selector.h"
#include "synlig/ads/html_import.h"

namespace synlig::ads {
namespace internal {

// The fields of the import format a rule file can fill.
enum class PageField {
  kAdId,
  kTitle,
  kText,
  kPhones,
  kCity,
  kStatedAge,
  kStatedGender,
  kStatedNationality,
  kPrice,
  kImages,
  kImageHashes,
};
inline constexpr std::size_t kPageFieldCount = 11;
inline constexpr std::array<std::string_view, kPageFieldCount> kPageFieldNames = {
    "ad_id", "title",      "text",          "phones",
    "city",  "stated_age", "stated_gender", "stated_nationality",
    "price", "images",     "image_hashes"};
// Fields that hold a list (every match); the others take the first match unless `all`.
inline bool IsListField(PageField f) {
  return f == PageField::kPhones || f == PageField::kImages || f == PageField::kImageHashes;
}

struct FieldRule {
  bool present = false;
  std::optional<Selector> select;  // nullopt: the item element itself
  std::string attribute;           // empty: the element's text
  std::string strip_prefix;
  bool all = false;      // string fields: every match, joined by line breaks
  std::string describe;  // "'a.phone' attr:href", for messages
};

}  // namespace internal

struct SiteRules::Impl {
  std::string site;
  std::optional<Date> captured_on;
  internal::Selector items;
  std::array<internal::FieldRule, internal::kPageFieldCount> fields;
};

}  // namespace synlig::ads
