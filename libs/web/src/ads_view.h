// Template data of a stored online-ad import: its counts (CountsReportJson) as the tables of
// the round's ads page, in the request's language, and its bad lines as messages.
#pragma once

#include "app.h"
#include "synlig/storage/ads.h"
#include "templates.h"

namespace synlig::web {

// Fills data with: summary figures, site_days, gender, age_bands, nationality, arenas,
// indicator buckets and per-indicator rows, network sizes, capture rows, errors.
// kInternal when the stored counts do not parse (a bug or a damaged store).
Status FillAdImport(const RequestContext& ctx, const storage::AdImport& im, TemplateData& data);

// "Rad 12: fältet ad_id saknas" for a stored error.
std::string AdErrorText(const RequestContext& ctx, const storage::AdImportError& error,
                        const std::string& format);

}  // namespace synlig::web
