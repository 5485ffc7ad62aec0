// Codes, normalisation and validation of the training register's records.
#include "synlig/training/register.h"

#include <array>

#include "utf8.h"

namespace synlig::training {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Status CheckUrl(const std::string& url) {
  if (url.empty()) return Ok();
  if (url.size() > kMaxUrlBytes) {
    return InvalidArgument("the address is over " + std::to_string(kMaxUrlBytes) + " bytes", "url");
  }
  if (!url.starts_with("https://") && !url.starts_with("http://")) {
    return InvalidArgument("'" + url + "' is not an http(s) address", "url");
  }
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>') {
      return InvalidArgument("'" + url + "' holds a space or a character not allowed in an address",
                             "url");
    }
  }
  return Ok();
}

}  // namespace

std::string_view OrgKindCode(OrgKind kind) {
  return kind == OrgKind::kCompany ? "company" : "department";
}

Result<OrgKind> ParseOrgKind(std::string_view code) {
  if (code == "department") return OrgKind::kDepartment;
  if (code == "company") return OrgKind::kCompany;
  return InvalidArgument("unknown kind of organisation '" + std::string(code) + "'", "kind");
}

std::string_view CourseTrackCode(CourseTrack track) {
  switch (track) {
    case CourseTrack::kAdults:
      return "adults";
    case CourseTrack::kChildrenYoung:
      return "children_young";
    case CourseTrack::kGeneral:
      break;
  }
  return "general";
}

Result<CourseTrack> ParseCourseTrack(std::string_view code) {
  if (code == "general" || code.empty()) return CourseTrack::kGeneral;
  if (code == "adults") return CourseTrack::kAdults;
  if (code == "children_young") return CourseTrack::kChildrenYoung;
  return InvalidArgument("unknown course track '" + std::string(code) + "'", "track");
}

std::string_view CompletionSourceCode(CompletionSource source) {
  return source == CompletionSource::kImport ? "import" : "manual";
}

Result<CompletionSource> ParseCompletionSource(std::string_view code) {
  if (code == "manual") return CompletionSource::kManual;
  if (code == "import") return CompletionSource::kImport;
  return InvalidArgument("unknown completion source '" + std::string(code) + "'", "source");
}

std::string NormaliseName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

Result<std::string> CheckName(std::string_view text, std::string_view field) {
  std::string name = NormaliseName(text);
  if (name.empty())
    return InvalidArgument("the " + std::string(field) + " is empty", std::string(field));
  if (name.size() > kMaxNameBytes) {
    return InvalidArgument(
        "the " + std::string(field) + " is over " + std::to_string(kMaxNameBytes) + " bytes",
        std::string(field));
  }
  if (!internal::IsValidUtf8(name) || internal::HasControl(name)) {
    return InvalidArgument("the " + std::string(field) + " holds bytes that are not text",
                           std::string(field));
  }
  return name;
}

Result<std::string> NormaliseEmail(std::string_view text, std::string_view field) {
  std::string email = NormaliseName(text);
  const std::string f(field);
  if (email.empty()) return InvalidArgument("the e-mail address is empty", f);
  if (email.size() > kMaxEmailBytes) {
    return InvalidArgument(
        "the e-mail address is over " + std::to_string(kMaxEmailBytes) + " bytes", f);
  }
  for (char& c : email) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::size_t at = email.find('@');
  const bool one_at = at != std::string::npos && email.find('@', at + 1) == std::string::npos;
  bool ok = one_at && at > 0 && at + 1 < email.size();
  if (ok) {
    const std::string_view local = std::string_view(email).substr(0, at);
    const std::string_view domain = std::string_view(email).substr(at + 1);
    for (const char c : local) {
      if (!IsAsciiAlnum(c) &&
          std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) == std::string_view::npos) {
        ok = false;
      }
    }
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
      ok = false;
    }
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 3 > domain.size()) ok = false;
    for (const char c : domain) {
      if (!IsAsciiAlnum(c) && c != '.' && c != '-') ok = false;
    }
    if (domain.find("..") != std::string_view::npos || domain.front() == '-' ||
        domain.front() == '.') {
      ok = false;
    }
  }
  if (!ok) return InvalidArgument("'" + email + "' is not an e-mail address", f);
  return email;
}

