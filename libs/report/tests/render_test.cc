// The renderers on a synthetic report: each format is well formed, carries the tables and the
// accessibility structure, and is byte-for-byte reproducible. Set SYNLIG_REPORT_DUMP=DIR to
// keep the files for a look.
#include "synlig/report/render.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "report_test_data.h"
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
