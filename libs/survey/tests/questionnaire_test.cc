// Tests of questionnaire definition parsing and the shipped standard template.
#include "synlig/survey/questionnaire.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "synlig/core/crypto.h"

namespace synlig::survey {
namespace {

using nlohmann::json;

std::string StandardText() {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/libs/survey/definitions/standard-v1.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json StandardJson() { return json::parse(StandardText()); }

// Parses the standard definition after applying `change`; expects kInvalidArgument whose
// message contains `needle` and whose field contains `field`.
void ExpectRejected(const std::function<void(json&)>& change, const std::string& needle,
                    const std::string& field) {
  json j = StandardJson();
  change(j);
  auto r = ParseQuestionnaire(j.dump());
  ASSERT_FALSE(r) << "accepted a definition that should fail with " << needle;
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find(needle), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().field().find(field), std::string::npos) << r.error().field();
}

json& ItemJson(json& j, const std::string& code) {
  for (json& item : j["items"]) {
    if (item["code"] == code) return item;
  }
  throw std::runtime_error("no item " + code);
}

TEST(StandardQuestionnaireTest, ParsesWithAllItemsInOrder) {
  const Questionnaire& q = StandardQuestionnaire();
  EXPECT_EQ(q.id, "standard");
  EXPECT_EQ(q.version, 1);
  std::vector<std::string> codes;
  for (const Item& item : q.items) codes.push_back(item.code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"gender", "age_band", "forms", "arenas", "location",
                                      "control_signs", "citizenship_region", "contact_origin",
                                      "support_offered", "referrals", "reported_to_police"}));
}

TEST(StandardQuestionnaireTest, RequiresGenderAgeFormsAndLocationOnly) {
  std::vector<std::string> required;
  for (const Item& item : StandardQuestionnaire().items) {
    if (item.required) required.push_back(item.code);
  }
  EXPECT_EQ(required, (std::vector<std::string>{"gender", "age_band", "forms", "location"}));
}

TEST(StandardQuestionnaireTest, EveryItemAndOptionHasBothLanguages) {
  for (const Item& item : StandardQuestionnaire().items) {
    EXPECT_FALSE(item.label_sv.empty()) << item.code;
    EXPECT_FALSE(item.label_en.empty()) << item.code;
    EXPECT_FALSE(item.help_sv.empty()) << item.code;
    EXPECT_FALSE(item.help_en.empty()) << item.code;
    for (const Option& option : item.options) {
      EXPECT_FALSE(option.label_sv.empty()) << item.code << "." << option.code;
      EXPECT_FALSE(option.label_en.empty()) << item.code << "." << option.code;
    }
  }
}

TEST(StandardQuestionnaireTest, MarksNoneAndUnknownExclusiveWhereMultiple) {
  const Questionnaire& q = StandardQuestionnaire();
  EXPECT_TRUE(q.FindItem("arenas")->FindOption("unknown")->exclusive);
  EXPECT_TRUE(q.FindItem("control_signs")->FindOption("none")->exclusive);
  EXPECT_TRUE(q.FindItem("control_signs")->FindOption("unknown")->exclusive);
  EXPECT_TRUE(q.FindItem("support_offered")->FindOption("none")->exclusive);
  EXPECT_TRUE(q.FindItem("referrals")->FindOption("none")->exclusive);
  EXPECT_FALSE(q.FindItem("control_signs")->FindOption("debt_bondage")->exclusive);
  EXPECT_EQ(q.FindItem("forms")->kind, ItemKind::kMulti);
  EXPECT_EQ(q.FindItem("age_band")->kind, ItemKind::kSingle);
}

