// Mapping rounds, their participating units and the compare-and-set state transitions.
#include <algorithm>
#include <map>
#include <string>

#include "sql/repositories.h"

namespace synlig::storage::sql {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, name, period_from, period_to, min_cell_k, questionnaire_id,"
    " questionnaire_version, state, created_at, opened_at, closed_at, created_by FROM rounds ";

RowSink CollectRounds(std::vector<Round>& out) {
  return [&out](const Row& row) -> Status {
    Round r;
    r.id = row.Int(0);
    r.name = std::string(row.Text(1));
    auto from = ParseDate(row.Text(2));
    auto to = ParseDate(row.Text(3));
    auto state = ParseRoundState(row.Text(7));
    if (!from || !to || !state) {
      return Internal("stored period or state of round " + std::to_string(r.id) + " is malformed");
    }
    r.period = Period{*from, *to};
    r.min_cell_k = static_cast<int>(row.Int(4));
    r.questionnaire_id = std::string(row.Text(5));
    r.questionnaire_version = static_cast<int>(row.Int(6));
    r.state = *state;
    r.created_at = row.Int(8);
    r.opened_at = row.Int(9);
    r.closed_at = row.Int(10);
    r.created_by = row.Int(11);
    out.push_back(std::move(r));
    return Ok();
  };
}

// Fills unit_ids of `rounds` from round_units (all rounds when `only` is 0).
Status LoadUnitIds(Tx& tx, std::vector<Round>& rounds, Id only) {
  std::map<Id, std::vector<Id>> units;
  auto sink = [&](const Row& row) -> Status {
    units[row.Int(0)].push_back(row.Int(1));
    return Ok();
  };
  Status s = only != 0 ? Query(tx,
                               "SELECT round_id, unit_id FROM round_units WHERE round_id = $1"
                               " ORDER BY unit_id",
                               {only}, sink)
                       : Query(tx,
                               "SELECT round_id, unit_id FROM round_units"
                               " ORDER BY round_id, unit_id",
                               {}, sink);
  if (!s) return s;
  for (Round& r : rounds) r.unit_ids = std::move(units[r.id]);
  return Ok();
}

Status CheckRound(const Round& round) {
  if (round.name.empty()) return InvalidArgument("a round needs a name", "name");
  if (round.min_cell_k < 1) {
    return InvalidArgument(
        "minimum cell size " + std::to_string(round.min_cell_k) + " must be at least 1",
        "min_cell_k");
  }
  if (round.period.to < round.period.from) {
    return InvalidArgument("period ends " + FormatDate(round.period.to) + " before it starts " +
                               FormatDate(round.period.from),
                           "period");
  }
  if (round.questionnaire_id.empty() || round.questionnaire_version < 1) {
    return InvalidArgument("questionnaire '" + round.questionnaire_id + "' version " +
                               std::to_string(round.questionnaire_version) + " is not valid",
                           "questionnaire");
  }
  return Ok();
}

}  // namespace

Result<bool> RoundExists(Tx& tx, Id round_id) {
  auto found = QueryInt(tx, "SELECT id FROM rounds WHERE id = $1", {round_id});
  if (!found) return Unexpected(found.error());
  return found->has_value();
}

