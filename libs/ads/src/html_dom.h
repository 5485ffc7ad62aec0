// A parsed HTML page (gumbo) as a flat list of elements in document order, for the selector
// engine of the saved-page importer: tag names, attributes, parents and subtree ranges, and the
// visible text of an element. Only html_dom.cc includes gumbo's header. Usage:
//   auto doc = internal::HtmlDocument::Parse(page_bytes);
//   for (std::int32_t e = 0; e < doc->size(); ++e) doc->element(e).tag ...
//   std::string text = doc->Text(e);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::ads::internal {

// The largest page read (bytes); larger pages are rejected.
inline constexpr std::size_t kMaxHtmlBytes = 16u << 20;
// Pages whose tags nest deeper than this are refused; elements deeper in the tree gumbo builds
// are left out (with their subtrees).
inline constexpr std::int32_t kMaxHtmlDepth = 512;

struct HtmlElement {
  std::string tag;                                              // lower case
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case
  std::int32_t parent = -1;                                     // index, -1 for the root
  std::int32_t end = 0;        // one past the last element of its subtree
  const void* node = nullptr;  // the gumbo node, for Text()
};

class HtmlDocument {
 public:
  // Parses any bytes (gumbo recovers from any markup). Errors: kInvalidArgument (field "page")
  // when html is larger than kMaxHtmlBytes or its tags nest deeper than kMaxHtmlDepth.
  static Result<HtmlDocument> Parse(std::string_view html);
  HtmlDocument(HtmlDocument&&) noexcept;
  HtmlDocument& operator=(HtmlDocument&&) noexcept;
  ~HtmlDocument();

  std::int32_t size() const { return static_cast<std::int32_t>(elements_.size()); }
  const HtmlElement& element(std::int32_t i) const {
    return elements_[static_cast<std::size_t>(i)];
  }
  // The attribute's value, or nullptr. name in lower case.
  const std::string* Attribute(std::int32_t i, std::string_view name) const;
  // The visible text of element i: text of its descendants without scripts, styles and
  // comments; whitespace collapsed to one space, a line break between blocks and at <br>;
  // trimmed.
  std::string Text(std::int32_t i) const;

 private:
  struct Impl;
  explicit HtmlDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<HtmlElement> elements_;
};

}  // namespace synlig::ads::internal
