// The online-ad pages of a round (analyst): the imports with their counts and tables, and the
// upload of a file (JSON Lines, or a saved listing page with a site's rules) analysed in the
// request. Routes: GET and POST /rounds/{id}/ads.
#pragma once

#include "app.h"

namespace synlig::web {

void HandleRoundAds(RequestContext& ctx);
// multipart/form-data: file (required), site (a rule file, HTML only), captured_on (HTML).
void HandleRoundAdsUpload(RequestContext& ctx);

}  // namespace synlig::web
