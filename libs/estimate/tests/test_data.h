// Test helpers: read the shared MSE datasets and their reference results from tests/data/mse.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "synlig/estimate/capture_table.h"

namespace synlig::estimate::testing {

inline std::string ReadTestFile(const std::string& relative) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/mse/" + relative);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline CaptureTable LoadDataset(const std::string& name) {
  auto table = ParseCaptureCsv(ReadTestFile(name + ".csv"));
  if (!table) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), table.error().ToString().c_str());
    std::abort();
  }
  return *std::move(table);
}

}  // namespace synlig::estimate::testing
