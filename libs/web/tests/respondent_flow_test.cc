// A round end to end through App::Handle: the analyst creates and opens a round and makes
// links; a respondent saves, adds/removes entries, gives a matching key and submits once;
// the analyst's dashboard and the reader's suppressed report.
#include <gtest/gtest.h>

#include "synlig/core/crypto.h"
#include "test_app.h"

namespace synlig::web::testing {
namespace {

class RespondentFlowTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    unit_a_ = AddUnit("Socialtjänsten Väst", Sector::kSocialServices);
    unit_b_ = AddUnit("Skolhälsan", Sector::kSchool);
    AddUser("anna", Role::kAnalyst);
    ASSERT_EQ(analyst_.Login("anna", kPassword).status, 303);
    analyst_.Get("/rounds/new");
    const HttpResponse created = analyst_.Post("/rounds", {{"name", "Kartläggning 2025"},
                                                           {"from", "2025-01-01"},
                                                           {"to", "2025-06-30"},
                                                           {"units", std::to_string(unit_a_)},
                                                           {"units", std::to_string(unit_b_)},
                                                           {"k", "3"},
                                                           {"questionnaire", "standard:1"}});
    ASSERT_EQ(created.status, 303) << created.body;
    round_path_ = created.headers.back().second;
    round_id_ = std::stoll(round_path_.substr(8));
    analyst_.Get(round_path_);
    const HttpResponse links = analyst_.Post(round_path_ + "/links", {{"unit", "all"}});
    ASSERT_EQ(links.status, 200) << links.body;
    token_ = HiddenValue(links.body, "token");
    ASSERT_FALSE(token_.empty());
    links_page_ = links.body;
  }

  void Open() {
    analyst_.Get(round_path_);
    ASSERT_EQ(analyst_.Post(round_path_ + "/open", {}).status, 303);
  }

  HttpResponse Send(std::vector<std::pair<std::string, std::string>> form) {
    return respondent_.Post("/r/" + token_, std::move(form));
  }

  storage::Id unit_a_ = 0, unit_b_ = 0, round_id_ = 0;
  std::string round_path_, token_, links_page_;
  Browser analyst_{app_};
  Browser respondent_{app_};
};

// A complete, valid entry.
std::vector<std::pair<std::string, std::string>> ValidEntry(int i) {
  const std::string p = "e" + std::to_string(i) + ".";
  return {{p + "src", std::to_string(i)},
          {p + "gender", "woman"},
          {p + "age_band", "18_24"},
          {p + "forms", "sells"},
          {p + "location", "in_municipality"}};
}

TEST_F(RespondentFlowTest, LinksAreShownOnceAndStoredOnlyAsHashes) {
  EXPECT_NE(links_page_.find("/r/" + token_), std::string::npos);
  EXPECT_GE(token_.size(), 43u);  // >= 256 bits as base64url
  auto response = db_->responses().FindByTokenHash(TokenHash(token_));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->round_id, round_id_);
  const HttpResponse dashboard = analyst_.Get(round_path_);
  EXPECT_EQ(dashboard.body.find(token_), std::string::npos);
  // The CSV of the links, at that moment, from the tokens posted back.
  const HttpResponse csv = analyst_.Post(round_path_ + "/links.csv", {{"token", token_}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("http://synlig.test/r/" + token_), std::string::npos);
}

TEST_F(RespondentFlowTest, DraftRoundShowsNotOpenPage) {
  const HttpResponse r = respondent_.Get("/r/" + token_);
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("Enkäten är inte öppen"), std::string::npos);
}

TEST_F(RespondentFlowTest, UnknownAndMalformedTokensGiveIdentical404s) {
  Open();
  const HttpResponse unknown = respondent_.Get("/r/" + std::string(43, 'A'));
  const HttpResponse malformed = respondent_.Get("/r/%%%<script>");
  const HttpResponse too_long = respondent_.Get("/r/" + std::string(300, 'x'));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, malformed.body);
  EXPECT_EQ(unknown.body, too_long.body);
}

