// libFuzzer target: the configuration parser (TOML text → Config) must return a value or a
// clean error for any input, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = synlig::app::ParseConfig(text, "fuzz.toml");
  if (config) {
    auto path = synlig::app::KeyFilePath(*config);
    (void)path;
  }
  return 0;
}
