// Structured log lines: one JSON object per line.
#include "log.h"

#include <cstdio>
#include <ctime>

namespace synlig::app {
namespace {

void AppendJsonString(std::string& out, std::string_view v) {
  out += '"';
  for (char c : v) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace

std::string Iso8601Utc(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FormatLogLine(std::string_view timestamp, std::string_view level,
                          std::string_view event, std::initializer_list<LogField> fields) {
  std::string line = "{\"ts\":";
  AppendJsonString(line, timestamp);
  line += ",\"level\":";
  AppendJsonString(line, level);
  line += ",\"msg\":";
  AppendJsonString(line, event);
  for (const auto& [key, value] : fields) {
    line += ',';
    AppendJsonString(line, key);
    line += ':';
    AppendJsonString(line, value);
  }
  line += '}';
  return line;
}

void Logger::Write(std::string_view level, std::string_view event,
                   std::initializer_list<LogField> fields) {
  std::string line = FormatLogLine(Iso8601Utc(clock_.NowUnix()), level, event, fields);
  std::lock_guard lock(mu_);
  out_ << line << '\n';
  out_.flush();
}

void Logger::Info(std::string_view event, std::initializer_list<LogField> fields) {
  Write("info", event, fields);
}
void Logger::Warn(std::string_view event, std::initializer_list<LogField> fields) {
  Write("warn", event, fields);
}
void Logger::Error(std::string_view event, std::initializer_list<LogField> fields) {
  Write("error", event, fields);
}

}  // namespace synlig::app
