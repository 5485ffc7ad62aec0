// What the training register's pages share: the sub-navigation, form errors with their
// summary, option lists, names of codes in the page's language, and row problems of an
// import in words.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app.h"
#include "synlig/training/coverage.h"
#include "synlig/training/import.h"
#include "synlig/training/register.h"
#include "templates.h"
#include "training_service.h"

namespace synlig::web {

struct TrainingFormError {
  std::string form;   // the form's id prefix, e.g. "employee"
  std::string field;  // the field's id suffix, e.g. "email"
  std::string text;   // the message in the page's language
  int status = 422;
};

// The message of an error from training_service for `form`: the catalog's
// "training.<form>.error.<field>[_taken]" or else "training.error.<field>[_taken]"; the
// status 422 (invalid) or 409 (taken).
TrainingFormError TrainingErrorFor(const RequestContext& ctx, std::string_view form,
                                   const Error& error);
// Sets error_<form>_<field> ('-' as '_'; next to the field), the summary (errors, has_errors)
// linking to
// #<form>-<field>, and <form>_failed.
void SetTrainingError(TemplateData& data, const TrainingFormError& error);

// Renders web/templates/<name>.mustache with the training sub-navigation (current page by
// path) and title from the catalog.
void RenderTraining(RequestContext& ctx, std::string_view name, std::string_view title_key,
                    TemplateData data, int status = 200);

// A list of {value, label, selected} under `key`.
void PutOptions(TemplateData& data, const std::string& key,
                const std::vector<std::pair<std::string, std::string>>& options,
                std::string_view selected);

std::string_view KindName(const RequestContext& ctx, training::OrgKind kind);
std::string_view TrackName(const RequestContext& ctx, training::CourseTrack track);
// "Rad 5: okänd e-postadress ”x”" in the page's language.
std::string RowProblemText(const RequestContext& ctx, const training::RowError& error);
// "42 %" or "–" for an empty group.
std::string ShareText(const training::Count& count);

// Units (active ones, or all) as "Unit (Department)" and roles, for selects.
std::vector<std::pair<std::string, std::string>> UnitOptions(const training::Register& reg,
                                                             bool with_inactive);
std::vector<std::pair<std::string, std::string>> RoleOptions(const training::Register& reg);

template <typename T>
const T* ById(const std::vector<T>& items, training::Id id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// The employee page (training_people_handlers.cc), with an error of its "employee" or
// "completion" form and a notice from the catalog ("" for none).
void RenderTrainingEmployee(RequestContext& ctx, training::Id id, const TrainingFormError* error,
                            std::string_view notice_key);

}  // namespace synlig::web
