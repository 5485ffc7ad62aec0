// HTML and XML text escaping, shared by the web pages, the council report's HTML and its Word
// (OOXML) file; and the quoting of one CSV field, shared by every CSV Synlig writes.
//   out += "<td>" + synlig::HtmlEscape(label) + "</td>";
#pragma once

#include <string>
#include <string_view>

namespace synlig {

// Appends `text` with & < > " ' escaped: safe as element text and as a quoted attribute value.
void AppendHtmlEscaped(std::string_view text, std::string& out);
std::string HtmlEscape(std::string_view text);

// As HtmlEscape, and drops the C0 control characters other than tab, LF and CR, which XML 1.0
// does not allow in a document at all.
std::string XmlEscape(std::string_view text);

// Appends `field` as one RFC 4180 CSV field: as it is, or in double quotes with its quotes
// doubled when it holds a comma, a double quote or a line break.
void AppendCsvField(std::string_view field, std::string& out);
std::string CsvField(std::string_view field);

}  // namespace synlig
