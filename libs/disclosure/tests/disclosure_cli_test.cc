// `synlig disclosure check`: exit codes, the list of unsafe cells, bad input naming line and
// column. In process through RunDisclosureCommand, and through the built synlig binary when
// SYNLIG_BINARY names it (the ctest entry disclosure_cli_binary sets it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "disclosure_command.h"
#include "run_command.h"

namespace synlig::app {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun RunDisclosure(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunDisclosureCommand(args, out, err);
  return {code, out.str(), err.str()};
}

std::string Data(const std::string& name) {
  return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/disclosure/" + name;
}

TEST(DisclosureCliTest, HelpExitsZero) {
  CliRun r = RunDisclosure({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("--margin"), std::string::npos);
}

TEST(DisclosureCliTest, MissingSubcommandOrFileIsUsageError) {
  EXPECT_EQ(RunDisclosure({}).code, 2);
  CliRun r = RunDisclosure({"check"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing FILE.csv"), std::string::npos);
  EXPECT_EQ(RunDisclosure({"protect", Data("under_k.csv")}).code, 2);
}

TEST(DisclosureCliTest, BadFlagsAreUsageErrors) {
  EXPECT_EQ(RunDisclosure({"check", Data("under_k.csv"), "--k", "0"}).code, 2);
  EXPECT_EQ(RunDisclosure({"check", Data("under_k.csv"), "--k"}).code, 2);
  EXPECT_EQ(RunDisclosure({"check", Data("under_k.csv"), "--margin", "-1"}).code, 2);
  EXPECT_EQ(RunDisclosure({"check", Data("under_k.csv"), "--fast"}).code, 2);
}

TEST(DisclosureCliTest, MissingFileIsBadInput) {
  CliRun r = RunDisclosure({"check", "/nonexistent/table.csv"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos);
}

TEST(DisclosureCliTest, ProtectedTableIsSafe) {
  CliRun r = RunDisclosure({"check", Data("form_gender_protected.csv"), "--k", "5"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("safe:"), std::string::npos);
}

TEST(DisclosureCliTest, ClassicAttackIsListedWithTheRecoveredValue) {
  CliRun r = RunDisclosure({"check", Data("classic_attack.csv"), "--k", "5"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("line 2, row 'Säljer eller har sålt sex', column 'Annan eller okänd': "
                       "recoverable from the totals: exactly 3"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("row 'Totalt', column 'Annan eller okänd': recoverable from the totals: "
                       "exactly 12"),
            std::string::npos)
      << r.out;
}

TEST(DisclosureCliTest, PublishedCellsUnderKAreListed) {
  CliRun r = RunDisclosure({"check", Data("under_k.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("line 2, row 'Gata', column 'Kvinna': under k (3 < 5)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("row 'Totalt', column 'Kvinna': under k (3 < 5)"), std::string::npos);
  EXPECT_EQ(r.out.find("Hotell"), std::string::npos) << "a published 0 is safe by default";
  CliRun zeros = RunDisclosure({"check", Data("under_k.csv"), "--zeros-unsafe"});
  EXPECT_NE(zeros.out.find("row 'Hotell', column 'Kvinna': zero"), std::string::npos);
}

TEST(DisclosureCliTest, SmallerKMakesTheSameTableSafe) {
  EXPECT_EQ(RunDisclosure({"check", Data("under_k.csv"), "--k", "3"}).code, 0);
}

TEST(DisclosureCliTest, UnderNMarkersSemicolonsAndAbsentCellsAreSafe) {
  CliRun r = RunDisclosure({"check", Data("markers_semicolon.csv")});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
}

TEST(DisclosureCliTest, InconsistentTotalsAreBadInput) {
  CliRun r = RunDisclosure({"check", Data("inconsistent_totals.csv")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("inconsistent"), std::string::npos) << r.err;
}

TEST(DisclosureCliTest, BadFieldNamesLineAndColumn) {
  CliRun r = RunDisclosure({"check", Data("bad_field.csv")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("line 3, column 'Kvinna': '12,5' is neither a count"), std::string::npos)
      << r.err;
}

// The same through the real binary: exit codes and streams as a user sees them.
class DisclosureBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* binary = std::getenv("SYNLIG_BINARY");
    if (binary == nullptr || *binary == '\0') GTEST_SKIP() << "SYNLIG_BINARY not set";
    binary_ = binary;
  }
  std::string binary_;
};

TEST_F(DisclosureBinaryTest, SafeTableExitsZero) {
  auto r = testing::RunCommand(
      binary_, {"disclosure", "check", Data("form_gender_protected.csv"), "--k", "5"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(r.err.empty());
}

TEST_F(DisclosureBinaryTest, UnsafeTableExitsOneWithTheListOnStdout) {
  auto r = testing::RunCommand(binary_, {"disclosure", "check", Data("classic_attack.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("exactly 3"), std::string::npos) << r.out;
}

TEST_F(DisclosureBinaryTest, BadInputExitsTwoWithTheMessageOnStderr) {
  auto r = testing::RunCommand(binary_, {"disclosure", "check", Data("bad_field.csv")});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("line 3, column 'Kvinna'"), std::string::npos) << r.err;
}

TEST_F(DisclosureBinaryTest, TopLevelHelpListsTheCommand) {
  auto r = testing::RunCommand(binary_, {"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("disclosure"), std::string::npos);
}

}  // namespace
}  // namespace synlig::app
