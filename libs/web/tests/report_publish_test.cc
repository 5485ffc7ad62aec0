// Publication outside a request (report_publish.h): a plugged-in exporter's files are stored
// with their checksums and the round key is destroyed afterwards; an exporter without an html
// file, or an error from it, publishes nothing and keeps the key.
#include "synlig/web/report_publish.h"

#include "synlig/core/date.h"
#include "test_app.h"

namespace synlig::web::testing {
namespace {

class FakeExporter final : public ReportExporter {
 public:
  std::vector<std::string> formats = {"html", "pdf"};
  bool fail = false;
  std::vector<storage::ReportSectionText> seen;
  Result<std::vector<storage::ReportExportFile>> Export(
      storage::Database&, const storage::Round& round,
      const std::vector<storage::ReportSectionText>& texts) override {
    seen = texts;
    if (fail) return Internal("renderer failed");
    std::vector<storage::ReportExportFile> files;
    for (const std::string& f : formats) {
      files.push_back({f, "rapport-" + std::to_string(round.id) + "." + f, "application/x-" + f,
                       "bytes of " + f, "", 0, 0});
    }
    return files;
  }
};

class ReportPublishTest : public WebTest {
 protected:
  // A closed round with an approved report; returns its id.
  storage::Id ApprovedRound() {
    const storage::Id analyst = AddUser("anna", Role::kAnalyst);
    const storage::Id manager = AddUser("maja", Role::kManager);
    storage::Round round;
    round.name = "Runda";
    round.period = Period{*ParseDate("2025-01-01"), *ParseDate("2025-06-30")};
    round.unit_ids = {AddUnit("Vuxenenheten", Sector::kSocialServices)};
    round.questionnaire_id = "standard";
    round.questionnaire_version = 1;
    auto id = db_->rounds().Create(round);
    EXPECT_TRUE(id) << id.error().ToString();
    EXPECT_TRUE(
        db_->rounds().Transition(*id, storage::RoundState::kDraft, storage::RoundState::kOpen, 1));
    EXPECT_TRUE(
        db_->rounds().Transition(*id, storage::RoundState::kOpen, storage::RoundState::kClosed, 2));
    EXPECT_TRUE(keys_->EnsureRoundKey(*id));
    EXPECT_TRUE(db_->reports().Open(*id, analyst, 3));
    EXPECT_TRUE(db_->reports().SaveSections(*id, {{"summary", "Text"}}, analyst, 3));
    EXPECT_TRUE(db_->reports().Transition(*id, storage::ReportState::kDraft,
                                          storage::ReportState::kSubmitted, analyst, 4, ""));
    EXPECT_TRUE(db_->reports().Transition(*id, storage::ReportState::kSubmitted,
                                          storage::ReportState::kApproved, manager, 5, ""));
    actor_ = Actor{analyst, "anna", ""};
    return *id;
  }
  Actor actor_;
};

TEST_F(ReportPublishTest, PluggedInExporterFilesAreStoredAndTheKeyDestroyedAfter) {
  const storage::Id id = ApprovedRound();
  FakeExporter exporter;
  auto outcome = PublishApprovedReport(*db_, *keys_, clock_, actor_, id, &exporter);
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  EXPECT_TRUE(outcome->key_destroyed);
  ASSERT_EQ(exporter.seen.size(), 1u);
  EXPECT_EQ(exporter.seen[0].text, "Text");
  auto pdf = db_->reports().LoadExport(id, "pdf");
  ASSERT_TRUE(pdf) << pdf.error().ToString();
  EXPECT_EQ(pdf->bytes, "bytes of pdf");
  EXPECT_EQ(pdf->sha256, Sha256Hex("bytes of pdf"));
  EXPECT_EQ(keys_->RoundKey(id).error().code(), ErrorCode::kNotFound);
  EXPECT_NE(db_->reports().Find(id)->key_destroyed_at, 0);
}

TEST_F(ReportPublishTest, ExporterWithoutHtmlOrFailingPublishesNothingAndKeepsTheKey) {
  const storage::Id id = ApprovedRound();
  FakeExporter no_html;
  no_html.formats = {"pdf"};
  auto missing = PublishApprovedReport(*db_, *keys_, clock_, actor_, id, &no_html);
  EXPECT_EQ(missing.error().code(), ErrorCode::kInternal);
  FakeExporter failing;
  failing.fail = true;
  EXPECT_EQ(PublishApprovedReport(*db_, *keys_, clock_, actor_, id, &failing).error().code(),
            ErrorCode::kInternal);
  EXPECT_EQ(db_->reports().Find(id)->state, storage::ReportState::kApproved);
  EXPECT_TRUE(keys_->RoundKey(id)) << "the key stays until the files are stored";
}

TEST_F(ReportPublishTest, WithoutExporterTheWebAppStoresItsOwnHtmlAndCsv) {
  const storage::Id id = ApprovedRound();
  auto outcome = PublishApprovedReport(*db_, *keys_, clock_, actor_, id);
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  auto report = db_->reports().Find(id);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->exports.size(), 2u);
  EXPECT_EQ(report->exports[0].format, "csv");
  EXPECT_EQ(report->exports[1].format, "html");
  auto html = db_->reports().LoadExport(id, "html");
  ASSERT_TRUE(html);
  EXPECT_NE(html->bytes.find("<html lang=\"sv\">"), std::string::npos);
  EXPECT_EQ(db_->rounds().Find(id)->state, storage::RoundState::kPublished);
}

}  // namespace
}  // namespace synlig::web::testing