TEST(StandardQuestionnaireTest, MapsToHtcds) {
  const Questionnaire& q = StandardQuestionnaire();
  EXPECT_EQ(q.FindItem("gender")->htcds_field, "prs_Gender");
  EXPECT_EQ(q.FindItem("gender")->FindOption("woman")->htcds, "Feminine");
  EXPECT_EQ(q.FindItem("control_signs")->htcds_field, "vic_MethodsOfControl");
  EXPECT_EQ(q.FindItem("control_signs")->FindOption("debt_bondage")->htcds, "DebtBondage");
  EXPECT_EQ(q.FindItem("forms")->FindOption("trafficking_confirmed")->htcds,
            "vic_TraffickingStatus:ActualVictimOfTrafficking");
  EXPECT_EQ(q.FindItem("referrals")->htcds_field, "cas_ReferredOrganisation");
}

// Rounds record the questionnaire version they used, so a shipped version never changes:
// a changed questionnaire is a new file (standard-v2.json) registered beside this one.
TEST(StandardQuestionnaireTest, ShippedVersionOneIsUnchanged) {
  ASSERT_TRUE(InitCrypto());
  EXPECT_EQ(Sha256Hex(StandardText()),
            "bfb2c3ebf5c7c8b124850580d2ac0d8490c34112f40707d4492580cba0d7db07");
}

TEST(StandardQuestionnaireTest, SameInstanceEveryCall) {
  EXPECT_EQ(&StandardQuestionnaire(), &StandardQuestionnaire());
}

TEST(FindQuestionnaireTest, FindsStandardVersionOne) {
  auto q = FindQuestionnaire("standard", 1);
  ASSERT_TRUE(q);
  EXPECT_EQ(*q, &StandardQuestionnaire());
}

TEST(FindQuestionnaireTest, UnknownIdOrVersionIsNotFound) {
  EXPECT_EQ(FindQuestionnaire("standard", 2).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(FindQuestionnaire("custom", 1).error().code(), ErrorCode::kNotFound);
}

TEST(FindLookupsTest, UnknownCodesGiveNull) {
  const Questionnaire& q = StandardQuestionnaire();
  EXPECT_EQ(q.FindItem("name"), nullptr);
  EXPECT_EQ(q.FindItem("gender")->FindOption("female"), nullptr);
}

TEST(ParseQuestionnaireTest, RejectsMalformedJson) {
  for (std::string_view text : {"", "{", "{\"id\": }", "[1,2", "\xff\xfe", "{\"id\":\"\xc3\"}"}) {
    auto r = ParseQuestionnaire(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message().find("not well-formed JSON"), std::string::npos);
  }
}

TEST(ParseQuestionnaireTest, RejectsNonObjectRoot) {
  auto r = ParseQuestionnaire("[]");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("must be a JSON object"), std::string::npos);
}

TEST(ParseQuestionnaireTest, RejectsMissingIdVersionOrItems) {
  ExpectRejected([](json& j) { j.erase("id"); }, "missing id", "id");
  ExpectRejected([](json& j) { j.erase("version"); }, "missing version", "version");
  ExpectRejected([](json& j) { j.erase("items"); }, "missing items", "items");
}

TEST(ParseQuestionnaireTest, RejectsBadIdAndVersion) {
  ExpectRejected([](json& j) { j["id"] = "Standard"; }, "id must be", "id");
  ExpectRejected([](json& j) { j["version"] = 0; }, "positive integer", "version");
  ExpectRejected([](json& j) { j["version"] = 1.5; }, "positive integer", "version");
  ExpectRejected([](json& j) { j["version"] = "1"; }, "positive integer", "version");
}

TEST(ParseQuestionnaireTest, RejectsMissingTitle) {
  ExpectRejected([](json& j) { j.erase("title_en"); }, "missing title_en", "root");
}

TEST(ParseQuestionnaireTest, RejectsUnknownKeyNamingIt) {
  ExpectRejected([](json& j) { ItemJson(j, "forms")["lable_sv"] = "x"; }, "'lable_sv'", "items[2]");
}

TEST(ParseQuestionnaireTest, RejectsDuplicateItemCode) {
  ExpectRejected([](json& j) { j["items"].push_back(ItemJson(j, "gender")); },
                 "duplicate item code 'gender'", "items[11]");
}

