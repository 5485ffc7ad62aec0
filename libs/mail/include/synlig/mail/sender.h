// Sending mail over SMTP (libcurl), and the interface the web pages use so tests can record
// instead. A Sender is thread-safe.
//   auto sender = mail::MakeSmtpSender(options, clock);
//   auto results = (*sender)->SendAll(messages);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/mail/message.h"

namespace synlig::mail {

enum class Security {
  kNone,              // plain SMTP (a relay on the local network or loopback)
  kStartTlsOptional,  // STARTTLS when the server offers it
  kStartTls,          // STARTTLS required
  kTls,               // implicit TLS (smtps, usually port 465)
};
std::string_view SecurityCode(Security s);  // "none", "starttls_optional", "starttls", "tls"
Result<Security> ParseSecurity(std::string_view code);  // kInvalidArgument ("security")

struct SmtpOptions {
  std::string host;  // empty = mail is not configured
  int port = 25;
  Security security = Security::kStartTls;
  std::string username;  // empty = no authentication
  std::string password;  // never logged
  std::string from;      // envelope and header sender address
  std::string from_name;
  int timeout_seconds = 30;
  std::string message_id_domain;  // default: the domain of `from`
};

class Sender {
 public:
  virtual ~Sender() = default;
  // Sends one message. kInvalidArgument (ValidateMessage); kUnavailable naming the server's
  // or the connection's error (never the password).
  virtual Status Send(const Message& message) = 0;
  // Sends each message, one result per message in order (one connection where possible).
  virtual std::vector<Status> SendAll(const std::vector<Message>& messages);
  // The sender address messages go out from.
  virtual const std::string& from() const = 0;
  virtual const std::string& from_name() const = 0;
};

// kInvalidArgument naming the field ("host", "port", "from", "timeout_seconds") for a bad
// configuration; kUnavailable when Synlig was built without libcurl.
Result<std::unique_ptr<Sender>> MakeSmtpSender(const SmtpOptions& options, const Clock& clock);

// Keeps every message instead of sending it (tests); fails the messages to `failing_to`.
class RecordingSender final : public Sender {
 public:
  explicit RecordingSender(std::string from = "synlig@test.invalid") : from_(std::move(from)) {}
  Status Send(const Message& message) override;
  const std::string& from() const override { return from_; }
  const std::string& from_name() const override { return from_name_; }
  std::vector<Message> sent;
  std::string failing_to;

 private:
  std::string from_;
  std::string from_name_ = "Synlig";
};

}  // namespace synlig::mail
