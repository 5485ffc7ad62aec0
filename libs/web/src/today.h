// Today's date (UTC) by the injected clock: the one definition the web pages share (the
// follow-up modules' forms and the training register compare dates against it).
#pragma once

#include <chrono>

#include "synlig/core/clock.h"
#include "synlig/core/date.h"

namespace synlig::web {

inline Date TodayOf(const Clock& clock) {
  return Date{std::chrono::floor<std::chrono::days>(clock.Now())};
}

}  // namespace synlig::web