TEST(ParseQuestionnaireTest, RejectsDuplicateOptionCode) {
  ExpectRejected(
      [](json& j) {
        json& forms = ItemJson(j, "forms");
        forms["options"].push_back(forms["options"][0]);
      },
      "duplicate option code 'sells'", "items[2]");
}

TEST(ParseQuestionnaireTest, RejectsCodesOutsideAllowedCharacters) {
  ExpectRejected([](json& j) { ItemJson(j, "forms")["code"] = "Forms"; }, "code 'Forms'",
                 "items[2]");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["options"][0]["code"] = "sells-now"; },
                 "code 'sells-now'", "items[2] (forms).options[0]");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["options"][0]["code"] = ""; }, "code is empty",
                 "options[0]");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["code"] = std::string(65, 'a'); },
                 "1-64 characters", "items[2]");
}

TEST(ParseQuestionnaireTest, RejectsItemWithoutOptions) {
  ExpectRejected([](json& j) { ItemJson(j, "forms")["options"] = json::array(); },
                 "at least one option", "items[2] (forms)");
  ExpectRejected([](json& j) { ItemJson(j, "forms").erase("options"); }, "missing options",
                 "items[2] (forms)");
}

TEST(ParseQuestionnaireTest, RejectsMissingLabels) {
  ExpectRejected([](json& j) { ItemJson(j, "forms").erase("label_sv"); }, "missing label_sv",
                 "items[2] (forms)");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["label_en"] = ""; }, "label_en is empty",
                 "items[2] (forms)");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["options"][1].erase("label_en"); },
                 "missing label_en", "items[2] (forms).options[1] (buys)");
}

TEST(ParseQuestionnaireTest, RejectsUnknownKindIncludingFreeText) {
  ExpectRejected([](json& j) { ItemJson(j, "location")["kind"] = "text"; }, "unknown kind 'text'",
                 "items[4] (location)");
}

TEST(ParseQuestionnaireTest, RejectsWrongValueTypes) {
  ExpectRejected([](json& j) { ItemJson(j, "forms")["required"] = "yes"; },
                 "required must be true or false", "items[2]");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["label_sv"] = 5; }, "label_sv must be a string",
                 "items[2]");
  ExpectRejected([](json& j) { j["items"][0] = "gender"; }, "an item must be an object",
                 "items[0]");
  ExpectRejected([](json& j) { ItemJson(j, "forms")["options"][0] = 1; },
                 "an option must be an object", "options[0]");
}

TEST(ParseQuestionnaireTest, RejectsExclusiveOptionOnSingleItem) {
  ExpectRejected([](json& j) { ItemJson(j, "location")["options"][3]["exclusive"] = true; },
                 "only a multi item", "items[4] (location)");
}

TEST(ParseQuestionnaireTest, RejectsMissingStandardItemOrOption) {
  ExpectRejected(
      [](json& j) {
        auto& items = j["items"];
        items.erase(items.begin() + 3);  // arenas
      },
      "missing the standard item 'arenas'", "items");
  ExpectRejected([](json& j) { ItemJson(j, "age_band")["options"].erase(1); },
                 "missing the standard option '15_17'", "age_band");
  ExpectRejected([](json& j) { ItemJson(j, "gender")["kind"] = "multi"; }, "must be of kind single",
                 "gender");
}

TEST(ParseQuestionnaireTest, AcceptsExtraItemsAndOptions) {
  json j = StandardJson();
  j["version"] = 2;
  ItemJson(j, "arenas")["options"].push_back(
      {{"code", "car"}, {"label_sv", "Bil"}, {"label_en", "Car"}});
  auto r = ParseQuestionnaire(j.dump());
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->version, 2);
  EXPECT_NE(r->FindItem("arenas")->FindOption("car"), nullptr);
}

}  // namespace
}  // namespace synlig::survey
