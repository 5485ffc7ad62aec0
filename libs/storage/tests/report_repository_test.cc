// ReportRepository on every backend: the report's state machine with its history, texts only
// in a draft, publication storing the exports with SHA-256 and freezing the report, and the
// manager role accepted by the users table after the migration.
#include <string>

#include "storage_test_fixture.h"
#include "synlig/core/crypto.h"
#include "synlig/storage/report_store.h"

namespace synlig::storage {
namespace {

std::vector<ReportExportFile> Files() {
  ReportExportFile html{
      "html", "rapport-1.html", "text/html; charset=utf-8", "<!doctype html><p>Rapport</p>", "", 0,
      0};
  static constexpr char kPdf[] = "%PDF-1.7\n\0\x01\x02\xff binary";
  std::string pdf_bytes(kPdf, sizeof(kPdf) - 1);  // keeps the embedded NUL
  ReportExportFile pdf{"pdf", "rapport-1.pdf", "application/pdf", pdf_bytes, "", 0, 0};
  return {html, pdf};
}

TEST_P(ReportRepositoryTest, ManagerRoleIsStoredAfterTheMigration) {
  const Id id = MakeUser("maja", Role::kManager);
  auto user = db().users().Find(id);
  ASSERT_TRUE(user) << user.error().ToString();
  EXPECT_EQ(user->role, Role::kManager);
}

TEST_P(ReportRepositoryTest, OpenCreatesAnEmptyDraftOnceAndUnknownRoundIsNotFound) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  auto first = db().reports().Open(round, analyst, kNow);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(first->state, ReportState::kDraft);
  EXPECT_TRUE(first->sections.empty());
  EXPECT_EQ(first->created_at, kNow);
  auto again = db().reports().Open(round, analyst, kNow + 50);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->created_at, kNow);
  EXPECT_EQ(db().reports().Open(round + 99, analyst, kNow).error().code(), ErrorCode::kNotFound);
  auto bad_user = db().reports().Open(round, analyst + 99, kNow);
  EXPECT_EQ(bad_user.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad_user.error().field(), "user_id");
  EXPECT_EQ(db().reports().Find(round + 99).error().code(), ErrorCode::kNotFound);
}

TEST_P(ReportRepositoryTest, SectionTextsAreSavedReplacedAndRemoved) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  ASSERT_TRUE(db().reports().SaveSections(
      round, {{"summary", "Första *texten*"}, {"methods", "Metod"}}, analyst, kNow + 1));
  ASSERT_TRUE(db().reports().SaveSections(round, {{"summary", "Andra"}, {"methods", ""}}, analyst,
                                          kNow + 2));
  auto got = db().reports().Find(round);
  ASSERT_TRUE(got) << got.error().ToString();
  ASSERT_EQ(got->sections.size(), 1u);
  EXPECT_EQ(got->sections[0].section, "summary");
  EXPECT_EQ(got->sections[0].text, "Andra");
  EXPECT_EQ(got->updated_at, kNow + 2);
}

TEST_P(ReportRepositoryTest, MalformedSectionsAreRefusedWithTheField) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  auto key = db().reports().SaveSections(round, {{"Bad Key", "x"}}, analyst, kNow);
  EXPECT_EQ(key.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(key.error().field(), "section");
  auto twice = db().reports().SaveSections(round, {{"a", "x"}, {"a", "y"}}, analyst, kNow);
  EXPECT_EQ(twice.error().field(), "section");
  auto big = db().reports().SaveSections(
      round, {{"a", "ok"}, {"b", std::string(kMaxSectionTextBytes + 1, 'x')}}, analyst, kNow);
  EXPECT_EQ(big.error().field(), "text");
  EXPECT_TRUE(db().reports().Find(round)->sections.empty()) << "nothing half-saved";
}

