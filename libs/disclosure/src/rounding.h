// Rounding to a base, the alternative to suppression.
#pragma once

#include <cstdint>

#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::internal {

// `value` rounded to the nearest multiple of base, halves up. Precondition: base > 0, value >= 0.
std::int64_t RoundToBase(std::int64_t value, int base);

// Every figure of the table rounded on its own (nothing suppressed; absent stays absent).
// Precondition: ValidateTable(table) passed, base > 0.
ProtectedTable RoundTable(const Table& table, int base);

}  // namespace synlig::disclosure::internal