TEST_F(RespondentFlowTest, FormShowsRoundUnitAndSectorAndHasNoFreeText) {
  Open();
  const HttpResponse r = respondent_.Get("/r/" + token_);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Kartläggning 2025"), std::string::npos);
  EXPECT_NE(r.body.find("2025-01-01"), std::string::npos);
  EXPECT_NE(r.body.find("Socialtjänst"), std::string::npos);
  EXPECT_EQ(r.body.find("<textarea"), std::string::npos);
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"respondent-form\""), std::string::npos);
}

TEST_F(RespondentFlowTest, PostWithoutTheFormsCsrfIs403) {
  Open();
  respondent_.Get("/r/" + token_);
  EXPECT_EQ(respondent_.Post("/r/" + token_, {{"action", "save"}}, false).status, 403);
  EXPECT_EQ(Send({{"action", "save"}, {"csrf", std::string(64, '0')}}).status, 403);
}

TEST_F(RespondentFlowTest, SaveAddRemoveAndResumeKeepEverything) {
  Open();
  respondent_.Get("/r/" + token_);
  HttpResponse r = Send({{"met_anyone", "yes"}, {"entries", "0"}, {"action", "add"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("id=\"entry-0\""), std::string::npos);
  auto form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "add"}});
  r = Send(form);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("id=\"entry-1\""), std::string::npos);
  // Resume through the same link: both entries are there, the first with its answers.
  Browser later(*app_);
  r = later.Get("/r/" + token_);
  EXPECT_NE(r.body.find("id=\"entry-1\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"e0-gender-woman\" value=\"woman\" checked"), std::string::npos);
  // Remove the first; the second (empty) one moves up.
  r = later.Post("/r/" + token_, {{"met_anyone", "yes"},
                                  {"entries", "2"},
                                  {"e0.src", "0"},
                                  {"e0.gender", "woman"},
                                  {"e1.src", "1"},
                                  {"action", "remove-0"}});
  EXPECT_NE(r.body.find("id=\"entry-0\""), std::string::npos);
  EXPECT_EQ(r.body.find("id=\"entry-1\""), std::string::npos);
  auto link = db_->responses().FindByTokenHash(TokenHash(token_));
  EXPECT_EQ(db_->responses().LoadEntries(link->id)->size(), 1u);
}

TEST_F(RespondentFlowTest, MatchingKeyIsHashedAndNeverStoredOrEchoed) {
  Open();
  respondent_.Get("/r/" + token_);
  auto form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"},
                           {"entries", "1"},
                           {"e0.mk_year", "1999"},
                           {"e0.mk_first", "Ö"},
                           {"e0.mk_last", "q"},
                           {"action", "save"}});
  HttpResponse r = Send(form);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("1999"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"e0-mk-saved\""), std::string::npos);
  auto link = db_->responses().FindByTokenHash(TokenHash(token_));
  auto entries = db_->responses().LoadEntries(link->id);
  ASSERT_EQ(entries->size(), 1u);
  ASSERT_TRUE((*entries)[0].match_hash.has_value());
  EXPECT_EQ((*entries)[0].match_hash->size(), 64u);
  const std::string first_hash = *(*entries)[0].match_hash;
  // A save without new key input keeps the saved key.
  form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "save"}});
  r = Send(form);
  EXPECT_EQ(*db_->responses().LoadEntries(link->id)->at(0).match_hash, first_hash);
  // Changing the gender drops it, with a notice.
  form = ValidEntry(0);
  form[1].second = "man";
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "save"}});
  r = Send(form);
  EXPECT_NE(r.body.find("id=\"e0-mk-dropped\""), std::string::npos);
  EXPECT_FALSE(db_->responses().LoadEntries(link->id)->at(0).has_match_key);
}

TEST_F(RespondentFlowTest, BadMatchingKeyInputIsReportedWithoutEchoAndBlocksSubmit) {
  Open();
  respondent_.Get("/r/" + token_);
  auto form = ValidEntry(0);
  form.insert(
      form.end(),
      {{"met_anyone", "yes"}, {"entries", "1"}, {"e0.mk_year", "19x7"}, {"action", "submit"}});
  const HttpResponse r = Send(form);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body.find("19x7"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#e0-mk-year\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"e0-mk-year\" inputmode=\"numeric\" maxlength=\"4\" "
                        "autocomplete=\"off\" spellcheck=\"false\" aria-invalid=\"true\""),
            std::string::npos);
  auto link = db_->responses().FindByTokenHash(TokenHash(token_));
  EXPECT_NE(link->status, storage::ResponseStatus::kSubmitted);
}