TEST_P(ReportRepositoryTest, SendBackNeedsACommentAndReturnsTheReportToDraft) {
  const Id analyst = MakeUser("anna");
  const Id manager = MakeUser("maja", Role::kManager);
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kDraft, ReportState::kSubmitted,
                                        analyst, kNow + 1, ""));
  auto edit = db().reports().SaveSections(round, {{"summary", "x"}}, analyst, kNow + 2);
  EXPECT_EQ(edit.error().code(), ErrorCode::kFailedPrecondition);
  auto silent = db().reports().Transition(round, ReportState::kSubmitted, ReportState::kDraft,
                                          manager, kNow + 3, "  ");
  EXPECT_EQ(silent.error().field(), "comment");
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kSubmitted, ReportState::kDraft,
                                        manager, kNow + 4, "Förtydliga bortfallet."));
  auto got = db().reports().Find(round);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, ReportState::kDraft);
  EXPECT_EQ(got->send_back_comment, "Förtydliga bortfallet.");
  ASSERT_EQ(got->history.size(), 2u);
  EXPECT_EQ(got->history[0].to, ReportState::kSubmitted);
  EXPECT_EQ(got->history[0].username, "anna");
  EXPECT_EQ(got->history[1].from, ReportState::kSubmitted);
  EXPECT_EQ(got->history[1].to, ReportState::kDraft);
  EXPECT_EQ(got->history[1].user_id, manager);
  EXPECT_EQ(got->history[1].at, kNow + 4);
  EXPECT_EQ(got->history[1].comment, "Förtydliga bortfallet.");
  EXPECT_TRUE(db().reports().SaveSections(round, {{"summary", "fixed"}}, analyst, kNow + 5));
}

TEST_P(ReportRepositoryTest, TransitionsOutsideTheWorkflowAreRefused) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  auto skip = db().reports().Transition(round, ReportState::kDraft, ReportState::kApproved, analyst,
                                        kNow, "");
  EXPECT_EQ(skip.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(skip.error().field(), "state");
  auto publish = db().reports().Transition(round, ReportState::kApproved, ReportState::kPublished,
                                           analyst, kNow, "");
  EXPECT_EQ(publish.error().field(), "state");
  auto stale = db().reports().Transition(round, ReportState::kSubmitted, ReportState::kApproved,
                                         analyst, kNow, "");
  EXPECT_EQ(stale.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(stale.error().message().find("is draft"), std::string::npos);
  auto none = db().reports().Transition(round + 99, ReportState::kDraft, ReportState::kSubmitted,
                                        analyst, kNow, "");
  EXPECT_EQ(none.error().code(), ErrorCode::kNotFound);
}

TEST_P(ReportRepositoryTest, PublishStoresChecksummedExportsAndFreezesTheReport) {
  const Id analyst = MakeUser("anna");
  const Id manager = MakeUser("maja", Role::kManager);
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  ASSERT_TRUE(db().reports().SaveSections(round, {{"summary", "Text"}}, analyst, kNow));
  auto early = db().reports().Publish(round, Files(), analyst, kNow);
  EXPECT_EQ(early.error().code(), ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kDraft, ReportState::kSubmitted,
                                        analyst, kNow + 1, ""));
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kSubmitted, ReportState::kApproved,
                                        manager, kNow + 2, ""));
  Status published = db().reports().Publish(round, Files(), analyst, kNow + 3);
  ASSERT_TRUE(published) << published.error().ToString();

  auto got = db().reports().Find(round);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->state, ReportState::kPublished);
  EXPECT_EQ(db().rounds().Find(round)->state, RoundState::kPublished);
  ASSERT_EQ(got->exports.size(), 2u);
  EXPECT_EQ(got->exports[0].format, "html");
  EXPECT_TRUE(got->exports[0].bytes.empty()) << "listings carry no bytes";
  const std::vector<ReportExportFile> files = Files();
  EXPECT_EQ(got->exports[1].sha256, Sha256Hex(files[1].bytes));
  EXPECT_EQ(got->exports[1].size, static_cast<std::int64_t>(files[1].bytes.size()));
  auto pdf = db().reports().LoadExport(round, "pdf");
  ASSERT_TRUE(pdf) << pdf.error().ToString();
  EXPECT_EQ(pdf->bytes, files[1].bytes) << "binary bytes (NUL, 0xff) survive";
  EXPECT_EQ(pdf->file_name, "rapport-1.pdf");
  EXPECT_EQ(pdf->content_type, "application/pdf");
  EXPECT_EQ(db().reports().LoadExport(round, "docx").error().code(), ErrorCode::kNotFound);
  ASSERT_EQ(got->history.size(), 3u);
  EXPECT_EQ(got->history[2].to, ReportState::kPublished);

  // Read-only afterwards.
  EXPECT_EQ(db().reports().SaveSections(round, {{"summary", "x"}}, analyst, kNow).error().code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(db().reports().Publish(round, Files(), analyst, kNow).error().code(),
            ErrorCode::kFailedPrecondition);
  for (auto [from, to] : {std::pair{ReportState::kSubmitted, ReportState::kDraft},
                          std::pair{ReportState::kDraft, ReportState::kSubmitted},
                          std::pair{ReportState::kSubmitted, ReportState::kApproved}}) {
    EXPECT_EQ(db().reports().Transition(round, from, to, analyst, kNow, "c").error().code(),
              ErrorCode::kFailedPrecondition);
  }
  EXPECT_EQ(db().reports().LoadExport(round, "html")->bytes, files[0].bytes);
}

