// The key file: JSON {"format":"synlig-keys","version":1,"session_key":hex,"round_keys":{id:hex}}.
#include "file_key_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace synlig::app {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

std::string DirectoryOf(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string OctalMode(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// An exclusive advisory lock on the key file's directory, held for a read-modify-write.
class DirectoryLock {
 public:
  static Result<std::unique_ptr<DirectoryLock>> Acquire(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Fail(ErrorCode::kUnavailable, "cannot open directory " + dir + ": " +
                                                         ErrnoText());
    auto lock = std::unique_ptr<DirectoryLock>(new DirectoryLock(fd));
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) {
        return Fail(ErrorCode::kUnavailable, "cannot lock directory " + dir + ": " + ErrnoText());
      }
    }
    return lock;
  }
  ~DirectoryLock() { ::close(fd_); }  // closing releases the lock

 private:
  explicit DirectoryLock(int fd) : fd_(fd) {}
  int fd_;
};

struct KeyFileContent {
  SecretKey session_key;
  std::map<std::int64_t, SecretKey> round_keys;
};

Result<KeyFileContent> ParseKeyFile(const std::string& text, const std::string& path) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  auto bad = [&](const std::string& what) {
    return InvalidArgument("key file " + path + " is malformed: " + what);
  };
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  auto format = j.find("format");
  if (format == j.end() || !format->is_string() || *format != "synlig-keys") {
    return bad("\"format\" must be \"synlig-keys\"");
  }
  auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer() || *version != 1) {
    return bad("\"version\" must be 1");
  }
  KeyFileContent content;
  auto session = j.find("session_key");
  if (session == j.end() || !session->is_string()) return bad("\"session_key\" is missing");
  auto session_key = SecretKey::FromHex(session->get<std::string>());
  if (!session_key) return bad("\"session_key\": " + session_key.error().message());
  content.session_key = *session_key;
  auto rounds = j.find("round_keys");
  if (rounds == j.end()) return content;
  if (!rounds->is_object()) return bad("\"round_keys\" must be an object");
  for (const auto& [id_text, hex] : rounds->items()) {
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (id_text.empty() || ec != std::errc() || ptr != id_text.data() + id_text.size()) {
      return bad("round id \"" + id_text + "\" is not an integer");
    }
    if (!hex.is_string()) return bad("round " + id_text + ": key must be a string");
    auto key = SecretKey::FromHex(hex.get<std::string>());
    if (!key) return bad("round " + id_text + ": " + key.error().message());
    content.round_keys.emplace(id, *key);
  }
  return content;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content, mode_t mode) {
  const std::string dir = DirectoryOf(path);
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  ::unlink(tmp.c_str());  // a leftover of a crash
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
  if (fd.get() < 0) {
    return Fail(ErrorCode::kUnavailable, "cannot create " + tmp + ": " + ErrnoText());
  }
  auto fail = [&](const std::string& what) {
    std::string message = what + " " + tmp + ": " + ErrnoText();
    ::unlink(tmp.c_str());
    return Fail(ErrorCode::kUnavailable, message);
  };
  if (::fchmod(fd.get(), mode) != 0) return fail("cannot set the mode of");
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return fail("cannot fsync");
  if (::close(fd.release()) != 0) return fail("cannot close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot rename to " + path + ":");
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) {
    return Fail(ErrorCode::kUnavailable, "cannot fsync directory " + dir + ": " + ErrnoText());
  }
  return Ok();
}

std::string FileKeyStore::Serialize(const SecretKey& session_key,
                                    const std::map<std::int64_t, SecretKey>& round_keys) {
  nlohmann::json rounds = nlohmann::json::object();
  for (const auto& [id, key] : round_keys) rounds[std::to_string(id)] = key.ToHex();
  nlohmann::json j = {{"format", "synlig-keys"},
                      {"version", 1},
                      {"session_key", session_key.ToHex()},
                      {"round_keys", rounds}};
  return j.dump(2) + "\n";
}

