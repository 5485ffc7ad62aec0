// Parsing the posted respondent form into person entries.
#include "respondent_form.h"

#include <gtest/gtest.h>

#include "synlig/survey/questionnaire.h"

namespace synlig::web {
namespace {

const survey::Questionnaire& Q() { return survey::StandardQuestionnaire(); }

TEST(ParseRespondentFormTest, ReadsEntriesItemsAndMatchingKeyInput) {
  const Params form = {{"csrf", "x"},          {"met_anyone", "yes"},
                       {"entries", "2"},       {"e0.src", "0"},
                       {"e0.gender", "woman"}, {"e0.forms", "sells"},
                       {"e0.forms", "buys"},   {"e0.mk_year", " 1990 "},
                       {"e0.mk_first", "ö"},   {"e1.age_band", "18_24"},
                       {"action", "submit"}};
  const RespondentForm f = ParseRespondentForm(form, Q());
  EXPECT_EQ(f.met_anyone, "yes");
  EXPECT_EQ(f.action, FormAction::kSubmit);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].source, 0);
  EXPECT_EQ(f.entries[0].answers.Single("gender"), "woman");
  EXPECT_EQ(f.entries[0].answers.values.at("forms"), (std::vector<std::string>{"sells", "buys"}));
  EXPECT_EQ(f.entries[0].key.birth_year, "1990");
  EXPECT_EQ(f.entries[0].key.first_initial, "ö");
  EXPECT_TRUE(f.entries[0].key.last_initial.empty());
  EXPECT_EQ(f.entries[1].source, -1);
  EXPECT_TRUE(f.entries[1].key.Empty());
  EXPECT_EQ(f.entries[1].answers.Single("age_band"), "18_24");
  EXPECT_EQ(f.unknown_codes, 0);
}

TEST(ParseRespondentFormTest, DropsUnknownItemsOptionsRepeatsAndOutOfRangeEntries) {
  const Params form = {{"entries", "1"},      {"e0.gender", "robot"}, {"e0.free_text", "x"},
                       {"e0.forms", "sells"}, {"e0.forms", "sells"},  {"e5.gender", "man"},
                       {"ex.gender", "man"},  {"e0.gender", "man"}};
  const RespondentForm f = ParseRespondentForm(form, Q());
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].answers.values.size(), 2u);
  EXPECT_EQ(f.entries[0].answers.values.at("gender"), std::vector<std::string>{"man"});
  EXPECT_EQ(f.entries[0].answers.values.at("forms"), std::vector<std::string>{"sells"});
  EXPECT_EQ(f.unknown_codes, 1);  // "robot"; unknown items and entries are only dropped
}

TEST(ParseRespondentFormTest, CountsAnUnknownMetAnyoneCode) {
  EXPECT_EQ(ParseRespondentForm({{"met_anyone", "maybe"}}, Q()).unknown_codes, 1);
  EXPECT_EQ(ParseRespondentForm({{"met_anyone", ""}}, Q()).unknown_codes, 0);
  EXPECT_EQ(ParseRespondentForm({{"met_anyone", "unknown"}}, Q()).unknown_codes, 0);
}

TEST(ParseRespondentFormTest, KeepsTwoAnswersToASingleItemForValidationToReport) {
  const RespondentForm f =
      ParseRespondentForm({{"entries", "1"}, {"e0.gender", "man"}, {"e0.gender", "woman"}}, Q());
  EXPECT_EQ(f.entries[0].answers.values.at("gender").size(), 2u);
}

TEST(ParseRespondentFormTest, ActionsAndTheirBounds) {
  EXPECT_EQ(ParseRespondentForm({{"entries", "2"}, {"action", "remove-1"}}, Q()).remove_index, 1);
  EXPECT_EQ(ParseRespondentForm({{"entries", "2"}, {"action", "remove-1"}}, Q()).action,
            FormAction::kRemove);
  EXPECT_EQ(ParseRespondentForm({{"entries", "2"}, {"action", "remove-2"}}, Q()).action,
            FormAction::kSave);
  EXPECT_EQ(ParseRespondentForm({{"action", "add"}}, Q()).action, FormAction::kAdd);
  EXPECT_EQ(ParseRespondentForm({{"action", "lang_en"}}, Q()).action, FormAction::kLangEn);
  EXPECT_EQ(ParseRespondentForm({{"action", "nonsense"}}, Q()).action, FormAction::kSave);
  EXPECT_EQ(ParseRespondentForm({}, Q()).action, FormAction::kSave);
}

TEST(ParseRespondentFormTest, CapsTheEntryCount) {
  EXPECT_EQ(ParseRespondentForm({{"entries", "100"}}, Q()).entries.size(), 100u);
  EXPECT_EQ(ParseRespondentForm({{"entries", "101"}}, Q()).entries.size(), 0u);
  EXPECT_EQ(ParseRespondentForm({{"entries", "-1"}}, Q()).entries.size(), 0u);
  EXPECT_EQ(ParseRespondentForm({{"entries", "2x"}}, Q()).entries.size(), 0u);
}

TEST(ParseRespondentFormTest, TruncatesOverlongKeyInput) {
  const RespondentForm f =
      ParseRespondentForm({{"entries", "1"}, {"e0.mk_year", std::string(1000, '9')}}, Q());
  EXPECT_EQ(f.entries[0].key.birth_year.size(), 16u);
}

}  // namespace
}  // namespace synlig::web
