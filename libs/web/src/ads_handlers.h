// The online-ad pages of a round (analyst): the imports with their counts and tables, and the
// upload of a file (JSON Lines, or a saved listing page with a site's rules) analysed in the
// request, and the choice of the import the council report uses. Routes: GET and POST
// /rounds/{id}/ads, POST /rounds/{id}/ads/report.
#pragma once

#include "app.h"

namespace synlig::web {

void HandleRoundAds(RequestContext& ctx);
// multipart/form-data: file (required), site (a rule file, HTML only), captured_on (HTML).
void HandleRoundAdsUpload(RequestContext& ctx);
// Form: import (an import of the round). 303 to that import; 409 once the round is published.
void HandleRoundAdsReport(RequestContext& ctx);

}  // namespace synlig::web
