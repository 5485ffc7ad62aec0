// Tests of Tabulate and TablesToCsv against hand-computed tables.
#include "synlig/survey/tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synlig::survey {
namespace {

using Counts = std::vector<std::int64_t>;

TabEntry Entry(std::optional<std::string> hash, std::vector<std::string> gender,
               std::vector<std::string> age, std::vector<std::string> forms,
               std::vector<std::string> arenas, std::vector<std::string> location) {
  TabEntry e{Sector::kSocialServices, std::move(hash), {}};
  e.answers.values["gender"] = std::move(gender);
  e.answers.values["age_band"] = std::move(age);
  e.answers.values["forms"] = std::move(forms);
  if (!arenas.empty()) e.answers.values["arenas"] = std::move(arenas);
  e.answers.values["location"] = std::move(location);
  return e;
}

// Six entries; E1 and E2 share a matching key, E4 has none, E6 an empty one.
std::vector<TabEntry> Sample() {
  return {
      Entry("h1", {"woman"}, {"15_17"}, {"sells", "trafficking_possible"},
            {"internet_ads", "hotel"}, {"in_municipality"}),
      Entry("h1", {"woman"}, {"18_24"}, {"sells"}, {"internet_ads"}, {"both"}),
      Entry("h2", {"man"}, {"35_49"}, {"buys"}, {"street"}, {"elsewhere"}),
      Entry(std::nullopt, {"unknown"}, {"under_15"}, {"sexual_self_harm", "sells"},
            {"social_media_apps"}, {"in_municipality"}),
      Entry("h3", {"woman"}, {"unknown"}, {"trafficking_confirmed", "procuring"}, {"unknown"},
            {"unknown"}),
      Entry("", {"man"}, {"50_plus"}, {"buys"}, {}, {"in_municipality"}),
  };
}

const CrossTab& Table(const Dashboard& d, const std::string& id) {
  for (const CrossTab& t : d.tables) {
    if (t.id == id) return t;
  }
  throw std::runtime_error("no table " + id);
}

class TablesTest : public ::testing::Test {
 protected:
  std::vector<TabEntry> entries_ = Sample();
  Dashboard d_ = Tabulate(StandardQuestionnaire(), entries_);
};

TEST_F(TablesTest, CountsEntriesAndUniquePersons) {
  EXPECT_EQ(d_.entries, 6);
  EXPECT_EQ(d_.unique_persons, 5);  // h1, h2, h3 + two entries without a usable key
  ASSERT_EQ(d_.tables.size(), 4u);
  EXPECT_EQ(d_.tables[0].id, "form_gender");
  EXPECT_EQ(d_.tables[1].id, "form_age");
  EXPECT_EQ(d_.tables[2].id, "arena_form");
  EXPECT_EQ(d_.tables[3].id, "location_form");
}

TEST_F(TablesTest, FormByGender) {
  const CrossTab& t = Table(d_, "form_gender");
  EXPECT_EQ(t.col_codes, (std::vector<std::string>{"woman", "man", "other", "unknown"}));
  EXPECT_EQ(t.row_codes.front(), "sells");
  EXPECT_EQ(t.cells, (std::vector<Counts>{{2, 0, 0, 1},     // sells
                                          {0, 2, 0, 0},     // buys
                                          {0, 0, 0, 1},     // sexual self-harm
                                          {1, 0, 0, 0},     // trafficking possible
                                          {1, 0, 0, 0},     // trafficking confirmed
                                          {1, 0, 0, 0}}));  // procuring
  EXPECT_EQ(t.row_totals, (Counts{3, 2, 1, 1, 1, 1}));
  EXPECT_EQ(t.col_totals, (Counts{3, 2, 0, 1}));
  EXPECT_EQ(t.total, 6);
  EXPECT_EQ(t.row_heading_sv, "Form");
  EXPECT_EQ(t.col_heading_sv, "Kön");
}

TEST_F(TablesTest, FormByAgeKeepsUnder18sApart) {
  const CrossTab& t = Table(d_, "form_age");
  EXPECT_EQ(t.col_codes, (std::vector<std::string>{"under_18", "18_plus", "unknown"}));
  EXPECT_EQ(t.col_labels_sv[0], "Under 18 år");
  EXPECT_EQ(t.cells, (std::vector<Counts>{
                         {2, 1, 0}, {0, 2, 0}, {1, 0, 0}, {1, 0, 0}, {0, 0, 1}, {0, 0, 1}}));
  EXPECT_EQ(t.row_totals, (Counts{3, 2, 1, 1, 1, 1}));
  EXPECT_EQ(t.col_totals, (Counts{2, 3, 1}));
  EXPECT_EQ(t.total, 6);
}

TEST_F(TablesTest, ArenaByFormCountsMultiAnswersOncePerCell) {
  const CrossTab& t = Table(d_, "arena_form");
  ASSERT_EQ(t.row_codes.size(), 9u);
  EXPECT_EQ(t.row_codes[0], "internet_ads");
  EXPECT_EQ(t.cells[0], (Counts{2, 0, 0, 1, 0, 0}));  // internet ads
  EXPECT_EQ(t.cells[1], (Counts{1, 0, 1, 0, 0, 0}));  // social media
  EXPECT_EQ(t.cells[2], (Counts{0, 0, 0, 0, 0, 0}));  // sugar dating
  EXPECT_EQ(t.cells[3], (Counts{0, 1, 0, 0, 0, 0}));  // street
  EXPECT_EQ(t.cells[4], (Counts{1, 0, 0, 1, 0, 0}));  // hotel
  EXPECT_EQ(t.cells[8], (Counts{0, 0, 0, 0, 1, 1}));  // unknown
  EXPECT_EQ(t.row_totals, (Counts{2, 1, 0, 1, 1, 0, 0, 0, 1}));
  // E6 names no arena, so it is not in this table.
  EXPECT_EQ(t.col_totals, (Counts{3, 1, 1, 1, 1, 1}));
  EXPECT_EQ(t.total, 5);
}

TEST_F(TablesTest, LocationByForm) {
  const CrossTab& t = Table(d_, "location_form");
  EXPECT_EQ(t.row_codes,
            (std::vector<std::string>{"in_municipality", "elsewhere", "both", "unknown"}));
  EXPECT_EQ(t.cells,
            (std::vector<Counts>{
                {2, 1, 1, 1, 0, 0}, {0, 1, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 1, 1}}));
  EXPECT_EQ(t.row_totals, (Counts{3, 1, 1, 1}));
  EXPECT_EQ(t.col_totals, (Counts{3, 2, 1, 1, 1, 1}));
  EXPECT_EQ(t.total, 6);
}

TEST_F(TablesTest, IgnoresUnknownCodesAndRepeats) {
  std::vector<TabEntry> odd = {
      Entry("x", {"woman", "woman"}, {"teen"}, {"sells", "dancing"}, {}, {"moon"})};
  Dashboard d = Tabulate(StandardQuestionnaire(), odd);
  const CrossTab& g = Table(d, "form_gender");
  EXPECT_EQ(g.cells[0], (Counts{1, 0, 0, 0}));
  EXPECT_EQ(g.total, 1);
  EXPECT_EQ(Table(d, "form_age").total, 0);
  EXPECT_EQ(Table(d, "location_form").total, 0);
}

TEST_F(TablesTest, EmptyInputGivesZeroTables) {
  Dashboard d = Tabulate(StandardQuestionnaire(), {});
  EXPECT_EQ(d.entries, 0);
  EXPECT_EQ(d.unique_persons, 0);
  ASSERT_EQ(d.tables.size(), 4u);
  EXPECT_EQ(d.tables[0].total, 0);
  EXPECT_EQ(d.tables[0].cells.size(), 6u);
}

TEST(CountTextTest, SuppressesOnlyCountsFromOneBelowK) {
  EXPECT_EQ(CountText(0, 5), "0");
  EXPECT_EQ(CountText(1, 5), "<5");
  EXPECT_EQ(CountText(4, 5), "<5");
  EXPECT_EQ(CountText(5, 5), "5");
  EXPECT_EQ(CountText(3, 0), "3");
  EXPECT_EQ(CountText(1, 1), "1");
}

Dashboard Tiny() {
  Dashboard d;
  d.entries = 7;
  d.unique_persons = 2;
  CrossTab t;
  t.id = "x";
  t.title_sv = "Tabell, \"liten\"";
  t.title_en = "Table, \"small\"";
  t.row_heading_sv = "Rad";
  t.row_heading_en = "Row";
  t.row_codes = {"a", "b"};
  t.row_labels_sv = {"Å", "Ä"};
  t.row_labels_en = {"A", "B"};
  t.col_codes = {"c"};
  t.col_labels_sv = {"Ö"};
  t.col_labels_en = {"O\nline"};
  t.cells = {{7}, {0}};
  t.row_totals = {7, 0};
  t.col_totals = {7};
  t.total = 7;
  d.tables.push_back(t);
  return d;
}

TEST(TablesToCsvTest, WritesSwedishRfc4180WithBom) {
  EXPECT_EQ(TablesToCsv(Tiny(), "sv", 0),
            "\xEF\xBB\xBF"
            "Personposter (övre gräns för kända personer),7,\r\n"
            "Unika personer efter matchning (nedre gräns),2,\r\n"
            ",,\r\n"
            "\"Tabell, \"\"liten\"\"\",,\r\n"
            "Rad,Ö,Totalt\r\n"
            "Å,7,7\r\n"
            "Ä,0,0\r\n"
            "Totalt,7,7\r\n");
}

TEST(TablesToCsvTest, WritesEnglishWithSuppression) {
  EXPECT_EQ(TablesToCsv(Tiny(), "en", 8),
            "\xEF\xBB\xBF"
            "Person entries (upper bound of persons known),<8,\r\n"
            "Unique persons after matching (lower bound),<8,\r\n"
            ",,\r\n"
            "\"Table, \"\"small\"\"\",,\r\n"
            "Row,\"O\nline\",Total\r\n"
            "A,<8,<8\r\n"
            "B,0,0\r\n"
            "Total,<8,<8\r\n");
}

TEST_F(TablesTest, CsvOfFullDashboardHasEqualWidthRecords) {
  std::string csv = TablesToCsv(d_, "sv", 5);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.find("Personer efter form och kön,,,,,,,\r\n"), std::string::npos);
  EXPECT_NE(csv.find("Form,Kvinna,Man,Annan könsidentitet eller icke-binär,Vet inte,Totalt,,\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("Form,Under 18 år,18 år eller äldre,Okänd ålder,Totalt,,,\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("Unika personer efter matchning (nedre gräns),5,"), std::string::npos);
  std::size_t start = 3;
  while (start < csv.size()) {
    std::size_t end = csv.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string line = csv.substr(start, end - start);
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), 7) << line;  // 6 forms + 2
    start = end + 2;
  }
}

}  // namespace
}  // namespace synlig::survey
