// The analyst's Markdown-like markup: blocks (paragraphs, headings, lists) and inline emphasis.
// Deliberately small and safe: no HTML, no links, no images; everything else is literal text.
#include <cctype>
#include <string>

#include "synlig/report/report.h"

namespace synlig::report {
namespace {

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// **bold**, *italic*, _italic_; an unmatched marker is literal text.
Runs Inline(std::string_view text) {
  Runs runs;
  bool bold = false, italic = false;
  std::string current;
  auto flush = [&]() {
    if (current.empty()) return;
    if (!runs.empty() && runs.back().bold == bold && runs.back().italic == italic) {
      runs.back().text += current;
    } else {
      runs.push_back({current, bold, italic});
    }
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with("**")) {
      // Only toggle when a closing marker follows (or this one closes).
      if (bold || text.find("**", i + 2) != std::string_view::npos) {
        flush();
        bold = !bold;
        ++i;
        continue;
      }
    } else if (text[i] == '*' || text[i] == '_') {
      const char m = text[i];
      // "_" marks emphasis only at a word's edge, so snake_case stays as it is.
      auto alnum = [&](std::size_t at) {
        return at < text.size() && std::isalnum(static_cast<unsigned char>(text[at]));
      };
      const bool at_edge = m == '*' || (italic ? !alnum(i + 1) : (i == 0 || !alnum(i - 1)));
      if (at_edge && (italic || text.find(m, i + 1) != std::string_view::npos)) {
        flush();
        italic = !italic;
        continue;
      }
    }
    current += text[i];
  }
  flush();
  // Markers left open fall back to plain text semantics for what followed; nothing to do.
  return runs;
}

bool NumberedItem(std::string_view line, std::string_view& rest) {
  std::size_t i = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i > 3 || i + 1 >= line.size() || (line[i] != '.' && line[i] != ')') ||
      line[i + 1] != ' ') {
    return false;
  }
  rest = TrimLine(line.substr(i + 2));
  return true;
}

}  // namespace

std::vector<Block> ParseMarkup(std::string_view text) {
  std::vector<Block> blocks;
  std::string paragraph;
  auto end_paragraph = [&]() {
    if (paragraph.empty()) return;
    Block b;
    b.kind = Block::Kind::kParagraph;
    b.runs = Inline(paragraph);
    blocks.push_back(std::move(b));
    paragraph.clear();
  };
  auto add_item = [&](Block::Kind kind, std::string_view item) {
    end_paragraph();
    if (blocks.empty() || blocks.back().kind != kind) {
      Block b;
      b.kind = kind;
      blocks.push_back(std::move(b));
    }
    blocks.back().items.push_back(Inline(item));
  };
  bool in_list = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view line = TrimLine(raw);
    std::string_view rest;
    if (line.empty()) {
      end_paragraph();
      in_list = false;
    } else if (line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ")) {
      end_paragraph();
      in_list = false;
      Block b;
      b.kind = Block::Kind::kHeading;
      b.level = line.starts_with("# ") ? 3 : 4;
      b.runs = Inline(TrimLine(line.substr(line.find(' ') + 1)));
      blocks.push_back(std::move(b));
    } else if (line.starts_with("- ") || line.starts_with("* ")) {
      add_item(Block::Kind::kBullets, TrimLine(line.substr(2)));
      in_list = true;
    } else if (NumberedItem(line, rest)) {
      add_item(Block::Kind::kNumbered, rest);
      in_list = true;
    } else if (in_list && (raw.starts_with("  ") || raw.starts_with("\t"))) {
      // A continuation line of the last item.
      Runs more = Inline(std::string(" ") + std::string(line));
      Runs& item = blocks.back().items.back();
      item.insert(item.end(), more.begin(), more.end());
    } else {
      in_list = false;
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    if (nl == text.size()) break;
  }
  end_paragraph();
  return blocks;
}

std::string PlainText(const Runs& runs) {
  std::string s;
  for (const Run& r : runs) s += r.text;
  return s;
}

}  // namespace synlig::report
