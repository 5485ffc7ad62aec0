// The training register's pages (training coordinator and admin): coverage and targets,
// the missing list of a unit, organisation (departments, units, roles), employees, courses,
// completions, the import of a learning-platform export, reminders; and the readers' tile on
// the home page. Routes in routes.cc; access and CSRF are checked before a handler runs.
#pragma once

#include <string>

#include "app.h"

namespace synlig::web {

// training_coverage_handlers.cc
void HandleTrainingCoverage(RequestContext& ctx);
void HandleTrainingTargetPost(RequestContext& ctx);
void HandleTrainingUnit(RequestContext& ctx);
void HandleTrainingReminders(RequestContext& ctx);
void HandleTrainingRemindersSend(RequestContext& ctx);
// training_org_handlers.cc
void HandleTrainingOrganisation(RequestContext& ctx);
void HandleTrainingDepartmentCreate(RequestContext& ctx);
void HandleTrainingDepartmentUpdate(RequestContext& ctx);
void HandleTrainingUnitCreate(RequestContext& ctx);
void HandleTrainingUnitUpdate(RequestContext& ctx);
void HandleTrainingRoleCreate(RequestContext& ctx);
void HandleTrainingRoleUpdate(RequestContext& ctx);
// training_people_handlers.cc
void HandleTrainingEmployees(RequestContext& ctx);
void HandleTrainingEmployeeCreate(RequestContext& ctx);
void HandleTrainingEmployee(RequestContext& ctx);
void HandleTrainingEmployeeUpdate(RequestContext& ctx);
void HandleTrainingEmployeeDeactivate(RequestContext& ctx);
void HandleTrainingEmployeeActivate(RequestContext& ctx);
void HandleTrainingCourses(RequestContext& ctx);
void HandleTrainingCourseCreate(RequestContext& ctx);
void HandleTrainingCourse(RequestContext& ctx);
void HandleTrainingCourseUpdate(RequestContext& ctx);
// training_completion_handlers.cc
void HandleTrainingCompletions(RequestContext& ctx);
void HandleTrainingCompletionCreate(RequestContext& ctx);
void HandleTrainingCompletionDelete(RequestContext& ctx);
// training_import_handlers.cc
void HandleTrainingImport(RequestContext& ctx);
void HandleTrainingImportUpload(RequestContext& ctx);
void HandleTrainingImportPreview(RequestContext& ctx);
void HandleTrainingImportConfirm(RequestContext& ctx);
void HandleTrainingImportDiscard(RequestContext& ctx);

// training_tile.cc: the coverage tile of the home page for readers (aggregates only, counts
// under the k setting withheld: [disclosure] min_cell_k, default 5), as HTML; "" when the
// register has no target group yet. Errors are logged and leave the tile out.
std::string RenderTrainingTile(RequestContext& ctx);

}  // namespace synlig::web
