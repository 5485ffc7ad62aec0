// The demo's published council report: last year's closed round gets the analyst's texts, is
// submitted, approved by the demo manager and published (exports stored, round key destroyed),
// so readers and managers find a report at /reports.
#pragma once

#include "synlig/core/clock.h"
#include "synlig/core/key_store.h"
#include "synlig/storage/database.h"

namespace synlig::app::demo {

// Precondition: exactly the demo's rounds exist; the closed one is published. Errors of the
// store and of web::PublishApprovedReport; kInternal when the key cannot be destroyed.
Status PublishDemoReport(storage::Database& db, KeyStore& keys, const Clock& clock,
                         storage::Id analyst_id, storage::Id manager_id);

}  // namespace synlig::app::demo