Result<std::unique_ptr<FileKeyStore>> FileKeyStore::Open(const std::string& path, Random& random,
                                                         bool create_if_missing) {
  if (auto ok = InitCrypto(); !ok) return Unexpected(ok.error());
  if (path.empty()) return InvalidArgument("the key file path is empty", "security.key_file");
  auto store = std::unique_ptr<FileKeyStore>(new FileKeyStore(path, random));
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      return Fail(ErrorCode::kUnavailable, "cannot stat key file " + path + ": " + ErrnoText());
    }
    if (!create_if_missing) {
      return NotFound("key file " + path + " does not exist (run `synlig init` to create it)");
    }
    auto lock = DirectoryLock::Acquire(DirectoryOf(path));
    if (!lock) return Unexpected(lock.error());
    // Another process may have created it while we waited for the lock.
    if (::stat(path.c_str(), &st) != 0) {
      std::string text = Serialize(SecretKey::Generate(random), {});
      if (auto ok = WriteFileAtomically(path, text, 0600); !ok) return Unexpected(ok.error());
    }
  }
  std::lock_guard guard(store->mu_);
  if (auto ok = store->RefreshLocked(); !ok) return Unexpected(ok.error());
  return store;
}

Status FileKeyStore::RefreshLocked() const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) {
    return Fail(ErrorCode::kUnavailable, "cannot stat key file " + path_ + ": " + ErrnoText());
  }
  if (!S_ISREG(st.st_mode)) {
    return FailedPrecondition("key file " + path_ + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    return FailedPrecondition("key file " + path_ + " is accessible by group or others (mode " +
                              OctalMode(st.st_mode) + "); refusing to use it. Fix with: chmod 600 " +
                              path_);
  }
  Stamp stamp{st.st_dev, st.st_ino,
              static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
              st.st_size};
  if (stamp == stamp_) return Ok();
  std::ifstream in(path_, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "cannot read key file " + path_);
  std::ostringstream text;
  text << in.rdbuf();
  auto content = ParseKeyFile(text.str(), path_);
  if (!content) return Unexpected(content.error());
  if (stamp_.ino != 0 && content->session_key.bytes() != session_key_.bytes()) {
    return FailedPrecondition("key file " + path_ + " has a different session key than at start");
  }
  if (stamp_.ino == 0) session_key_ = content->session_key;
  round_keys_ = std::move(content->round_keys);
  stamp_ = stamp;
  return Ok();
}

template <typename Change>
Status FileKeyStore::Mutate(Change change) {
  auto lock = DirectoryLock::Acquire(DirectoryOf(path_));
  if (!lock) return Unexpected(lock.error());
  if (auto ok = RefreshLocked(); !ok) return ok;
  std::map<std::int64_t, SecretKey> next = round_keys_;
  if (!change(next)) return Ok();  // nothing to write
  if (auto ok = WriteFileAtomically(path_, Serialize(session_key_, next), 0600); !ok) return ok;
  round_keys_ = std::move(next);
  stamp_ = {};  // force a reread of the new file's stamp next time
  return RefreshLocked();
}

Result<SecretKey> FileKeyStore::EnsureRoundKey(std::int64_t round_id) {
  std::lock_guard guard(mu_);
  auto ok = Mutate([&](std::map<std::int64_t, SecretKey>& keys) {
    if (keys.contains(round_id)) return false;
    keys.emplace(round_id, SecretKey::Generate(random_));
    return true;
  });
  if (!ok) return Unexpected(ok.error());
  return round_keys_.at(round_id);
}

Result<SecretKey> FileKeyStore::RoundKey(std::int64_t round_id) const {
  std::lock_guard guard(mu_);
  if (auto ok = RefreshLocked(); !ok) return Unexpected(ok.error());
  auto it = round_keys_.find(round_id);
  if (it == round_keys_.end()) {
    return NotFound("no matching-key secret for round " + std::to_string(round_id));
  }
  return it->second;
}

std::vector<std::int64_t> FileKeyStore::RoundIds() const {
  std::lock_guard guard(mu_);
  std::vector<std::int64_t> ids;
  for (const auto& [id, key] : round_keys_) ids.push_back(id);
  return ids;
}

Status FileKeyStore::DestroyRoundKey(std::int64_t round_id) {
  std::lock_guard guard(mu_);
  return Mutate([&](std::map<std::int64_t, SecretKey>& keys) { return keys.erase(round_id) > 0; });
}

}  // namespace synlig::app
