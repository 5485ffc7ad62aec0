// OpenCV's img_hash behind SYNLIG_HAVE_IMG_HASH (set by the build when OpenCV's core,
// imgcodecs and img_hash modules are found); without it, image files are counted, not read.
#include "ads_images.h"

#include <algorithm>
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

#if SYNLIG_HAVE_IMG_HASH

namespace {

// The picture's width times height as its header states it (JPEG: the first start-of-frame
// segment; PNG: the IHDR chunk; WebP: libwebp's reading of the header), when the bytes are a
// JPEG, PNG or WebP image that OpenCV's imdecode gives to its JPEG, PNG or WebP decoder and to
// no other; else 0. imdecode asks its decoders in turn whether the bytes are theirs, most by
// their first bytes, which these signatures rule out, two further in: DICOM ("DICM" at offset
// 128; fuzzing showed its decoder can abort) and GDAL's DTED ("DTED" at 140), so files with
// those are refused whatever they start with. The JPEG and PNG decoders take every file that
// starts with their signature; the WebP decoder takes a file only when libwebp reads a header
// from its first 32 bytes, and passes the rest on, so the same test is made here. Checked
// before decoding, so that no picture over kMaxImagePixels is decoded either.
std::uint64_t DecodablePixels(std::span<const std::uint8_t> b) {
  auto has = [&](std::initializer_list<std::uint8_t> sig, std::size_t at = 0) {
    return b.size() >= at + sig.size() && std::equal(sig.begin(), sig.end(), b.begin() + at);
  };
  auto be16 = [&](std::size_t at) { return std::uint32_t{b[at]} << 8 | b[at + 1]; };
  auto be32 = [&](std::size_t at) { return be16(at) << 16 | be16(at + 2); };
  if (has({'D', 'I', 'C', 'M'}, 128) || has({'D', 'T', 'E', 'D'}, 140)) return 0;
  if (has({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {  // then IHDR's length and name
    if (!has({'I', 'H', 'D', 'R'}, 12) || b.size() < 24) return 0;
    return std::uint64_t{be32(16)} * be32(20);
  }
  if (has({0xFF, 0xD8, 0xFF})) {  // JPEG: segments from the start-of-image marker on
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
      if (b[at] != 0xFF) return 0;
      const std::uint8_t marker = b[at + 1];
      if (marker == 0xFF) {  // fill byte
        ++at;
        continue;
      }
      const bool frame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        if (at + 9 > b.size()) return 0;
        return std::uint64_t{be16(at + 5)} * be16(at + 7);
      }
      if (marker == 0xD9 || marker == 0xDA) return 0;  // no frame before the image data
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        at += 2;
        continue;
      }
      at += 2 + be16(at + 2);
    }
    return 0;
  }
  constexpr std::size_t kWebPHeader = 32;  // what OpenCV's WebP decoder looks at
  WebPBitstreamFeatures features;
  if (has({'R', 'I', 'F', 'F'}) && has({'W', 'E', 'B', 'P'}, 8) && b.size() >= kWebPHeader &&
      WebPGetFeatures(b.data(), kWebPHeader, &features) == VP8_STATUS_OK && features.width > 0 &&
      features.height > 0) {
    return std::uint64_t(features.width) * std::uint64_t(features.height);
  }
  return 0;
}

}  // namespace

bool ImageHashingBuilt() { return true; }

std::optional<std::uint64_t> HashImageBytes(std::span<const std::uint8_t> bytes) {
  const std::uint64_t pixels = DecodablePixels(bytes);
  if (pixels == 0 || pixels > kMaxImagePixels) return std::nullopt;
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
  // Before any decoding, while only this thread runs: OpenCV starts no threads of its own (the
  // importer's workers call the hasher in parallel already).
  static const bool prepared = [] {
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

std::optional<std::uint64_t> HashImageBytes(std::span<const std::uint8_t>) { return std::nullopt; }

std::function<std::optional<std::uint64_t>(const std::string&)> MakeImageHasher(
    const std::string&) {
  return {};
}

#endif

}  // namespace synlig::app::ads_cli
