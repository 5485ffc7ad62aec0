// Mapping of what libpqxx throws to Synlig's Errors; only src/postgres sees pqxx.
#pragma once

#include "synlig/core/error.h"

namespace synlig::storage::postgres {

// Call inside a catch block: maps the exception in flight. unique_violation -> kAlreadyExists;
// other integrity violations and bad data -> kInvalidArgument; broken connection, commit in
// doubt, serialization failure, deadlock, lock timeout, shutdown, insufficient resources ->
// kUnavailable; anything else -> kInternal. The message is the first line of the server's
// (constraint names, never the DETAIL line with values).
Unexpected CurrentPgError();

}  // namespace synlig::storage::postgres
