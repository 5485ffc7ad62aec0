// Stand-ins for the PostgreSQL test support in builds without libpqxx.
#include "synlig/storage/test_support.h"

namespace synlig::storage::testing {

Result<std::string> CreateScratchSchema(std::string_view, std::string_view) {
  return InvalidArgument("this build of Synlig has no PostgreSQL support", "database_url");
}

Status DropScratchSchema(std::string_view, std::string_view) {
  return InvalidArgument("this build of Synlig has no PostgreSQL support", "database_url");
}

}  // namespace synlig::storage::testing
