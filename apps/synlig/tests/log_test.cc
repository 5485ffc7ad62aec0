// Tests of the structured log line format.
#include "log.h"

#include <gtest/gtest.h>

#include <sstream>

namespace synlig::app {
namespace {

TEST(FormatLogLine, WritesKeyValuePairs) {
  EXPECT_EQ(FormatLogLine("2026-01-02T03:04:05Z", "info", "server_started",
                          {{"addr", "127.0.0.1"}, {"port", "8080"}}),
            "ts=2026-01-02T03:04:05Z level=info event=server_started addr=127.0.0.1 port=8080");
}

TEST(FormatLogLine, QuotesAndEscapesValuesThatNeedIt) {
  EXPECT_EQ(FormatLogLine("t", "error", "x", {{"msg", "a \"b\"\nc"}, {"e", ""}}),
            "ts=t level=error event=x msg=\"a \\\"b\\\"\\nc\" e=\"\"");
}

TEST(Logger, WritesOneLinePerEventWithInjectedTime) {
  std::ostringstream out;
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));
  Logger log(out, clock);
  log.Info("a");
  log.Warn("b", {{"k", "v"}});
  EXPECT_EQ(out.str(),
            "ts=2026-01-01T00:00:00Z level=info event=a\n"
            "ts=2026-01-01T00:00:00Z level=warn event=b k=v\n");
}

}  // namespace
}  // namespace synlig::app
