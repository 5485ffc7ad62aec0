// In-process tests of the CLI: exit codes (0 ok, 1 runtime error, 2 usage error), --help on
// every command, and init / user / migrate on a temporary SQLite database.
#include "cli.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "synlig/storage/database.h"

namespace synlig::app {
namespace {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().has_value());
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-cli-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "s.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(std::vector<std::string> args, const std::string& stdin_text = "") {
    out_.str("");
    err_.str("");
    std::istringstream in(stdin_text);
    CliContext ctx{out_, err_, in, [](std::string_view) { return std::optional<std::string>(); },
                   clock_, random_, MinimumPasswordCost()};
    return RunCli(args, ctx);
  }
  std::string Out() const { return out_.str(); }
  std::string Err() const { return err_.str(); }
  static int Lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
  }

  std::filesystem::path dir_;
  std::string db_;
  std::ostringstream out_, err_;
  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1795000000))};
  SeededRandom random_{1};
};

TEST_F(CliTest, VersionAndTopLevelHelpSucceed) {
  EXPECT_EQ(Run({"--version"}), kExitOk);
  EXPECT_EQ(Out().rfind("synlig ", 0), 0u);
  EXPECT_EQ(Run({"--help"}), kExitOk);
  EXPECT_NE(Out().find("Usage: synlig <command>"), std::string::npos);
}

TEST_F(CliTest, TopLevelHelpListsEveryCommand) {
  ASSERT_EQ(Run({"--help"}), kExitOk);
  for (const char* command : {"serve", "init", "demo", "migrate", "user", "estimate", "ads"}) {
    EXPECT_NE(Out().find(std::string("\n  ") + command + " "), std::string::npos) << command;
  }
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* command : {"serve", "init", "demo", "migrate", "user", "estimate", "ads"}) {
    EXPECT_EQ(Run({command, "--help"}), kExitOk) << command;
    EXPECT_EQ(Out().rfind(std::string("Usage: synlig ") + command, 0), 0u) << Out();
  }
  for (const char* action : {"add", "list", "disable", "enable", "reset-password"}) {
    EXPECT_EQ(Run({"user", action, "--help"}), kExitOk) << action;
  }
}

TEST_F(CliTest, MissingOrUnknownCommandIsUsageError) {
  EXPECT_EQ(Run({}), kExitUsage);
  EXPECT_EQ(Run({"frobnicate"}), kExitUsage);
  EXPECT_EQ(Err(), "synlig: unknown command 'frobnicate' (see 'synlig --help')\n");
  EXPECT_EQ(Run({"--frobnicate"}), kExitUsage);
  EXPECT_EQ(Run({"user"}), kExitUsage);
  EXPECT_EQ(Run({"user", "remove"}), kExitUsage);
}

TEST_F(CliTest, BadFlagsAreOneLineUsageErrorsPointingToHelp) {
  const std::vector<std::vector<std::string>> cases = {
      {"serve", "--bogus"},
      {"serve", "--db", db_, "--port", "70000"},
      {"serve", "--db", db_, "--port", "eighty"},
      {"serve"},  // no database anywhere
      {"init", "--db"},
      {"init", "--db", db_, "--admin-user", "Bad Name"},
      {"demo", "--db", db_, "--seed", "-3"},
      {"migrate", "--db", db_, "extra"},
      {"user", "add", "--db", db_, "--role", "analyst"},
      {"user", "add", "--db", db_, "--username", "anna", "--role", "boss"},
      {"user", "add", "--db", db_, "--username", "anna", "--role", "coordinator", "--unit-id",
       "x"},
      {"user", "disable", "--db", db_},
      {"user", "list", "--db", db_, "--username", "x"},
  };
  for (const auto& args : cases) {
    EXPECT_EQ(Run(args), kExitUsage) << args[0] << " " << args.back();
    EXPECT_EQ(Lines(Err()), 1) << Err();
    EXPECT_NE(Err().find("--help"), std::string::npos) << Err();
  }
  EXPECT_FALSE(std::filesystem::exists(db_));  // no usage error touched the database
}

