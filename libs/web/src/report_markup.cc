// A small, safe renderer of the Markdown-like section texts (see report_markup.h).
#include "report_markup.h"

#include <vector>

#include "synlig/core/escape.h"

namespace synlig::web {
namespace {

// Inline: **strong** and *emphasis*, only when closed on the same line; else literal.
void Inline(std::string_view s, std::string& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const bool strong = s.substr(i, 2) == "**";
    if (strong || s[i] == '*') {
      const std::string_view mark = strong ? "**" : "*";
      const std::size_t start = i + mark.size();
      const std::size_t end = s.find(mark, start);
      if (end != std::string_view::npos && end > start && s[start] != ' ') {
        out += strong ? "<strong>" : "<em>";
        AppendHtmlEscaped(s.substr(start, end - start), out);
        out += strong ? "</strong>" : "</em>";
        i = end + mark.size();
        continue;
      }
    }
    AppendHtmlEscaped(s.substr(i, 1), out);
    ++i;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The text of a list item line, or nullopt-like empty view with ok=false.
bool Bullet(std::string_view line, std::string_view& item) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
    item = Trim(line.substr(2));
    return true;
  }
  return false;
}

bool Numbered(std::string_view line, std::string_view& item) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return false;
  item = Trim(line.substr(i + 2));
  return true;
}

}  // namespace

std::string MarkupToHtml(std::string_view source) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= source.size()) {
    const std::size_t nl = source.find('\n', start);
    lines.push_back(Trim(
        source.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  std::string out;
  std::string_view open_list;  // "ul", "ol" or ""
  std::vector<std::string_view> paragraph;
  auto flush_paragraph = [&] {
    if (paragraph.empty()) return;
    out += "<p>";
    for (std::size_t i = 0; i < paragraph.size(); ++i) {
      if (i > 0) out += "\n";
      Inline(paragraph[i], out);
    }
    out += "</p>\n";
    paragraph.clear();
  };
  auto close_list = [&] {
    if (open_list.empty()) return;
    out += "</" + std::string(open_list) + ">\n";
    open_list = "";
  };
  for (const std::string_view line : lines) {
    std::string_view item;
    if (line.empty()) {
      flush_paragraph();
      close_list();
    } else if (line.starts_with("## ") || line.starts_with("# ")) {
      flush_paragraph();
      close_list();
      const bool sub = line.starts_with("## ");
      out += sub ? "<h4>" : "<h3>";
      Inline(Trim(line.substr(sub ? 3 : 2)), out);
      out += sub ? "</h4>\n" : "</h3>\n";
    } else if (const bool ul = Bullet(line, item); ul || Numbered(line, item)) {
      flush_paragraph();
      const std::string_view kind = ul ? "ul" : "ol";
      if (open_list != kind) {
        close_list();
        out += "<" + std::string(kind) + ">\n";
        open_list = kind;
      }
      out += "<li>";
      Inline(item, out);
      out += "</li>\n";
    } else {
      close_list();
      paragraph.push_back(line);
    }
  }
  flush_paragraph();
  close_list();
  return out;
}

}  // namespace synlig::web
