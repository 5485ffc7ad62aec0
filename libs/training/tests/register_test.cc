// Validation and normalisation of the register's records.
#include "synlig/training/register.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

TEST(RegisterTest, EmailIsTrimmedLowerCasedAndShapeChecked) {
  auto e = NormaliseEmail("  Anna.Exempel@Kommun.SE ");
  ASSERT_TRUE(e) << e.error().ToString();
  EXPECT_EQ(*e, "anna.exempel@kommun.se");
  for (const char* bad :
       {"", "anna", "anna@", "@kommun.se", "anna@kommun", "a@@kommun.se", "an na@kommun.se",
        "anna@kommun..se", ".anna@kommun.se", "anna@kommun.s", "åsa@kommun.se"}) {
    auto r = NormaliseEmail(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), "email");
  }
  EXPECT_EQ(NormaliseEmail("x", "manager_email").error().field(), "manager_email");
}

TEST(RegisterTest, NamesAreNormalisedAndBounded) {
  EXPECT_EQ(NormaliseName("  Anna \t  Exempel \n"), "Anna Exempel");
  EXPECT_EQ(CheckName("   ", "name").error().field(), "name");
  EXPECT_EQ(CheckName(std::string(201, 'a'), "name").error().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(CheckName(std::string(200, 'a'), "name"));
  EXPECT_FALSE(
      CheckName("a\x01"
                "b",
                "name"));
  EXPECT_FALSE(CheckName("\xC3", "name"));  // truncated UTF-8
}

TEST(RegisterTest, FoldingIgnoresCaseOfSwedishLettersAndSpaces) {
  EXPECT_EQ(FoldForMatch("  ÅSA  Öberg ÄNG É"), "åsa öberg äng é");
  EXPECT_EQ(FoldForMatch("Sex mot ERSÄTTNING"), FoldForMatch("sex  mot ersättning"));
  EXPECT_EQ(FoldForMatch("×"), "×");  // the multiplication sign has no lower case
}

TEST(RegisterTest, EmployeeNeedsNameEmailUnitAndRole) {
  Employee e{0, " Bo  Test ", "BO@X.SE", 1, 2, true};
  ASSERT_TRUE(ValidateEmployee(e));
  EXPECT_EQ(e.name, "Bo Test");
  EXPECT_EQ(e.email, "bo@x.se");
  Employee no_unit{0, "Bo", "bo@x.se", 0, 2, true};
  EXPECT_EQ(ValidateEmployee(no_unit).error().field(), "unit");
  Employee no_role{0, "Bo", "bo@x.se", 1, 0, true};
  EXPECT_EQ(ValidateEmployee(no_role).error().field(), "role");
  Employee bad_mail{0, "Bo", "bo", 1, 1, true};
  EXPECT_EQ(ValidateEmployee(bad_mail).error().field(), "email");
}

TEST(RegisterTest, UnitManagerEmailIsOptionalButChecked) {
  Unit u{0, 3, "Fältgruppen", "  ", true};
  ASSERT_TRUE(ValidateUnit(u));
  EXPECT_EQ(u.manager_email, "");
  u.manager_email = "Chef@Kommun.se";
  ASSERT_TRUE(ValidateUnit(u));
  EXPECT_EQ(u.manager_email, "chef@kommun.se");
  u.manager_email = "chef";
  EXPECT_EQ(ValidateUnit(u).error().field(), "manager_email");
  Unit orphan{0, 0, "X", "", true};
  EXPECT_EQ(ValidateUnit(orphan).error().field(), "department");
}

TEST(RegisterTest, CourseCodeUrlAndAliasesAreChecked) {
  Course c;
  c.code = "SOS-VUXNA";
  c.name = "Sex mot ersättning";
  c.url = "https://example.org/kurs";
  c.aliases = {"  Sex mot ersättning – vuxna ", "SMV"};
  ASSERT_TRUE(ValidateCourse(c));
  EXPECT_EQ(c.aliases[0], "Sex mot ersättning – vuxna");
  c.code = "SOS VUXNA";
  EXPECT_EQ(ValidateCourse(c).error().field(), "code");
  c.code = "SOS";
  c.url = "javascript:alert(1)";
  EXPECT_EQ(ValidateCourse(c).error().field(), "url");
  c.url = "https://example.org/a b";
  EXPECT_EQ(ValidateCourse(c).error().field(), "url");
  c.url = "";
  c.name = "";
  EXPECT_EQ(ValidateCourse(c).error().field(), "name");
}

TEST(RegisterTest, TargetShareIsBetweenOneAndHundred) {
  Target t;
  t.due = Date{std::chrono::year(2027), std::chrono::month(12), std::chrono::day(31)};
  t.share_percent = 0;
  EXPECT_EQ(ValidateTarget(t).error().field(), "share_percent");
  t.share_percent = 101;
  EXPECT_EQ(ValidateTarget(t).error().field(), "share_percent");
  t.share_percent = 80;
  EXPECT_TRUE(ValidateTarget(t));
}

TEST(RegisterTest, CodesRoundTrip) {
  for (OrgKind k : {OrgKind::kDepartment, OrgKind::kCompany}) {
    EXPECT_EQ(*ParseOrgKind(OrgKindCode(k)), k);
  }
  for (CourseTrack t : {CourseTrack::kGeneral, CourseTrack::kAdults, CourseTrack::kChildrenYoung}) {
    EXPECT_EQ(*ParseCourseTrack(CourseTrackCode(t)), t);
  }
  EXPECT_EQ(ParseOrgKind("bolag").error().field(), "kind");
  EXPECT_EQ(ParseCourseTrack("x").error().field(), "track");
  EXPECT_EQ(*ParseCompletionSource("import"), CompletionSource::kImport);
  EXPECT_FALSE(ParseCompletionSource("x"));
}

TEST(RegisterTest, AliasesSplitOnSemicolonsAndLines) {
  EXPECT_EQ(SplitAliases("A; B\r\n\nC ;"), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(JoinAliases({"A", "B"}), "A; B");
  EXPECT_TRUE(SplitAliases(" ; ").empty());
}

}  // namespace
}  // namespace synlig::training
