// Running a command through the shell from a test, for the tools a test reads its output back
// with (poppler's pdfinfo and pdftotext, Python with python-docx): the exit status and what
// the command wrote to standard output. Test code only.
#pragma once

#include <string>
#include <utility>

namespace synlig::test_support {

// The exit status (-1 when the command could not run or did not exit) and standard output.
std::pair<int, std::string> RunShell(const std::string& command);
// True when `tool` is found on PATH.
bool HaveTool(const std::string& tool);

}  // namespace synlig::test_support
