// The first worksheet of an .xlsx workbook as text cells: libzip reads the parts, a small XML
// scanner (elements, attributes, text, the five entities and character references) reads
// workbook.xml, its relationships, sharedStrings.xml and the sheet.
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "official/text_util.h"
#include "synlig/report/official.h"

namespace synlig::report {
namespace {

constexpr std::uint64_t kMaxPart = 64u << 20;
constexpr std::size_t kMaxRows = 200000;
constexpr int kMaxColumns = 16384;

Unexpected Bad(const std::string& what) {
  return InvalidArgument("the Excel file is not readable: " + what, "file");
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// Reads one part; nullopt-like empty with found=false when absent.
Result<std::string> ReadPart(zip_t* zip, const std::string& name, bool& found) {
  zip_stat_t st;
  zip_stat_init(&st);
  found = false;
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::string();
  found = true;
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxPart) {
    return Bad("part " + name + " is larger than 64 MiB");
  }
  zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
  if (f == nullptr) return Bad("part " + name + " cannot be opened");
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t got = data.empty() ? 0 : zip_fread(f, data.data(), data.size());
  zip_fclose(f);
  if (got < 0 || static_cast<std::uint64_t>(got) != st.size) {
    return Bad("part " + name + " is damaged");
  }
  return data;
}

// A forward-only XML scanner over a part; enough for SpreadsheetML.
class XmlScanner {
 public:
  explicit XmlScanner(std::string_view xml) : xml_(xml) {}

  enum class Kind { kStart, kEnd, kText, kDone, kError };
  struct Token {
    Kind kind = Kind::kDone;
    std::string name;  // local name (prefix dropped)
    std::map<std::string, std::string> attrs;
    bool self_closing = false;
    std::string text;
  };

  Token Next() {
    Token t;
    if (pos_ >= xml_.size()) return t;
    if (xml_[pos_] != '<') {
      std::size_t end = xml_.find('<', pos_);
      if (end == std::string_view::npos) end = xml_.size();
      t.kind = Kind::kText;
      if (!Unescape(xml_.substr(pos_, end - pos_), t.text)) t.kind = Kind::kError;
      pos_ = end;
      return t;
    }
    if (xml_.substr(pos_).starts_with("<?")) return Skip("?>");
    if (xml_.substr(pos_).starts_with("<!--")) return Skip("-->");
    if (xml_.substr(pos_).starts_with("<![CDATA[")) {
      std::size_t end = xml_.find("]]>", pos_);
      if (end == std::string_view::npos) return Error();
      t.kind = Kind::kText;
      t.text = std::string(xml_.substr(pos_ + 9, end - pos_ - 9));
      pos_ = end + 3;
      return t;
    }
    if (xml_.substr(pos_).starts_with("<!")) return Skip(">");
    std::size_t end = xml_.find('>', pos_);
    if (end == std::string_view::npos) return Error();
    std::string_view tag = xml_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    if (tag.starts_with("/")) {
      t.kind = Kind::kEnd;
      t.name = LocalName(internal::Trim(tag.substr(1)));
      return t;
    }
    t.kind = Kind::kStart;
    if (tag.ends_with("/")) {
      t.self_closing = true;
      tag.remove_suffix(1);
    }
    std::size_t i = 0;
    while (i < tag.size() && !IsSpace(tag[i])) ++i;
    t.name = LocalName(tag.substr(0, i));
    while (i < tag.size()) {
      while (i < tag.size() && IsSpace(tag[i])) ++i;
      if (i >= tag.size()) break;
      std::size_t eq = tag.find('=', i);
      if (eq == std::string_view::npos) return Error();
      std::string key(internal::Trim(tag.substr(i, eq - i)));
      std::size_t q = eq + 1;
      while (q < tag.size() && IsSpace(tag[q])) ++q;
      if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) return Error();
      std::size_t close = tag.find(tag[q], q + 1);
      if (close == std::string_view::npos) return Error();
      std::string value;
      if (!Unescape(tag.substr(q + 1, close - q - 1), value)) return Error();
      t.attrs[key] = std::move(value);
      i = close + 1;
    }
    return t;
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  static std::string LocalName(std::string_view qname) {
    std::size_t colon = qname.find(':');
    return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
  }
  Token Skip(std::string_view until) {
    std::size_t end = xml_.find(until, pos_);
    if (end == std::string_view::npos) return Error();
    pos_ = end + until.size();
    return Next();
  }
  Token Error() {
    Token t;
    t.kind = Kind::kError;
    pos_ = xml_.size();
    return t;
  }
  static void AppendCodePoint(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  static bool Unescape(std::string_view in, std::string& out) {
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (in[i] != '&') {
        out += in[i];
        continue;
      }
      std::size_t semi = in.find(';', i);
      if (semi == std::string_view::npos || semi - i > 10) return false;
      std::string_view ent = in.substr(i + 1, semi - i - 1);
      if (ent == "amp")
        out += '&';
      else if (ent == "lt")
        out += '<';
      else if (ent == "gt")
        out += '>';
      else if (ent == "quot")
        out += '"';
      else if (ent == "apos")
        out += '\'';
      else if (ent.starts_with("#")) {
        std::uint32_t cp = 0;
        bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
        std::string_view digits = ent.substr(hex ? 2 : 1);
        auto [p, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty() || cp == 0 ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return false;
        }
        AppendCodePoint(out, cp);
      } else {
        return false;
      }
      i = semi;
    }
    return true;
  }

