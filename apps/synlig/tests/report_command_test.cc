// `synlig report` on the demo round (a fixed demo store built here with an injected clock):
// a golden file per format, the PDF rendered to pages and text by poppler, the Word and Excel
// files opened by python-docx and openpyxl, a scan of every file for a published count under
// k, the audit event of the read, and the errors. Set SYNLIG_UPDATE_GOLDEN=1 to rewrite the
// golden files (tests/data/report/golden). Tests needing poppler-utils or the Python modules
// skip when those are missing.
#include "report_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "cli.h"
#include "shell.h"
#include "synlig/report/official.h"
#include "synlig/storage/database.h"

namespace synlig::app {
namespace {

namespace fs = std::filesystem;

constexpr int kK = 5;  // the demo round's k

std::string Source(const std::string& rel) { return std::string(SYNLIG_SOURCE_DIR) + "/" + rel; }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using test_support::HaveTool;
using test_support::RunShell;

// A Python with python-docx and openpyxl (Debian's, before any other on PATH).
std::string Python() {
  for (const char* p : {"/usr/bin/python3", "python3"}) {
    if (RunShell(std::string(p) + " -c 'import docx, openpyxl' 2>/dev/null").first == 0) return p;
  }
  return "";
}

// Plain counts in text: digits, optionally grouped by (narrow) no-break spaces.
std::vector<std::int64_t> PlainCounts(const std::vector<std::string>& fields) {
  static const std::regex kCount("^[0-9]{1,3}((\xE2\x80\xAF|\xC2\xA0| )?[0-9]{3})*$");
  std::vector<std::int64_t> out;
  for (const std::string& f : fields) {
    if (!std::regex_match(f, kCount)) continue;
    std::string digits;
    for (char c : f) {
      if (c >= '0' && c <= '9') digits += c;
    }
    out.push_back(std::stoll(digits));
  }
  return out;
}

void ExpectNoneUnderK(const std::vector<std::int64_t>& counts, const std::string& where) {
  for (std::int64_t n : counts) EXPECT_TRUE(n == 0 || n >= kK) << where << ": " << n;
}

class ReportCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(InitCrypto().has_value());
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("synlig-report-test-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "demo.db").string());
    ASSERT_EQ(RunSuite({"demo", "--db", *db_}), kExitOk);
    ASSERT_EQ(RunSuite({"stats", "import-bra", Source("tests/data/official/bra_linkoping_wide.csv"),
                        "--municipality", "Linköping", "--db", *db_, "--retrieved", "2026-02-01"}),
              kExitOk);
    ASSERT_EQ(RunSuite({"stats", "import-scb", Source("tests/data/official/scb_folkmangd.csv"),
                        "--region", "Linköping", "--db", *db_, "--retrieved", "2026-02-01"}),
              kExitOk);
    for (const char* f : {"html", "csv", "xlsx", "docx", "pdf"}) {
      ASSERT_EQ(RunSuite({"report", "--db", *db_, "--round", "1", "--format", f, "--out",
                          (*dir_ / (std::string("demo.") + f)).string(), "--municipality",
                          "Linköping", "--date", "2026-03-01", "--text",
                          Source("tests/data/report/analyst_text.md"), "--status-label", "Utkast"}),
                kExitOk)
          << f;
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }

  static int RunSuite(std::vector<std::string> args, std::string* out = nullptr,
                      std::string* err = nullptr) {
    std::ostringstream o, e;
    std::istringstream in;
    // 2026-03-01: the demo's closed round is 2025's.
    static FakeClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(1772323200))};
    static SeededRandom random{1};
    CliContext ctx{o,
                   e,
                   in,
                   [](std::string_view) { return std::optional<std::string>(); },
                   clock,
                   random,
                   MinimumPasswordCost()};
    int code = RunCli(args, ctx);
    if (out != nullptr) *out = o.str();
    if (err != nullptr) *err = e.str();
    return code;
  }