std::string FoldForMatch(std::string_view text) {
  std::string folded = NormaliseName(text);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (c >= 'A' && c <= 'Z') {
      folded[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < folded.size()) {
      // U+00C0..U+00DE (but U+00D7 ×) are the capitals of U+00E0..U+00FE.
      const auto next = static_cast<unsigned char>(folded[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        folded[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return folded;
}

Status ValidateDepartment(Department& department) {
  auto name = CheckName(department.name, "name");
  if (!name) return Unexpected(name.error());
  department.name = *name;
  return Ok();
}

Status ValidateUnit(Unit& unit) {
  auto name = CheckName(unit.name, "name");
  if (!name) return Unexpected(name.error());
  unit.name = *name;
  if (unit.department_id <= 0) return InvalidArgument("the unit has no department", "department");
  if (!NormaliseName(unit.manager_email).empty()) {
    auto email = NormaliseEmail(unit.manager_email, "manager_email");
    if (!email) return Unexpected(email.error());
    unit.manager_email = *email;
  } else {
    unit.manager_email.clear();
  }
  return Ok();
}

Status ValidateJobRole(JobRole& role) {
  auto name = CheckName(role.name, "name");
  if (!name) return Unexpected(name.error());
  role.name = *name;
  return Ok();
}

Status ValidateEmployee(Employee& employee) {
  auto name = CheckName(employee.name, "name");
  if (!name) return Unexpected(name.error());
  employee.name = *name;
  auto email = NormaliseEmail(employee.email);
  if (!email) return Unexpected(email.error());
  employee.email = *email;
  if (employee.unit_id <= 0) return InvalidArgument("the employee has no unit", "unit");
  if (employee.role_id <= 0) return InvalidArgument("the employee has no role", "role");
  return Ok();
}

Status ValidateCourse(Course& course) {
  course.code = NormaliseName(course.code);
  if (course.code.empty() || course.code.size() > 40) {
    return InvalidArgument("a course code has 1 to 40 characters", "code");
  }
  for (const char c : course.code) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_') {
      return InvalidArgument("course code '" + course.code + "' may hold only A-Z, 0-9, - and _",
                             "code");
    }
  }
  auto name = CheckName(course.name, "name");
  if (!name) return Unexpected(name.error());
  course.name = *name;
  course.provider = NormaliseName(course.provider);
  if (!course.provider.empty()) {
    auto provider = CheckName(course.provider, "provider");
    if (!provider) return Unexpected(provider.error());
    course.provider = *provider;
  }
  course.url = NormaliseName(course.url);
  if (auto s = CheckUrl(course.url); !s) return s;
  std::vector<std::string> aliases;
  for (const std::string& alias : course.aliases) {
    auto a = CheckName(alias, "aliases");
    if (!a) return Unexpected(a.error());
    aliases.push_back(*a);
  }
  if (aliases.size() > 20) return InvalidArgument("a course has at most 20 other names", "aliases");
  course.aliases = std::move(aliases);
  return Ok();
}

Status ValidateTarget(Target& target) {
  if (target.share_percent < 1 || target.share_percent > 100) {
    return InvalidArgument(
        "target share " + std::to_string(target.share_percent) + " % is not between 1 and 100",
        "share_percent");
  }
  target.decision = NormaliseName(target.decision);
  if (target.decision.size() > kMaxNameBytes || !internal::IsValidUtf8(target.decision) ||
      internal::HasControl(target.decision)) {
    return InvalidArgument("the decision reference is not short text", "decision");
  }
  if (target.department_id && *target.department_id <= 0) {
    return InvalidArgument("unknown department", "department");
  }
  return Ok();
}

std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string a = NormaliseName(current);
    if (!a.empty()) out.push_back(std::move(a));
    current.clear();
  };
  for (const char c : text) {
    if (c == ';' || c == '\n' || c == '\r') {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return out;
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out.append("; ");
    out.append(a);
  }
  return out;
}

}  // namespace synlig::training