TEST_P(ReportRepositoryTest, PublishRefusesBadFilesAndAnOpenRoundChangingNothing) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kOpen);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kDraft, ReportState::kSubmitted,
                                        analyst, kNow, ""));
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kSubmitted, ReportState::kApproved,
                                        analyst, kNow, ""));
  EXPECT_EQ(db().reports().Publish(round, {}, analyst, kNow).error().field(), "format");
  std::vector<ReportExportFile> twice = Files();
  twice[1].format = "html";
  EXPECT_EQ(db().reports().Publish(round, twice, analyst, kNow).error().field(), "format");
  std::vector<ReportExportFile> path = Files();
  path[0].file_name = "../etc/rapport.html";
  EXPECT_EQ(db().reports().Publish(round, path, analyst, kNow).error().field(), "file_name");
  auto open = db().reports().Publish(round, Files(), analyst, kNow);
  EXPECT_EQ(open.error().code(), ErrorCode::kFailedPrecondition);
  auto got = db().reports().Find(round);
  EXPECT_EQ(got->state, ReportState::kApproved);
  EXPECT_TRUE(got->exports.empty());
}

TEST_P(ReportRepositoryTest, KeyDestructionIsRecordedOnlyForAPublishedReport) {
  const Id analyst = MakeUser("anna");
  const Id round = MakeRound({MakeUnit("Vuxenenheten")}, RoundState::kClosed);
  ASSERT_TRUE(db().reports().Open(round, analyst, kNow));
  EXPECT_EQ(db().reports().MarkKeyDestroyed(round, kNow).error().code(),
            ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kDraft, ReportState::kSubmitted,
                                        analyst, kNow, ""));
  ASSERT_TRUE(db().reports().Transition(round, ReportState::kSubmitted, ReportState::kApproved,
                                        analyst, kNow, ""));
  ASSERT_TRUE(db().reports().Publish(round, Files(), analyst, kNow));
  EXPECT_EQ(db().reports().Find(round)->key_destroyed_at, 0);
  ASSERT_TRUE(db().reports().MarkKeyDestroyed(round, kNow + 7));
  ASSERT_TRUE(db().reports().MarkKeyDestroyed(round, kNow + 9));
  EXPECT_EQ(db().reports().Find(round)->key_destroyed_at, kNow + 7);
  auto list = db().reports().List();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].state, ReportState::kPublished);
}

}  // namespace
}  // namespace synlig::storage
