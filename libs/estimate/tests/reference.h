// Test helper: the peers' results in tests/data/mse/reference_results.json.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_data.h"

namespace synlig::estimate::testing {

inline const nlohmann::json& Reference() {
  static const nlohmann::json kReference =
      nlohmann::json::parse(ReadTestFile("reference_results.json"));
  return kReference;
}

inline std::vector<std::string> DatasetNames() {
  std::vector<std::string> names;
  for (const auto& [name, value] : Reference()["datasets"].items()) names.push_back(name);
  return names;
}

// Agreement to `digits` significant digits: |a − b| ≤ 0.5·10^(1−digits)·|b|.
inline bool SignificantlyEqual(double a, double b, int digits = 4) {
  return std::abs(a - b) <= 0.5 * std::pow(10.0, 1 - digits) * std::abs(b);
}

}  // namespace synlig::estimate::testing