  std::string_view xml_;
  std::size_t pos_ = 0;
};

using Kind = XmlScanner::Kind;

Result<std::string> FirstSheetPath(zip_t* zip) {
  bool found = false;
  auto workbook = ReadPart(zip, "xl/workbook.xml", found);
  if (!workbook) return Unexpected(workbook.error());
  if (!found) return Bad("xl/workbook.xml is missing (is it an .xlsx workbook?)");
  std::string rel_id;
  XmlScanner wb(*workbook);
  for (auto t = wb.Next(); t.kind != Kind::kDone; t = wb.Next()) {
    if (t.kind == Kind::kError) return Bad("xl/workbook.xml is malformed");
    if (t.kind == Kind::kStart && t.name == "sheet") {
      for (const auto& [key, value] : t.attrs) {
        if (key == "r:id" || key.ends_with(":id")) rel_id = value;
      }
      break;
    }
  }
  if (rel_id.empty()) return Bad("the workbook has no worksheet");
  auto rels = ReadPart(zip, "xl/_rels/workbook.xml.rels", found);
  if (!rels) return Unexpected(rels.error());
  if (!found) return Bad("xl/_rels/workbook.xml.rels is missing");
  XmlScanner rs(*rels);
  for (auto t = rs.Next(); t.kind != Kind::kDone; t = rs.Next()) {
    if (t.kind == Kind::kError) return Bad("xl/_rels/workbook.xml.rels is malformed");
    if (t.kind == Kind::kStart && t.name == "Relationship" && t.attrs["Id"] == rel_id) {
      std::string target = t.attrs["Target"];
      if (target.empty()) break;
      if (target.starts_with("/")) return target.substr(1);
      return "xl/" + target;
    }
  }
  return Bad("the first worksheet's part is not named in xl/_rels/workbook.xml.rels");
}

Result<std::vector<std::string>> SharedStrings(zip_t* zip) {
  bool found = false;
  auto part = ReadPart(zip, "xl/sharedStrings.xml", found);
  if (!part) return Unexpected(part.error());
  std::vector<std::string> strings;
  if (!found) return strings;
  XmlScanner x(*part);
  bool in_si = false, in_t = false, in_rph = false;
  std::string current;
  for (auto t = x.Next(); t.kind != Kind::kDone; t = x.Next()) {
    if (t.kind == Kind::kError) return Bad("xl/sharedStrings.xml is malformed");
    if (t.kind == Kind::kStart) {
      if (t.name == "si") {
        in_si = true;
        current.clear();
        if (t.self_closing) {
          strings.push_back({});
          in_si = false;
        }
      } else if (t.name == "t" && !t.self_closing) {
        in_t = true;
      } else if (t.name == "rPh") {
        in_rph = !t.self_closing;  // phonetic runs are not part of the text
      }
    } else if (t.kind == Kind::kEnd) {
      if (t.name == "si" && in_si) {
        strings.push_back(current);
        in_si = false;
      } else if (t.name == "t") {
        in_t = false;
      } else if (t.name == "rPh") {
        in_rph = false;
      }
    } else if (t.kind == Kind::kText && in_si && in_t && !in_rph) {
      current += t.text;
    }
  }
  return strings;
}

// "B12" -> column 1 (0-based); -1 when malformed.
int ColumnOf(std::string_view ref) {
  int col = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > kMaxColumns) return -1;
    ++i;
  }
  if (i == 0) return -1;
  return col - 1;
}

