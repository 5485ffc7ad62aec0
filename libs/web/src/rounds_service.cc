// Round creation, state changes and anonymous links.
#include "rounds_service.h"

#include <algorithm>
#include <charconv>

#include "audit.h"
#include "synlig/core/crypto.h"
#include "synlig/core/date.h"
#include "synlig/core/escape.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::web {
namespace {

std::string RoundObject(storage::Id id) { return "round:" + std::to_string(id); }

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0) return std::nullopt;
  return value;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Status Move(storage::Database& db, const Clock& clock, storage::Id id, storage::RoundState from,
            storage::RoundState to, std::string_view action, const Actor& actor) {
  if (auto s = db.rounds().Transition(id, from, to, clock.NowUnix()); !s) return s;
  return AppendAudit(db, clock, actor, action, RoundObject(id),
                     std::string(storage::RoundStateCode(from)) + " -> " +
                         std::string(storage::RoundStateCode(to)));
}

}  // namespace

Result<storage::Id> CreateRound(storage::Database& db, KeyStore& keys, const Clock& clock,
                                const RoundInput& input, const Actor& actor) {
  storage::Round round;
  round.name = std::string(Trim(input.name));
  if (round.name.empty() || round.name.size() > 200) {
    return InvalidArgument("a round needs a name of 1 to 200 bytes", "name");
  }
  auto from = ParseDate(Trim(input.from));
  if (!from) return InvalidArgument(from.error().message(), "from");
  auto to = ParseDate(Trim(input.to));
  if (!to) return InvalidArgument(to.error().message(), "to");
  auto period = MakePeriod(*from, *to);
  if (!period) return InvalidArgument(period.error().message(), "to");
  round.period = *period;

  round.min_cell_k = kDefaultMinCell;
  if (const std::string_view k = Trim(input.k); !k.empty()) {
    const auto value = ParseId(k);
    if (!value || *value < 2 || *value > 50) {
      return InvalidArgument("minimum cell size '" + std::string(k) + "' is not 2..50", "k");
    }
    round.min_cell_k = static_cast<int>(*value);
  }

  std::string qid = "standard";
  int qversion = survey::StandardQuestionnaire().version;
  if (!input.questionnaire.empty()) {
    const std::size_t colon = input.questionnaire.find(':');
    const auto v = colon == std::string::npos
                       ? std::nullopt
                       : ParseId(std::string_view(input.questionnaire).substr(colon + 1));
    if (!v) {
      return InvalidArgument("questionnaire '" + input.questionnaire + "' is unknown",
                             "questionnaire");
    }
    qid = input.questionnaire.substr(0, colon);
    qversion = static_cast<int>(*v);
  }
  if (!survey::FindQuestionnaire(qid, qversion)) {
    return InvalidArgument("questionnaire '" + input.questionnaire + "' is unknown",
                           "questionnaire");
  }
  round.questionnaire_id = qid;
  round.questionnaire_version = qversion;

  for (const std::string& text : input.unit_ids) {
    const auto id = ParseId(text);
    if (!id) return InvalidArgument("unit '" + text + "' is not an id", "units");
    auto unit = db.units().Find(*id);
    if (!unit) {
      if (unit.error().code() == ErrorCode::kNotFound) {
        return InvalidArgument("unit " + text + " does not exist", "units");
      }
      return Unexpected(unit.error());
    }
    if (std::find(round.unit_ids.begin(), round.unit_ids.end(), *id) == round.unit_ids.end()) {
      round.unit_ids.push_back(*id);
    }
  }
  if (round.unit_ids.empty()) return InvalidArgument("choose at least one unit", "units");

  round.state = storage::RoundState::kDraft;
  round.created_at = clock.NowUnix();
  round.created_by = actor.user_id.value_or(0);
  auto id = db.rounds().Create(round);
  if (!id) return Unexpected(id.error());
  if (auto key = keys.EnsureRoundKey(*id); !key) return Unexpected(key.error());
  if (auto s = AppendAudit(
          db, clock, actor, "round_create", RoundObject(*id),
          std::to_string(round.unit_ids.size()) + " units, k " + std::to_string(round.min_cell_k));
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status OpenRound(storage::Database& db, const Clock& clock, storage::Id round_id,
                 const Actor& actor) {
  if (auto r = db.rounds().Find(round_id); !r) return Unexpected(r.error());
  return Move(db, clock, round_id, storage::RoundState::kDraft, storage::RoundState::kOpen,
              "round_open", actor);
}

Status CloseRound(storage::Database& db, const Clock& clock, storage::Id round_id,
                  const Actor& actor) {
  if (auto r = db.rounds().Find(round_id); !r) return Unexpected(r.error());
  return Move(db, clock, round_id, storage::RoundState::kOpen, storage::RoundState::kClosed,
              "round_close", actor);
}

Result<std::vector<NewLink>> GenerateLinks(storage::Database& db, Random& random,
                                           const Clock& clock, storage::Id round_id,
                                           std::optional<storage::Id> unit_id, int count,
                                           const Actor& actor) {
  auto round = db.rounds().Find(round_id);
  if (!round) return Unexpected(round.error());
  if (round->state != storage::RoundState::kDraft && round->state != storage::RoundState::kOpen) {
    return FailedPrecondition("round " + std::to_string(round_id) + " is " +
                              std::string(storage::RoundStateCode(round->state)));
  }
  std::vector<storage::Id> targets;
  if (unit_id) {
    if (std::find(round->unit_ids.begin(), round->unit_ids.end(), *unit_id) ==
        round->unit_ids.end()) {
      return InvalidArgument("unit " + std::to_string(*unit_id) + " is not in the round", "unit");
    }
    if (count < 1 || count > kMaxLinksPerRequest) {
      return InvalidArgument("count " + std::to_string(count) + " is not 1..200", "count");
    }
    targets.assign(static_cast<std::size_t>(count), *unit_id);
  } else {
    targets = round->unit_ids;
  }
  auto existing = db.responses().ListForRound(round_id);
  if (!existing) return Unexpected(existing.error());

  std::vector<NewLink> links;
  links.reserve(targets.size());
  const std::int64_t now = clock.NowUnix();
  for (const storage::Id unit : targets) {
    auto record = db.units().Find(unit);
    if (!record) return Unexpected(record.error());
    int n = 1;
    for (const storage::Response& r : *existing) n += r.unit_id == unit ? 1 : 0;
    for (const NewLink& l : links) n += l.unit_id == unit ? 1 : 0;
    NewLink link;
    link.unit_id = unit;
    link.unit_name = record->name;
    link.label = n == 1 ? record->name : record->name + " #" + std::to_string(n);
    link.token = NewToken(random, 32);
    auto id = db.responses().CreateLink(round_id, unit, TokenHash(link.token), link.label, now);
    if (!id) return Unexpected(id.error());
    link.response_id = *id;
    links.push_back(std::move(link));
  }
  if (auto s = AppendAudit(db, clock, actor, "links_create", RoundObject(round_id),
                           std::to_string(links.size()) + " links");
      !s) {
    return Unexpected(s.error());
  }
  return links;
}

Result<std::vector<NewLink>> ResolveLinks(storage::Database& db, const Clock& clock,
                                          storage::Id round_id,
                                          const std::vector<std::string_view>& tokens,
                                          const Actor& actor) {
  std::vector<NewLink> links;
  for (const std::string_view token : tokens) {
    if (token.empty() || token.size() > 128) continue;
    auto response = db.responses().FindByTokenHash(TokenHash(token));
    if (!response || response->round_id != round_id) continue;
    auto unit = db.units().Find(response->unit_id);
    if (!unit) return Unexpected(unit.error());
    links.push_back(
        NewLink{response->id, response->unit_id, unit->name, response->label, std::string(token)});
  }
  if (links.empty()) return NotFound("no link of round " + std::to_string(round_id));
  if (auto s = AppendAudit(db, clock, actor, "links_export", RoundObject(round_id),
                           std::to_string(links.size()) + " links");
      !s) {
    return Unexpected(s.error());
  }
  return links;
}

std::string CsvField(std::string_view text) {
  std::string value;
  if (!text.empty() &&
      (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@')) {
    value.push_back('\'');
  }
  value.append(text);
  return synlig::CsvField(value);
}

std::string LinksCsv(const std::vector<NewLink>& links, std::string_view base_url,
                     std::string_view header_unit, std::string_view header_label,
                     std::string_view header_link) {
  std::string out = "\xEF\xBB\xBF";
  out.append(CsvField(header_unit)).append(",").append(CsvField(header_label)).append(",");
  out.append(CsvField(header_link)).append("\r\n");
  for (const NewLink& link : links) {
    out.append(CsvField(link.unit_name)).append(",").append(CsvField(link.label)).append(",");
    out.append(CsvField(std::string(base_url) + "/r/" + link.token)).append("\r\n");
  }
  return out;
}

}  // namespace synlig::web
