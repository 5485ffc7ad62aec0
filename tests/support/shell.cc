#include "shell.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace synlig::test_support {

std::pair<int, std::string> RunShell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

bool HaveTool(const std::string& tool) {
  return RunShell("command -v " + tool + " >/dev/null").first == 0;
}

}  // namespace synlig::test_support
