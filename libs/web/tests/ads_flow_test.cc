// The round's online-ad pages through App::Handle: the analyst uploads JSON Lines and a saved
// HTML page; the counts and bad lines are shown; refusals say why (in Swedish); only
// aggregates reach the database — no number or name of the upload is in its file afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "multipart.h"
#include "test_app.h"

namespace synlig::web::testing {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/ads/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class AdsFlowTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    const storage::Id unit = AddUnit("Socialtjänsten Öst", Sector::kSocialServices);
    AddUser("alva", Role::kAnalyst);
    ASSERT_EQ(analyst_.Login("alva", kPassword).status, 303);
    analyst_.Get("/rounds/new");
    const HttpResponse created = analyst_.Post("/rounds", {{"name", "Kartläggning 2025"},
                                                           {"from", "2025-01-01"},
                                                           {"to", "2025-06-30"},
                                                           {"units", std::to_string(unit)},
                                                           {"k", "3"},
                                                           {"questionnaire", "standard:1"}});
    ASSERT_EQ(created.status, 303) << created.body;
    round_path_ = created.headers.back().second;
    round_id_ = std::stoll(round_path_.substr(8));
  }

  // Posts the parts (and the CSRF token of the ads page unless told not to).
  HttpResponse Upload(std::vector<MultipartPart> parts, bool with_csrf = true) {
    const HttpResponse page = analyst_.Get(round_path_ + "/ads");
    EXPECT_EQ(page.status, 200);
    if (with_csrf) parts.push_back({"csrf", "", "", analyst_.last_csrf()});
    HttpRequest req;
    req.method = "POST";
    req.path = round_path_ + "/ads";
    req.body = FormatMultipart(parts, req.content_type);
    req.cookie_header = analyst_.cookie_header();
    req.host = "localhost";
    req.remote_addr = "127.0.0.1";
    return app_->Handle(req);
  }
  static MultipartPart File(std::string name, std::string data) {
    return {"file", std::move(name), "application/octet-stream", std::move(data)};
  }

  Browser analyst_{app_};
  std::string round_path_;
  storage::Id round_id_ = 0;
};

TEST_F(AdsFlowTest, UploadShowsCountsTablesAndBadLines) {
  const HttpResponse empty = analyst_.Get(round_path_ + "/ads");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("id=\"ads-no-imports\""), std::string::npos);
  EXPECT_NE(empty.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  // The progress the upload script fills: hidden until it runs, its texts localised.
  EXPECT_NE(empty.body.find("data-upload-progress=\"ads-upload-progress\""), std::string::npos);
  EXPECT_NE(empty.body.find("id=\"ads-upload-progress\" hidden"), std::string::npos);
  EXPECT_NE(empty.body.find("data-uploading=\"Laddar upp filerna: {p}\u00a0%\""),
            std::string::npos);
  EXPECT_NE(empty.body.find("<script src=\"/static/upload.js\" defer></script>"),
            std::string::npos);

  const HttpResponse r = Upload({File("sample.jsonl", ReadData("sample.jsonl"))});
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string location = r.headers.back().second;
  EXPECT_EQ(location.rfind(round_path_ + "/ads?import=", 0), 0u) << location;
  const HttpResponse page = analyst_.Get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<dd id=\"ads-read\">10</dd>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<dd id=\"ads-skipped\">3</dd>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"ads-site-days\""), std::string::npos);
  EXPECT_NE(page.body.find("site-a.example"), std::string::npos);
  EXPECT_NE(page.body.find("2025-03-17"), std::string::npos);
  EXPECT_NE(page.body.find("Rad 10: fältet stated_age har fel typ."), std::string::npos);
  EXPECT_NE(page.body.find("Rad 11: raden är inte giltig JSON"), std::string::npos);
  EXPECT_NE(page.body.find("Rad 12: fältet ad_id saknas."), std::string::npos);
  EXPECT_NE(page.body.find("Rörlighet (ny i stan)"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"ads-captures\""), std::string::npos);

  auto imports = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(imports);
  ASSERT_EQ(imports->size(), 1u);
  EXPECT_EQ((*imports)[0].ads_read, 10);
  EXPECT_EQ((*imports)[0].format, "jsonl");
  EXPECT_NE((*imports)[0].captures_csv.find("2025-03-03,2025-03-10,2025-03-17,count"),
            std::string::npos);
  auto audit = db_->audit().Query({});
  ASSERT_TRUE(audit);
  bool logged = false;
  for (const storage::AuditEvent& e : *audit) logged = logged || e.action == "ads_import";
  EXPECT_TRUE(logged);

  // In English too.
  EXPECT_NE(analyst_.Get("/lang?lang=en&next=/").status, 0);
  const HttpResponse en = analyst_.Get(location);
  EXPECT_NE(en.body.find("Line 12: the field ad_id is missing."), std::string::npos);
}

