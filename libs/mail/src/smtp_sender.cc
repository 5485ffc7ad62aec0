// SMTP over libcurl: one easy handle per batch, so a batch of reminders shares a connection.
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>

#include "synlig/mail/sender.h"

namespace synlig::mail {
namespace {

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t ReadCallback(char* buffer, std::size_t size, std::size_t items, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t room = size * items;
  const std::size_t n = std::min(room, up->data.size() - up->offset);
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

class CurlSmtpSender final : public Sender {
 public:
  CurlSmtpSender(SmtpOptions options, const Clock& clock)
      : options_(std::move(options)), clock_(clock) {}

  Status Send(const Message& message) override { return SendAll({message}).front(); }

  std::vector<Status> SendAll(const std::vector<Message>& messages) override {
    std::vector<Status> results;
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
      results.assign(messages.size(),
                     Fail(ErrorCode::kUnavailable, "cannot start the SMTP client (libcurl)"));
      return results;
    }
    const std::string scheme = options_.security == Security::kTls ? "smtps://" : "smtp://";
    const std::string url = scheme + options_.host + ":" + std::to_string(options_.port);
    for (const Message& message : messages) {
      results.push_back(SendOne(curl, url, message));
    }
    curl_easy_cleanup(curl);
    return results;
  }

  const std::string& from() const override { return options_.from; }
  const std::string& from_name() const override { return options_.from_name; }

 private:
  Status SendOne(CURL* curl, const std::string& url, const Message& message) {
    if (Status s = ValidateMessage(message); !s) return s;
    const std::string id = "<" + std::to_string(clock_.NowUnix()) + "." +
                           std::to_string(counter_.fetch_add(1)) + ".synlig@" + IdDomain() + ">";
    const std::string wire = FormatMessage(message, clock_.NowUnix(), id);
    Upload upload{wire, 0};
    const std::string mail_from = "<" + message.from + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &ReadCallback);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout_seconds));
    switch (options_.security) {
      case Security::kNone:
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
        break;
      case Security::kStartTlsOptional:
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
        break;
      case Security::kStartTls:
      case Security::kTls:
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
        break;
    }
    if (!options_.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
    }
    char detail[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
    if (code != CURLE_OK) {
      long response = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
      std::string text = detail[0] != '\0' ? detail : curl_easy_strerror(code);
      return Fail(ErrorCode::kUnavailable,
                  "sending to " + message.to + " via " + options_.host + " failed: " + text +
                      (response > 0 ? " (SMTP " + std::to_string(response) + ")" : ""));
    }
    return Ok();
  }

  std::string IdDomain() const {
    if (!options_.message_id_domain.empty()) return options_.message_id_domain;
    const std::size_t at = options_.from.find('@');
    return at == std::string::npos ? std::string("synlig.invalid") : options_.from.substr(at + 1);
  }

  SmtpOptions options_;
  const Clock& clock_;
  std::atomic<std::uint64_t> counter_{0};
};

}  // namespace

Result<std::unique_ptr<Sender>> MakeSmtpSender(const SmtpOptions& options, const Clock& clock) {
  if (options.host.empty() || options.host.size() > 253 ||
      options.host.find_first_of(" /?#@\r\n") != std::string::npos) {
    return InvalidArgument("SMTP host '" + options.host + "' is not a host name", "host");
  }
  if (options.port < 1 || options.port > 65535) {
    return InvalidArgument("SMTP port " + std::to_string(options.port) + " is not 1..65535",
                           "port");
  }
  if (options.timeout_seconds < 1 || options.timeout_seconds > 600) {
    return InvalidArgument("SMTP timeout must be 1..600 seconds", "timeout_seconds");
  }
  Message probe{options.from, options.from_name, options.from, "", ""};
  if (!ValidateMessage(probe)) {
    return InvalidArgument("SMTP sender '" + options.from + "' is not an address", "from");
  }
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::unique_ptr<Sender>(new CurlSmtpSender(options, clock));
}

}  // namespace synlig::mail
