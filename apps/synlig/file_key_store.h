// FileKeyStore: the KeyStore of a running installation, kept in a JSON key file outside the
// database (default "<db path>.keys"), mode 0600, rewritten atomically on every change.
//   auto keys = app::FileKeyStore::Open("/var/lib/synlig/synlig.db.keys", random, true);
//   auto k = (*keys)->EnsureRoundKey(round_id);
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "synlig/core/key_store.h"

namespace synlig::app {

class FileKeyStore final : public KeyStore {
 public:
  // Opens the key file, or creates it with a new session key when absent and create_if_missing
  // is set. Errors: kNotFound (absent, !create_if_missing); kFailedPrecondition when the file
  // is readable or writable by group or others (the message says how to fix it) or is not a
  // regular file; kInvalidArgument when its content is malformed (named); kUnavailable on
  // I/O errors.
  static Result<std::unique_ptr<FileKeyStore>> Open(const std::string& path, Random& random,
                                                    bool create_if_missing);

  const SecretKey& SessionKey() const override { return session_key_; }
  // Creates the round key when absent and writes the file durably before returning it.
  Result<SecretKey> EnsureRoundKey(std::int64_t round_id) override;
  // Rereads the file when another process changed it since the last read.
  Result<SecretKey> RoundKey(std::int64_t round_id) const override;
  // Removes the key and rewrites the file durably (temp file, fsync, rename, fsync directory).
  Status DestroyRoundKey(std::int64_t round_id) override;

  const std::string& path() const { return path_; }
  // Ids of the rounds that have a key, as last read (a fresh database must find none: keys
  // left from another database would link its rounds to old hashes).
  std::vector<std::int64_t> RoundIds() const;

  // The key file's JSON text for the given keys (exposed for tests).
  static std::string Serialize(const SecretKey& session_key,
                               const std::map<std::int64_t, SecretKey>& round_keys);

 private:
  struct Stamp {
    dev_t dev = 0;
    ino_t ino = 0;
    std::int64_t mtime_ns = 0;
    off_t size = 0;
    bool operator==(const Stamp&) const = default;
  };

  FileKeyStore(std::string path, Random& random) : path_(std::move(path)), random_(random) {}
  // Rereads the file when its stamp changed. Caller holds mu_.
  Status RefreshLocked() const;
  // Applies `change` to the freshest round keys under an exclusive lock on "<path>.lock"
  // (so a CLI command and a running server cannot lose each other's keys), then writes.
  template <typename Change>
  Status Mutate(Change change);

  std::string path_;
  Random& random_;
  mutable SecretKey session_key_;  // set once, at the first read
  mutable std::mutex mu_;
  mutable std::map<std::int64_t, SecretKey> round_keys_;
  mutable Stamp stamp_;
};

// Writes `content` to `path` atomically with the given mode: a temporary file in the same
// directory, fsync, rename over path, fsync of the directory. kUnavailable on I/O errors.
Status WriteFileAtomically(const std::string& path, std::string_view content, mode_t mode);

}  // namespace synlig::app
