// Tests of the structured log line format.
#include "log.h"

#include <gtest/gtest.h>

#include <sstream>

namespace synlig::app {
namespace {

TEST(FormatLogLine, WritesOneJsonObjectWithStringValues) {
  EXPECT_EQ(FormatLogLine("2026-01-02T03:04:05Z", "info", "server_started",
                          {{"addr", "127.0.0.1"}, {"port", "8080"}}),
            R"({"ts":"2026-01-02T03:04:05Z","level":"info","msg":"server_started",)"
            R"("addr":"127.0.0.1","port":"8080"})");
}

TEST(FormatLogLine, QuotesAndEscapesValuesThatNeedIt) {
  EXPECT_EQ(FormatLogLine("t", "error", "x", {{"m", "a \"b\"\nc\x01"}, {"e", ""}}),
            R"({"ts":"t","level":"error","msg":"x","m":"a \"b\"\nc\u0001","e":""})");
}

TEST(Logger, WritesOneLinePerEventWithInjectedTime) {
  std::ostringstream out;
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));
  Logger log(out, clock);
  log.Info("a");
  log.Warn("b", {{"k", "v"}});
  EXPECT_EQ(out.str(),
            "{\"ts\":\"2026-01-01T00:00:00Z\",\"level\":\"info\",\"msg\":\"a\"}\n"
            "{\"ts\":\"2026-01-01T00:00:00Z\",\"level\":\"warn\",\"msg\":\"b\",\"k\":\"v\"}\n");
}

}  // namespace
}  // namespace synlig::app
