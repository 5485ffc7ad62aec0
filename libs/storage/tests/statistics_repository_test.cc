// StatisticsRepository on every backend: Brå reported crimes and SCB population figures are
// stored all or nothing, replaced on re-import, and read back in order.
#include "storage_test_fixture.h"
#include "synlig/storage/statistics.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

CrimeFigure Crime(std::string crime, int year, std::int64_t reported,
                  FigureStatus status = FigureStatus::kFinal) {
  CrimeFigure f;
  f.municipality = "Linköping";
  f.crime = std::move(crime);
  f.year = year;
  f.reported = reported;
  f.status = status;
  f.source = "Brå, statistikdatabasen över anmälda brott (test.csv)";
  f.retrieved_on = "2025-03-01";
  return f;
}

PopulationFigure People(int year, std::int64_t population) {
  PopulationFigure f;
  f.region = "Linköping";
  f.region_code = "0580";
  f.year = year;
  f.population = population;
  f.source = "SCB, BE0101N1";
  f.retrieved_on = "2025-03-02";
  return f;
}

TEST_P(StatisticsRepositoryTest, CrimeFiguresAreStoredAndReadByCrimeThenYear) {
  auto n = db().statistics().ImportCrimeFigures(
      {Crime("brb_6_12", 2024, 3, FigureStatus::kPreliminary), Crime("brb_6_11", 2024, 41),
       Crime("brb_6_11", 2023, 37), Crime("brb_4_1a", 2023, 0)},
      kNow);
  ASSERT_TRUE(n) << n.error().ToString();
  EXPECT_EQ(*n, 4);
  auto got = db().statistics().CrimeFigures("Linköping");
  ASSERT_TRUE(got) << got.error().ToString();
  ASSERT_EQ(got->size(), 4u);
  EXPECT_EQ((*got)[0].crime, "brb_4_1a");
  EXPECT_EQ((*got)[0].reported, 0);
  EXPECT_EQ((*got)[1].crime, "brb_6_11");
  EXPECT_EQ((*got)[1].year, 2023);
  EXPECT_EQ((*got)[2].year, 2024);
  EXPECT_EQ((*got)[2].reported, 41);
  EXPECT_EQ((*got)[3].status, FigureStatus::kPreliminary);
  EXPECT_EQ((*got)[3].source, "Brå, statistikdatabasen över anmälda brott (test.csv)");
  EXPECT_EQ((*got)[3].retrieved_on, "2025-03-01");
  EXPECT_EQ((*got)[3].imported_at, kNow);
  EXPECT_TRUE(db().statistics().CrimeFigures("Norrköping")->empty());
}

TEST_P(StatisticsRepositoryTest, ReimportReplacesPreliminaryWithFinal) {
  ASSERT_TRUE(db().statistics().ImportCrimeFigures(
      {Crime("brb_6_11", 2024, 40, FigureStatus::kPreliminary)}, kNow));
  CrimeFigure final_figure = Crime("brb_6_11", 2024, 42);
  final_figure.retrieved_on = "2025-04-01";
  ASSERT_TRUE(db().statistics().ImportCrimeFigures({final_figure}, kNow + 60));
  auto got = db().statistics().CrimeFigures("Linköping");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].reported, 42);
  EXPECT_EQ((*got)[0].status, FigureStatus::kFinal);
  EXPECT_EQ((*got)[0].retrieved_on, "2025-04-01");
  EXPECT_EQ((*got)[0].imported_at, kNow + 60);
}

TEST_P(StatisticsRepositoryTest, InvalidFigureStoresNothingAndNamesTheField) {
  struct Case {
    CrimeFigure bad;
    std::string field;
  };
  std::vector<Case> cases;
  cases.push_back({Crime("brb_9_99", 2024, 1), "crime"});
  cases.push_back({Crime("brb_6_11", 1899, 1), "year"});
  cases.push_back({Crime("brb_6_11", 2024, -1), "reported"});
  CrimeFigure no_source = Crime("brb_6_11", 2024, 1);
  no_source.source.clear();
  cases.push_back({no_source, "source"});
  CrimeFigure bad_date = Crime("brb_6_11", 2024, 1);
  bad_date.retrieved_on = "2025-13-01";
  cases.push_back({bad_date, "retrieved_on"});
  CrimeFigure no_place = Crime("brb_6_11", 2024, 1);
  no_place.municipality.clear();
  cases.push_back({no_place, "municipality"});
  for (const Case& c : cases) {
    auto r = db().statistics().ImportCrimeFigures({Crime("brb_6_12", 2020, 5), c.bad}, kNow);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), c.field);
    EXPECT_NE(r.error().message().find("figure 2"), std::string::npos) << r.error().message();
  }
  auto twice = db().statistics().ImportCrimeFigures(
      {Crime("brb_6_11", 2024, 1), Crime("brb_6_11", 2024, 2)}, kNow);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().field(), "year");
  EXPECT_TRUE(db().statistics().CrimeFigures("Linköping")->empty());
}

TEST_P(StatisticsRepositoryTest, FailingStoreLeavesNoHalfImport) {
  ASSERT_TRUE(db().statistics().ImportCrimeFigures({Crime("brb_6_11", 2022, 30)}, kNow));
  for (int nth = 1; nth <= 4; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    auto r = db().statistics().ImportCrimeFigures(
        {Crime("brb_6_11", 2022, 99), Crime("brb_6_11", 2023, 31), Crime("brb_6_12", 2023, 2)},
        kNow);
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (r) continue;  // the fault fell outside this write
    EXPECT_EQ(r.error().code(), ErrorCode::kUnavailable);
    auto got = db().statistics().CrimeFigures("Linköping");
    ASSERT_TRUE(got);
    ASSERT_EQ(got->size(), 1u) << "fault at statement " << nth;
    EXPECT_EQ((*got)[0].reported, 30);
  }
}

TEST_P(StatisticsRepositoryTest, PopulationIsStoredReplacedAndReadByYear) {
  ASSERT_TRUE(db().statistics().ImportPopulation({People(2024, 167392), People(2023, 166673)},
                                                 kNow));
  ASSERT_TRUE(db().statistics().ImportPopulation({People(2024, 167400)}, kNow + 1));
  auto got = db().statistics().Population("Linköping");
  ASSERT_TRUE(got) << got.error().ToString();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].year, 2023);
  EXPECT_EQ((*got)[0].population, 166673);
  EXPECT_EQ((*got)[1].population, 167400);
  EXPECT_EQ((*got)[1].region_code, "0580");
  EXPECT_EQ((*got)[1].source, "SCB, BE0101N1");

  auto zero = db().statistics().ImportPopulation({People(2022, 0)}, kNow);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().field(), "population");
  PopulationFigure nameless = People(2022, 5);
  nameless.region.clear();
  EXPECT_EQ(db().statistics().ImportPopulation({nameless}, kNow).error().field(), "region");
  EXPECT_EQ(db().statistics().Population("Linköping")->size(), 2u);
}

}  // namespace
}  // namespace synlig::storage
