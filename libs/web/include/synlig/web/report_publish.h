// Publishing a round's council report outside a web request (the demo; a future CLI): the
// same steps as the web workflow. The round must be closed and its report approved.
//   auto outcome = web::PublishApprovedReport(db, keys, clock, actor, round_id);
#pragma once

#include <string>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/core/key_store.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

struct PublishOutcome {
  bool key_destroyed = false;
  std::string key_error;  // why the matching key could not be destroyed (English, for the log)
};

// Builds every export of the approved report once (tables after disclosure control, the
// analyst's texts), stores them with their SHA-256 (report and round become published), and
// then destroys the round's matching-key secret. A failing destruction leaves the report
// published and is returned in the outcome (logged, audit: round_key_destroy_failed).
// Every step is audit-logged as `actor`. kFailedPrecondition when the report is not approved
// or the round not closed; kNotFound without a report; store errors as they come.
Result<PublishOutcome> PublishApprovedReport(storage::Database& db, KeyStore& keys,
                                             const Clock& clock, const Actor& actor,
                                             storage::Id round_id);

}  // namespace synlig::web
