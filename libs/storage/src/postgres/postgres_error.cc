// What libpqxx throws, as Errors.
#include "postgres/postgres_error.h"

#include <pqxx/pqxx>
#include <string>

namespace synlig::storage::postgres {
namespace {

// The first line without libpq's "ERROR:  " prefix; later lines (DETAIL) may hold values.
std::string FirstLine(const char* what) {
  std::string text(what);
  if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "}) {
    if (text.starts_with(prefix)) text.erase(0, prefix.size());
  }
  return text;
}

ErrorCode CodeOfSqlState(const std::string& state) {
  if (state == "23505") return ErrorCode::kAlreadyExists;
  const std::string cls = state.substr(0, 2);
  if (cls == "23" || cls == "22") return ErrorCode::kInvalidArgument;
  if (cls == "08" || cls == "53" || cls == "57" || cls == "40" || state == "55P03" ||
      state == "55006") {
    return ErrorCode::kUnavailable;
  }
  return ErrorCode::kInternal;
}

}  // namespace

Unexpected CurrentPgError() {
  try {
    throw;
  } catch (const pqxx::broken_connection& e) {
    return Fail(ErrorCode::kUnavailable,
                "lost the connection to PostgreSQL: " + FirstLine(e.what()));
  } catch (const pqxx::in_doubt_error& e) {
    return Fail(ErrorCode::kUnavailable,
                "the outcome of a commit is unknown (connection lost): " + FirstLine(e.what()));
  } catch (const pqxx::sql_error& e) {
    return Fail(CodeOfSqlState(e.sqlstate()), FirstLine(e.what()));
  } catch (const pqxx::failure& e) {
    return Fail(ErrorCode::kUnavailable, "PostgreSQL: " + FirstLine(e.what()));
  } catch (const std::exception& e) {
    return Internal("PostgreSQL client: " + FirstLine(e.what()));
  } catch (...) {
    return Internal("PostgreSQL client: unknown exception");
  }
}

}  // namespace synlig::storage::postgres
