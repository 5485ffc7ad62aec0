// `synlig ads`: flags and exit codes, bad lines reported and skipped, output shapes, files
// written (assignments, capture histories read back by libs/estimate), and that no phone
// number or name from the input reaches any output.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ads_command.h"
#include "synlig/estimate/capture_table.h"

namespace synlig::app {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun RunAds(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunAdsCommand(args, out, err);
  return {code, out.str(), err.str()};
}

std::string Sample() { return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/ads/sample.jsonl"; }

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/" + name; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AdsCliTest, HelpAndUsageErrors) {
  EXPECT_EQ(RunAds({"--help"}).code, 0);
  EXPECT_NE(RunAds({"analyze", "--help"}).out.find("--assignments"), std::string::npos);
  EXPECT_EQ(RunAds({}).code, 2);
  CliRun unknown = RunAds({"frobnicate"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos);
  EXPECT_EQ(RunAds({"analyze"}).code, 2);
  EXPECT_EQ(RunAds({"analyze", Sample(), "--bogus"}).code, 2);
  EXPECT_EQ(RunAds({"synth"}).code, 2);
  EXPECT_EQ(RunAds({"synth", "--ads", "0"}).code, 2);
  EXPECT_EQ(RunAds({"synth", "--ads", "5", "--profile", "medium"}).code, 2);
}

TEST(AdsCliTest, MissingFileIsRuntimeError) {
  CliRun r = RunAds({"analyze", TempPath("does-not-exist.jsonl")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot read"), std::string::npos);
}

TEST(AdsCliTest, ReportsBadLinesWithNumbersAndWhy) {
  CliRun r = RunAds({"analyze", Sample()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("line 10: stated_age: must be an integer or null, got a string"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("line 11: not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 12: ad_id: is missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 10 ads, skipped 3 lines (ad_id: 1, json: 1, stated_age: 1)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("advertisers"), std::string::npos);
}

// Several files are one input: the sample cut in two (the first part without a line break at
// its end) gives the same counts as the whole, and its bad lines are named by file and line.
TEST(AdsCliTest, SeveralFilesAreReadAsOneInput) {
  const std::string whole = ReadFile(Sample());
  std::size_t cut = 0;
  for (int line = 0; line < 8; ++line) cut = whole.find('\n', cut) + 1;
  const std::string first = TempPath("part1.jsonl");
  const std::string second = TempPath("part2.jsonl");
  std::ofstream(first, std::ios::binary) << whole.substr(0, cut - 1);  // no break at the end
  std::ofstream(second, std::ios::binary) << whole.substr(cut);
  CliRun one = RunAds({"analyze", Sample(), "--json"});
  CliRun two = RunAds({"analyze", first, second, "--json"});
  ASSERT_EQ(two.code, 0) << two.err;
  EXPECT_EQ(nlohmann::json::parse(two.out), nlohmann::json::parse(one.out));
  // The sample's bad lines 10-12 are lines 2-4 of the second part.
  EXPECT_NE(two.err.find(second + ": line 2: stated_age: must be an integer or null"),
            std::string::npos)
      << two.err;
  EXPECT_NE(two.err.find(second + ": line 4: ad_id: is missing"), std::string::npos) << two.err;
  EXPECT_NE(two.err.find("read 10 ads, skipped 3 lines"), std::string::npos) << two.err;
  // A file that cannot be read stops the run before any is read.
  CliRun missing = RunAds({"analyze", first, TempPath("no-such-part.jsonl")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
  EXPECT_EQ(missing.err.find("read 10 ads"), std::string::npos);
}

TEST(AdsCliTest, JsonCountsOfTheSample) {
  CliRun r = RunAds({"analyze", Sample(), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input"]["ads_read"], 10);
  EXPECT_EQ(j["input"]["lines_skipped"], 3);
  EXPECT_EQ(j["sample_days"].size(), 3u);
  EXPECT_EQ(j["ads"]["raw"], 10);
  EXPECT_EQ(j["ads"]["unique"], 9);   // a1 is up on two days
  EXPECT_EQ(j["ads"]["reposts"], 3);  // a2 (of a1), b3 (of b1), d2 (of d1)
  // Sofia; Irina and Elena (one booking phone); Anna (same template, unrelated); Maja; Hanna.
  EXPECT_EQ(j["advertisers"]["all_links"], 6);
  EXPECT_EQ(j["advertisers"]["phone_links_only"], 5);
  EXPECT_EQ(j["networks"]["count"], 5);
  EXPECT_EQ(j["networks"]["with_several_advertisers"], 1);
  EXPECT_EQ(j["stated_nationality_region"]["eu_east"], 3);
  EXPECT_EQ(j["arenas"]["massage"], 1);
  EXPECT_EQ(j["indicators"]["per_indicator"]["movement"]["weight"], 0.0);
  EXPECT_EQ(j["indicators"]["per_indicator"]["phone_many_names"]["advertisers"], 2);
  EXPECT_EQ(j["indicators"]["per_indicator"]["obscured_phone"]["ads"], 2);
  EXPECT_TRUE(j["site_days"].is_array());
}

TEST(AdsCliTest, WritesAssignmentsAndCaptureHistories) {
  const std::string assignments = TempPath("assignments.csv");
  const std::string captures = TempPath("captures.csv");
  CliRun r = RunAds({"analyze", Sample(), "--assignments", assignments, "--captures", captures});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string csv = ReadFile(assignments);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "ad_id,advertiser_id,network_id");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
  EXPECT_NE(csv.find("\na1,1,1\na2,1,1\n"), std::string::npos) << csv;
  auto table = estimate::ParseCaptureCsv(ReadFile(captures));
  ASSERT_TRUE(table) << table.error().ToString();
  EXPECT_EQ(table->num_lists(), 3);
  EXPECT_EQ(table->n_observed(), 6);
}

TEST(AdsCliTest, BadRulesFileIsRuntimeErrorNamingTheKey) {
  const std::string rules = TempPath("rules.toml");
  std::ofstream(rules) << "[youth]\nweight = -2\n";
  CliRun r = RunAds({"analyze", Sample(), "--rules", rules});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("youth.weight"), std::string::npos) << r.err;
}

TEST(AdsCliTest, PrintsDefaultLexiconAndRules) {
  EXPECT_NE(RunAds({"lexicon"}).out.find("[features.youth]"), std::string::npos);
  EXPECT_NE(RunAds({"rules"}).out.find("[movement]"), std::string::npos);
}

TEST(AdsCliTest, SynthThenEvaluate) {
  CliRun synth = RunAds({"synth", "--ads", "300", "--seed", "6", "--profile", "hard"});
  ASSERT_EQ(synth.code, 0) << synth.err;
  EXPECT_EQ(std::count(synth.out.begin(), synth.out.end(), '\n'), 300);
  const std::string file = TempPath("synth.jsonl");
  std::ofstream(file) << synth.out;
  CliRun eval = RunAds({"evaluate", file, "--json"});
  ASSERT_EQ(eval.code, 0) << eval.err;
  nlohmann::json j = nlohmann::json::parse(eval.out);
  EXPECT_GE(j["advertisers"]["f1"].get<double>(), 0.9);
  EXPECT_GE(j["networks"]["f1"].get<double>(), 0.9);
  EXPECT_EQ(RunAds({"evaluate", Sample()}).code, 1);  // no _truth
}

// Data minimisation: no number or name from the input reaches the outputs or the messages.
TEST(AdsCliTest, NoPhoneNumberOrNameFromTheInputInAnyOutput) {
  CliRun synth = RunAds({"synth", "--ads", "400", "--seed", "9", "--profile", "hard"});
  ASSERT_EQ(synth.code, 0);
  const std::string file = TempPath("privacy.jsonl");
  std::ofstream(file) << synth.out;
  // Every digit run of 6+ digits in the phone fields, and every capitalised title word.
  std::set<std::string> numbers;
  std::set<std::string> names;
  std::istringstream lines(synth.out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json ad = nlohmann::json::parse(line);
    for (const auto& shown : ad["phones"]) {
      std::string digits;
      for (char c : shown.get<std::string>()) {
        if (c >= '0' && c <= '9') digits.push_back(c);
      }
      if (digits.size() >= 7) numbers.insert(digits.substr(digits.size() - 7));
    }
    const std::string title = ad["title"];
    const std::regex word("[A-Z][a-z]+");
    for (std::sregex_iterator it(title.begin(), title.end(), word), end; it != end; ++it) {
      names.insert(it->str());
    }
  }
  for (const char* word : {"Sexy", "New", "Ny", "Massage", "Welcome", "Hot", "Today", "Bara",
                           "Discreet", "Diskret", "Incall", "Hotel", "Good", "Trevlig", "Het",
                           "In", "Linköping", "Norrköping", "Motala", "Finspång", "Stockholm",
                           "Malmö", "Mjölby", "Göteborg"}) {
    names.erase(word);
  }
  ASSERT_GT(numbers.size(), 20u);
  ASSERT_GT(names.size(), 20u);
  const std::string assignments = TempPath("privacy-assignments.csv");
  const std::string captures = TempPath("privacy-captures.csv");
  CliRun json = RunAds({"analyze", file, "--json", "--assignments", assignments, "--captures",
                     captures});
  ASSERT_EQ(json.code, 0) << json.err;
  CliRun text = RunAds({"analyze", file});
  std::string all = json.out + json.err + text.out + text.err + ReadFile(assignments) +
                    ReadFile(captures);
  std::string digits_only;
  for (char c : all) digits_only.push_back(c >= '0' && c <= '9' ? c : ' ');
  for (const std::string& n : numbers) {
    EXPECT_EQ(digits_only.find(n), std::string::npos) << "number digits " << n;
  }
  for (const std::string& name : names) {
    EXPECT_EQ(std::regex_search(all, std::regex("\\b" + name + "\\b")), false) << name;
  }
}

}  // namespace
}  // namespace synlig::app

namespace synlig::app {
namespace {

std::string Data(const std::string& name) {
  return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/ads/" + name;
}

TEST(AdsCliImportHtmlTest, PagesBecomeJsonLinesThatAnalyzeReads) {
  CliRun r = RunAds({"import-html", "--captured-on", "2025-03-03", Data("example-listing.html")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);
  nlohmann::json first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(first["site"], "annonser.example");
  EXPECT_EQ(first["ad_id"], "ex-1001");
  EXPECT_EQ(first["captured_on"], "2025-03-03");
  EXPECT_EQ(first["images"].size(), 2u);
  EXPECT_NE(r.err.find("example-listing.html: listing 4: no ad_id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("example-listing.html: 5 listings, 3 ads, 2 skipped"), std::string::npos)
      << r.err;
  const std::string file = TempPath("from-html.jsonl");
  std::ofstream(file) << r.out;
  CliRun analyzed = RunAds({"analyze", file, "--json"});
  ASSERT_EQ(analyzed.code, 0) << analyzed.err;
  nlohmann::json j = nlohmann::json::parse(analyzed.out);
  EXPECT_EQ(j["input"]["ads_read"], 3);
  EXPECT_EQ(j["input"]["lines_skipped"], 0);
}

TEST(AdsCliImportHtmlTest, ASecondSiteFromItsRuleFileWithItsOwnSampleDay) {
  CliRun r = RunAds({"import-html", "--site", Data("listing-b.toml"), Data("listing-b.html")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"captured_on\":\"2025-03-10\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"site\":\"listing-b.example\""), std::string::npos) << r.out;
}

// Pages of several sample days in one run: a date at the start of a file name is the page's
// day; --captured-on is for the others.
TEST(AdsCliImportHtmlTest, ADateAtTheStartOfAFileNameIsThePagesSampleDay) {
  std::ifstream in(Data("example-listing.html"), std::ios::binary);
  std::ostringstream page;
  page << in.rdbuf();
  const std::string day1 = TempPath("2025-03-10-sida1.html");
  const std::string day2 = TempPath("2025-03-17_sida2.html");
  const std::string undated = TempPath("sida3.html");
  for (const std::string& f : {day1, day2, undated}) std::ofstream(f, std::ios::binary) << page.str();
  CliRun r = RunAds({"import-html", day1, day2});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> days;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    days.push_back(nlohmann::json::parse(line)["captured_on"]);
  }
  EXPECT_EQ(days, (std::vector<std::string>{"2025-03-10", "2025-03-10", "2025-03-10",
                                            "2025-03-17", "2025-03-17", "2025-03-17"}));
  CliRun missing = RunAds({"import-html", day1, undated});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no sample day for " + undated), std::string::npos) << missing.err;
  CliRun given = RunAds({"import-html", "--captured-on", "2025-03-03", undated, day2});
  ASSERT_EQ(given.code, 0) << given.err;
  EXPECT_NE(given.out.find("\"captured_on\":\"2025-03-03\""), std::string::npos);
  EXPECT_NE(given.out.find("\"captured_on\":\"2025-03-17\""), std::string::npos);
  const std::string impossible = TempPath("2025-02-30-sida.html");
  std::ofstream(impossible, std::ios::binary) << page.str();
  CliRun bad = RunAds({"import-html", "--captured-on", "2025-03-03", impossible});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("begins with a date that does not exist"), std::string::npos) << bad.err;
}

TEST(AdsCliImportHtmlTest, ErrorsNameTheProblem) {
  CliRun no_day = RunAds({"import-html", Data("example-listing.html")});
  EXPECT_EQ(no_day.code, 2);
  EXPECT_NE(no_day.err.find("give --captured-on YYYY-MM-DD"), std::string::npos) << no_day.err;
  EXPECT_EQ(RunAds({"import-html", "--captured-on", "3/3", Data("listing-b.html")}).code, 2);
  EXPECT_EQ(RunAds({"import-html", "--captured-on", "2025-03-03"}).code, 2);
  EXPECT_EQ(RunAds({"import-html", "--bogus", Data("listing-b.html")}).code, 2);

  // A page the rules do not fit: named, the other pages still written, exit 1.
  CliRun mixed = RunAds({"import-html", "--captured-on", "2025-03-03", Data("listing-b.html"),
                         Data("example-listing.html")});
  EXPECT_EQ(mixed.code, 1);
  EXPECT_NE(mixed.err.find("listing-b.html: no listing item on the page matches items.select "
                           "'main#listings article.ad'"),
            std::string::npos)
      << mixed.err;
  EXPECT_EQ(std::count(mixed.out.begin(), mixed.out.end(), '\n'), 3);

  const std::string bad_rules = TempPath("bad-site.toml");
  std::ofstream(bad_rules) << "[site]\nname = \"x\"\n[items]\nselect = \"li:hover\"\n";
  CliRun bad = RunAds({"import-html", "--site", bad_rules, "--captured-on", "2025-03-03",
                       Data("listing-b.html")});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("bad-site.toml:4: items.select: selector 'li:hover': pseudo-classes"),
            std::string::npos)
      << bad.err;
  EXPECT_EQ(RunAds({"import-html", "--captured-on", "2025-03-03", TempPath("none.html")}).code,
            1);
}

TEST(AdsCliImportHtmlTest, SitePrintsTheExampleRules) {
  CliRun r = RunAds({"site"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("[items]"), std::string::npos);
}

}  // namespace
}  // namespace synlig::app
