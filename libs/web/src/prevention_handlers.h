// The attitude-work log's pages (routes.h: /prevention/...) and the start-page tiles of the
// follow-up for readers. Access and CSRF are checked by App::Handle before these run.
#pragma once

#include <string>

#include "app.h"

namespace synlig::web {

// prevention_handlers.cc: the log, activities, attitude answers, schools (prevention
// coordinator)
void HandlePreventionLog(RequestContext& ctx);
void HandlePreventionActivityNew(RequestContext& ctx);
void HandlePreventionActivityCreate(RequestContext& ctx);
void HandlePreventionActivity(RequestContext& ctx);
void HandlePreventionAttitudes(RequestContext& ctx);
void HandlePreventionActivityDelete(RequestContext& ctx);
void HandlePreventionSchools(RequestContext& ctx);
void HandlePreventionSchoolCreate(RequestContext& ctx);

// prevention_coverage.cc: coverage per term and school year with the attitude summary
// (prevention coordinator, analyst; readers suppressed)
void HandlePreventionCoverage(RequestContext& ctx);

// prevention_tiles.cc: the readers' start-page tiles (activities and reach this school year,
// contacts per month), aggregates only and suppressed; "" when the role sees no tiles or the
// store cannot be read (the start page is shown without them).
std::string RenderFollowupTiles(RequestContext& ctx);

}  // namespace synlig::web
