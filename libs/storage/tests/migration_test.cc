// Versioned migrations on every backend: fresh, idempotent, newer schema refused.
#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

constexpr int kLatest = 8;  // bump with each new migration

TEST_P(MigrationTest, FreshDatabaseIsAtTheLatestVersion) {
  EXPECT_EQ(db().SchemaVersion().value_or(-1), kLatest);
}

TEST_P(MigrationTest, MigratingAgainAndReopeningChangeNothing) {
  Id unit = MakeUnit("A");
  EXPECT_EQ(db().Migrate().value_or(-1), kLatest);
  EXPECT_EQ(db().Migrate().value_or(-1), kLatest);
  auto reopened = OpenAgain();
  ASSERT_TRUE(reopened) << reopened.error().ToString();
  EXPECT_EQ((*reopened)->SchemaVersion().value_or(-1), kLatest);
  EXPECT_EQ((*reopened)->units().Find(unit)->name, "A");
  auto third = Open(url());
  ASSERT_TRUE(third) << "a second handle on the same database";
  EXPECT_EQ((*third)->units().List()->size(), 1u);
  SetDatabase(*std::move(reopened));
}

TEST_P(MigrationTest, NewerSchemaIsRefusedWithAClearMessage) {
  ASSERT_TRUE(testing::ExecScript(
      db(), "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)"));
  EXPECT_EQ(db().SchemaVersion().error().code(), ErrorCode::kFailedPrecondition);
  for (bool migrate : {true, false}) {
    OpenOptions options;
    options.migrate = migrate;
    auto reopened = OpenAgain(options);
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(reopened.error().message().find("999"), std::string::npos)
        << reopened.error().message();
    EXPECT_NE(reopened.error().message().find("upgrade"), std::string::npos);
  }
}

TEST_P(MigrationTest, OpeningWithoutMigrateLeavesAnEmptyDatabaseAtVersionZero) {
  ASSERT_TRUE(testing::ExecScript(
      db(), "DROP TABLE ad_report_imports; DROP TABLE ad_import_errors; DROP TABLE ad_imports"));
  ASSERT_TRUE(testing::ExecScript(
      db(), "DROP TABLE report_exports; DROP TABLE report_transitions;"
            " DROP TABLE report_sections; DROP TABLE reports"));
  ASSERT_TRUE(testing::ExecScript(
      db(), "DROP TABLE training_completions; DROP TABLE training_imports;"
            " DROP TABLE training_targets; DROP TABLE training_employees;"
            " DROP TABLE training_units; DROP TABLE training_roles;"
            " DROP TABLE training_departments; DROP TABLE training_courses"));
  ASSERT_TRUE(testing::ExecScript(
      db(), "DROP TABLE prevention_attitudes; DROP TABLE prevention_activity_grades;"
            " DROP TABLE prevention_activities; DROP TABLE prevention_school_grades;"
            " DROP TABLE prevention_schools; DROP TABLE clinic_contacts; DROP TABLE clinic_staff;"
            " DROP TABLE clinic_assumptions; DROP TABLE clinic_reference_figures;"
            " DROP TABLE clinics"));
  ASSERT_TRUE(testing::ExecScript(db(),
                                  "DROP TABLE person_entries; DROP TABLE responses;"
                                  " DROP TABLE round_units; DROP TABLE rounds; DROP TABLE sessions;"
                                  " DROP TABLE users; DROP TABLE units; DROP TABLE audit_log;"
                                  " DROP TABLE settings; DROP TABLE schema_migrations;"
                                  " DROP TABLE crime_figures; DROP TABLE population_figures"));
  OpenOptions options;
  options.migrate = false;
  auto plain = OpenAgain(options);
  ASSERT_TRUE(plain) << plain.error().ToString();
  EXPECT_EQ((*plain)->SchemaVersion().value_or(-1), 0);
  EXPECT_EQ((*plain)->Migrate().value_or(-1), kLatest);
  EXPECT_EQ((*plain)->units().List()->size(), 0u);
  SetDatabase(*std::move(plain));
}

}  // namespace
}  // namespace synlig::storage
