// Synthetic count tables from a seeded generator.
#include "synlig/disclosure/synthetic.h"

#include <array>

namespace synlig::disclosure {

std::int64_t UniformInt(Random& random, std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  std::array<std::uint8_t, 8> bytes{};
  std::uint64_t x = 0;
  // Rejection sampling keeps the draw uniform.
  const std::uint64_t limit = span == 0 ? 0 : (~std::uint64_t{0} / span) * span;
  do {
    random.Fill(bytes);
    x = 0;
    for (std::uint8_t b : bytes) x = (x << 8) | b;
  } while (span != 0 && x >= limit);
  return span == 0 ? lo + static_cast<std::int64_t>(x) : lo + static_cast<std::int64_t>(x % span);
}

Table SyntheticTable(Random& random, const SyntheticShape& shape, const std::string& name) {
  Table t;
  t.name = name;
  for (int r = 0; r < shape.rows; ++r) t.row_labels.push_back("r" + std::to_string(r + 1));
  for (int c = 0; c < shape.cols; ++c) t.col_labels.push_back("c" + std::to_string(c + 1));
  constexpr std::int64_t kScale = 1000000;
  const auto small = static_cast<std::int64_t>(shape.small_share * kScale);
  const auto zero = static_cast<std::int64_t>(shape.zero_share * kScale);
  for (int i = 0; i < shape.rows * shape.cols; ++i) {
    const std::int64_t u = UniformInt(random, 0, kScale - 1);
    if (u < small && shape.k > 1) {
      t.cells.push_back(UniformInt(random, 1, shape.k - 1));
    } else if (u < small + zero) {
      t.cells.push_back(0);
    } else {
      t.cells.push_back(UniformInt(random, shape.k, shape.max_count));
    }
  }
  return t;
}

}  // namespace synlig::disclosure
