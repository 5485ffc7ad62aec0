// Test support for PostgreSQL: scratch schemas, one per test.
#include <string>

#include "postgres/postgres_driver.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage::testing {
namespace {

// Schema names are spliced into DDL (identifiers cannot be bound), so only a safe alphabet.
Status CheckSchemaName(std::string_view schema) {
  bool ok = !schema.empty() && schema.size() <= 63 && !(schema[0] >= '0' && schema[0] <= '9');
  for (char c : schema) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (ok) return Ok();
  return InvalidArgument("schema name '" + std::string(schema) + "' must be [a-z_][a-z0-9_]*",
                         "schema");
}

}  // namespace

Result<std::string> CreateScratchSchema(std::string_view server_url, std::string_view schema) {
  if (Status s = CheckSchemaName(schema); !s) return Unexpected(s.error());
  const std::string server(server_url);
  if (Status s = postgres::ExecuteOnce(server, "CREATE SCHEMA " + std::string(schema)); !s) {
    return Unexpected(s.error());
  }
  return server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         std::string(schema);
}

Status DropScratchSchema(std::string_view server_url, std::string_view schema) {
  if (Status s = CheckSchemaName(schema); !s) return s;
  return postgres::ExecuteOnce(std::string(server_url),
                               "DROP SCHEMA IF EXISTS " + std::string(schema) + " CASCADE");
}

}  // namespace synlig::storage::testing
