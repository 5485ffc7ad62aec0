// Wall-clock time, injected so tests never sleep.
#pragma once

#include <chrono>
#include <cstdint>

namespace synlig {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Seconds since the Unix epoch, the unit stored in the database.
  std::int64_t NowUnix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start) : now_(start) {}
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Advance(std::chrono::system_clock::duration d) { now_ += d; }

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace synlig
