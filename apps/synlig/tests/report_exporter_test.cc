// Publication through the council report library (CouncilReportExporter): an approved report
// of a closed demo round is published with HTML, PDF, Word, Excel and CSV stored with their
// SHA-256, the analyst's stored text in them, the read audit-logged and the key destroyed.
#include "report_exporter.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "cli.h"
#include "demo_store_test.h"
#include "synlig/core/crypto.h"
#include "synlig/report/official.h"
#include "synlig/web/report_publish.h"

namespace synlig::app {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1772323200;  // 2026-03-01

class ReportExporterTest : public DemoStoreTest {
 protected:
  ReportExporterTest() : DemoStoreTest(7) {}

  // Closes the demo's open round (2) and takes its report to approved with one text.
  storage::Id ApprovedRound() {
    const storage::Id id = 2;
    EXPECT_TRUE(db_->rounds().Transition(id, storage::RoundState::kOpen,
                                         storage::RoundState::kClosed, kNow));
    auto analyst = db_->users().FindByUsername("demo.analyst");
    auto manager = db_->users().FindByUsername("demo.manager");
    EXPECT_TRUE(analyst && manager);
    EXPECT_TRUE(db_->reports().Open(id, analyst->id, kNow));
    EXPECT_TRUE(db_->reports().SaveSections(
        id, {{"summary", "Rapporten **godkändes** av nämnden."}}, analyst->id, kNow));
    EXPECT_TRUE(db_->reports().Transition(id, storage::ReportState::kDraft,
                                          storage::ReportState::kSubmitted, analyst->id, kNow, ""));
    EXPECT_TRUE(db_->reports().Transition(id, storage::ReportState::kSubmitted,
                                          storage::ReportState::kApproved, manager->id, kNow, ""));
    actor_ = web::Actor{analyst->id, "demo.analyst", ""};
    return id;
  }

  web::Actor actor_;
};

TEST_F(ReportExporterTest, PublicationStoresAllFiveFormatsWithTheirChecksums) {
  const storage::Id id = ApprovedRound();
  MemoryKeyStore keys(random_);
  ASSERT_TRUE(keys.EnsureRoundKey(id));
  CouncilReportExporter exporter(clock_);
  auto outcome = web::PublishApprovedReport(*db_, keys, clock_, actor_, id, &exporter);
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  EXPECT_TRUE(outcome->key_destroyed);
  EXPECT_EQ(keys.RoundKey(id).error().code(), ErrorCode::kNotFound);

  auto report = db_->reports().Find(id);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->state, storage::ReportState::kPublished);
  std::vector<std::string> formats;
  for (const auto& f : report->exports) formats.push_back(f.format);
  std::sort(formats.begin(), formats.end());
  EXPECT_EQ(formats, (std::vector<std::string>{"csv", "docx", "html", "pdf", "xlsx"}));

  const std::pair<const char*, std::string_view> kMagic[] = {{"html", "<!DOCTYPE html>"},
                                                             {"pdf", "%PDF-"},
                                                             {"docx", "PK\x03\x04"},
                                                             {"xlsx", "PK\x03\x04"},
                                                             {"csv", "\xEF\xBB\xBF"}};
  for (const auto& [format, magic] : kMagic) {
    auto file = db_->reports().LoadExport(id, format);
    ASSERT_TRUE(file) << format << ": " << file.error().ToString();
    EXPECT_TRUE(file->bytes.starts_with(magic)) << format;
    EXPECT_EQ(file->sha256, Sha256Hex(file->bytes)) << format;
    EXPECT_EQ(file->size, static_cast<std::int64_t>(file->bytes.size())) << format;
    EXPECT_EQ(file->file_name, "rapport-2." + std::string(format));
  }
  auto html = db_->reports().LoadExport(id, "html");
  ASSERT_TRUE(html);
  EXPECT_NE(html->bytes.find("<strong>godkändes</strong>"), std::string::npos);
  EXPECT_NE(html->bytes.find("<main>"), std::string::npos) << "the web page shows <main>";
  // The stable ids of docs/routes.md for the tables of the published report.
  EXPECT_NE(html->bytes.find("<table id=\"report-table-form_gender\">"), std::string::npos);
  // The previous (closed, published) demo round is compared with.
  EXPECT_NE(html->bytes.find("Förändring: Personer efter form och kön"), std::string::npos);
}

TEST_F(ReportExporterTest, TheStoredCsvPublishesNoCountUnderK) {
  const storage::Id id = ApprovedRound();
  MemoryKeyStore keys(random_);
  ASSERT_TRUE(keys.EnsureRoundKey(id));
  CouncilReportExporter exporter(clock_);
  ASSERT_TRUE(web::PublishApprovedReport(*db_, keys, clock_, actor_, id, &exporter));
  auto round = db_->rounds().Find(id);
  ASSERT_TRUE(round);
  auto csv = db_->reports().LoadExport(id, "csv");
  ASSERT_TRUE(csv);
  auto table = report::ReadDelimitedText(csv->bytes);
  ASSERT_TRUE(table) << table.error().ToString();
  static const std::regex kCount("^[0-9]+$");
  int counts = 0;
  for (const auto& row : table->rows) {
    for (const std::string& field : row) {
      if (!std::regex_match(field, kCount)) continue;
      ++counts;
      const long long n = std::stoll(field);
      EXPECT_TRUE(n == 0 || n >= round->min_cell_k) << field << " in " << row[0];
    }
  }
  EXPECT_GT(counts, 50);
}

TEST_F(ReportExporterTest, TheReadIsAuditLoggedAsThePublication) {
  const storage::Id id = ApprovedRound();
  MemoryKeyStore keys(random_);
  ASSERT_TRUE(keys.EnsureRoundKey(id));
  CouncilReportExporter exporter(clock_);
  ASSERT_TRUE(web::PublishApprovedReport(*db_, keys, clock_, actor_, id, &exporter));
  storage::AuditFilter filter;
  filter.action = "case_rows_export";
  auto events = db_->audit().Query(filter);
  ASSERT_TRUE(events);
  bool found = false;
  for (const auto& e : *events) {
    found = found || (e.object == "round:2" && e.username == "publication" &&
                      e.detail == "report publication (all formats)");
  }
  EXPECT_TRUE(found);
}

TEST_F(ReportExporterTest, AnOpenRoundIsRefusedAndNothingIsReturned) {
  CouncilReportExporter exporter(clock_);
  auto round = db_->rounds().Find(2);
  ASSERT_TRUE(round);
  auto files = exporter.Export(*db_, *round, {});
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace synlig::app
