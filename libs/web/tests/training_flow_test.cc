// The training register's pages end to end through App::Handle: building the register with
// specific Swedish form errors, the import of a learning-platform export (all or nothing,
// every row's problem), coverage, reminders through a recording mail sender, and access.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "synlig/mail/sender.h"
#include "test_app.h"

namespace synlig::web::testing {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/training/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Has(const HttpResponse& r, std::string_view text) {
  return r.body.find(text) != std::string::npos;
}

class TrainingFlowTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    // 2026-06-01: the fixture files' dates lie before it.
    clock_.Advance(std::chrono::seconds(1'780'272'000 - 1'750'000'000));
    ServerDeps deps{*db_, *keys_, clock_, random_};
    deps.mail = &mail_;
    auto app = App::Create(deps, options_);
    ASSERT_TRUE(app) << app.error().ToString();
    app_ = *std::move(app);
    AddUser("tina", Role::kTrainingCoordinator);
    ASSERT_EQ(tina_.Login("tina", kPassword).status, 303);
  }

  // The demo's units and the six employees of tests/data/training/completions_*.
  void AddEmployees() {
    auto& repo = db_->training();
    const training::Id social = *repo.CreateDepartment({0, "Socialförvaltningen", {}});
    const training::Id school = *repo.CreateDepartment({0, "Utbildningsförvaltningen", {}});
    const training::Id field =
        *repo.CreateUnit({0, social, "Fältgruppen", "chef@demo.synlig.invalid", true});
    const training::Id health = *repo.CreateUnit({0, school, "Elevhälsan", "", true});
    training::Id field_assistant = 0;
    const auto reg = repo.LoadRegister();
    ASSERT_TRUE(reg);
    for (const auto& r : reg->roles) {
      if (r.name == "Fältassistent") field_assistant = r.id;
    }
    for (const auto& [name, email, unit] :
         {std::tuple<const char*, const char*, training::Id>{
              "Cecilia Testberg", "cecilia.testberg@demo.synlig.invalid", field},
          {"David Provqvist", "david.provqvist@demo.synlig.invalid", field},
          {"Elin Demodahl", "elin.demodahl@demo.synlig.invalid", health},
          {"Hugo Övningsson", "hugo.ovningsson@demo.synlig.invalid", health},
          {"Ingrid Exempelsson", "ingrid.exempelsson@demo.synlig.invalid", health},
          {"Maja Demodahl", "maja.demodahl@demo.synlig.invalid", field}}) {
      ASSERT_TRUE(repo.CreateEmployee({0, name, email, unit, field_assistant, true}, 0));
    }
  }

  HttpResponse Upload(const std::string& file_name, const std::string& bytes) {
    tina_.Get("/training/import");
    HttpRequest request;
    request.method = "POST";
    request.path = "/training/import";
    request.content_type = "multipart/form-data; boundary=XyZ123";
    request.body =
        "--XyZ123\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + tina_.last_csrf() +
        "\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
        "\"\r\nContent-Type: text/csv\r\n\r\n" + bytes + "\r\n--XyZ123--\r\n";
    request.cookie_header = tina_.cookie_header();
    request.host = "synlig.test";
    return app_->Handle(request);
  }

  std::size_t Completions() { return db_->training().ListCompletions(std::nullopt)->size(); }

  mail::RecordingSender mail_{"utbildning@demo.synlig.invalid"};
  Browser tina_{app_};
};

