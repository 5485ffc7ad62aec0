// Tests of ValidateDraft and ValidateSubmission: one test (at least) per kind of issue.
#include <gtest/gtest.h>

#include <string>

#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::survey {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Period Year2025() {
  return Period{Date{year(2025), month(1), day(1)}, Date{year(2025), month(12), day(31)}};
}

EntryAnswers Complete() {
  EntryAnswers a;
  a.values["gender"] = {"woman"};
  a.values["age_band"] = {"18_24"};
  a.values["forms"] = {"sells"};
  a.values["location"] = {"in_municipality"};
  return a;
}

const Questionnaire& Q() { return StandardQuestionnaire(); }

TEST(ValidateDraftTest, AcceptsCompleteAndPartialEntries) {
  EXPECT_TRUE(ValidateDraft(Q(), Complete(), 0).empty());
  EXPECT_TRUE(ValidateDraft(Q(), EntryAnswers{}, 0).empty());
  EntryAnswers partial;
  partial.values["arenas"] = {"street", "hotel"};
  partial.values["forms"] = {};
  EXPECT_TRUE(ValidateDraft(Q(), partial, 3).empty());
}

TEST(ValidateDraftTest, RejectsUnknownOptionNamingValueItemAndPerson) {
  EntryAnswers a = Complete();
  a.values["age_band"] = {"x"};
  auto issues = ValidateDraft(Q(), a, 1);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].entry, 1);
  EXPECT_EQ(issues[0].item, "age_band");
  EXPECT_EQ(issues[0].message_sv, "Okänt svarsalternativ 'x' för frågan 'Åldersgrupp' (person 2)");
  EXPECT_EQ(issues[0].message_en, "Unknown answer 'x' to the question 'Age group' (person 2)");
}

TEST(ValidateDraftTest, RejectsUnknownItem) {
  EntryAnswers a = Complete();
  a.values["name"] = {"anna"};
  auto issues = ValidateDraft(Q(), a, 0);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "name");
  EXPECT_EQ(issues[0].message_sv, "Okänd fråga 'name' (person 1)");
  EXPECT_EQ(issues[0].message_en, "Unknown question 'name' (person 1)");
}

TEST(ValidateDraftTest, RejectsTwoAnswersToSingleItem) {
  EntryAnswers a = Complete();
  a.values["gender"] = {"woman", "man"};
  auto issues = ValidateDraft(Q(), a, 0);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "gender");
  EXPECT_EQ(issues[0].message_sv, "Välj bara ett svar på frågan 'Kön' (person 1)");
  EXPECT_EQ(issues[0].message_en, "Choose only one answer to the question 'Gender' (person 1)");
}

TEST(ValidateDraftTest, RepeatedOptionIsNotTwoAnswers) {
  EntryAnswers a = Complete();
  a.values["gender"] = {"woman", "woman"};
  EXPECT_TRUE(ValidateDraft(Q(), a, 0).empty());
}

TEST(ValidateDraftTest, RejectsExclusiveOptionCombinedWithOthers) {
  EntryAnswers a = Complete();
  a.values["control_signs"] = {"debt_bondage", "none"};
  auto issues = ValidateDraft(Q(), a, 0);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "control_signs");
  EXPECT_EQ(issues[0].message_sv,
            "Svaret 'Inga tecken på kontroll' kan inte kombineras med andra svar på frågan "
            "'Tecken på kontroll' (person 1)");
  EXPECT_EQ(issues[0].message_en,
            "The answer 'No signs of control' cannot be combined with other answers to the "
            "question 'Signs of control' (person 1)");
}

TEST(ValidateDraftTest, ExclusiveOptionAloneIsFine) {
  EntryAnswers a = Complete();
  a.values["arenas"] = {"unknown"};
  a.values["control_signs"] = {"unknown"};
  EXPECT_TRUE(ValidateDraft(Q(), a, 0).empty());
}

TEST(ValidateDraftTest, QuotesUntrustedValuesSafely) {
  EntryAnswers a = Complete();
  a.values["location"] = {"ö\n\xff<b>" + std::string(60, 'z')};
  auto issues = ValidateDraft(Q(), a, 0);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_sv.find('\n'), std::string::npos);
  EXPECT_NE(issues[0].message_sv.find("'ö?"
                                      "?<b>zzz"),
            std::string::npos)
      << issues[0].message_sv;
  EXPECT_NE(issues[0].message_sv.find("z...'"), std::string::npos);
}

TEST(ValidateDraftTest, ReportsIssuesInQuestionnaireOrder) {
  EntryAnswers a;
  a.values["referrals"] = {"x"};
  a.values["age_band"] = {"y"};
  a.values["zzz"] = {"1"};
  auto issues = ValidateDraft(Q(), a, 0);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].item, "age_band");
  EXPECT_EQ(issues[1].item, "referrals");
  EXPECT_EQ(issues[2].item, "zzz");
}

TEST(ValidateSubmissionTest, AcceptsCompleteResponses) {
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{Complete(), 2003}}, Year2025()).empty());
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kNo, {}, Year2025()).empty());
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kUnknown, {}, Year2025()).empty());
}

TEST(ValidateSubmissionTest, RejectsUnansweredMetAnyone) {
  auto issues = ValidateSubmission(Q(), std::nullopt, {}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].entry, -1);
  EXPECT_EQ(issues[0].item, "met_anyone");
  EXPECT_EQ(issues[0].message_sv, "Svara på om du mötte någon under perioden");
}

TEST(ValidateSubmissionTest, RejectsYesWithoutEntries) {
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "met_anyone");
  EXPECT_EQ(issues[0].message_sv, "Du har svarat att du mötte någon: lägg till minst en person");
}