// Several files of one upload are one import: the sample cut in two (the first part without a
// line break at its end) gives the counts of the whole, and each bad line names its file.
TEST_F(AdsFlowTest, SeveralFilesAreAnalysedAsOneImport) {
  const std::string whole = ReadData("sample.jsonl");
  std::size_t cut = 0;
  for (int line = 0; line < 8; ++line) cut = whole.find('\n', cut) + 1;
  const HttpResponse r = Upload({File("dag1.jsonl", whole.substr(0, cut - 1)),
                                 File("dag2.jsonl", whole.substr(cut))});
  ASSERT_EQ(r.status, 303) << r.body;
  const HttpResponse page = analyst_.Get(r.headers.back().second);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<dd id=\"ads-read\">10</dd>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<dd id=\"ads-skipped\">3</dd>"), std::string::npos);
  EXPECT_NE(page.body.find("dag1.jsonl, dag2.jsonl"), std::string::npos);
  // The sample's bad lines 10-12 are lines 2-4 of the second file.
  EXPECT_NE(page.body.find("Fil 2: Rad 2: fältet stated_age har fel typ."), std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("Fil 2: Rad 4: fältet ad_id saknas."), std::string::npos);
  auto imports = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(imports);
  ASSERT_EQ(imports->size(), 1u);
  EXPECT_EQ((*imports)[0].files, 2);
  // The same counts as the whole file in one.
  const HttpResponse one = Upload({File("sample.jsonl", whole)});
  ASSERT_EQ(one.status, 303);
  imports = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(imports);
  ASSERT_EQ(imports->size(), 2u);
  EXPECT_EQ((*imports)[0].counts_json, (*imports)[1].counts_json);
  EXPECT_EQ((*imports)[0].captures_csv, (*imports)[1].captures_csv);

  // Files of both kinds in one upload are refused, and so is an empty file among others.
  HttpResponse mixed = Upload({File("dag1.jsonl", whole), File("page.html", "<html></html>")});
  EXPECT_EQ(mixed.status, 422);
  EXPECT_NE(mixed.body.find("samma slag"), std::string::npos);
  HttpResponse empty = Upload({File("dag1.jsonl", whole), File("tom.jsonl", "")});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(db_->ad_imports().ListForRound(round_id_)->size(), 2u);
}

// Two saved pages of one site and sample day are one import; a bad listing names its page.
TEST_F(AdsFlowTest, SeveralSavedPagesOfOneDay) {
  const std::string page = ReadData("example-listing.html");
  const HttpResponse r = Upload({File("sida1.html", page), File("sida2.html", page),
                                 {"captured_on", "", "", "2025-03-03"}});
  ASSERT_EQ(r.status, 303) << r.body;
  const HttpResponse shown = analyst_.Get(r.headers.back().second);
  EXPECT_NE(shown.body.find("Fil 2: Annons 4 på sidan: fältet ad_id saknas."),
            std::string::npos)
      << shown.body;
  auto imports = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(imports);
  ASSERT_EQ(imports->size(), 1u);
  EXPECT_EQ((*imports)[0].files, 2);
  EXPECT_EQ((*imports)[0].format, "html");
  EXPECT_EQ((*imports)[0].skipped % 2, 0);  // each page's bad listings, twice
}

// Pages of two sample days in one import: the days come from the file names, so the import
// has both days and capture histories over them.
TEST_F(AdsFlowTest, SavedPagesOfSeveralDaysByTheirFileNames) {
  const std::string page = ReadData("example-listing.html");
  const HttpResponse r =
      Upload({File("2025-03-03-sida1.html", page), File("2025-03-10-sida1.html", page)});
  ASSERT_EQ(r.status, 303) << r.body;
  auto imports = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(imports);
  ASSERT_EQ(imports->size(), 1u);
  EXPECT_NE((*imports)[0].counts_json.find("2025-03-03"), std::string::npos);
  EXPECT_NE((*imports)[0].counts_json.find("2025-03-10"), std::string::npos);
  EXPECT_EQ((*imports)[0].captures_csv.rfind("2025-03-03,2025-03-10,count\n", 0), 0u)
      << (*imports)[0].captures_csv;
  // An undated page needs the form's day; an impossible date in a name is refused.
  HttpResponse undated = Upload({File("2025-03-03-sida1.html", page), File("sida2.html", page)});
  EXPECT_EQ(undated.status, 422);
  EXPECT_NE(undated.body.find("Ange urvalsdagen"), std::string::npos);
  HttpResponse impossible = Upload({File("2025-02-30-sida1.html", page),
                                    {"captured_on", "", "", "2025-03-03"}});
  EXPECT_EQ(impossible.status, 422);
  EXPECT_NE(impossible.body.find("måste finnas i kalendern"), std::string::npos);
  EXPECT_EQ(db_->ad_imports().ListForRound(round_id_)->size(), 1u);
}

