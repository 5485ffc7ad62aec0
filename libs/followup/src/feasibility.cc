// Reference figures, cost assumptions and the cost-per-client projection.
#include "synlig/followup/feasibility.h"

#include "text.h"

namespace synlig::followup {
namespace {

std::string Group(std::int64_t whole, bool english) {
  std::string digits = std::to_string(whole);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += english ? "," : " ";
    out += digits[i];
  }
  return out;
}

}  // namespace

Result<std::int64_t> ParseHundredths(std::string_view text, std::int64_t max_x100,
                                     std::string_view field) {
  const std::string_view t = internal::Trim(text);
  const std::size_t sep = t.find_first_of(",.");
  const std::string_view whole = t.substr(0, sep);
  const std::string_view frac = sep == std::string_view::npos ? "" : t.substr(sep + 1);
  const std::string f(field);
  const auto bad = [&] {
    return InvalidArgument(f + " '" + internal::Shown(t) +
                               "' is not a number with at most two "
                               "decimals",
                           f);
  };
  if (sep != std::string_view::npos && (frac.empty() || frac.size() > 2)) return bad();
  for (const char c : frac) {
    if (c < '0' || c > '9') return bad();
  }
  auto w = internal::ParseCount(whole, 0, max_x100 / 100 + 1, field);
  if (!w) {
    if (w.error().message().find("is not between") != std::string::npos) {
      return InvalidArgument(f + " '" + internal::Shown(t) + "' is too large", f);
    }
    return bad();
  }
  std::int64_t value = *w * 100;
  if (frac.size() >= 1) value += (frac[0] - '0') * 10;
  if (frac.size() == 2) value += frac[1] - '0';
  if (value > max_x100) {
    return InvalidArgument(f + " '" + internal::Shown(t) + "' is too large", f);
  }
  return value;
}

std::string FormatHundredths(std::int64_t value_x100, bool english) {
  const bool negative = value_x100 < 0;
  const std::int64_t v = negative ? -value_x100 : value_x100;
  std::string out = (negative ? "-" : "") + Group(v / 100, english);
  const std::int64_t frac = v % 100;
  if (frac != 0) {
    out += english ? "." : ",";
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::string FormatAmount(std::int64_t amount, bool english) {
  return (amount < 0 ? "-" : "") + Group(amount < 0 ? -amount : amount, english);
}

Result<ReferenceFigure> ValidateReference(const ReferenceInput& input) {
  ReferenceFigure r;
  auto clinic = internal::CheckText(input.clinic, 200, true, "clinic");
  if (!clinic) return Unexpected(clinic.error());
  r.clinic = *std::move(clinic);
  auto city = internal::CheckText(input.city, 100, false, "city");
  if (!city) return Unexpected(city.error());
  r.city = *std::move(city);
  if (!internal::Trim(input.year).empty()) {
    auto year = internal::ParseCount(input.year, 1950, 2199, "year");
    if (!year) return Unexpected(year.error());
    r.year = static_cast<int>(*year);
  }
  auto value = ParseHundredths(input.value, 1'000'000'000, "value");
  if (!value) return Unexpected(value.error());
  r.value_x100 = *value;
  auto measure = internal::CheckText(input.measure, 200, true, "measure");
  if (!measure) return Unexpected(measure.error());
  r.measure = *std::move(measure);
  auto source = internal::CheckText(input.source, 500, true, "source");
  if (!source) return Unexpected(source.error());
  r.source = *std::move(source);
  return r;
}

Result<Assumptions> ValidateAssumptions(const AssumptionsInput& input) {
  Assumptions a;
  auto counsellors = ParseHundredths(input.counsellors, 100 * 100, "counsellors");
  if (!counsellors) return Unexpected(counsellors.error());
  if (*counsellors < 10) {
    return InvalidArgument("counsellors '" + internal::Shown(input.counsellors) +
                               "' is below 0.1 full-time equivalents",
                           "counsellors");
  }
  a.counsellors_x100 = *counsellors;
  auto cost = internal::ParseCount(input.cost_per_fte, 1, 10'000'000, "cost_per_fte");
  if (!cost) return Unexpected(cost.error());
  a.cost_per_fte = *cost;
  if (internal::Trim(input.other_costs).empty()) {
    a.other_costs = 0;
  } else {
    auto other = internal::ParseCount(input.other_costs, 0, 100'000'000, "other_costs");
    if (!other) return Unexpected(other.error());
    a.other_costs = *other;
  }
  auto clients = internal::ParseCount(input.expected_clients, 1, 100'000, "expected_clients");
  if (!clients) return Unexpected(clients.error());
  a.expected_clients = *clients;
  return a;
}

Projection Project(const Assumptions& a) {
  Projection p;
  p.staff_cost = (a.counsellors_x100 * a.cost_per_fte + 50) / 100;
  p.total_cost = p.staff_cost + a.other_costs;
  if (a.expected_clients > 0) {
    p.cost_per_client = (p.total_cost + a.expected_clients / 2) / a.expected_clients;
  }
  if (a.counsellors_x100 > 0) {
    p.clients_per_counsellor_x10 =
        (a.expected_clients * 1000 + a.counsellors_x100 / 2) / a.counsellors_x100;
  }
  return p;
}

}  // namespace synlig::followup
