// The renderers on a synthetic report: each format is well formed, carries the tables and the
// accessibility structure, and is byte-for-byte reproducible. Set SYNLIG_REPORT_DUMP=DIR to
// keep the files for a look.
#include "synlig/report/render.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

#include "report_test_data.h"
#include "shell.h"
#include "synlig/report/official.h"

namespace synlig::report {
namespace {

Report Sample() {
  ReportInputs in;
  in.current = testing::Round("Kartläggning 2025", 2025, 260, 21);
  in.previous = testing::Round("Kartläggning 2024", 2024, 200, 22);
  in.crimes = testing::Crimes();
  in.population = testing::Population();
  in.generated_on = std::chrono::year(2026) / 3 / 1;
  in.status_label = {"Utkast", "Draft"};
  in.analyst_text["summary"] = {"Kartläggningen visar **flera** saker:\n\n- en\n- två <b>",
                                "The mapping shows *several* things."};
  auto r = BuildReport(in);
  EXPECT_TRUE(r) << r.error().ToString();
  return *r;
}

void Dump(const std::string& name, const std::string& bytes) {
  const char* dir = std::getenv("SYNLIG_REPORT_DUMP");
  if (dir == nullptr) return;
  std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
}

std::size_t Count(const std::string& s, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(RenderHtml, IsAccessibleAndEscaped) {
  Report r = Sample();
  auto html = RenderHtml(r, Language::kSv);
  ASSERT_TRUE(html) << html.error().ToString();
  Dump("report.html", *html);
  EXPECT_TRUE(html->starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
  EXPECT_EQ(Count(*html, "<caption"), r.tables.size());
  EXPECT_GT(Count(*html, "<th scope=\"col\">"), r.tables.size());
  EXPECT_GT(Count(*html, "<th scope=\"row\">"), 10u);
  EXPECT_GT(Count(*html, "<svg role=\"img\""), 3u);
  EXPECT_EQ(Count(*html, "<svg role=\"img\""), Count(*html, "<desc id="));
  EXPECT_NE(html->find("två &lt;b&gt;"), std::string::npos) << "analyst text is escaped";
  EXPECT_EQ(html->find("<script"), std::string::npos);
  EXPECT_NE(html->find("@media print"), std::string::npos);
  EXPECT_NE(html->find("<span class=\"visually-hidden\">undertryckt</span>"), std::string::npos);
  auto en = RenderHtml(r, Language::kEn);
  ASSERT_TRUE(en);
  EXPECT_TRUE(en->starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_NE(en->find("The mapping shows <em>several</em> things."), std::string::npos);
}

TEST(RenderCsv, UsesTheSurveyConventions) {
  Report r = Sample();
  auto csv = RenderCsv(r, Language::kSv);
  ASSERT_TRUE(csv);
  Dump("report.csv", *csv);
  EXPECT_TRUE(csv->starts_with("\xEF\xBB\xBF"));
  EXPECT_EQ(Count(*csv, "\r\n"), Count(*csv, "\n"));
  EXPECT_EQ(Count(*csv, "Tabell "), r.tables.size());
  auto table = ReadDelimitedText(*csv);
  ASSERT_TRUE(table) << table.error().ToString();
  for (const auto& row : table->rows) EXPECT_EQ(row.size(), table->rows[0].size());
}

TEST(RenderXlsx, HasAnAboutSheetThenOneSheetPerTable) {
  Report r = Sample();
  auto xlsx = RenderXlsx(r, Language::kSv);
  ASSERT_TRUE(xlsx) << xlsx.error().ToString();
  Dump("report.xlsx", *xlsx);
  auto first = ReadXlsxSheet(*xlsx);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(first->rows[0][0], r.title.sv);
  std::size_t listed = 0;
  for (const auto& row : first->rows)
    listed += !row.empty() && row[0].starts_with("Tabell ") ? 1 : 0;
  EXPECT_EQ(listed, r.tables.size());
}

TEST(RenderDocx, IsAZipWithHeadingsTablesAndPictures) {
  Report r = Sample();
  auto docx = RenderDocx(r, Language::kSv);
  ASSERT_TRUE(docx) << docx.error().ToString();
  Dump("report.docx", *docx);
  EXPECT_TRUE(docx->starts_with("PK\x03\x04"));
  EXPECT_NE(docx->find("word/document.xml"), std::string::npos);
  EXPECT_NE(docx->find("word/media/chart1.png"), std::string::npos);
}

TEST(RenderPdf, IsAnA4PdfWithFixedMetadata) {
  Report r = Sample();
  auto pdf = RenderPdf(r, Language::kSv);
  ASSERT_TRUE(pdf) << pdf.error().ToString();
  Dump("report.pdf", *pdf);
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("/MediaBox [ 0 0 595.27"), std::string::npos);
  EXPECT_NE(pdf->find("/CreationDate (20260301000000Z)"), std::string::npos);
}

using test_support::RunShell;

// The structure tree as poppler reads it (`pdfinfo -struct`: one element a line, two spaces
// of indent a level), or nullopt without poppler-utils. Fails the test when poppler reports
// anything on its error stream (a broken cross-reference after the catalog's update would).
std::optional<std::vector<std::pair<int, std::string>>> StructureOf(const std::string& pdf) {
  if (!test_support::HaveTool("pdfinfo")) return std::nullopt;
  const std::string file = ::testing::TempDir() + "/tagged.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  auto [code, out] = RunShell("pdfinfo -struct " + file + " 2>" + file + ".err");
  EXPECT_EQ(code, 0);
  std::ifstream err(file + ".err");
  std::stringstream errors;
  errors << err.rdbuf();
  EXPECT_EQ(errors.str(), "") << "poppler complains about the PDF";
  std::vector<std::pair<int, std::string>> tree;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    std::string name = line.substr(indent);
    name = name.substr(0, name.find(' '));  // "P (block)" -> "P"
    tree.emplace_back(static_cast<int>(indent / 2), name);
  }
  return tree;
}

// The number of elements `child` directly under each element `parent`, in document order.
std::vector<std::size_t> ChildCounts(const std::vector<std::pair<int, std::string>>& tree,
                                     const std::string& parent, const std::string& child) {
  std::vector<std::size_t> counts;
  for (std::size_t i = 0; i < tree.size(); ++i) {
    if (tree[i].second != parent) continue;
    std::size_t n = 0;
    for (std::size_t j = i + 1; j < tree.size() && tree[j].first > tree[i].first; ++j) {
      if (tree[j].first == tree[i].first + 1 && tree[j].second == child) ++n;
    }
    counts.push_back(n);
  }
  return counts;
}

TEST(RenderPdf, IsTaggedWithItsLanguageAndTitle) {
  Report r = Sample();
  // One table long enough to continue on a second page, where its header is drawn again.
  ReportTable& long_table = r.tables.front();
  const std::vector<Row> rows = long_table.rows;
  while (long_table.rows.size() < 90) {
    long_table.rows.insert(long_table.rows.end(), rows.begin(), rows.end());
  }
  auto pdf = RenderPdf(r, Language::kSv);
  ASSERT_TRUE(pdf) << pdf.error().ToString();
  Dump("tagged.pdf", *pdf);
  EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos);
  EXPECT_NE(pdf->find("/MarkInfo << /Marked true >>"), std::string::npos);
  EXPECT_NE(pdf->find("/Lang (sv)"), std::string::npos);
  EXPECT_NE(pdf->find("/DisplayDocTitle true"), std::string::npos);
  auto en = RenderPdf(r, Language::kEn);
  ASSERT_TRUE(en);
  EXPECT_NE(en->find("/Lang (en)"), std::string::npos);

  auto tree = StructureOf(*pdf);
  if (!tree) GTEST_SKIP() << "poppler-utils not installed";
  ASSERT_FALSE(tree->empty());
  EXPECT_EQ(tree->front(), std::make_pair(0, std::string("Document")));
  std::map<std::string, std::size_t> count;
  for (const auto& [depth, name] : *tree) ++count[name];
  EXPECT_EQ(count["H1"], 1u);
  // Contents, summary and one per section; each section (and the summary) a Sect.
  EXPECT_EQ(count["H2"], r.sections.size() + 2);
  EXPECT_EQ(count["Sect"], r.sections.size() + 1);
  EXPECT_EQ(count["TOCI"], r.sections.size());
  EXPECT_EQ(ChildCounts(*tree, "L", "LI"), std::vector<std::size_t>{2});  // "- en", "- två"
  // Every table a Table with its caption and one row more than its body: the header drawn
  // again on the next page is not a row of the structure.
  std::vector<std::size_t> expected_rows;
  auto add = [&](const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (b.kind == Block::Kind::kTable) {
        expected_rows.push_back(r.tables[static_cast<std::size_t>(b.table)].rows.size() + 1);
      }
    }
  };
  add(r.summary[0]);
  for (const Section& s : r.sections) add(s.blocks[0]);
  EXPECT_EQ(ChildCounts(*tree, "Document", "Table"), std::vector<std::size_t>{0});  // in Sects
  EXPECT_EQ(ChildCounts(*tree, "Table", "TR"), expected_rows);
  EXPECT_EQ(ChildCounts(*tree, "Table", "Caption"),
            std::vector<std::size_t>(expected_rows.size(), 1));
  // Header cells: the header row's, and each body row's label.
  std::size_t th = 0;
  std::size_t td = 0;
  for (const ReportTable& t : r.tables) {
    th += t.columns.size() + 1 + t.rows.size();
    for (const Row& row : t.rows) td += row.cells.size();
  }
  EXPECT_EQ(count["TH"], th);
  EXPECT_EQ(count["TD"], td);
  // Each entry of the contents links to its section's heading, a named destination on the
  // page where the heading is.
  EXPECT_EQ(ChildCounts(*tree, "TOCI", "Link"), std::vector<std::size_t>(r.sections.size(), 1));
  EXPECT_EQ(Count(*pdf, "/Subtype /Link"), r.sections.size());
  auto [dcode, dests] = RunShell("pdfinfo -dests " + ::testing::TempDir() + "/tagged.pdf");
  ASSERT_EQ(dcode, 0);
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const std::string name = "section-" + std::to_string(i + 1);
    EXPECT_NE(pdf->find("/Dest (" + name + ")"), std::string::npos) << name;
    static const std::regex kDest(R"re(^\s*(\d+) \[.*\] "([^"]+)"$)re");
    int page = 0;
    std::istringstream lines(dests);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (std::regex_match(line, m, kDest) && m[2] == name) page = std::stoi(m[1]);
    }
    ASSERT_GT(page, 0) << name << " is not a destination:\n" << dests;
    const std::string p = std::to_string(page);
    auto [pcode, text] =
        RunShell("pdftotext -f " + p + " -l " + p + " " + ::testing::TempDir() + "/tagged.pdf -");
    ASSERT_EQ(pcode, 0);
    const Section& s = r.sections[i];
    EXPECT_NE(text.find(std::to_string(s.number) + ". " + s.title.In(Language::kSv)),
              std::string::npos)
        << name << " on page " << p;
  }
  // The repeated header is on the page, though not in the structure.
  auto [code, text] = RunShell("pdftotext " + ::testing::TempDir() + "/tagged.pdf -");
  ASSERT_EQ(code, 0);
  const std::string stub = long_table.stub.In(Language::kSv);
  EXPECT_GE(Count(text, stub + "\n"), 2u) << stub;
}

TEST(Render, EveryFormatIsReproducible) {
  Report r = Sample();
  for (Format f : {Format::kHtml, Format::kCsv, Format::kXlsx, Format::kDocx, Format::kPdf}) {
    auto a = Render(r, f, Language::kSv);
    auto b = Render(r, f, Language::kSv);
    ASSERT_TRUE(a && b) << FormatName(f);
    EXPECT_TRUE(*a == *b) << FormatName(f) << " differs between two runs";
  }
}

TEST(Render, ParsesFormatNames) {
  EXPECT_EQ(ParseFormat("docx").value_or(Format::kHtml), Format::kDocx);
  EXPECT_EQ(ParseFormat("odt").error().field(), "format");
  EXPECT_EQ(ParseLanguage("fi").error().field(), "lang");
}

}  // namespace
}  // namespace synlig::report
