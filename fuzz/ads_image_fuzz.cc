// libFuzzer target for the image files an ad names (apps/synlig/ads_images.h): any bytes must
// give a hash or nothing, never a crash, in builds with OpenCV's img_hash (JPEG, PNG and WebP
// decoders); without it the target only checks that nothing is read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "ads_images.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::app::ads_cli;
  static const bool prepared = [] {
    (void)MakeImageHasher(".");  // OpenCV without threads of its own, as in the CLI
    return true;
  }();
  (void)prepared;
  const auto hash = HashImageBytes(std::span<const std::uint8_t>(data, size));
  if (hash && !ImageHashingBuilt()) std::abort();
  return 0;
}