  static fs::path File(const std::string& ext) { return *dir_ / ("demo." + ext); }

  // Compares with (or, with SYNLIG_UPDATE_GOLDEN set, writes) a golden file.
  static void Golden(const std::string& name, const std::string& actual) {
    const fs::path golden = Source("tests/data/report/golden/" + name);
    if (std::getenv("SYNLIG_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden, std::ios::binary) << actual;
      return;
    }
    const std::string expected = ReadFile(golden);
    ASSERT_FALSE(expected.empty()) << golden << " is missing (run with SYNLIG_UPDATE_GOLDEN=1)";
    if (expected != actual) {
      const fs::path got = *dir_ / ("actual-" + name);
      std::ofstream(got, std::ios::binary) << actual;
      ADD_FAILURE() << name << " differs from its golden file; see diff " << golden.string() << " "
                    << got.string();
    }
  }

  static fs::path* dir_;
  static std::string* db_;
};

fs::path* ReportCommandTest::dir_ = nullptr;
std::string* ReportCommandTest::db_ = nullptr;

TEST_F(ReportCommandTest, HtmlMatchesGolden) { Golden("demo_sv.html", ReadFile(File("html"))); }

TEST_F(ReportCommandTest, CsvMatchesGolden) { Golden("demo_sv.csv", ReadFile(File("csv"))); }

TEST_F(ReportCommandTest, ExcelOpensWithOpenpyxlAndMatchesGolden) {
  const std::string python = Python();
  if (python.empty()) GTEST_SKIP() << "python3 with openpyxl and python-docx not installed";
  auto [code, dump] = RunShell(python + " " + Source("libs/report/tests/dump_office.py") +
                               " xlsx " + File("xlsx").string());
  ASSERT_EQ(code, 0) << dump;
  EXPECT_NE(dump.find("## Om tabellerna\n"), std::string::npos);
  EXPECT_NE(dump.find("## Tabell 2.2\n"), std::string::npos);
  Golden("demo_sv_xlsx.txt", dump);
}

TEST_F(ReportCommandTest, WordOpensWithPythonDocxAndMatchesGolden) {
  const std::string python = Python();
  if (python.empty()) GTEST_SKIP() << "python3 with openpyxl and python-docx not installed";
  auto [code, dump] = RunShell(python + " " + Source("libs/report/tests/dump_office.py") +
                               " docx " + File("docx").string());
  ASSERT_EQ(code, 0) << dump;
  EXPECT_NE(dump.find("[Heading 1] 2. Kända personer\n"), std::string::npos);
  EXPECT_NE(dump.find("TABLE Personer efter form och kön (header repeats: True)\n"),
            std::string::npos);
  EXPECT_NE(dump.find("PICTURE Stapeldiagram"), std::string::npos);
  EXPECT_NE(dump.find("[List Bullet] Personer under 18 år redovisas för sig."), std::string::npos);
  Golden("demo_sv_docx.txt", dump);
}

TEST_F(ReportCommandTest, PdfHasTheExpectedPagesAndText) {
  if (!HaveTool("pdftoppm") || !HaveTool("pdftotext"))
    GTEST_SKIP() << "poppler-utils not installed";
  const fs::path pages = *dir_ / "pages";
  fs::create_directories(pages);
  auto [code, out] = RunShell("pdftoppm -r 20 -png " + File("pdf").string() + " " +
                              (pages / "p").string() + " 2>&1");
  ASSERT_EQ(code, 0) << out;
  int n = 0;
  for (const auto& e : fs::directory_iterator(pages)) n += e.path().extension() == ".png" ? 1 : 0;
  auto [tcode, text] = RunShell("pdftotext -layout " + File("pdf").string() + " -");
  ASSERT_EQ(tcode, 0);
  EXPECT_NE(text.find("Sida " + std::to_string(n) + " av " + std::to_string(n)), std::string::npos);
  EXPECT_NE(text.find("Tabell 2.2. Personer efter form och kön"), std::string::npos);
  EXPECT_NE(text.find("Diagrambeskrivning: Linjediagram"), std::string::npos);
  Golden("demo_sv_pdf.txt", "pages: " + std::to_string(n) + "\n" + text);
}

TEST_F(ReportCommandTest, PdfIsTaggedInReadingOrder) {
  if (!HaveTool("pdfinfo")) GTEST_SKIP() << "poppler-utils not installed";
  const fs::path errors = *dir_ / "pdfinfo.err";
  auto [code, tree] = RunShell("pdfinfo -struct " + File("pdf").string() + " 2>" + errors.string());
  ASSERT_EQ(code, 0);
  EXPECT_EQ(ReadFile(errors), "") << "poppler complains about the PDF";
  // The outline down to the elements of each section (table rows and cells counted below),
  // and how many of each element there are.
  std::string outline;
  std::map<std::string, int> count;
  std::istringstream lines(tree);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    const std::string name = line.substr(indent, line.find(' ', indent) - indent);
    ++count[name];
    if (indent <= 4) outline += line.substr(0, indent + name.size()) + "\n";
  }
  outline += "counts:";
  for (const auto& [name, n] : count) outline += " " + name + "=" + std::to_string(n);
  EXPECT_TRUE(outline.starts_with("Document\n  P\n  H1\n")) << outline;
  EXPECT_GT(count["TD"], 150);
  Golden("demo_sv_pdf_structure.txt", outline + "\n");
}

