// Reminder texts to employees and to managers.
#include "synlig/training/reminder.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

std::vector<UnitCoverage> Units() {
  UnitCoverage a;
  a.unit_id = 1;
  a.name = "Fältgruppen";
  a.manager_email = "chef@x.se";
  a.count = {1, 3};
  a.missing = {{1, "Anna Exempel", "anna@x.se", 1, 1, true}, {2, "Bo Test", "bo@x.se", 1, 1, true}};
  UnitCoverage b;
  b.unit_id = 2;
  b.name = "Skolan";
  b.count = {0, 1};
  b.missing = {{3, "Cissi Prov", "cissi@x.se", 2, 1, true}};
  UnitCoverage done;
  done.unit_id = 3;
  done.name = "Klara";
  done.count = {2, 2};
  return {a, b, done};
}

std::vector<Course> Courses() {
  Course c;
  c.id = 1;
  c.code = "SOS";
  c.name = "Sex mot ersättning – möta vuxna";
  c.provider = "Socialstyrelsen";
  c.url = "https://example.org/kurs";
  Course inactive = c;
  inactive.id = 2;
  inactive.name = "Gammal kurs";
  inactive.active = false;
  Course not_counting = c;
  not_counting.id = 3;
  not_counting.name = "Frivillig fördjupning";
  not_counting.counts = false;
  return {c, inactive, not_counting};
}

TEST(ReminderTest, OneMessagePerMissingEmployee) {
  ReminderOptions o;
  o.municipality = "Demo kommun";
  o.sender_name = "Utbildningssamordnaren";
  o.note = "Kursen tar ungefär en timme.\r\n";
  o.due = Date{std::chrono::year(2027), std::chrono::month(12), std::chrono::day(31)};
  auto batch = ComposeReminders(Units(), Courses(), o);
  ASSERT_TRUE(batch) << batch.error().ToString();
  ASSERT_EQ(batch->messages.size(), 3u);
  const Reminder& r = batch->messages[0];
  EXPECT_EQ(r.to, "anna@x.se");
  EXPECT_EQ(r.subject, "Påminnelse: utbildning om sex mot ersättning");
  EXPECT_NE(r.body.find("Hej Anna Exempel!"), std::string::npos);
  EXPECT_NE(r.body.find("Kursen tar ungefär en timme.\n"), std::string::npos);
  EXPECT_NE(r.body.find("- Sex mot ersättning – möta vuxna (Socialstyrelsen)\n"
                        "  https://example.org/kurs\n"),
            std::string::npos);
  EXPECT_EQ(r.body.find("Gammal kurs"), std::string::npos);
  EXPECT_EQ(r.body.find("Frivillig"), std::string::npos);
  EXPECT_NE(r.body.find("senast 2027-12-31."), std::string::npos);
  EXPECT_NE(r.body.find("Demo kommun"), std::string::npos);
  EXPECT_EQ(r.body.find('\r'), std::string::npos);
  EXPECT_TRUE(batch->units_without_manager.empty());
}

TEST(ReminderTest, ManagersGetTheirUnitsListAndUnitsWithoutManagerAreReported) {
  ReminderOptions o;
  o.audience = ReminderAudience::kManagers;
  o.lang = "en";
  auto batch = ComposeReminders(Units(), Courses(), o);
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->messages.size(), 1u);
  const Reminder& r = batch->messages[0];
  EXPECT_EQ(r.to, "chef@x.se");
  EXPECT_EQ(r.employees, 2);
  EXPECT_EQ(r.subject, "Reminder: training on sex for compensation for Fältgruppen");
  EXPECT_NE(r.body.find("- Anna Exempel <anna@x.se>\n- Bo Test <bo@x.se>\n"), std::string::npos);
  EXPECT_EQ(batch->units_without_manager, std::vector<std::string>{"Skolan"});
}

TEST(ReminderTest, OneUnitOnlyAndBadInput) {
  ReminderOptions o;
  o.unit_id = 2;
  auto batch = ComposeReminders(Units(), Courses(), o);
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->messages.size(), 1u);
  EXPECT_EQ(batch->messages[0].to, "cissi@x.se");
  o.unit_id = 99;
  EXPECT_EQ(ComposeReminders(Units(), Courses(), o).error().field(), "unit");
  o.unit_id.reset();
  o.note = std::string(kMaxNoteBytes + 1, 'x');
  EXPECT_EQ(ComposeReminders(Units(), Courses(), o).error().field(), "note");
  o.note = "a\x07";
  EXPECT_EQ(ComposeReminders(Units(), Courses(), o).error().field(), "note");
  EXPECT_EQ(ParseReminderAudience("all").error().field(), "audience");
}

}  // namespace
}  // namespace synlig::training
