// Writing audit events: who did what to which object, and when.
#pragma once

#include <string>
#include <string_view>

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

// Appends one event. `detail` is short English text and never holds case data, tokens,
// passwords or matching-key input. Storage errors are returned as they come.
Status AppendAudit(storage::Database& db, const Clock& clock, const Actor& actor,
                   std::string_view action, std::string_view object, std::string_view detail);

}  // namespace synlig::web
