// SynligTestSourceDir: the checkout's root for tests, from the environment or found above the
// running binary (see synlig_test_support.h).
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "synlig_test_support.h"

namespace {

std::string FindSourceDir() {
  if (const char* given = std::getenv("SYNLIG_SOURCE_DIR"); given != nullptr && *given != '\0') {
    return given;
  }
  std::error_code error;
  std::filesystem::path dir = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) dir = std::filesystem::current_path(error);
  for (dir = dir.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::exists(dir / "libs" / "core" / "CMakeLists.txt", error)) {
      return dir.string();
    }
    if (dir == dir.root_path()) break;
  }
  return ".";
}

}  // namespace

const char* SynligTestSourceDir() {
  static const std::string dir = FindSourceDir();
  return dir.c_str();
}
