// Tests of the demo municipality: the synthetic data is reproducible, valid and plausible,
// and `synlig demo` fills a database once, recognises it afterwards and reprints the logins.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "cli.h"
#include "config.h"
#include "demo_data.h"
#include "synlig/storage/database.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::app {
namespace {

using demo::UnitReport;

std::string Fingerprint(const std::vector<UnitReport>& reports) {
  std::string s;
  for (const auto& r : reports) {
    s += std::to_string(r.unit) + ":" + std::to_string(static_cast<int>(r.status)) + "[";
    for (const auto& e : r.entries) {
      s += survey::EncodeAnswers(e.answers) + "|";
      if (e.key) s += e.key->gender + std::to_string(e.key->birth_year.value_or(0));
    }
    s += "]";
  }
  return s;
}

std::string KeyText(const survey::MatchingKey& k) {
  return k.gender + "/" + std::to_string(k.birth_year.value_or(0)) + "/" +
         std::to_string(static_cast<std::uint32_t>(k.first_initial.value_or(0))) + "/" +
         std::to_string(static_cast<std::uint32_t>(k.last_initial.value_or(0)));
}

TEST(DemoData, SameSeedGivesSameReportsAndOtherSeedDiffers) {
  std::mt19937_64 a(5), b(5), c(6);
  std::string fa = Fingerprint(demo::ClosedRoundReports(2025, a));
  EXPECT_EQ(fa, Fingerprint(demo::ClosedRoundReports(2025, b)));
  EXPECT_NE(fa, Fingerprint(demo::ClosedRoundReports(2025, c)));
}

TEST(DemoData, EverySubmittedReportPassesSubmissionValidation) {
  const survey::Questionnaire& q = survey::StandardQuestionnaire();
  Period period = *MakePeriod(std::chrono::year(2025) / 1 / 1, std::chrono::year(2025) / 12 / 31);
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    for (const auto& r : demo::ClosedRoundReports(2025, rng)) {
      if (r.status != UnitReport::Status::kSubmitted) continue;
      std::vector<survey::EntryForSubmit> entries;
      for (const auto& e : r.entries) {
        entries.push_back({e.answers, e.key ? e.key->birth_year : std::nullopt});
      }
      auto issues = survey::ValidateSubmission(q, r.met_anyone, entries, period);
      EXPECT_TRUE(issues.empty()) << "seed " << seed << " unit " << r.unit << ": "
                                  << (issues.empty() ? "" : issues.front().message_en);
    }
  }
}

TEST(DemoData, DistributionsArePlausible) {
  std::mt19937_64 rng(1);
  auto reports = demo::ClosedRoundReports(2025, rng);
  int entries = 0, young_women = 0, minors = 0, buyers = 0, confirmed = 0, possible = 0,
      online = 0, submitted = 0;
  std::map<std::string, std::set<std::size_t>> units_by_key;
  for (const auto& r : reports) {
    if (r.status == UnitReport::Status::kSubmitted) ++submitted;
    if (r.status != UnitReport::Status::kSubmitted) continue;
    for (const auto& e : r.entries) {
      ++entries;
      const auto& a = e.answers;
      std::string_view age = a.Single("age_band");
      if (a.Single("gender") == "woman" && (age == "18_24" || age == "25_34")) ++young_women;
      if (age == "under_15" || age == "15_17") ++minors;
      if (a.Has("forms", "buys")) ++buyers;
      if (a.Has("forms", "trafficking_confirmed")) ++confirmed;
      if (a.Has("forms", "trafficking_possible")) ++possible;
      if (a.Has("arenas", "internet_ads") || a.Has("arenas", "social_media_apps")) ++online;
      if (e.key && e.key->first_initial) units_by_key[KeyText(*e.key)].insert(r.unit);
    }
  }
  int shared = 0;
  for (const auto& [key, units] : units_by_key) shared += units.size() > 1 ? 1 : 0;
  EXPECT_GE(entries, 200);
  EXPECT_LE(entries, 400);
  EXPECT_GT(young_women * 2, entries);  // mostly women 18–34
  EXPECT_GT(minors, 5);
  EXPECT_GT(buyers, 10);
  EXPECT_GT(possible, confirmed);
  EXPECT_GT(confirmed, 0);
  EXPECT_GT(online * 100, entries * 65);  // mostly internet ads / social media
  EXPECT_GT(shared, 20);                // the same person reported by several units
  EXPECT_GE(submitted, 15);
  EXPECT_LT(submitted, static_cast<int>(demo::Units().size()));
}

TEST(DemoData, LoginsCoverEveryRoleWithDeterministicPasswords) {
  auto logins = demo::Logins();
  ASSERT_EQ(logins.size(), kAllRoles.size());
  for (std::size_t i = 0; i < logins.size(); ++i) {
    EXPECT_EQ(logins[i].role, kAllRoles[i]);
    EXPECT_EQ(logins[i].password, "demo-" + std::string(RoleCode(kAllRoles[i])) + "-2026");
  }
}

class DemoCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().has_value());
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-demo-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "demo.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  int Run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    std::istringstream in;
    CliContext ctx{out_, err_, in, [](std::string_view) { return std::optional<std::string>(); },
                   clock_, random_, MinimumPasswordCost()};
    return RunCli(args, ctx);
  }
  std::filesystem::path dir_;
  std::string db_;
  std::ostringstream out_, err_;
  // 2026-11-28
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795827600))};
  SeededRandom random_{3};
};

TEST_F(DemoCommandTest, FillsDatabaseOnceAndReprintsLogins) {
  ASSERT_EQ(Run({"demo", "--db", db_}), kExitOk) << err_.str();
  std::string first = out_.str();
  EXPECT_NE(first.find("DEMO ONLY"), std::string::npos);
  EXPECT_NE(first.find("demo.admin"), std::string::npos);
  EXPECT_NE(first.find("demo-analyst-2026"), std::string::npos);

  auto db = storage::Open(db_);
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ((*db)->units().List()->size(), demo::Units().size());
  EXPECT_EQ(*(*db)->users().Count(), static_cast<std::int64_t>(kAllRoles.size()));
  auto admin = (*db)->users().FindByUsername("demo.admin");
  ASSERT_TRUE(admin.has_value());
  EXPECT_TRUE(VerifyPassword(admin->password_hash, "demo-admin-2026"));
  auto coordinator = (*db)->users().FindByUsername("demo.coordinator");
  ASSERT_TRUE(coordinator.has_value());
  EXPECT_TRUE(coordinator->unit_id.has_value());

  auto rounds = (*db)->rounds().List();
  ASSERT_TRUE(rounds.has_value());
  ASSERT_EQ(rounds->size(), 2u);
  int closed = 0, open = 0;
  for (const auto& r : *rounds) {
    // Last year's round is closed and its council report published (round key destroyed).
    if (r.state == storage::RoundState::kPublished) {
      ++closed;
      auto report = (*db)->reports().Find(r.id);
      ASSERT_TRUE(report.has_value()) << report.error().ToString();
      EXPECT_EQ(report->state, storage::ReportState::kPublished);
      EXPECT_NE(report->key_destroyed_at, 0);
      EXPECT_GE(report->exports.size(), 2u);
      EXPECT_EQ(static_cast<int>(r.period.from.year()), 2025);
      auto entries = (*db)->responses().LoadSubmittedEntries(r.id);
      ASSERT_TRUE(entries.has_value());
      EXPECT_GE(entries->size(), 200u);
      std::set<std::string> hashes;
      for (const auto& e : *entries) {
        if (e.match_hash) hashes.insert(*e.match_hash);
      }
      EXPECT_LT(hashes.size(), entries->size());  // deduplication gives a range
    }
    if (r.state == storage::RoundState::kOpen) {
      ++open;
      EXPECT_EQ(static_cast<int>(r.period.from.year()), 2026);
      auto responses = (*db)->responses().ListForRound(r.id);
      ASSERT_TRUE(responses.has_value());
      EXPECT_EQ(responses->size(), demo::Units().size());
      int drafts = 0;
      for (const auto& resp : *responses) drafts += resp.status == storage::ResponseStatus::kDraft;
      EXPECT_GE(drafts, 2);
    }
  }
  EXPECT_EQ(closed, 1);
  EXPECT_EQ(open, 1);

  ASSERT_EQ(Run({"demo", "--db", db_}), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("already"), std::string::npos);
  EXPECT_EQ(out_.str().find("demo-admin-2026"), std::string::npos);
  ASSERT_EQ(Run({"demo", "--db", db_, "--print-logins"}), kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("demo-admin-2026"), std::string::npos);
  // The links printed again are the ones printed at creation.
  auto links_at = [](const std::string& s) { return s.substr(s.find("Respondent links")); };
  EXPECT_EQ(links_at(out_.str()), links_at(first));
  EXPECT_EQ((*db)->rounds().List()->size(), 2u);  // nothing added
}

TEST_F(DemoCommandTest, WritesDemoConfigurationWhereConfigPointsToNothing) {
  std::string config = (dir_ / "demo.toml").string();
  ASSERT_EQ(Run({"demo", "--db", db_, "--config", config}), kExitOk) << err_.str();
  auto parsed = LoadConfigFile(config);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_EQ(parsed->database.url, db_);
  EXPECT_EQ(parsed->server.bind, "127.0.0.1");
  // The second run reads the file it wrote.
  ASSERT_EQ(Run({"demo", "--db", db_, "--config", config, "--print-logins"}), kExitOk)
      << err_.str();
  EXPECT_EQ(out_.str().find("Wrote a demo configuration"), std::string::npos);
}

TEST_F(DemoCommandTest, RefusesDatabaseWithRealUsers) {
  ASSERT_EQ(Run({"init", "--db", db_}), kExitOk) << err_.str();
  EXPECT_EQ(Run({"demo", "--db", db_}), kExitRuntime);
  EXPECT_NE(err_.str().find("already has users"), std::string::npos) << err_.str();
}

}  // namespace
}  // namespace synlig::app
