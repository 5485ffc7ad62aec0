// Reading a learning-platform export and planning the import: mapping, row errors, duplicates.
#include "synlig/training/import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace synlig::training {
namespace {

const Date kToday{std::chrono::year(2026), std::chrono::month(6), std::chrono::day(1)};

std::vector<Employee> Employees() {
  return {{1, "Alva Exempelsson", "alva.exempelsson@demo.synlig.invalid", 10, 20, true},
          {2, "Bo Påhittsson", "bo.pahittsson@demo.synlig.invalid", 10, 20, true},
          {3, "Cecilia Testberg", "cecilia.testberg@demo.synlig.invalid", 11, 21, false},
          {4, "Per Demodahl", "per.demodahl@demo.synlig.invalid", 11, 21, true},
          {5, "Per Demodahl", "per.demodahl2@demo.synlig.invalid", 11, 21, true}};
}

std::vector<Course> Courses() {
  Course adults;
  adults.id = 100;
  adults.code = "SOS-VUXNA";
  adults.name = "Sex mot ersättning – möta vuxna";
  adults.aliases = {"Sex mot ersättning (vuxna)"};
  Course young;
  young.id = 101;
  young.code = "SOS-UNGA";
  young.name = "Sex mot ersättning – möta barn och unga";
  return {adults, young};
}

ImportFile Read(const std::string& text) {
  auto f = ReadImportFile(text);
  EXPECT_TRUE(f) << f.error().ToString();
  return f ? *f : ImportFile{};
}

TEST(ImportTest, GuessesSwedishAndEnglishHeaders) {
  ColumnMapping m = GuessMapping({"Namn", "E-postadress", "Kursnamn", "Slutförd datum"});
  EXPECT_EQ(m.name, 0);
  EXPECT_EQ(m.email, 1);
  EXPECT_EQ(m.course, 2);
  EXPECT_EQ(m.date, 3);
  ColumnMapping en = GuessMapping({"Course", "Participant", "Email", "Completion date", "Score"});
  EXPECT_EQ(en.course, 0);
  EXPECT_EQ(en.name, 1);
  EXPECT_EQ(en.email, 2);
  EXPECT_EQ(en.date, 3);
  ColumnMapping none = GuessMapping({"A", "B"});
  EXPECT_EQ(none.email, -1);
  EXPECT_EQ(none.date, -1);
}

TEST(ImportTest, MappingErrorsNameWhatIsMissing) {
  ColumnMapping m;
  EXPECT_EQ(CheckMapping(m, 3).error().field(), "email");
  m.email = 0;
  EXPECT_EQ(CheckMapping(m, 3).error().field(), "course");
  m.course = 1;
  EXPECT_EQ(CheckMapping(m, 3).error().field(), "date");
  m.date = 1;
  EXPECT_EQ(CheckMapping(m, 3).error().field(), "mapping");  // one column twice
  m.date = 3;
  EXPECT_EQ(CheckMapping(m, 3).error().field(), "mapping");  // outside the header
  m.date = 2;
  EXPECT_TRUE(CheckMapping(m, 3));
  ColumnMapping fixed{0, -1, -1, 1, 100};
  EXPECT_TRUE(CheckMapping(fixed, 2));
}

TEST(ImportTest, PlansEveryRowWhenAllIsWell) {
  ImportFile f = Read(
      "E-post;Kurs;Datum\n"
      "ALVA.Exempelsson@demo.synlig.invalid;SOS-VUXNA;2026-03-05\n"
      "bo.pahittsson@demo.synlig.invalid; sex mot ERSÄTTNING (vuxna) ;5 mars 2026\n"
      ";;\n"
      "cecilia.testberg@demo.synlig.invalid;Sex mot ersättning – möta barn och unga;05.03.2026\n");
  auto plan = PlanImport(f, GuessMapping(f.header), Employees(), Courses(), kToday);
  ASSERT_TRUE(plan) << plan.error().ToString();
  EXPECT_TRUE(plan->errors.empty());
  ASSERT_EQ(plan->rows.size(), 3u);
  EXPECT_EQ(plan->blank_rows, 1);
  EXPECT_EQ(plan->rows[0].row, 2);
  EXPECT_EQ(plan->rows[0].employee_id, 1);
  EXPECT_EQ(plan->rows[1].course_id, 100);  // by alias
  EXPECT_EQ(plan->rows[2].row, 5);
  EXPECT_EQ(plan->rows[2].employee_id, 3);  // inactive employees keep their history
  EXPECT_EQ(plan->rows[2].course_id, 101);
  EXPECT_EQ(FormatDate(plan->rows[2].date), "2026-03-05");
}

TEST(ImportTest, EveryRowProblemIsReportedWithItsRowNumber) {
  ImportFile f = Read(
      "E-post,Namn,Kurs,Datum\n"
      "okand@demo.synlig.invalid,,SOS-VUXNA,2026-03-05\n"              // 2 unknown e-mail
      "alva.exempelsson@demo.synlig.invalid,,Okänd kurs,2026-03-05\n"  // 3 unknown course
      "alva.exempelsson@demo.synlig.invalid,,SOS-VUXNA,igår\n"         // 4 bad date
      "alva.exempelsson@demo.synlig.invalid,,SOS-VUXNA,2026-07-01\n"   // 5 future
      "alva.exempelsson@demo.synlig.invalid,,SOS-VUXNA,2026-03-05\n"   // 6 ok
      "ALVA.EXEMPELSSON@demo.synlig.invalid,,sos-vuxna,5/3 2026\n"     // 7 duplicate of 6
      ",Per Demodahl,SOS-VUXNA,2026-03-05\n"                           // 8 ambiguous name
      ",Nils Ingen,SOS-VUXNA,2026-03-05\n"                             // 9 unknown name
      ",,SOS-VUXNA,2026-03-05\n"                                       // 10 no e-mail
      "bo.pahittsson@demo.synlig.invalid,,,2026-03-05\n"               // 11 no course
      "bo.pahittsson@demo.synlig.invalid,,SOS-VUXNA,\n"                // 12 no date
      "bo.pahittsson@demo.synlig.invalid,Bo\n");                       // 13 too few fields
  auto plan = PlanImport(f, GuessMapping(f.header), Employees(), Courses(), kToday);
  ASSERT_TRUE(plan) << plan.error().ToString();
  std::vector<std::pair<int, RowProblem>> got;
  for (const RowError& e : plan->errors) got.emplace_back(e.row, e.problem);
  const std::vector<std::pair<int, RowProblem>> want = {
      {2, RowProblem::kUnknownEmail},   {3, RowProblem::kUnknownCourse},
      {4, RowProblem::kBadDate},        {5, RowProblem::kFutureDate},
      {7, RowProblem::kDuplicateRow},   {8, RowProblem::kAmbiguousName},
      {9, RowProblem::kUnknownName},    {10, RowProblem::kMissingEmail},
      {11, RowProblem::kMissingCourse}, {12, RowProblem::kMissingDate},
      {13, RowProblem::kMissingFields}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(plan->errors[0].value, "okand@demo.synlig.invalid");
  EXPECT_EQ(plan->errors[1].value, "Okänd kurs");
  EXPECT_EQ(plan->errors[4].other_row, 6);
  EXPECT_EQ(plan->rows.size(), 1u);
}

TEST(ImportTest, FixedCourseAppliesToEveryRow) {
  ImportFile f = Read("Email\tCompleted\nbo.pahittsson@demo.synlig.invalid\t2026-01-02\n");
  EXPECT_EQ(f.separator, '\t');
  ColumnMapping m = GuessMapping(f.header);
  m.fixed_course_id = 101;
  auto plan = PlanImport(f, m, Employees(), Courses(), kToday);
  ASSERT_TRUE(plan) << plan.error().ToString();
  ASSERT_EQ(plan->rows.size(), 1u);
  EXPECT_EQ(plan->rows[0].course_id, 101);
  m.fixed_course_id = 999;
  EXPECT_EQ(PlanImport(f, m, Employees(), Courses(), kToday).error().field(), "course");
}

TEST(ImportTest, FileLevelProblemsAreErrors) {
  EXPECT_EQ(ReadImportFile("").error().field(), "file_empty");
  EXPECT_EQ(ReadImportFile("E-post;Kurs\n").error().field(), "file_no_rows");
  EXPECT_EQ(ReadImportFile("Kurs;kurs\nx;y\n").error().field(), "file_header");
  EXPECT_EQ(ReadImportFile("E-post;Kurs\n\"x;y\n").error().field(), "file_quote");
  EXPECT_NE(ReadImportFile("E-post;Kurs;Datum\n").error().message().find("no rows"),
            std::string::npos);
  EXPECT_NE(ReadImportFile("E-post;;Datum\nx;y;z\n").error().message().find("column 2"),
            std::string::npos);
  EXPECT_NE(ReadImportFile("Kurs;kurs\nx;y\n").error().message().find("twice"), std::string::npos);
  EXPECT_FALSE(ReadImportFile("E-post;Kurs\n\"x;y\n"));
}

// The fixture files of tests/data/training, which the HTTP tests upload too.
std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/training/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ImportTest, FixtureFilesDecodeAsTheirNamesSay) {
  auto cp1252 = ReadImportFile(Fixture("completions_windows1252.csv"));
  ASSERT_TRUE(cp1252) << cp1252.error().ToString();
  EXPECT_EQ(cp1252->encoding, Encoding::kWindows1252);
  auto bom = ReadImportFile(Fixture("completions_utf8_bom_comma.csv"));
  ASSERT_TRUE(bom) << bom.error().ToString();
  EXPECT_EQ(bom->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(bom->separator, ',');
  auto utf16 = ReadImportFile(Fixture("completions_utf16_tab.txt"));
  ASSERT_TRUE(utf16) << utf16.error().ToString();
  EXPECT_EQ(utf16->encoding, Encoding::kUtf16Le);
  EXPECT_EQ(utf16->separator, '\t');
  auto plain = ReadImportFile(Fixture("completions_utf8.csv"));
  ASSERT_TRUE(plain) << plain.error().ToString();
  // The same rows whatever the encoding.
  EXPECT_EQ(plain->rows, cp1252->rows);
  EXPECT_FALSE(ReadImportFile(Fixture("bad_not_text.csv")));
  EXPECT_FALSE(ReadImportFile(Fixture("bad_unclosed_quote.csv")));
}

}  // namespace
}  // namespace synlig::training
