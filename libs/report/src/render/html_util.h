// Escaping and the small shared pieces of the HTML renderer.
#pragma once

#include <string>
#include <string_view>

#include "render/chart_layout.h"
#include "synlig/core/escape.h"

namespace synlig::report::internal {

// Text content and attribute values: & < > " ' escaped.
inline std::string Escape(std::string_view s) { return synlig::HtmlEscape(s); }
// The chart as inline SVG with role="img", <title> and <desc> (the text alternative).
std::string ChartSvg(const Chart& chart, Language lang, const std::string& id);

}  // namespace synlig::report::internal
