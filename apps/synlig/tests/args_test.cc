// Tests of the CLI flag parser: every usage error is a kInvalidArgument naming the flag.
#include "args.h"

#include <gtest/gtest.h>

namespace synlig::app {
namespace {

const FlagSpec kSpecs[] = {{"db", true}, {"port", true}, {"print-logins", false}};

Result<ParsedArgs> Parse(std::vector<std::string> args, std::size_t max_positional = 0) {
  return ParseArgs(args, kSpecs, max_positional);
}

TEST(ParseArgs, ReadsSeparateAndInlineValues) {
  auto a = Parse({"--db", "x.db", "--port=80", "--print-logins"});
  ASSERT_TRUE(a.has_value()) << a.error().message();
  EXPECT_EQ(a->Value("db").value(), "x.db");
  EXPECT_EQ(a->Value("port").value(), "80");
  EXPECT_TRUE(a->Has("print-logins"));
  EXPECT_FALSE(a->Has("help"));
}

TEST(ParseArgs, AcceptsHelpAlways) {
  EXPECT_TRUE(Parse({"--help"})->Has("help"));
  EXPECT_TRUE(Parse({"-h"})->Has("help"));
}

TEST(ParseArgs, RejectsUnknownFlag) {
  auto a = Parse({"--dbb", "x"});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(a.error().field(), "dbb");
  EXPECT_EQ(a.error().message(), "unknown option '--dbb'");
  EXPECT_EQ(Parse({"-x"}).error().field(), "-x");
}

TEST(ParseArgs, RejectsMissingValue) {
  auto a = Parse({"--db"});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().field(), "db");
  EXPECT_EQ(a.error().message(), "option '--db' needs a value");
}

TEST(ParseArgs, RejectsValueOnBooleanFlag) {
  auto a = Parse({"--print-logins=yes"});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().field(), "print-logins");
}

TEST(ParseArgs, RejectsRepeatedFlag) {
  auto a = Parse({"--db", "a", "--db", "b"});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().field(), "db");
  EXPECT_NE(a.error().message().find("more than once"), std::string::npos);
}

TEST(ParseArgs, RejectsUnexpectedPositional) {
  auto a = Parse({"extra"});
  ASSERT_FALSE(a.has_value());
  EXPECT_EQ(a.error().field(), "extra");
  auto b = Parse({"one", "--", "--db"}, 2);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->positional(), (std::vector<std::string>{"one", "--db"}));
}

TEST(RequiredFlag, NamesTheMissingFlag) {
  auto a = Parse({});
  auto db = RequiredFlag(*a, "db");
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().message(), "missing --db");
  EXPECT_EQ(db.error().field(), "db");
}

TEST(ParseIntFlag, ChecksSyntaxAndRange) {
  EXPECT_EQ(ParseIntFlag("port", "0", 0, 65535).value(), 0);
  EXPECT_EQ(ParseIntFlag("port", "65535", 0, 65535).value(), 65535);
  for (const char* bad : {"", "-1", "65536", "8o", " 80", "80 "}) {
    auto r = ParseIntFlag("port", bad, 0, 65535);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().field(), "port");
  }
}

}  // namespace
}  // namespace synlig::app
