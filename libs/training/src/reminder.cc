// Reminder texts, Swedish and English.
#include "synlig/training/reminder.h"

#include "utf8.h"

namespace synlig::training {
namespace {

struct Texts {
  std::string_view subject_employee, subject_manager, greeting, employee_intro, manager_intro,
      courses_heading, due, closing;
};

constexpr Texts kSv = {
    "Påminnelse: utbildning om sex mot ersättning",
    "Påminnelse: utbildning om sex mot ersättning för ",
    "Hej",
    "Du arbetar i en roll där du kan möta personer med erfarenhet av sex mot ersättning, och "
    "enligt utbildningsregistret har du ännu inte genomgått någon av utbildningarna nedan.",
    "Enligt utbildningsregistret har följande medarbetare i din enhet ännu inte genomgått "
    "någon av utbildningarna nedan:",
    "Utbildningar som räknas:",
    "Målet är att utbildningen ska vara genomförd senast ",
    "Har du redan gått en utbildning? Svara på det här meddelandet så uppdaterar vi registret.",
};

constexpr Texts kEn = {
    "Reminder: training on sex for compensation",
    "Reminder: training on sex for compensation for ",
    "Hello",
    "Your role may bring you into contact with people with experience of sex for compensation, "
    "and the training register shows that you have not yet completed any of the courses below.",
    "The training register shows that these employees of your unit have not yet completed any "
    "of the courses below:",
    "Courses that count:",
    "The target is that the training is completed by ",
    "Have you already completed a course? Reply to this message and we will update the "
    "register.",
};

void AppendCourses(std::string& body, const Texts& t, const std::vector<const Course*>& courses) {
  body.append(t.courses_heading).append("\n");
  for (const Course* c : courses) {
    body.append("- ").append(c->name);
    if (!c->provider.empty()) body.append(" (").append(c->provider).append(")");
    body.append("\n");
    if (!c->url.empty()) body.append("  ").append(c->url).append("\n");
  }
}

void AppendEnding(std::string& body, const Texts& t, const ReminderOptions& o) {
  if (o.due) body.append("\n").append(t.due).append(FormatDate(*o.due)).append(".\n");
  body.append("\n").append(t.closing).append("\n");
  if (!o.sender_name.empty() || !o.municipality.empty()) body.append("\n");
  if (!o.sender_name.empty()) body.append(o.sender_name).append("\n");
  if (!o.municipality.empty()) body.append(o.municipality).append("\n");
}

std::string NormaliseNote(std::string_view note) {
  std::string out;
  for (std::size_t i = 0; i < note.size(); ++i) {
    if (note[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < note.size() && note[i + 1] == '\n') ++i;
    } else {
      out.push_back(note[i]);
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && (out[start] == '\n' || out[start] == ' ')) ++start;
  return out.substr(start);
}

}  // namespace

std::string_view ReminderAudienceCode(ReminderAudience a) {
  return a == ReminderAudience::kManagers ? "managers" : "employees";
}

Result<ReminderAudience> ParseReminderAudience(std::string_view code) {
  if (code == "employees") return ReminderAudience::kEmployees;
  if (code == "managers") return ReminderAudience::kManagers;
  return InvalidArgument("unknown audience '" + std::string(code) + "'", "audience");
}

Result<ReminderBatch> ComposeReminders(const std::vector<UnitCoverage>& units,
                                       const std::vector<Course>& courses,
                                       const ReminderOptions& options) {
  const std::string note = NormaliseNote(options.note);
  if (note.size() > kMaxNoteBytes || !internal::IsValidUtf8(note)) {
    return InvalidArgument(
        "the note is over " + std::to_string(kMaxNoteBytes) + " bytes or not text", "note");
  }
  for (const char c : note) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) {
      return InvalidArgument("the note holds control characters", "note");
    }
  }
  if (options.unit_id) {
    bool found = false;
    for (const UnitCoverage& u : units) found = found || u.unit_id == *options.unit_id;
    if (!found) return InvalidArgument("the unit has no target group", "unit");
  }
  const Texts& t = options.lang == "en" ? kEn : kSv;
  std::vector<const Course*> listed;
  for (const Course& c : courses) {
    if (c.active && c.counts) listed.push_back(&c);
  }
  ReminderBatch batch;
  for (const UnitCoverage& unit : units) {
    if (options.unit_id && unit.unit_id != *options.unit_id) continue;
    if (unit.missing.empty()) continue;
    if (options.audience == ReminderAudience::kEmployees) {
      for (const Employee& e : unit.missing) {
        Reminder r;
        r.to = e.email;
        r.subject = std::string(t.subject_employee);
        r.unit_id = unit.unit_id;
        r.employees = 1;
        r.body.append(t.greeting).append(" ").append(e.name).append("!\n\n");
        r.body.append(t.employee_intro).append("\n\n");
        if (!note.empty()) r.body.append(note).append("\n\n");
        AppendCourses(r.body, t, listed);
        AppendEnding(r.body, t, options);
        batch.messages.push_back(std::move(r));
      }
      continue;
    }
    if (unit.manager_email.empty()) {
      batch.units_without_manager.push_back(unit.name);
      continue;
    }
    Reminder r;
    r.to = unit.manager_email;
    r.subject = std::string(t.subject_manager) + unit.name;
    r.unit_id = unit.unit_id;
    r.employees = static_cast<int>(unit.missing.size());
    r.body.append(t.greeting).append("!\n\n").append(t.manager_intro).append("\n\n");
    for (const Employee& e : unit.missing) {
      r.body.append("- ").append(e.name).append(" <").append(e.email).append(">\n");
    }
    r.body.append("\n");
    if (!note.empty()) r.body.append(note).append("\n\n");
    AppendCourses(r.body, t, listed);
    AppendEnding(r.body, t, options);
    batch.messages.push_back(std::move(r));
  }
  return batch;
}

}  // namespace synlig::training