TEST_F(CliTest, InitCreatesDatabaseKeyFileAndAdminOnce) {
  ASSERT_EQ(Run({"init", "--db", db_}), kExitOk) << Err();
  EXPECT_NE(Out().find("First administrator: admin"), std::string::npos);
  EXPECT_NE(Out().find("Password (shown once"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat((db_ + ".keys").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  EXPECT_EQ(Run({"init", "--db", db_}), kExitRuntime);
  EXPECT_NE(Err().find("already has 1 user"), std::string::npos) << Err();
}

TEST_F(CliTest, InitRefusesLooseKeyFile) {
  ASSERT_EQ(Run({"init", "--db", db_, "--admin-user", "root.admin"}), kExitOk) << Err();
  ASSERT_EQ(::chmod((db_ + ".keys").c_str(), 0644), 0);
  ASSERT_EQ(Run({"serve", "--db", db_, "--port", "0"}), kExitRuntime);
  EXPECT_NE(Err().find("chmod 600"), std::string::npos) << Err();
}

TEST_F(CliTest, InitRefusesKeyFileOfAnotherDatabase) {
  std::string keys = (dir_ / "old.keys").string();
  {
    auto store = FileKeyStore::Open(keys, random_, true);
    ASSERT_TRUE(store.has_value());
    ASSERT_TRUE((*store)->EnsureRoundKey(1).has_value());
  }
  EXPECT_EQ(Run({"init", "--db", db_, "--key-file", keys}), kExitRuntime);
  EXPECT_NE(Err().find("belongs to another database"), std::string::npos) << Err();
}

TEST_F(CliTest, UserAddListDisableEnableReset) {
  ASSERT_EQ(Run({"init", "--db", db_}), kExitOk) << Err();
  ASSERT_EQ(Run({"user", "add", "--db", db_, "--username", "anna", "--role", "analyst",
                 "--display-name", "Anna Analytiker", "--password-stdin"},
                "a-long-password-1\n"),
            kExitOk)
      << Err();
  EXPECT_EQ(Out().find("Password"), std::string::npos);  // read from stdin, not printed
  ASSERT_EQ(Run({"user", "add", "--db", db_, "--username", "bosse", "--role", "reader"}), kExitOk);
  EXPECT_NE(Out().find("Password (shown once): "), std::string::npos);

  auto db = storage::Open(db_);
  ASSERT_TRUE(db.has_value());
  auto anna = (*db)->users().FindByUsername("anna");
  ASSERT_TRUE(anna.has_value());
  EXPECT_EQ(anna->role, Role::kAnalyst);
  EXPECT_EQ(anna->display_name, "Anna Analytiker");
  EXPECT_TRUE(VerifyPassword(anna->password_hash, "a-long-password-1"));

  ASSERT_EQ(Run({"user", "list", "--db", db_}), kExitOk);
  EXPECT_NE(Out().find("anna"), std::string::npos);
  EXPECT_NE(Out().find("analyst"), std::string::npos);

  ASSERT_EQ(Run({"user", "disable", "--db", db_, "--username", "anna"}), kExitOk) << Err();
  EXPECT_TRUE((*db)->users().FindByUsername("anna")->disabled);
  ASSERT_EQ(Run({"user", "enable", "--db", db_, "--username", "anna"}), kExitOk) << Err();
  EXPECT_FALSE((*db)->users().FindByUsername("anna")->disabled);

  ASSERT_EQ(Run({"user", "reset-password", "--db", db_, "--username", "anna",
                 "--password-stdin"},
                "another-password-2\n"),
            kExitOk)
      << Err();
  EXPECT_TRUE(VerifyPassword((*db)->users().FindByUsername("anna")->password_hash,
                             "another-password-2"));
}

TEST_F(CliTest, UserErrorsFromTheStoreAreRuntimeErrors) {
  ASSERT_EQ(Run({"init", "--db", db_}), kExitOk) << Err();
  EXPECT_EQ(Run({"user", "add", "--db", db_, "--username", "admin", "--role", "reader"}),
            kExitRuntime);
  EXPECT_EQ(Run({"user", "disable", "--db", db_, "--username", "nobody"}), kExitRuntime);
  EXPECT_EQ(Run({"user", "add", "--db", db_, "--username", "shorty", "--role", "reader",
                 "--password-stdin"},
                "short\n"),
            kExitRuntime);
  EXPECT_NE(Err().find("password"), std::string::npos) << Err();
  EXPECT_EQ(Run({"user", "add", "--db", db_, "--username", "kim", "--role", "coordinator"}),
            kExitRuntime);  // a coordinator needs a unit
}

TEST_F(CliTest, UserAndMigrateRefuseMissingDatabaseFile) {
  EXPECT_EQ(Run({"user", "list", "--db", db_}), kExitRuntime);
  EXPECT_NE(Err().find("does not exist"), std::string::npos) << Err();
  EXPECT_EQ(Run({"migrate", "--db", db_}), kExitRuntime);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(CliTest, MigratePrintsSchemaVersion) {
  ASSERT_EQ(Run({"init", "--db", db_}), kExitOk) << Err();
  ASSERT_EQ(Run({"migrate", "--db", db_}), kExitOk) << Err();
  EXPECT_NE(Out().find("schema version "), std::string::npos);
  ASSERT_EQ(Run({"migrate", "--db", db_}), kExitOk) << Err();
  EXPECT_EQ(Out().find("migrated from"), std::string::npos);  // nothing pending after init
}

}  // namespace
}  // namespace synlig::app
