// OpenCV's img_hash behind SYNLIG_HAVE_IMG_HASH (set by the build when OpenCV's core,
// imgcodecs and img_hash modules are found); without it, image files are counted, not read.
#include "ads_images.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#if SYNLIG_HAVE_IMG_HASH
#include <webp/decode.h>

#include <opencv2/core.hpp>
#include <opencv2/img_hash.hpp>
#include <opencv2/imgcodecs.hpp>
#endif

namespace synlig::app::ads_cli {
namespace {

// JPEG, PNG or WebP by their signatures, such that OpenCV's imdecode gives the bytes to its
// JPEG, PNG or WebP decoder and to no other. imdecode asks its decoders in turn whether the
// bytes are theirs, most by their first bytes, which these signatures rule out, two further in:
// DICOM ("DICM" at offset 128; fuzzing showed its decoder can abort) and GDAL's DTED ("DTED" at
// 140), so files with those are refused whatever they start with. The JPEG and PNG decoders
// take every file that starts with their signature; the WebP decoder takes a file only when
// libwebp reads a header from its first 32 bytes, and passes the rest on, so the same test is
// made here.
bool KnownImageFormat(std::span<const std::uint8_t> b) {
  auto has = [&](std::initializer_list<std::uint8_t> sig, std::size_t at = 0) {
    return b.size() >= at + sig.size() && std::equal(sig.begin(), sig.end(), b.begin() + at);
  };
  if (has({'D', 'I', 'C', 'M'}, 128) || has({'D', 'T', 'E', 'D'}, 140)) return false;
  if (has({0xFF, 0xD8, 0xFF}) || has({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) return true;
  if (!has({'R', 'I', 'F', 'F'}) || !has({'W', 'E', 'B', 'P'}, 8)) return false;
#if SYNLIG_HAVE_IMG_HASH
  constexpr std::size_t kWebPHeader = 32;  // what OpenCV's WebP decoder looks at
  WebPBitstreamFeatures features;
  return b.size() >= kWebPHeader &&
         WebPGetFeatures(b.data(), kWebPHeader, &features) == VP8_STATUS_OK;
#else
  return true;
#endif
}

}  // namespace

#if SYNLIG_HAVE_IMG_HASH

bool ImageHashingBuilt() { return true; }

std::optional<std::uint64_t> HashImageBytes(std::span<const std::uint8_t> bytes) {
  if (!KnownImageFormat(bytes)) return std::nullopt;
  try {
    const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8UC1,
                          const_cast<std::uint8_t*>(bytes.data()));
    cv::Mat image = cv::imdecode(encoded, cv::IMREAD_COLOR);
    if (image.empty()) return std::nullopt;
    cv::Mat hash;
    cv::img_hash::pHash(image, hash);
    image.setTo(cv::Scalar::all(0));  // the pixels are not kept, not even in freed memory
    image.release();
    if (hash.total() != 8 || hash.type() != CV_8UC1) return std::nullopt;
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = value << 8 | hash.at<std::uint8_t>(0, i);
    return value;
  } catch (const cv::Exception&) {
    return std::nullopt;
  }
}

std::function<std::optional<std::uint64_t>(const std::string&)> MakeImageHasher(
    const std::string& base_dir) {
  // Before any decoding, while only this thread runs: no image above 40 megapixels is
  // decoded (OpenCV's own default is a gigapixel), and OpenCV starts no threads of its own
  // (the importer's workers call this in parallel already).
  static const bool prepared = [] {
    setenv("OPENCV_IO_MAX_IMAGE_PIXELS", "40000000", /*overwrite=*/0);
    cv::setNumThreads(0);
    return true;
  }();
  (void)prepared;
  return [base = std::filesystem::path(base_dir)](
             const std::string& name) -> std::optional<std::uint64_t> {
    if (name.empty()) return std::nullopt;
    std::filesystem::path path(name);
    if (path.is_relative()) path = base / path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size == 0 || size > kMaxImageBytes) return std::nullopt;
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    std::ifstream in(path, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
      return std::nullopt;
    }
    std::optional<std::uint64_t> hash = HashImageBytes(bytes);
    std::fill(bytes.begin(), bytes.end(), std::uint8_t{0});
    return hash;
  };
}

#else

bool ImageHashingBuilt() { return false; }

std::optional<std::uint64_t> HashImageBytes(std::span<const std::uint8_t> bytes) {
  (void)KnownImageFormat(bytes);
  return std::nullopt;
}

std::function<std::optional<std::uint64_t>(const std::string&)> MakeImageHasher(
    const std::string&) {
  return {};
}

#endif

}  // namespace synlig::app::ads_cli
