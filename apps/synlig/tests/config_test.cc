// Tests of the configuration parser, environment overrides and flag precedence.
#include "config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace synlig::app {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

void ExpectInvalid(const Result<Config>& r, std::string_view field, std::string_view fragment) {
  ASSERT_FALSE(r.has_value()) << "expected an error mentioning " << fragment;
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field(), field);
  EXPECT_NE(r.error().message().find(fragment), std::string::npos) << r.error().message();
}

TEST(ParseConfig, EmptyTextGivesDefaults) {
  auto c = ParseConfig("", "synlig.toml");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->server.bind, "127.0.0.1");
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->server.threads, 16);
  EXPECT_EQ(c->server.max_body_bytes, 256u * 1024);
  EXPECT_EQ(c->server.max_upload_bytes, 64u * 1024 * 1024);
  EXPECT_EQ(c->disclosure.min_cell_k, 5);
  EXPECT_FALSE(c->server.secure_cookies);
  EXPECT_EQ(c->server.session_ttl_seconds, 8 * 3600);
  EXPECT_EQ(c->security.lockout_threshold, 5);
  EXPECT_EQ(c->security.lockout_seconds, 900);
  EXPECT_EQ(c->security.key_file, "");
  EXPECT_EQ(c->database.url, "");
  EXPECT_EQ(c->database.sqlite_synchronous, "full");
}

TEST(ParseConfig, ReadsEverySetting) {
  auto c = ParseConfig(R"(
[server]
bind = "0.0.0.0"
port = 9000
threads = 32
max_body_bytes = 1048576
secure_cookies = true
session_ttl_seconds = 3600
[security]
lockout_threshold = 3
lockout_seconds = 60
key_file = "/srv/keys.json"
[database]
url = "sqlite:/srv/synlig.db"
sqlite_synchronous = "normal"
)",
                       "synlig.toml");
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->server.bind, "0.0.0.0");
  EXPECT_EQ(c->server.port, 9000);
  EXPECT_EQ(c->server.threads, 32);
  EXPECT_EQ(c->server.max_body_bytes, 1048576u);
  EXPECT_TRUE(c->server.secure_cookies);
  EXPECT_EQ(c->server.session_ttl_seconds, 3600);
  EXPECT_EQ(c->security.lockout_threshold, 3);
  EXPECT_EQ(c->security.lockout_seconds, 60);
  EXPECT_EQ(c->security.key_file, "/srv/keys.json");
  EXPECT_EQ(c->database.url, "sqlite:/srv/synlig.db");
  EXPECT_EQ(c->database.sqlite_synchronous, "normal");
}

TEST(ParseConfig, SyntaxErrorNamesFileLineAndColumn) {
  auto c = ParseConfig("[server]\nport = = 3\n", "conf/synlig.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(c.error().message().rfind("conf/synlig.toml:2:", 0), 0u) << c.error().message();
}

TEST(ParseConfig, RejectsUnknownSectionNamingIt) {
  ExpectInvalid(ParseConfig("[servr]\nport = 1\n", "a.toml"), "servr", "unknown section [servr]");
}

TEST(ParseConfig, RejectsUnknownKeyNamingIt) {
  ExpectInvalid(ParseConfig("[server]\nprot = 1\n", "a.toml"), "server.prot",
                "unknown key server.prot in a.toml");
}

TEST(ParseConfig, RejectsTopLevelKey) {
  ExpectInvalid(ParseConfig("port = 1\n", "a.toml"), "port", "unknown key port");
}

TEST(ParseConfig, RejectsKnownSectionThatIsNotATable) {
  ExpectInvalid(ParseConfig("server = 1\n", "a.toml"), "server", "must be a table");
}

TEST(ParseConfig, RejectsWrongTypes) {
  ExpectInvalid(ParseConfig("[server]\nport = \"80\"\n", "a.toml"), "server.port",
                "must be an integer");
  ExpectInvalid(ParseConfig("[server]\nbind = 1\n", "a.toml"), "server.bind", "must be a string");
  ExpectInvalid(ParseConfig("[server]\nsecure_cookies = 1\n", "a.toml"), "server.secure_cookies",
                "must be true or false");
  ExpectInvalid(ParseConfig("[server]\nport = 80.5\n", "a.toml"), "server.port",
                "must be an integer");
}

TEST(ParseConfig, RejectsValuesOutOfRange) {
  ExpectInvalid(ParseConfig("[server]\nport = 65536\n", "a.toml"), "server.port",
                "between 0 and 65535, not 65536");
  ExpectInvalid(ParseConfig("[server]\nport = -1\n", "a.toml"), "server.port", "not -1");
  ExpectInvalid(ParseConfig("[server]\nthreads = 0\n", "a.toml"), "server.threads", "not 0");
  ExpectInvalid(ParseConfig("[server]\nmax_body_bytes = 10\n", "a.toml"), "server.max_body_bytes",
                "not 10");
  ExpectInvalid(ParseConfig("[disclosure]\nmin_cell_k = 1\n", "a.toml"), "disclosure.min_cell_k",
                "not 1");
  {
    auto c = ParseConfig("[disclosure]\nmin_cell_k = 10\n", "a.toml");
    ASSERT_TRUE(c) << c.error().ToString();
    EXPECT_EQ(c->disclosure.min_cell_k, 10);
  }
  ExpectInvalid(ParseConfig("[server]\nsession_ttl_seconds = 59\n", "a.toml"),
                "server.session_ttl_seconds", "not 59");
  ExpectInvalid(ParseConfig("[security]\nlockout_threshold = 0\n", "a.toml"),
                "security.lockout_threshold", "not 0");
  ExpectInvalid(ParseConfig("[security]\nlockout_seconds = 86401\n", "a.toml"),
                "security.lockout_seconds", "not 86401");
}

TEST(ParseConfig, AcceptsRangeBoundaries) {
  auto c = ParseConfig("[server]\nport = 0\nthreads = 1024\n[security]\nlockout_threshold = 100\n",
                       "a.toml");
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->server.port, 0);
  EXPECT_EQ(c->server.threads, 1024);
  EXPECT_EQ(c->security.lockout_threshold, 100);
}

