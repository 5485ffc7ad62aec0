// A zip archive written in memory with libzip (deflated entries, a fixed timestamp so the
// same content gives the same bytes), for the Word document.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::report::internal {

// Entries are written in the order given. `mtime` is the Unix time stamped on every entry.
// kInternal when libzip fails.
Result<std::string> ZipArchive(const std::vector<std::pair<std::string, std::string>>& entries,
                               std::int64_t mtime);

}  // namespace synlig::report::internal
