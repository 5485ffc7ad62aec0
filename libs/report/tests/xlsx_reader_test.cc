// The .xlsx reader against workbooks built in the test with libzip: shared strings, rich text
// runs, sparse rows and cells, numbers, entities; and damaged workbooks.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "synlig/report/official.h"

namespace synlig::report {
namespace {

// A zip in memory with the given parts.
std::string Zip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  std::string out(static_cast<std::size_t>(zip_source_tell(src)), '\0');
  zip_source_seek(src, 0, SEEK_SET);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

const char kWorkbook[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmln)"
    R"(s:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Blad1" sheetId="1" r:id="rId7"/></sheets></workbook>)";
const char kRels[] =
    R"(<?xml version="1.0"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationshi)"
    R"(ps"><Relationship Id="rId1" Type="x" Target="styles.xml"/>)"
    R"(<Relationship Id="rId7" Type="y" Target="worksheets/data.xml"/></Relationships>)";

TEST(ReadXlsxSheet, ReadsSharedStringsRichRunsNumbersAndGaps) {
  std::string shared =
      R"(<sst><si><t>Brottstyp</t></si><si><r><t>K&#246;p av </t></r><r><rPr/>)"
      R"(<t xml:space="preserve">sexuell tj&#xE4;nst</t></r><rPh><t>x</t></rPh></si><si>)"
      R"(<t>..</t></si></sst>)";
  std::string sheet =
      R"(<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>)"
      R"(2023</v></c><c r="D2" t="str"><v>2024*</v></c></row><row r="3"><c r="A3" t="s">)"
      R"(<v>1</v></c><c r="C3"><v>41.0</v></c><c r="D3" t="s"><v>2</v></c></row>)"
      R"(<row r="4"><c r="A4" t="inlineStr"><is><t>A &amp; B</t></is></c><c r="B4"><v>)"
      R"(1.5</v></c></row></sheetData></worksheet>)";
  auto t = ReadXlsxSheet(Zip({{"xl/workbook.xml", kWorkbook},
                              {"xl/_rels/workbook.xml.rels", kRels},
                              {"xl/sharedStrings.xml", shared},
                              {"xl/worksheets/data.xml", sheet}}));
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ(t->format, "Excel (.xlsx)");
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_TRUE(t->rows[0].empty());
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"Brottstyp", "", "2023", "2024*"}));
  EXPECT_EQ(t->rows[2], (std::vector<std::string>{"Köp av sexuell tjänst", "", "41", ".."}));
  EXPECT_EQ(t->rows[3], (std::vector<std::string>{"A & B", "1.5"}));
  auto bra = ParseBraExport(*t, {.municipality = "Linköping"});
  ASSERT_TRUE(bra) << bra.error().ToString();
  ASSERT_EQ(bra->figures.size(), 1u);
  EXPECT_EQ(bra->figures[0].reported, 41);
}

TEST(ReadXlsxSheet, RejectsDamagedWorkbooks) {
  EXPECT_EQ(ReadXlsxSheet("PK\x03\x04 not really").error().field(), "file");
  auto no_workbook = ReadXlsxSheet(Zip({{"a.txt", "x"}}));
  ASSERT_FALSE(no_workbook);
  EXPECT_NE(no_workbook.error().message().find("workbook.xml is missing"), std::string::npos);
  const std::string bad_index_sheet =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>)"
      R"(</worksheet>)";
  auto bad_index = ReadXlsxSheet(Zip({{"xl/workbook.xml", kWorkbook},
                                      {"xl/_rels/workbook.xml.rels", kRels},
                                      {"xl/worksheets/data.xml", bad_index_sheet}}));
  ASSERT_FALSE(bad_index);
  EXPECT_NE(bad_index.error().message().find("shared string"), std::string::npos);
  auto malformed = ReadXlsxSheet(Zip({{"xl/workbook.xml", kWorkbook},
                                      {"xl/_rels/workbook.xml.rels", kRels},
                                      {"xl/worksheets/data.xml", "<worksheet><row r=\"1\"><c"}}));
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message().find("malformed"), std::string::npos);
  const std::string bad_entity_sheet =
      R"(<worksheet><sheetData><row><c t="str"><v>&#0;</v></c></row></sheetData></worksheet>)";
  auto bad_entity = ReadXlsxSheet(Zip({{"xl/workbook.xml", kWorkbook},
                                       {"xl/_rels/workbook.xml.rels", kRels},
                                       {"xl/worksheets/data.xml", bad_entity_sheet}}));
  EXPECT_FALSE(bad_entity);
}

}  // namespace
}  // namespace synlig::report