TEST(ParseConfig, RejectsUnknownSynchronousMode) {
  ExpectInvalid(ParseConfig("[database]\nsqlite_synchronous = \"off\"\n", "a.toml"),
                "database.sqlite_synchronous", "\"full\" or \"normal\", not \"off\"");
}

TEST(ParseConfig, RejectsEmptyStrings) {
  ExpectInvalid(ParseConfig("[server]\nbind = \"\"\n", "a.toml"), "server.bind", "empty");
  ExpectInvalid(ParseConfig("[database]\nurl = \"\"\n", "a.toml"), "database.url", "empty");
  ExpectInvalid(ParseConfig("[security]\nkey_file = \"\"\n", "a.toml"), "security.key_file",
                "empty");
}

TEST(ApplyEnvironment, OverridesEachSetting) {
  Config c;
  auto ok = ApplyEnvironment(c, FakeEnv({{"SYNLIG_DB", "x.db"},
                                         {"SYNLIG_PORT", "1234"},
                                         {"SYNLIG_BIND", "::1"},
                                         {"SYNLIG_KEY_FILE", "k.json"},
                                         {"SYNLIG_THREADS", "4"},
                                         {"SYNLIG_MAX_BODY_BYTES", "2048"},
                                         {"SYNLIG_SECURE_COOKIES", "1"},
                                         {"SYNLIG_SESSION_TTL_SECONDS", "600"},
                                         {"SYNLIG_LOCKOUT_THRESHOLD", "9"},
                                         {"SYNLIG_LOCKOUT_SECONDS", "30"},
                                         {"SYNLIG_SQLITE_SYNCHRONOUS", "normal"}}));
  ASSERT_TRUE(ok.has_value()) << ok.error().message();
  EXPECT_EQ(c.database.url, "x.db");
  EXPECT_EQ(c.server.port, 1234);
  EXPECT_EQ(c.server.bind, "::1");
  EXPECT_EQ(c.security.key_file, "k.json");
  EXPECT_EQ(c.server.threads, 4);
  EXPECT_EQ(c.server.max_body_bytes, 2048u);
  EXPECT_TRUE(c.server.secure_cookies);
  EXPECT_EQ(c.server.session_ttl_seconds, 600);
  EXPECT_EQ(c.security.lockout_threshold, 9);
  EXPECT_EQ(c.security.lockout_seconds, 30);
  EXPECT_EQ(c.database.sqlite_synchronous, "normal");
}

TEST(ApplyEnvironment, RejectsMalformedIntegerNamingTheVariable) {
  Config c;
  auto ok = ApplyEnvironment(c, FakeEnv({{"SYNLIG_PORT", "80x"}}));
  ASSERT_FALSE(ok.has_value());
  EXPECT_EQ(ok.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ok.error().field(), "server.port");
  EXPECT_NE(ok.error().message().find("SYNLIG_PORT"), std::string::npos);
  EXPECT_NE(ok.error().message().find("80x"), std::string::npos);
}

TEST(ApplyEnvironment, RejectsOutOfRangeAndBadBoolean) {
  Config c;
  auto port = ApplyEnvironment(c, FakeEnv({{"SYNLIG_PORT", "99999"}}));
  ASSERT_FALSE(port.has_value());
  EXPECT_EQ(port.error().field(), "server.port");
  auto cookies = ApplyEnvironment(c, FakeEnv({{"SYNLIG_SECURE_COOKIES", "yes"}}));
  ASSERT_FALSE(cookies.has_value());
  EXPECT_EQ(cookies.error().field(), "server.secure_cookies");
  auto empty = ApplyEnvironment(c, FakeEnv({{"SYNLIG_PORT", ""}}));
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().field(), "server.port");
}

class ConfigFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("synlig-config-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(ConfigFileTest, FlagsWinOverEnvironmentWhichWinsOverFile) {
  std::string file = Write("a.toml",
                           "[server]\nport = 1000\nbind = \"10.0.0.1\"\nthreads = 3\n"
                           "[database]\nurl = \"file.db\"\n");
  ConfigOverrides flags;
  flags.config_file = file;
  flags.port = 3000;
  auto c = ResolveConfig(flags, FakeEnv({{"SYNLIG_PORT", "2000"}, {"SYNLIG_BIND", "10.0.0.2"}}));
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->server.port, 3000);         // flag
  EXPECT_EQ(c->server.bind, "10.0.0.2");   // environment
  EXPECT_EQ(c->server.threads, 3);         // file
  EXPECT_EQ(c->database.url, "file.db");  // file
  flags.db = "flag.db";
  flags.bind = "127.0.0.2";
  flags.key_file = "flag.keys";
  auto d = ResolveConfig(flags, FakeEnv({{"SYNLIG_DB", "env.db"}}));
  ASSERT_TRUE(d.has_value()) << d.error().message();
  EXPECT_EQ(d->database.url, "flag.db");
  EXPECT_EQ(d->server.bind, "127.0.0.2");
  EXPECT_EQ(d->security.key_file, "flag.keys");
}

TEST_F(ConfigFileTest, UsesSynligConfigWhenNoFlagNamesAFile) {
  std::string file = Write("b.toml", "[server]\nthreads = 7\n");
  auto c = ResolveConfig({}, FakeEnv({{"SYNLIG_CONFIG", file}}));
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->server.threads, 7);
}

TEST_F(ConfigFileTest, MissingFileIsNotFound) {
  ConfigOverrides flags;
  flags.config_file = (dir_ / "absent.toml").string();
  auto c = ResolveConfig(flags, FakeEnv({}));
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(c.error().message().find("absent.toml"), std::string::npos);
}

TEST_F(ConfigFileTest, ErrorInFileNamesThePath) {
  std::string file = Write("c.toml", "[server]\nport = 1\nport = 2\n");
  auto c = LoadConfigFile(file);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(c.error().message().find(file + ":3:"), std::string::npos) << c.error().message();
}

TEST(ResolveConfig, RejectsFlagOutOfRange) {
  ConfigOverrides flags;
  flags.port = 70000;
  auto c = ResolveConfig(flags, FakeEnv({}));
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().field(), "server.port");
  EXPECT_NE(c.error().message().find("--port"), std::string::npos);
}

TEST(ParseConfig, ReadsTheSmtpSectionForReminders) {
  auto c = ParseConfig(
      "[smtp]\nhost = \"smtp.kommun.example\"\nport = 465\nsecurity = \"tls\"\n"
      "username = \"synlig\"\nfrom = \"synlig@kommun.example\"\nfrom_name = \"Synlig\"\n"
      "timeout_seconds = 10\n",
      "a.toml");
  ASSERT_TRUE(c.has_value()) << c.error().ToString();
  EXPECT_EQ(c->smtp.host, "smtp.kommun.example");
  EXPECT_EQ(c->smtp.port, 465);
  EXPECT_EQ(c->smtp.security, "tls");
  EXPECT_EQ(c->smtp.from, "synlig@kommun.example");
  EXPECT_EQ(c->smtp.timeout_seconds, 10);
  EXPECT_TRUE(c->smtp.password.empty());
  EXPECT_TRUE(Config{}.smtp.host.empty());  // mail is off unless configured
  ExpectInvalid(ParseConfig("[smtp]\nsecurity = \"ssl\"\n", "a.toml"), "smtp.security",
                "starttls");
  ExpectInvalid(ParseConfig("[smtp]\nport = 0\n", "a.toml"), "smtp.port", "between 1 and 65535");
}

TEST(ApplyEnvironment, SmtpPasswordComesFromTheEnvironment) {
  Config c;
  ASSERT_TRUE(ApplyEnvironment(c, FakeEnv({{"SYNLIG_SMTP_HOST", "127.0.0.1"},
                                          {"SYNLIG_SMTP_PORT", "2525"},
                                          {"SYNLIG_SMTP_SECURITY", "none"},
                                          {"SYNLIG_SMTP_PASSWORD", "s3cret"}})));
  EXPECT_EQ(c.smtp.host, "127.0.0.1");
  EXPECT_EQ(c.smtp.port, 2525);
  EXPECT_EQ(c.smtp.security, "none");
  EXPECT_EQ(c.smtp.password, "s3cret");
}

TEST(KeyFilePath, DefaultsToDatabasePathPlusKeys) {
  Config c;
  c.database.url = "sqlite:/srv/a.db";
  EXPECT_EQ(KeyFilePath(c).value(), "/srv/a.db.keys");
  c.database.url = "b.db";
  EXPECT_EQ(KeyFilePath(c).value(), "b.db.keys");
  c.security.key_file = "/etc/synlig/keys.json";
  EXPECT_EQ(KeyFilePath(c).value(), "/etc/synlig/keys.json");
}

TEST(KeyFilePath, PostgresqlNeedsAnExplicitKeyFile) {
  Config c;
  c.database.url = "postgresql://db/synlig";
  auto p = KeyFilePath(c);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().field(), "security.key_file");
}

}  // namespace
}  // namespace synlig::app
