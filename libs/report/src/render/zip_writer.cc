// Zip archives in memory with libzip.
#include "render/zip_writer.h"

#include <zip.h>

namespace synlig::report::internal {

Result<std::string> ZipArchive(const std::vector<std::pair<std::string, std::string>>& entries,
                               std::int64_t mtime) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) {
    zip_error_fini(&error);
    return Internal("libzip: cannot create a buffer");
  }
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) {
    zip_source_free(buffer);
    zip_error_fini(&error);
    return Internal("libzip: cannot open an archive in memory");
  }
  auto fail = [&](const std::string& what) {
    std::string message = "libzip: " + what + ": " + zip_strerror(zip);
    zip_discard(zip);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return Internal(message);
  };
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(zip, data.data(), data.size(), 0);
    if (s == nullptr) return fail("adding " + name);
    zip_int64_t index = zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(s);
      return fail("adding " + name);
    }
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6);
    zip_file_set_mtime(zip, static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime), 0);
  }
  if (zip_close(zip) != 0) return fail("writing the archive");
  std::string out;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    if (size > 0) {
      out.resize(static_cast<std::size_t>(size));
      zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  if (out.empty()) return Internal("libzip wrote an empty archive");
  return out;
}

}  // namespace synlig::report::internal