TEST_F(ReportCommandTest, NoFileHasAPublishedCountUnderK) {
  // HTML: every table cell that is a plain count.
  const std::string html = ReadFile(File("html"));
  static const std::regex kTd("<td>([^<]*)</td>");
  std::vector<std::string> cells;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTd); it != std::sregex_iterator();
       ++it) {
    cells.push_back((*it)[1]);
  }
  EXPECT_GT(cells.size(), 150u);
  ExpectNoneUnderK(PlainCounts(cells), "html");
  // CSV: every field.
  auto csv = report::ReadDelimitedText(ReadFile(File("csv")));
  ASSERT_TRUE(csv);
  for (const auto& row : csv->rows) ExpectNoneUnderK(PlainCounts(row), "csv");
  const std::string python = Python();
  if (!python.empty()) {
    // Excel: numeric cells formatted as counts; Word: table cells.
    auto [xcode, xlsx] = RunShell(python + " " + Source("libs/report/tests/dump_office.py") +
                                  " xlsx " + File("xlsx").string());
    ASSERT_EQ(xcode, 0);
    static const std::regex kNum("n\\(([0-9]+);#,##0\\)");
    for (auto it = std::sregex_iterator(xlsx.begin(), xlsx.end(), kNum);
         it != std::sregex_iterator(); ++it) {
      ExpectNoneUnderK({std::stoll((*it)[1])}, "xlsx");
    }
    auto [dcode, docx] = RunShell(python + " " + Source("libs/report/tests/dump_office.py") +
                                  " docx " + File("docx").string());
    ASSERT_EQ(dcode, 0);
    std::istringstream lines(docx);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.starts_with("[") || line.starts_with("TABLE") || line.starts_with("PICTURE")) {
        continue;
      }
      std::vector<std::string> fields;
      std::istringstream f(line);
      std::string field;
      while (std::getline(f, field, '|')) fields.push_back(field);
      ExpectNoneUnderK(PlainCounts(fields), "docx");
    }
  }
  if (HaveTool("pdftotext")) {
    // PDF: every line that starts with a row label of a table carries that row's cells.
    auto [code, text] = RunShell("pdftotext -layout " + File("pdf").string() + " -");
    ASSERT_EQ(code, 0);
    std::vector<std::string> labels;
    for (const auto& row : csv->rows) {
      if (row.size() > 1 && !row[0].empty() && !row[1].empty()) labels.push_back(row[0]);
    }
    std::istringstream lines(text);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
      for (const std::string& label : labels) {
        const std::string head = label.substr(0, std::min<std::size_t>(label.size(), 24));
        if (!line.starts_with(head)) continue;
        std::vector<std::string> fields;
        std::istringstream words(line.substr(head.size()));
        std::string w;
        while (words >> w) fields.push_back(w);
        ExpectNoneUnderK(PlainCounts(fields), "pdf line '" + line + "'");
        ++rows;
        break;
      }
    }
    EXPECT_GT(rows, 60);
  }
}

