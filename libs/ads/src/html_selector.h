// The selector subset of the saved-page importer's rule files, over an HtmlDocument: type
// (`div`, `*`), `.class`, `#id`, `[attr]`, `[attr=value]` (value bare or quoted), compounds of
// these (`a.phone[href]`), the descendant (space) and child (`>`) combinators, and lists
// separated by commas. Usage:
//   auto selector = internal::Selector::Parse("article.ad > h2");
//   internal::SelectorMatcher matcher(*selector, doc);
//   std::vector<std::int32_t> hits = matcher.SelectAll(scope);   // descendants of scope
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html_dom.h"
#include "synlig/core/error.h"

namespace synlig::ads::internal {

// Compounds in one selector at most, and alternatives in one list.
inline constexpr std::size_t kMaxSelectorCompounds = 16;
inline constexpr std::size_t kMaxSelectorAlternatives = 16;

class Selector {
 public:
  struct Attr {
    std::string name;  // lower case
    std::optional<std::string> value;
  };
  struct Compound {
    std::string tag;  // lower case; empty = any
    std::vector<std::string> classes;
    std::vector<std::string> ids;
    std::vector<Attr> attrs;
  };
  struct Complex {
    std::vector<Compound> compounds;
    std::vector<char> combinators;  // before compounds[i] (i >= 1): ' ' descendant, '>' child
  };

  // Errors: kInvalidArgument (field "selector") naming the character and its position for
  // anything outside the subset: an empty selector or list entry, a combinator without a
  // compound on both sides, an unclosed '[' or quote, pseudo-classes (':'), other
  // combinators ('+', '~'), attribute operators other than '=', too many compounds.
  static Result<Selector> Parse(std::string_view text);

  const std::vector<Complex>& alternatives() const { return alternatives_; }
  const std::string& text() const { return text_; }

 private:
  std::vector<Complex> alternatives_;
  std::string text_;
};

// Matches one selector against one document; remembers what it has matched, so selecting
// inside many items costs about one pass over the document per selector.
class SelectorMatcher {
 public:
  // Precondition: selector and doc outlive the matcher.
  SelectorMatcher(const Selector& selector, const HtmlDocument& doc);

  bool Matches(std::int32_t element);
  // The elements matching in the subtree of scope (scope itself excluded; scope -1 = the whole
  // document), in document order.
  std::vector<std::int32_t> SelectAll(std::int32_t scope);
  std::optional<std::int32_t> SelectFirst(std::int32_t scope);

 private:
  bool CompoundMatches(const Selector::Compound& c, std::int32_t element) const;
  // Whether compounds [0, k] of alternative a match with compounds[k] at element.
  bool MatchAt(std::size_t a, std::size_t k, std::int32_t element);
  // Whether some proper ancestor of element matches compounds [0, k] of alternative a.
  bool AncestorMatches(std::size_t a, std::size_t k, std::int32_t element);

  const Selector& selector_;
  const HtmlDocument& doc_;
  // Per alternative and compound, per element: 0 unknown, 1 no, 2 yes.
  std::vector<std::vector<std::vector<std::uint8_t>>> match_;
  std::vector<std::vector<std::vector<std::uint8_t>>> ancestor_;
};

}  // namespace synlig::ads::internal
