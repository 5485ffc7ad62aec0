// An incremental update of cairo's PDF that rewrites its catalog with entries cairo 1.16 has
// no call for (the document's language, showing the title in a viewer's window): the new
// catalog object, a cross-reference section for it alone, and a trailer pointing back at
// cairo's (/Prev). Readers take the newest version of each object.
#include <charconv>
#include <cstdio>

#include "render/pdf_flow.h"

namespace synlig::report::internal {
namespace {

// The number after `key` (as in "/Size 32") in dict, or -1.
long long NumberAfter(std::string_view dict, std::string_view key) {
  const std::size_t at = dict.find(key);
  if (at == std::string_view::npos) return -1;
  std::size_t p = at + key.size();
  while (p < dict.size() && dict[p] == ' ') ++p;
  long long value = -1;
  const auto [end, ec] = std::from_chars(dict.data() + p, dict.data() + dict.size(), value);
  return ec == std::errc() && end != dict.data() + p ? value : -1;
}

}  // namespace

Status AddToCatalog(std::string& pdf, const std::string& entries) {
  auto bad = [](const char* what) {
    return Internal(std::string("the PDF from cairo has no ") + what + " where expected");
  };
  const std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos) return bad("startxref");
  const long long prev = NumberAfter(std::string_view(pdf).substr(startxref), "startxref\n");
  const std::size_t trailer = pdf.rfind("trailer", startxref);
  if (prev < 0 || trailer == std::string::npos) return bad("trailer");
  const std::string_view dict(pdf.data() + trailer, startxref - trailer);
  const long long size = NumberAfter(dict, "/Size");
  const long long root = NumberAfter(dict, "/Root");
  const long long info = NumberAfter(dict, "/Info");
  if (size <= 0 || root <= 0 || root >= size) return bad("/Size or /Root in the trailer");
  if (static_cast<std::size_t>(prev) >= pdf.size()) return bad("cross-reference table");
  // The catalog, where cairo's cross-reference table (one section "0 <size>" of 20-byte
  // entries) says it is: "N 0 obj\n<< /Type /Catalog ... >>\nendobj".
  const std::string xref_head = "xref\n0 " + std::to_string(size) + "\n";
  const auto entry_at =
      static_cast<std::size_t>(prev) + xref_head.size() + 20 * static_cast<std::size_t>(root);
  if (pdf.compare(static_cast<std::size_t>(prev), xref_head.size(), xref_head) != 0 ||
      entry_at + 20 > pdf.size()) {
    return bad("cross-reference table");
  }
  const long long at = NumberAfter(std::string_view(pdf).substr(entry_at, 10), "");
  const std::string head = std::to_string(root) + " 0 obj\n";
  if (at <= 0 || static_cast<std::size_t>(at) >= pdf.size() ||
      pdf.compare(static_cast<std::size_t>(at), head.size(), head) != 0) {
    return bad("catalog object");
  }
  const std::size_t begin = static_cast<std::size_t>(at);
  const std::size_t end = pdf.find("endobj", begin);
  if (end == std::string::npos) return bad("catalog object");
  std::string catalog = pdf.substr(begin + head.size(), end - begin - head.size());
  const std::size_t close = catalog.rfind(">>");
  if (close == std::string::npos || catalog.find("/Type /Catalog") == std::string::npos) {
    return bad("catalog dictionary");
  }
  catalog.insert(close, "   " + entries + "\n");

  if (!pdf.ends_with('\n')) pdf += '\n';
  const std::size_t offset = pdf.size();
  pdf += std::to_string(root) + " 0 obj\n" + catalog + "endobj\n";
  const std::size_t xref = pdf.size();
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);  // 20 bytes, as required
  pdf += "xref\n" + std::to_string(root) + " 1\n" + entry;
  pdf +=
      "trailer\n<< /Size " + std::to_string(size) + "\n   /Root " + std::to_string(root) + " 0 R\n";
  if (info > 0) pdf += "   /Info " + std::to_string(info) + " 0 R\n";
  pdf +=
      "   /Prev " + std::to_string(prev) + "\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return Ok();
}

}  // namespace synlig::report::internal