TEST_F(RespondentFlowTest, KeyProblemsAndSubmissionProblemsAreShownTogether) {
  Open();
  respondent_.Get("/r/" + token_);
  const HttpResponse r = Send({{"met_anyone", "yes"},
                               {"entries", "1"},
                               {"e0.src", "0"},
                               {"e0.gender", "woman"},
                               {"e0.mk_first", "12"},
                               {"action", "submit"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#e0-mk-first\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#e0-age_band-under_15\""), std::string::npos);
}

TEST_F(RespondentFlowTest, LanguageSwitchInsideTheFormSavesAndAnswersInEnglish) {
  Open();
  respondent_.Get("/r/" + token_);
  auto form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "lang_en"}});
  const HttpResponse r = Send(form);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"lang_sv\""), std::string::npos);
  EXPECT_EQ(respondent_.cookies()["synlig_lang"], "en");
  auto link = db_->responses().FindByTokenHash(TokenHash(token_));
  EXPECT_EQ(db_->responses().LoadEntries(link->id)->size(), 1u);
}

TEST_F(RespondentFlowTest, ClosedRoundRefusesPostsWithTheNotOpenPage) {
  Open();
  respondent_.Get("/r/" + token_);
  analyst_.Get(round_path_);
  ASSERT_EQ(analyst_.Post(round_path_ + "/close", {}).status, 303);
  const HttpResponse r = Send({{"met_anyone", "no"}, {"entries", "0"}, {"action", "submit"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("Enkäten är inte öppen"), std::string::npos);
}

TEST_F(RespondentFlowTest, IncompleteSubmitIsRejectedInSwedishAndSaved) {
  Open();
  respondent_.Get("/r/" + token_);
  const HttpResponse r = Send({{"met_anyone", "yes"},
                               {"entries", "1"},
                               {"e0.src", "0"},
                               {"e0.gender", "woman"},
                               {"action", "submit"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"error-summary\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#e0-age_band-under_15\""), std::string::npos);
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  auto link = db_->responses().FindByTokenHash(TokenHash(token_));
  EXPECT_EQ(link->status, storage::ResponseStatus::kDraft);
  EXPECT_EQ(db_->responses().LoadEntries(link->id)->at(0).answers.Single("gender"), "woman");
}

TEST_F(RespondentFlowTest, SubmitsOnceAndASecondSubmitDoesNotDuplicate) {
  Open();
  respondent_.Get("/r/" + token_);
  auto form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "submit"}});
  HttpResponse r = Send(form);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Tack för ditt svar"), std::string::npos);
  r = Send(form);
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("redan inskickat"), std::string::npos);
  EXPECT_EQ(db_->responses().LoadSubmittedEntries(round_id_)->size(), 1u);
  EXPECT_EQ(respondent_.Get("/r/" + token_).status, 200);  // "already submitted" page
}