Result<Id> SqlRoundRepository::Create(const Round& round) {
  if (Status s = CheckRound(round); !s) return Unexpected(s.error());
  std::vector<Id> unit_ids = round.unit_ids;
  std::sort(unit_ids.begin(), unit_ids.end());
  unit_ids.erase(std::unique(unit_ids.begin(), unit_ids.end()), unit_ids.end());
  const std::string from = FormatDate(round.period.from);
  const std::string to = FormatDate(round.period.to);
  Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    for (Id unit : unit_ids) {
      auto found = QueryInt(tx, "SELECT id FROM units WHERE id = $1", {unit});
      if (!found) return Unexpected(found.error());
      if (!*found) {
        return InvalidArgument("unit " + std::to_string(unit) + " does not exist", "unit_ids");
      }
    }
    if (round.created_by != 0) {
      if (Status s = RequireUser(tx, round.created_by, "created_by"); !s) return s;
    }
    auto new_id =
        QueryInt(tx,
                 "INSERT INTO rounds (name, period_from, period_to, min_cell_k, questionnaire_id,"
                 " questionnaire_version, state, created_at, opened_at, closed_at, created_by)"
                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                 {std::string_view(round.name), std::string_view(from), std::string_view(to),
                  std::int64_t{round.min_cell_k}, std::string_view(round.questionnaire_id),
                  std::int64_t{round.questionnaire_version}, RoundStateCode(round.state),
                  round.created_at, round.opened_at, round.closed_at,
                  round.created_by != 0 ? Param(round.created_by) : kNull});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    for (Id unit : unit_ids) {
      auto r = Exec(tx, "INSERT INTO round_units (round_id, unit_id) VALUES ($1, $2)", {id, unit});
      if (!r) return Unexpected(r.error());
    }
    return Ok();
  });
  if (!status) return Annotate(status.error(), "creating round '" + round.name + "'");
  return id;
}

Result<Round> SqlRoundRepository::Find(Id id) {
  std::vector<Round> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s = Query(tx, std::string(kSelect) + "WHERE id = $1", {id}, CollectRounds(found));
    if (!s || found.empty()) return s;
    return LoadUnitIds(tx, found, id);
  });
  if (!status) return Annotate(status.error(), "reading round " + std::to_string(id));
  if (found.empty()) return NotFound("round " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<std::vector<Round>> SqlRoundRepository::List() {
  std::vector<Round> rounds;
  Status status = store_.Read([&](Tx& tx) -> Status {
    Status s = Query(tx, std::string(kSelect) + "ORDER BY created_at DESC, id DESC", {},
                     CollectRounds(rounds));
    if (!s) return s;
    return LoadUnitIds(tx, rounds, 0);
  });
  if (!status) return Annotate(status.error(), "listing rounds");
  return rounds;
}

Status SqlRoundRepository::Transition(Id id, RoundState from, RoundState to, std::int64_t now) {
  if (from == to) {
    return InvalidArgument(
        "a transition must change the state (both are '" + std::string(RoundStateCode(from)) + "')",
        "state");
  }
  Status status = store_.Write([&](Tx& tx) -> Status {
    // Opening stamps opened_at and clears closed_at (a reopened round is not closed);
    // closing stamps closed_at.
    auto changed = Exec(tx,
                        "UPDATE rounds SET state = $3,"
                        " opened_at = CASE WHEN $3 = 'open' THEN CAST($4 AS BIGINT)"
                        " ELSE opened_at END,"
                        " closed_at = CASE WHEN $3 = 'open' THEN 0"
                        " WHEN $3 = 'closed' THEN CAST($4 AS BIGINT) ELSE closed_at END"
                        " WHERE id = $1 AND state = $2",
                        {id, RoundStateCode(from), RoundStateCode(to), now});
    if (!changed) return Unexpected(changed.error());
    if (*changed == 1) return Ok();
    std::string actual;
    Status s =
        Query(tx, "SELECT state FROM rounds WHERE id = $1", {id}, [&](const Row& row) -> Status {
          actual = std::string(row.Text(0));
          return Ok();
        });
    if (!s) return s;
    if (actual.empty()) return NotFound("round " + std::to_string(id) + " not found");
    return FailedPrecondition("round " + std::to_string(id) + " is " + actual + ", not " +
                              std::string(RoundStateCode(from)) + "; it cannot become " +
                              std::string(RoundStateCode(to)));
  });
  if (!status) {
    return Annotate(status.error(), "changing the state of round " + std::to_string(id));
  }
  return Ok();
}

}  // namespace synlig::storage::sql