TEST_F(TrainingFlowTest, RegisterIsBuiltWithSpecificErrors) {
  tina_.Get("/training/organisation");
  EXPECT_EQ(
      tina_.Post("/training/departments", {{"name", "Socialförvaltningen"}, {"kind", "department"}})
          .status,
      303);
  tina_.Get("/training/organisation");
  HttpResponse again =
      tina_.Post("/training/departments", {{"name", "Socialförvaltningen"}, {"kind", "company"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Has(again, "Det namnet finns redan"));
  EXPECT_TRUE(Has(again, "href=\"#department-name\""));
  const training::Id dept = db_->training().LoadRegister()->departments.at(0).id;
  tina_.Get("/training/organisation");
  HttpResponse bad_mail = tina_.Post("/training/units", {{"name", "Fältgruppen"},
                                                         {"department", std::to_string(dept)},
                                                         {"manager_email", "chef"},
                                                         {"active", "1"}});
  EXPECT_EQ(bad_mail.status, 422);
  EXPECT_TRUE(Has(bad_mail, "Chefens e-postadress har fel form"));
  EXPECT_TRUE(Has(bad_mail, "value=\"Fältgruppen\""));  // what was typed stays
  tina_.Get("/training/organisation");
  EXPECT_EQ(tina_
                .Post("/training/units", {{"name", "Fältgruppen"},
                                          {"department", std::to_string(dept)},
                                          {"manager_email", "chef@kommun.example"},
                                          {"active", "1"}})
                .status,
            303);
  const auto reg = db_->training().LoadRegister();
  const std::string unit = std::to_string(reg->units.at(0).id);
  const std::string role = std::to_string(reg->roles.at(0).id);
  tina_.Get("/training/employees");
  EXPECT_EQ(tina_
                .Post("/training/employees", {{"name", "Alva Exempelsson"},
                                              {"email", "Alva.Exempelsson@Kommun.example"},
                                              {"unit", unit},
                                              {"role", role}})
                .status,
            303);
  tina_.Get("/training/employees");
  HttpResponse dup =
      tina_.Post("/training/employees", {{"name", "Annan"},
                                         {"email", "alva.exempelsson@kommun.example"},
                                         {"unit", unit},
                                         {"role", role}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(Has(dup, "En anställd med den e-postadressen finns redan"));
  tina_.Get("/training/employees");
  HttpResponse no_unit = tina_.Post(
      "/training/employees", {{"name", "Bo"}, {"email", "bo@kommun.example"}, {"role", role}});
  EXPECT_EQ(no_unit.status, 422);
  EXPECT_TRUE(Has(no_unit, "Välj en enhet i listan"));
  EXPECT_EQ(db_->training().ListEmployees()->size(), 1u);
  // Reading the staff list is logged.
  storage::AuditFilter filter;
  filter.action = "training_employees_view";
  EXPECT_GE(db_->audit().Query(filter)->size(), 1u);
  filter.action = "training_employee_create";
  EXPECT_EQ(db_->audit().Query(filter)->size(), 1u);
}

TEST_F(TrainingFlowTest, CompletionDatesInSwedishFormatsAndNotInTheFuture) {
  AddEmployees();
  const auto reg = db_->training().LoadRegister();
  const std::string employee = std::to_string(reg->employees.at(0).id);
  const std::string course = std::to_string(reg->courses.at(0).id);
  tina_.Get("/training/completions");
  HttpResponse future = tina_.Post(
      "/training/completions", {{"employee", employee}, {"course", course}, {"date", "1/7 2026"}});
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(Has(future, "efter dagens datum"));
  tina_.Get("/training/completions");
  HttpResponse bad = tina_.Post("/training/completions",
                                {{"employee", employee}, {"course", course}, {"date", "5/3 26"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad, "Skriv datumet som 2026-03-05"));
  tina_.Get("/training/completions");
  EXPECT_EQ(tina_
                .Post("/training/completions",
                      {{"employee", employee}, {"course", course}, {"date", "5 mars 2026"}})
                .status,
            303);
  tina_.Get("/training/completions");
  HttpResponse twice =
      tina_.Post("/training/completions",
                 {{"employee", employee}, {"course", course}, {"date", "2026-03-05"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(Has(twice, "redan den kursen registrerad"));
  EXPECT_EQ(Completions(), 1u);
}

TEST_F(TrainingFlowTest, ImportWithABadRowStoresNothingAndNamesTheRow) {
  AddEmployees();
  HttpResponse up = Upload("bad.csv", Fixture("bad_unknown_email.csv"));
  ASSERT_EQ(up.status, 303) << up.body;
  std::string preview_path;
  for (const auto& [name, value] : up.headers) {
    if (name == "Location") preview_path = value;
  }
  HttpResponse preview = tina_.Get(preview_path);
  EXPECT_EQ(preview.status, 200);
  EXPECT_TRUE(Has(preview, "Rad 3: okänd e-postadress ”anna.saknas@demo.synlig.invalid”"))
      << preview.body;
  EXPECT_FALSE(Has(preview, "id=\"import-confirm\""));
  // Posting the confirmation anyway changes nothing.
  HttpResponse confirm =
      tina_.Post(preview_path,
                 {{"given", "1"}, {"name", "1"}, {"email", "2"}, {"course", "3"}, {"date", "4"}});
  EXPECT_EQ(confirm.status, 422);
  EXPECT_EQ(Completions(), 0u);
  // Discarding clears it.
  tina_.Get(preview_path);
  EXPECT_EQ(tina_.Post(preview_path + "/discard", {}).status, 303);
  EXPECT_EQ(tina_.Get(preview_path).status, 409);
}

TEST_F(TrainingFlowTest, Windows1252ExportIsImportedAndCoverageRises) {
  AddEmployees();
  HttpResponse before = tina_.Get("/training");
  EXPECT_TRUE(Has(before, "0 av 6 i målgruppen (0 %)")) << before.body;
  HttpResponse up = Upload("export.csv", Fixture("completions_windows1252.csv"));
  ASSERT_EQ(up.status, 303) << up.body;
  const std::string path = up.headers.back().second;
  HttpResponse preview = tina_.Get(path);
  EXPECT_TRUE(Has(preview, "Windows-1252 (omvandlad till UTF-8)"));
  EXPECT_TRUE(Has(preview, "Hugo Övningsson"));
  EXPECT_TRUE(Has(preview, "Alla 6 rader kan importeras")) << preview.body;
  HttpResponse done = tina_.Post(path, {{"given", "1"},
                                        {"name", "1"},
                                        {"email", "2"},
                                        {"course", "3"},
                                        {"date", "4"},
                                        {"fixed_course", ""}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Completions(), 6u);
  HttpResponse after = tina_.Get("/training?imported=6&skipped=0");
  EXPECT_TRUE(Has(after, "6 av 6 i målgruppen (100 %)")) << after.body;
  EXPECT_TRUE(Has(after, "6 genomförda utbildningar lades till"));
  // The same file again: every row is already registered, nothing is added twice.
  HttpResponse again = Upload("export.csv", Fixture("completions_utf8_bom_comma.csv"));
  const std::string path2 = again.headers.back().second;
  EXPECT_TRUE(Has(tina_.Get(path2), "6 av dem finns redan"));
  ASSERT_EQ(
      tina_
          .Post(path2,
                {{"given", "1"}, {"name", "1"}, {"email", "2"}, {"course", "3"}, {"date", "4"}})
          .status,
      303);
  EXPECT_EQ(Completions(), 6u);
}

TEST_F(TrainingFlowTest, UnreadableFilesGetASpecificMessage) {
  HttpResponse binary = Upload("x.csv", Fixture("bad_not_text.csv"));
  EXPECT_EQ(binary.status, 422);
  EXPECT_TRUE(Has(binary, "varken är UTF-8 eller Windows-1252 (rad 3)")) << binary.body;
  HttpResponse utf16 = Upload("x.csv", Fixture("bad_utf16_no_bom.csv"));
  EXPECT_EQ(utf16.status, 422);
  EXPECT_TRUE(Has(utf16, "inte en textfil"));
  HttpResponse quote = Upload("x.csv", Fixture("bad_unclosed_quote.csv"));
  EXPECT_EQ(quote.status, 422);
  EXPECT_TRUE(Has(quote, "citattecken stängs inte"));
  EXPECT_TRUE(Has(quote, "(rad 3)"));
  HttpResponse none = Upload("", "");
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(Has(none, "Välj en fil att importera"));
  EXPECT_TRUE(db_->training().ListImports(10)->empty());
}

TEST_F(TrainingFlowTest, MissingDateColumnAsksForTheMapping) {
  AddEmployees();
  HttpResponse up = Upload("x.csv", Fixture("bad_missing_date_column.csv"));
  ASSERT_EQ(up.status, 303);
  HttpResponse preview = tina_.Get(up.headers.back().second);
  EXPECT_TRUE(Has(preview, "Filen saknar en kolumn för datum")) << preview.body;
}

TEST_F(TrainingFlowTest, RemindersGoToTheMissingEmployeesAndManagers) {
  AddEmployees();
  HttpResponse preview = tina_.Get("/training/reminders?audience=managers&unit=&lang=sv&note=Hej");
  EXPECT_EQ(preview.status, 200);
  EXPECT_TRUE(Has(preview, "1 meddelanden skickas"));  // Elevhälsan has no manager address
  EXPECT_TRUE(Has(preview, "Elevhälsan"));
  EXPECT_EQ(tina_
                .Post("/training/reminders", {{"audience", "employees"},
                                              {"unit", ""},
                                              {"lang", "sv"},
                                              {"note", "Kursen tar en timme."}})
                .status,
            200);
  ASSERT_EQ(mail_.sent.size(), 6u);
  EXPECT_EQ(mail_.sent[0].from, "utbildning@demo.synlig.invalid");
  EXPECT_NE(mail_.sent[0].text.find("Kursen tar en timme."), std::string::npos);
  storage::AuditFilter filter;
  filter.action = "training_reminders_send";
  auto events = db_->audit().Query(filter);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].detail, "employees: 6 sent, 0 failed");
}

TEST_F(TrainingFlowTest, OnlyTrainingCoordinatorAndAdminGetIn) {
  AddUser("anna", Role::kAnalyst);
  Browser anna(app_);
  ASSERT_EQ(anna.Login("anna", kPassword).status, 303);
  EXPECT_EQ(anna.Get("/training").status, 403);
  EXPECT_EQ(anna.Get("/training/employees").status, 403);
  AddUser("adam", Role::kAdmin);
  Browser adam(app_);
  ASSERT_EQ(adam.Login("adam", kPassword).status, 303);
  EXPECT_EQ(adam.Get("/training/employees").status, 200);
}

TEST_F(TrainingFlowTest, ReadersSeeOnlySuppressedAggregatesOnTheHomePage) {
  AddEmployees();
  AddUser("rita", Role::kReader);
  Browser rita(app_);
  ASSERT_EQ(rita.Login("rita", kPassword).status, 303);
  HttpResponse home = rita.Get("/");
  EXPECT_TRUE(Has(home, "id=\"tile-training\""));
  // 6 in the target group, none trained: a department of 3 is under k = 5.
  EXPECT_TRUE(Has(home, "färre än 5: visas inte")) << home.body;
  EXPECT_FALSE(Has(home, "Cecilia"));
  EXPECT_FALSE(Has(home, "demo.synlig.invalid"));
}

}  // namespace
}  // namespace synlig::web::testing
