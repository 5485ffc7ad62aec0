// The analyst's Markdown-like text as safe HTML: paragraphs (blank-line separated), headings
// ("# " -> h3, "## " -> h4), bullet lists ("- " or "* "), numbered lists ("1. "), *emphasis*
// and **strong**. Everything else is text: every character is HTML-escaped, no raw HTML.
#pragma once

#include <string>
#include <string_view>

namespace synlig::web {

// Total on any input (never fails); the result is well-formed HTML.
std::string MarkupToHtml(std::string_view source);

}  // namespace synlig::web