TEST_F(AdsFlowTest, SavedHtmlPageWithTheSitesRules) {
  const HttpResponse r =
      Upload({File("listing-b.html", ReadData("listing-b.html")),
              {"site", "listing-b.toml", "application/toml", ReadData("listing-b.toml")}});
  ASSERT_EQ(r.status, 303) << r.body;
  const HttpResponse page = analyst_.Get(r.headers.back().second);
  EXPECT_NE(page.body.find("<dd id=\"ads-read\">2</dd>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("listing-b.example"), std::string::npos);
  EXPECT_NE(page.body.find("2025-03-10"), std::string::npos);

  // The example site's page needs a sample day; its bad listings are listed by number.
  const HttpResponse no_day = Upload({File("example.html", ReadData("example-listing.html"))});
  EXPECT_EQ(no_day.status, 422);
  EXPECT_NE(no_day.body.find("Ange urvalsdagen"), std::string::npos);
  const HttpResponse with_day = Upload({File("example.html", ReadData("example-listing.html")),
                                        {"captured_on", "", "", "2025-03-03"}});
  ASSERT_EQ(with_day.status, 303) << with_day.body;
  const HttpResponse shown = analyst_.Get(with_day.headers.back().second);
  EXPECT_NE(shown.body.find("Annons 4 på sidan: fältet ad_id saknas."), std::string::npos);
}

TEST_F(AdsFlowTest, RefusalsSayWhyAndStoreNothing) {
  HttpResponse r = Upload({});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Välj en fil att importera."), std::string::npos);
  r = Upload({File("notes.txt", "hej hej\n")});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Filen kunde inte läsas som annonser."), std::string::npos);
  r = Upload({File("broken.jsonl", "{not json\n{\"site\":1}\n")});
  EXPECT_EQ(r.status, 422);
  r = Upload({File("page.html", ReadData("listing-b.html")),  // example rules, another site
              {"captured_on", "", "", "2025-03-03"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Regelfilen hittade inga annonser på sidan."), std::string::npos);
  r = Upload({File("page.html", ReadData("listing-b.html")),
              {"site", "bad.toml", "", "[site]\nname = 1\n"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Regelfilen för webbplatsen kunde inte läsas."), std::string::npos);
  std::string many;
  for (int i = 0; i <= 50'000; ++i) many += "{}\n";
  r = Upload({File("many.jsonl", many)});
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("fler än 50 000 annonser"), std::string::npos);
  EXPECT_EQ(Upload({File("sample.jsonl", ReadData("sample.jsonl"))}, false).status, 403);
  EXPECT_TRUE(db_->ad_imports().ListForRound(round_id_)->empty());

  // A round whose key is gone (published) takes no more ads.
  ASSERT_TRUE(keys_->DestroyRoundKey(round_id_));
  r = Upload({File("sample.jsonl", ReadData("sample.jsonl"))});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("hemliga nyckel är förstörd"), std::string::npos);
  EXPECT_TRUE(db_->ad_imports().ListForRound(round_id_)->empty());
}

// The council report uses the newest import until the analyst chooses another; the choice is
// audited, stands when newer imports come, and is refused for an import of another round and
// once the round is published.
TEST_F(AdsFlowTest, TheAnalystChoosesTheImportTheReportUses) {
  const std::string data = ReadData("sample.jsonl");
  const HttpResponse first = Upload({File("dag1.jsonl", data)});
  ASSERT_EQ(first.status, 303);
  const std::string first_path = first.headers.back().second;
  const std::string first_id = first_path.substr(first_path.find("import=") + 7);
  HttpResponse page = analyst_.Get(first_path);
  EXPECT_NE(page.body.find("id=\"ads-in-report\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("id=\"ads-report-note\""), std::string::npos);
  const HttpResponse second = Upload({File("dag2.jsonl", data)});
  ASSERT_EQ(second.status, 303);
  page = analyst_.Get(first_path);
  EXPECT_EQ(page.body.find("id=\"ads-in-report\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"ads-not-in-report\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"ads-use-in-report\""), std::string::npos);

  HttpResponse r = analyst_.Post(round_path_ + "/ads/report", {{"import", first_id}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.back().second, first_path);
  page = analyst_.Get(first_path);
  EXPECT_NE(page.body.find("id=\"ads-in-report\""), std::string::npos);
  std::size_t marked = 0;  // one row of the list says so, not every row
  for (std::size_t at = 0; (at = page.body.find("<td>Ja</td>", at)) != std::string::npos; ++at) {
    ++marked;
  }
  EXPECT_EQ(marked, 1u) << page.body;
  auto list = db_->ad_imports().ListForRound(round_id_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_FALSE((*list)[0].for_report);
  EXPECT_TRUE((*list)[1].for_report);
  EXPECT_EQ(std::to_string((*list)[1].id), first_id);
  auto count_choices = [&] {
    auto audit = db_->audit().Query({});
    EXPECT_TRUE(audit);
    int n = 0;
    for (const storage::AuditEvent& e : *audit) {
      if (e.action != "ads_report_import") continue;
      ++n;
      EXPECT_EQ(e.detail, "import " + first_id);
    }
    return n;
  };
  EXPECT_EQ(count_choices(), 1);
  // Choosing it again changes nothing and logs nothing new.
  EXPECT_EQ(analyst_.Post(round_path_ + "/ads/report", {{"import", first_id}}).status, 303);
  EXPECT_EQ(count_choices(), 1);
  ASSERT_EQ(Upload({File("dag3.jsonl", data)}).status, 303);
  EXPECT_TRUE(db_->ad_imports().ListForRound(round_id_)->back().for_report);

  // Not an import of this round, or none at all.
  EXPECT_EQ(analyst_.Post(round_path_ + "/ads/report", {{"import", "999"}}).status, 404);
  EXPECT_EQ(analyst_.Post(round_path_ + "/ads/report", {}).status, 404);
  EXPECT_EQ(analyst_.Post("/rounds/999/ads/report", {{"import", first_id}}).status, 404);

  // Published: the report is fixed, and so is what it was built on.
  for (auto [from, to] : {std::pair{storage::RoundState::kDraft, storage::RoundState::kOpen},
                          {storage::RoundState::kOpen, storage::RoundState::kClosed},
                          {storage::RoundState::kClosed, storage::RoundState::kPublished}}) {
    ASSERT_TRUE(db_->rounds().Transition(round_id_, from, to, 0));
  }
  const std::string newest = std::to_string(db_->ad_imports().ListForRound(round_id_)->front().id);
  r = analyst_.Post(round_path_ + "/ads/report", {{"import", newest}});
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("rapporten ligger fast"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("href=\"#import-heading\""), std::string::npos);
  EXPECT_TRUE(db_->ad_imports().ListForRound(round_id_)->back().for_report);
  page = analyst_.Get(round_path_ + "/ads?import=" + newest);
  EXPECT_EQ(page.body.find("id=\"ads-use-in-report\""), std::string::npos)
      << "no button for a choice that would be refused";
}

TEST_F(AdsFlowTest, OnlyAnalystsAndOnlyExistingRoundsAndImports) {
  EXPECT_EQ(analyst_.Get("/rounds/999/ads").status, 404);
  EXPECT_EQ(analyst_.Get(round_path_ + "/ads?import=999").status, 404);
  AddUser("rita", Role::kReader);
  Browser reader(app_);
  ASSERT_EQ(reader.Login("rita", kPassword).status, 303);
  EXPECT_EQ(reader.Get(round_path_ + "/ads").status, 403);
}

// Data minimisation: after an upload, no phone number (in any form) and no name of the file
// is in the database file; the sites and counts are.
TEST_F(AdsFlowTest, NoNumberOrNameOfTheUploadIsInTheDatabaseFile) {
  const std::string data = ReadData("sample.jsonl");
  ASSERT_EQ(Upload({File("sample.jsonl", data)}).status, 303);
  app_.reset();
  db_.reset();  // close, so everything is in the file
  std::string stored;
  for (const std::string& path : {path_, path_ + "-wal"}) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    stored += s.str();
  }
  ASSERT_NE(stored.find("site-a.example"), std::string::npos);
  for (const char* secret :
       {"1740605", "1740607", "1740609", "701740605", "46701740605", "174 06 05", "1234567",
        "601234567", "Sofia", "Irina", "Elena", "Maja", "Hanna", "lägenhet", "Romania"}) {
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace synlig::web::testing
