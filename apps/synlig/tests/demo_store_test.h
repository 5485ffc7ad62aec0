// A test fixture holding a fresh demo municipality (`synlig demo`) in a temporary SQLite file,
// opened as db_, with a fake clock at kDemoTestNow (2026-03-01) and seeded randomness.
//   class MyTest : public DemoStoreTest {};
//   TEST_F(MyTest, X) { auto round = db_->rounds().Find(1); ... }
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "synlig/core/crypto.h"
#include "synlig/storage/database.h"

namespace synlig::app {

inline constexpr std::int64_t kDemoTestNow = 1772323200;  // 2026-03-01

class DemoStoreTest : public ::testing::Test {
 protected:
  explicit DemoStoreTest(std::uint64_t seed = 11) : random_(seed) {}

  void SetUp() override {
    ASSERT_TRUE(InitCrypto().has_value());
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-demo-store-" + std::to_string(::getpid()) + "-" + info->name());
    std::filesystem::create_directories(dir_);
    const std::string path = (dir_ / "demo.db").string();
    std::ostringstream out, err;
    std::istringstream in;
    CliContext ctx{out,
                   err,
                   in,
                   [](std::string_view) { return std::optional<std::string>(); },
                   clock_,
                   random_,
                   MinimumPasswordCost()};
    const std::vector<std::string> args = {"demo", "--db", path};
    ASSERT_EQ(RunCli(args, ctx), kExitOk) << err.str();
    auto db = storage::Open(path);
    ASSERT_TRUE(db) << db.error().ToString();
    db_ = *std::move(db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(kDemoTestNow))};
  SeededRandom random_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace synlig::app
