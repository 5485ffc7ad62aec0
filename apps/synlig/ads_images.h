// Image files named in ads (`images`): read, decoded and reduced to OpenCV's 64-bit pHash
// (img_hash) when the program is built with it; the pixels are overwritten and freed at once.
// The server never calls this: only the CLI reads files an ad names.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace synlig::app::ads_cli {

// Whether this build can hash image files (OpenCV's img_hash was found when it was built).
bool ImageHashingBuilt();

// Image files larger than this are not read, pictures larger than this (by their header) are
// not decoded.
inline constexpr std::uintmax_t kMaxImageBytes = 32u << 20;
inline constexpr std::uint64_t kMaxImagePixels = 40'000'000;

// The pHash of an encoded image (JPEG, PNG or WebP, checked before decoding to reach only those
// decoders, and of at most kMaxImagePixels by its header); nullopt when the bytes are not such
// an image or do not decode, or in a build without img_hash. The hash's eight
// bytes read as a big-endian number, as `image_hashes` in hex writes them.
std::optional<std::uint64_t> HashImageBytes(std::span<const std::uint8_t> bytes);

// A hasher for ExtractOptions::hash_image: a relative path is taken from `base_dir`; the file
// must be a regular file of at most kMaxImageBytes. Empty (no function) in a build without
// img_hash. The hasher is thread-safe; the first call of this function tells OpenCV to start no
// threads of its own, so make it before starting threads and before HashImageBytes.
std::function<std::optional<std::uint64_t>(const std::string&)> MakeImageHasher(
    const std::string& base_dir);

}  // namespace synlig::app::ads_cli