TEST_F(ReportCommandTest, TheReadOfCaseRowsIsAuditLogged) {
  auto db = storage::Open(*db_);
  ASSERT_TRUE(db);
  storage::AuditFilter filter;
  filter.action = "case_rows_export";
  auto all = (*db)->audit().Query(filter);
  ASSERT_TRUE(all);
  // Newest first. The demo's publication read the closed round too, before the tests ran.
  std::vector<storage::AuditEvent> events;
  bool publication = false;
  for (const auto& e : *all) {
    if (e.username == "cli") events.push_back(e);
    publication |= e.detail == "report publication (all formats)";
  }
  EXPECT_TRUE(publication);
  ASSERT_GE(events.size(), 5u);
  EXPECT_EQ(events.front().object, "round:1");
  EXPECT_EQ(events.back().detail, "report html sv (cli)");
}

TEST_F(ReportCommandTest, EnglishReportAndComparisonWithThePreviousRound) {
  // Close the demo's open round and report it: the closed 2025 round is its previous round.
  {
    auto db = storage::Open(*db_);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->rounds().Transition(2, storage::RoundState::kOpen,
                                           storage::RoundState::kClosed, 1772323200));
  }
  std::string out, err;
  const std::string path = (*dir_ / "open.html").string();
  ASSERT_EQ(RunSuite({"report", "--db", *db_, "--round", "2", "--format", "html", "--out", path,
                      "--lang", "en", "--municipality", "Linköping", "--date", "2026-03-01"},
                     &out, &err),
            kExitOk)
      << err;
  EXPECT_NE(out.find("compared with Kartläggning 2025 (demo)"), std::string::npos) << out;
  const std::string html = ReadFile(path);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Change: Persons by form and gender"), std::string::npos);
}

TEST_F(ReportCommandTest, Errors) {
  std::string out, err;
  EXPECT_EQ(RunSuite({"report", "--db", *db_, "--round", "99", "--format", "pdf", "--out",
                      (*dir_ / "x.pdf").string()},
                     &out, &err),
            kExitRuntime);
  EXPECT_NE(err.find("round 99"), std::string::npos) << err;
  EXPECT_EQ(RunSuite({"report", "--db", *db_, "--round", "1", "--format", "odt", "--out", "x"},
                     &out, &err),
            kExitUsage);
  EXPECT_NE(err.find("format must be html, pdf, docx, xlsx or csv"), std::string::npos);
  EXPECT_EQ(RunSuite({"report", "--db", *db_, "--round", "1", "--format", "pdf"}, &out, &err),
            kExitUsage);
  EXPECT_EQ(RunSuite({"report", "--help"}, &out, &err), kExitOk);
  EXPECT_EQ(out.rfind("Usage: synlig report", 0), 0u);
}

TEST(ParseAnalystText, SplitsSectionsAndLanguages) {
  auto t = ParseAnalystText(
      "Inledning.\n=== persons_known\nOm personer.\n=== persons_known en\n"
      "About persons.\r\n");
  ASSERT_TRUE(t) << t.error().ToString();
  EXPECT_EQ((*t)["summary"].sv, "Inledning.\n");
  EXPECT_EQ((*t)["persons_known"].sv, "Om personer.\n");
  EXPECT_EQ((*t)["persons_known"].en, "About persons.\n");
  auto bad = ParseAnalystText("=== nonsense\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field(), "text");
  EXPECT_EQ(bad.error().message(), "line 1: unknown section 'nonsense'");
}

}  // namespace
}  // namespace synlig::app