TEST_F(RespondentFlowTest, DashboardIsAuditedAndReaderSeesSuppressedReportOnlyWhenPublished) {
  Open();
  respondent_.Get("/r/" + token_);
  auto form = ValidEntry(0);
  form.insert(form.end(), {{"met_anyone", "yes"}, {"entries", "1"}, {"action", "submit"}});
  ASSERT_EQ(Send(form).status, 200);

  const HttpResponse dash = analyst_.Get(round_path_);
  ASSERT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("id=\"persons-entries\">1<"), std::string::npos);
  const HttpResponse csv = analyst_.Get(round_path_ + "/tables.csv?lang=en");
  EXPECT_EQ(csv.status, 200);
  storage::AuditFilter f;
  f.action = "case_rows_view";
  EXPECT_EQ(db_->audit().Query(f)->size(), 3u);  // SetUp, Open() and the view above
  f.action = "case_rows_export";
  auto exports = db_->audit().Query(f);
  ASSERT_EQ(exports->size(), 1u);
  EXPECT_EQ(exports->at(0).object, "round:" + std::to_string(round_id_));

  AddUser("rita", Role::kReader);
  Browser reader(*app_);
  ASSERT_EQ(reader.Login("rita", kPassword).status, 303);
  EXPECT_EQ(reader.Get("/reports/" + std::to_string(round_id_)).status, 404);  // still open
  EXPECT_EQ(reader.Get(round_path_).status, 403);
  analyst_.Get(round_path_);
  ASSERT_EQ(analyst_.Post(round_path_ + "/close", {}).status, 303);
  // Closed is not published: the reader sees the report only after the workflow.
  const std::string report_path = "/reports/" + std::to_string(round_id_);
  EXPECT_EQ(reader.Get(report_path).status, 404);
  AddUser("maja", Role::kManager);
  Browser manager(*app_);
  ASSERT_EQ(manager.Login("maja", kPassword).status, 303);
  analyst_.Get(round_path_ + "/report");
  const HttpResponse submitted =
      analyst_.Post(round_path_ + "/report", {{"action", "submit"}, {"s.summary", "Text"}});
  ASSERT_EQ(submitted.status, 303);
  manager.Get("/approvals");
  ASSERT_EQ(manager.Post("/approvals/" + std::to_string(round_id_) + "/approve", {}).status, 303);
  analyst_.Get(round_path_ + "/report");
  ASSERT_EQ(analyst_.Post(round_path_ + "/report/publish", {}).status, 303);
  const HttpResponse report = reader.Get(report_path);
  ASSERT_EQ(report.status, 200);
  const std::size_t table = report.body.find("id=\"report-table-form_gender\"");
  ASSERT_NE(table, std::string::npos);
  const std::string persons =
      report.body.substr(table, report.body.find("</table>", table) - table);
  EXPECT_NE(persons.find("<td>.</td>"), std::string::npos);  // suppressed under k = 3
  EXPECT_EQ(persons.find("<td>1</td>"), std::string::npos);
  EXPECT_EQ(report.body.find("Skolhälsan"), std::string::npos);  // no unit-level status
  const HttpResponse report_csv = reader.Get(report_path + "/tables.csv");
  EXPECT_EQ(report_csv.status, 200);
  EXPECT_NE(report_csv.body.find(",."), std::string::npos);
  // A closed round takes no more answers.
  EXPECT_EQ(respondent_.Get("/r/" + token_).status, 200);  // submitted page still shown
}

TEST_F(RespondentFlowTest, OpenAndCloseAreCompareAndSet) {
  Open();
  analyst_.Get(round_path_);
  EXPECT_EQ(analyst_.Post(round_path_ + "/open", {}).status, 409);
  ASSERT_EQ(analyst_.Post(round_path_ + "/close", {}).status, 303);
  analyst_.Get(round_path_);
  EXPECT_EQ(analyst_.Post(round_path_ + "/close", {}).status, 409);
  storage::AuditFilter f;
  f.action = "round_close";
  EXPECT_EQ(db_->audit().Query(f)->size(), 1u);
}

TEST_F(RespondentFlowTest, RoundFormReportsFieldErrorsIn422) {
  analyst_.Get("/rounds/new");
  const HttpResponse r = analyst_.Post("/rounds", {{"name", "X"},
                                                   {"from", "2025-02-30"},
                                                   {"to", "2025-03-01"},
                                                   {"units", std::to_string(unit_a_)}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#round-from\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"X\""), std::string::npos);  // nothing typed is lost
}

TEST_F(RespondentFlowTest, CoordinatorSeesOnlyOwnUnit) {
  AddUser("cora", Role::kCoordinator, unit_b_);
  Browser coordinator(*app_);
  ASSERT_EQ(coordinator.Login("cora", kPassword).status, 303);
  const HttpResponse r = coordinator.Get("/my-unit");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Skolhälsan"), std::string::npos);
  EXPECT_EQ(r.body.find("Socialtjänsten Väst"), std::string::npos);
  EXPECT_EQ(coordinator.Get(round_path_).status, 403);
}

}  // namespace
}  // namespace synlig::web::testing
