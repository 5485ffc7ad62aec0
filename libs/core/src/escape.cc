// HTML and XML text escaping, CSV field quoting (escape.h).
#include "synlig/core/escape.h"

namespace synlig {

void AppendHtmlEscaped(std::string_view text, std::string& out) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\'':
        out.append("&#39;");
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendHtmlEscaped(text, out);
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const auto u = end ? 0 : static_cast<unsigned char>(text[i]);
    if (end || (u < 0x20 && u != '\t' && u != '\n' && u != '\r')) {
      AppendHtmlEscaped(text.substr(start, i - start), out);
      start = i + 1;
    }
  }
  return out;
}

void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string CsvField(std::string_view field) {
  std::string out;
  AppendCsvField(field, out);
  return out;
}

}  // namespace synlig
