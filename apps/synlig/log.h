// Structured logs: one JSON object per line and event, English, on stdout; the same shape as
// the web server's lines, so one parser reads both.
//   logger.Info("server_started", {{"bind", "127.0.0.1"}, {"port", "8080"}});
//   -> {"ts":"2026-11-28T03:14:00Z","level":"info","msg":"server_started","bind":"127.0.0.1",...}
#pragma once

#include <initializer_list>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "synlig/core/clock.h"

namespace synlig::app {

using LogField = std::pair<std::string_view, std::string>;

class Logger {
 public:
  // `out` and `clock` must outlive the logger.
  Logger(std::ostream& out, const Clock& clock) : out_(out), clock_(clock) {}
  void Info(std::string_view event, std::initializer_list<LogField> fields = {});
  void Warn(std::string_view event, std::initializer_list<LogField> fields = {});
  void Error(std::string_view event, std::initializer_list<LogField> fields = {});

 private:
  void Write(std::string_view level, std::string_view event, std::initializer_list<LogField> f);
  std::ostream& out_;
  const Clock& clock_;
  std::mutex mu_;
};

// One JSON line (without the newline); every value is a JSON string. Exposed for tests.
std::string FormatLogLine(std::string_view timestamp, std::string_view level,
                          std::string_view event, std::initializer_list<LogField> fields);

// "2026-11-28T03:14:00Z" of a Unix time.
std::string Iso8601Utc(std::int64_t unix_seconds);

}  // namespace synlig::app
