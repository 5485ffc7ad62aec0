// `synlig stats`: imports of the made-up Brå and SCB exports in tests/data/official, all or
// nothing on a bad file, listing with rates per 100,000, and usage errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "cli.h"
#include "synlig/storage/database.h"

namespace synlig::app {
namespace {

class StatsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-stats-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "s.db").string();
    auto db = storage::Open(db_);
    ASSERT_TRUE(db) << db.error().ToString();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    std::istringstream in;
    CliContext ctx{out_,
                   err_,
                   in,
                   [](std::string_view) { return std::optional<std::string>(); },
                   clock_,
                   random_,
                   MinimumPasswordCost()};
    return RunCli(args, ctx);
  }
  std::string Out() const { return out_.str(); }
  std::string Err() const { return err_.str(); }
  static std::string Data(const std::string& name) {
    return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/official/" + name;
  }
  std::vector<storage::CrimeFigure> Stored(const std::string& municipality = "Linköping") {
    auto db = storage::Open(db_);
    return *(*db)->statistics().CrimeFigures(municipality);
  }

  std::filesystem::path dir_;
  std::string db_;
  std::ostringstream out_, err_;
  // 2026-11-18
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))};
  SeededRandom random_{1};
};

TEST_F(StatsCommandTest, ImportsBraExportWithStatusSourceAndDate) {
  ASSERT_EQ(Run({"stats", "import-bra", Data("bra_linkoping_wide.csv"), "--municipality",
                 "Linköping", "--db", db_}),
            kExitOk)
      << Err();
  EXPECT_NE(Out().find("as CSV (semicolon, Windows-1252)"), std::string::npos) << Out();
  EXPECT_NE(Out().find("Stored 29 figure(s) for Linköping, retrieved 2026-11-18"),
            std::string::npos)
      << Out();
  EXPECT_NE(Out().find("note: line 6: 'Samtliga brott'"), std::string::npos) << Out();
  auto figures = Stored();
  ASSERT_EQ(figures.size(), 29u);
  EXPECT_EQ(figures.back().crime, "brb_6_12");
  EXPECT_EQ(figures.back().year, 2024);
  EXPECT_EQ(figures.back().status, storage::FigureStatus::kPreliminary);
  EXPECT_EQ(figures.back().source,
            "Brå, statistikdatabasen över anmälda brott (bra_linkoping_wide.csv)");
  EXPECT_EQ(figures.back().retrieved_on, "2026-11-18");
}

TEST_F(StatsCommandTest, FinalReimportReplacesPreliminaryFigures) {
  ASSERT_EQ(Run({"stats", "import-bra", Data("bra_linkoping.xlsx"), "--municipality", "Linköping",
                 "--db", db_, "--retrieved", "2025-02-01"}),
            kExitOk)
      << Err();
  ASSERT_EQ(Run({"stats", "import-bra", Data("bra_linkoping.xlsx"), "--municipality", "Linköping",
                 "--db", db_, "--retrieved", "2025-04-01", "--status", "final", "--source",
                 "Brå (slutlig statistik)"}),
            kExitOk)
      << Err();
  auto figures = Stored();
  ASSERT_EQ(figures.size(), 14u);
  for (const auto& f : figures) {
    EXPECT_EQ(f.status, storage::FigureStatus::kFinal);
    EXPECT_EQ(f.source, "Brå (slutlig statistik)");
    EXPECT_EQ(f.retrieved_on, "2025-04-01");
  }
}

TEST_F(StatsCommandTest, BadFileNamesLineAndColumnAndStoresNothing) {
  EXPECT_EQ(Run({"stats", "import-bra", Data("bra_bad_count.csv"), "--municipality", "Linköping",
                 "--db", db_}),
            kExitRuntime);
  EXPECT_EQ(Err(),
            "synlig stats import-bra: error: line 6, column 10: '4l' is not a whole count\n");
  EXPECT_TRUE(Stored().empty());
}

TEST_F(StatsCommandTest, ImportsPopulationAndListsRates) {
  ASSERT_EQ(
      Run({"stats", "import-scb", Data("scb_folkmangd.csv"), "--db", db_, "--region", "Linköping"}),
      kExitOk)
      << Err();
  EXPECT_NE(Out().find("Stored 10 population figure(s) for 1 region(s)"), std::string::npos)
      << Out();
  ASSERT_EQ(Run({"stats", "import-bra", Data("bra_linkoping_wide.csv"), "--municipality",
                 "Linköping", "--db", db_}),
            kExitOk);
  ASSERT_EQ(Run({"stats", "list", "--municipality", "Linköping", "--db", db_}), kExitOk) << Err();
  // 2018: 61 purchases over 163,051 inhabitants = 37.4 per 100,000.
  EXPECT_NE(Out().find("brb_6_11  2018  61        37.4"), std::string::npos) << Out();
}

TEST_F(StatsCommandTest, UsageErrors) {
  EXPECT_EQ(Run({"stats", "--help"}), kExitOk);
  EXPECT_EQ(Out().rfind("Usage: synlig stats", 0), 0u);
  EXPECT_EQ(Run({"stats"}), kExitUsage);
  EXPECT_EQ(Run({"stats", "import-bra", "--db", db_}), kExitUsage);
  EXPECT_EQ(Run({"stats", "import-bra", Data("bra_linkoping_wide.csv"), "--db", db_}), kExitUsage);
  EXPECT_NE(Err().find("missing --municipality"), std::string::npos) << Err();
  EXPECT_EQ(Run({"stats", "import-bra", Data("bra_linkoping_wide.csv"), "--municipality", "L",
                 "--db", db_, "--status", "maybe"}),
            kExitUsage);
  EXPECT_EQ(Run({"stats", "import-scb", Data("scb_folkmangd.csv"), "--db", db_, "--retrieved",
                 "yesterday"}),
            kExitUsage);
  EXPECT_EQ(Run({"stats", "frobnicate", "--db", db_}), kExitUsage);
  EXPECT_EQ(Run({"stats", "import-bra", (dir_ / "missing.csv").string(), "--municipality", "L",
                 "--db", db_}),
            kExitRuntime);
}

}  // namespace
}  // namespace synlig::app
