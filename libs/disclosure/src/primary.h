// Primary suppression: which figures are unsafe in themselves.
#pragma once

#include <cstdint>
#include <vector>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::internal {

// True when a count is unsafe in itself under options (0 < v < k, or 0 with zeros_unsafe).
bool UnderK(std::int64_t value, const Options& options);
// True when the dominance rule (n, p) applies to the contributions and flags them.
bool Dominated(const CellContributions& contributions, const Options& options);

// The flat status vector (figures.h) after primary suppression: kAbsent for figures not
// published by design, kPrimary for unsafe ones, kPublished for the rest.
// Precondition: ValidateTable(t) and ValidateOptions(options) passed.
std::vector<CellStatus> PrimaryStatus(const Table& t, const std::vector<std::int64_t>& values,
                                      const Options& options);

}  // namespace synlig::disclosure::internal