TEST(ValidateSubmissionTest, RejectsNoOrUnknownWithEntries) {
  auto no =
      ValidateSubmission(Q(), MetAnyone::kNo, {{Complete(), {}}, {Complete(), {}}}, Year2025());
  ASSERT_EQ(no.size(), 1u);
  EXPECT_EQ(no[0].entry, -1);
  EXPECT_EQ(no[0].message_sv,
            "Du har svarat 'Nej' men lagt till 2 personer: ändra svaret till 'Ja' eller ta bort "
            "personerna");
  auto unknown = ValidateSubmission(Q(), MetAnyone::kUnknown, {{Complete(), {}}}, Year2025());
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].message_en,
            "You answered 'Don't know' but added 1 person: change the answer to 'Yes' or remove "
            "the persons");
}

TEST(ValidateSubmissionTest, RejectsUnansweredRequiredSingleItem) {
  EntryAnswers a = Complete();
  a.values.erase("location");
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {{Complete(), {}}, {a, {}}}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].entry, 1);
  EXPECT_EQ(issues[0].item, "location");
  EXPECT_EQ(issues[0].message_sv, "Välj ett svar på frågan 'Plats' för person 2");
  EXPECT_EQ(issues[0].message_en, "Choose an answer to the question 'Place' for person 2");
}

TEST(ValidateSubmissionTest, RejectsRequiredMultiItemWithNoOptions) {
  EntryAnswers a = Complete();
  a.values["forms"] = {};
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {{a, {}}}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "forms");
  EXPECT_EQ(issues[0].message_sv, "Välj minst ett svar på frågan 'Form' för person 1");
  EXPECT_EQ(issues[0].message_en, "Choose at least one answer to the question 'Form' for person 1");
}

TEST(ValidateSubmissionTest, RejectsPossibleAndConfirmedTraffickingTogether) {
  EntryAnswers a = Complete();
  a.values["forms"] = {"sells", "trafficking_possible", "trafficking_confirmed"};
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {{a, {}}}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].item, "forms");
  EXPECT_NE(issues[0].message_sv.find("(möjlig)' eller"), std::string::npos);
  EXPECT_NE(issues[0].message_sv.find("inte båda"), std::string::npos);
  EXPECT_NE(issues[0].message_en.find("not both"), std::string::npos);
}

TEST(ValidateSubmissionTest, IncludesDraftIssues) {
  EntryAnswers a = Complete();
  a.values["gender"] = {"female"};
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {{a, {}}}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_sv, "Okänt svarsalternativ 'female' för frågan 'Kön' (person 1)");
}

TEST(ValidateSubmissionTest, RejectsBirthYearOutsideAgeBand) {
  EntryAnswers a = Complete();
  a.values["age_band"] = {"15_17"};
  auto issues = ValidateSubmission(Q(), MetAnyone::kYes, {{Complete(), {}}, {a, 1990}}, Year2025());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].entry, 1);
  EXPECT_EQ(issues[0].item, "age_band");
  EXPECT_EQ(issues[0].message_sv,
            "Födelseår 1990 stämmer inte med åldersgruppen 15–17 år (referensperioden "
            "2025-01-01–2025-12-31) för person 2");
  EXPECT_EQ(issues[0].message_en,
            "Birth year 1990 does not match the age group 15–17 (reference period "
            "2025-01-01–2025-12-31) for person 2");
}

// Born 2007: at the end of 2025 either 17 (birthday not yet) or 18. Both bands 15–17 and
// 18–24 must be accepted; 2006 (18 or 19 at the end, at least 18 at the start) is not 15–17.
TEST(ValidateSubmissionTest, AcceptsEitherPossibleAgeAtBandEdges) {
  EntryAnswers teen = Complete();
  teen.values["age_band"] = {"15_17"};
  EntryAnswers adult = Complete();
  adult.values["age_band"] = {"18_24"};
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2007}}, Year2025()).empty());
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{adult, 2007}}, Year2025()).empty());
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2010}}, Year2025()).empty());
  EXPECT_EQ(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2006}}, Year2025()).size(), 1u);
  EXPECT_EQ(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2011}}, Year2025()).size(), 1u);
  EXPECT_EQ(ValidateSubmission(Q(), MetAnyone::kYes, {{adult, 2008}}, Year2025()).size(), 1u);
}

// A period from July to June spans two calendar years: someone born in 2006 can have been
// 17 in July 2024 even though they are 18 or 19 at the end of the period.
TEST(ValidateSubmissionTest, AgeCheckCoversWholePeriodNotOnlyItsEnd) {
  Period split{Date{year(2024), month(7), day(1)}, Date{year(2025), month(6), day(30)}};
  EntryAnswers teen = Complete();
  teen.values["age_band"] = {"15_17"};
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2006}}, split).empty());
  EXPECT_EQ(ValidateSubmission(Q(), MetAnyone::kYes, {{teen, 2005}}, split).size(), 1u);
}

TEST(ValidateSubmissionTest, NoAgeCheckForUnknownBandOrUnknownYear) {
  EntryAnswers a = Complete();
  a.values["age_band"] = {"unknown"};
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{a, 1950}}, Year2025()).empty());
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{Complete(), {}}}, Year2025()).empty());
  EntryAnswers old = Complete();
  old.values["age_band"] = {"50_plus"};
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{old, 1900}}, Year2025()).empty());
  EntryAnswers child = Complete();
  child.values["age_band"] = {"under_15"};
  EXPECT_TRUE(ValidateSubmission(Q(), MetAnyone::kYes, {{child, 2025}}, Year2025()).empty());
}

}  // namespace
}  // namespace synlig::survey