std::string NumberText(const std::string& v) {
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size()) return v;
  if (std::isfinite(d) && std::fabs(d) < 1e15 && d == std::floor(d)) {
    return std::to_string(static_cast<long long>(d));
  }
  return v;
}

}  // namespace

Result<TextTable> ReadXlsxSheet(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Bad("out of memory");
  }
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(source);
    zip_error_fini(&error);
    return Bad("it is not a zip archive");
  }
  zip_error_fini(&error);
  auto sheet_path = FirstSheetPath(zip.get());
  if (!sheet_path) return Unexpected(sheet_path.error());
  auto strings = SharedStrings(zip.get());
  if (!strings) return Unexpected(strings.error());
  bool found = false;
  auto sheet = ReadPart(zip.get(), *sheet_path, found);
  if (!sheet) return Unexpected(sheet.error());
  if (!found) return Bad("the worksheet part " + *sheet_path + " is missing");

  TextTable table;
  table.format = "Excel (.xlsx)";
  XmlScanner x(*sheet);
  std::vector<std::string>* row = nullptr;
  int col = -1;
  std::string type, value;
  bool in_v = false, in_is_t = false, in_cell = false;
  for (auto t = x.Next(); t.kind != Kind::kDone; t = x.Next()) {
    if (t.kind == Kind::kError) return Bad(*sheet_path + " is malformed");
    if (t.kind == Kind::kStart && t.name == "row") {
      std::size_t r = table.rows.size() + 1;
      if (auto it = t.attrs.find("r"); it != t.attrs.end()) {
        std::size_t n = 0;
        auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), n);
        if (ec != std::errc() || n < table.rows.size() + 1 || n > kMaxRows) {
          return Bad(*sheet_path + " has rows out of order");
        }
        r = n;
      }
      if (r > kMaxRows) return Bad("the worksheet has more than 200,000 rows");
      table.rows.resize(r);
      row = &table.rows.back();
      col = -1;
      continue;
    }
    if (t.kind == Kind::kStart && t.name == "c") {
      if (row == nullptr) return Bad(*sheet_path + " has a cell outside a row");
      col = col + 1;
      if (auto it = t.attrs.find("r"); it != t.attrs.end()) col = ColumnOf(it->second);
      if (col < 0) return Bad(*sheet_path + " has a bad cell reference");
      type = t.attrs.count("t") ? t.attrs["t"] : "n";
      value.clear();
      in_cell = !t.self_closing;
      continue;
    }
    if (t.kind == Kind::kStart && in_cell && t.name == "v") in_v = !t.self_closing;
    if (t.kind == Kind::kStart && in_cell && t.name == "t") in_is_t = !t.self_closing;
    if (t.kind == Kind::kText && (in_v || in_is_t)) value += t.text;
    if (t.kind == Kind::kEnd && t.name == "v") in_v = false;
    if (t.kind == Kind::kEnd && t.name == "t") in_is_t = false;
    if (t.kind == Kind::kEnd && t.name == "c" && in_cell) {
      in_cell = false;
      std::string text;
      if (type == "s") {
        std::size_t index = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (ec != std::errc() || index >= strings->size()) {
          return Bad(*sheet_path + " refers to a shared string that does not exist");
        }
        text = (*strings)[index];
      } else if (type == "n") {
        text = NumberText(value);
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else {
        text = value;  // str, inlineStr, e
      }
      if (static_cast<int>(row->size()) <= col) row->resize(static_cast<std::size_t>(col) + 1);
      (*row)[static_cast<std::size_t>(col)] = std::string(internal::Trim(text));
    }
  }
  if (table.rows.empty()) return InvalidArgument("the first worksheet is empty", "file");
  return table;
}

}  // namespace synlig::report
