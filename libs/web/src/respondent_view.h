// Turns the respondent form's state into template data: one fieldset per person entry,
// rendered from the questionnaire definition, with hints and errors linked by
// aria-describedby and an error summary whose links point at the fields.
#pragma once

#include <string>
#include <string_view>

#include "i18n.h"
#include "respondent_service.h"
#include "templates.h"

namespace synlig::web {

// The id of the control an issue points at ("e0-gender-female", "e1-mk-year", "met-yes").
std::string IssueAnchor(const survey::Questionnaire& q, const FormIssue& issue);

// Template data for web/templates/respondent_form.mustache.
TemplateData RespondentFormData(const Catalog& catalog, Lang lang, const RespondentLink& link,
                                const RespondentView& view, std::string_view form_action,
                                std::string_view csrf);

}  // namespace synlig::web
