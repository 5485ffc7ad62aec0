// What every sender shares: security codes, SendAll, the recording sender.
#include "synlig/mail/sender.h"

namespace synlig::mail {

std::string_view SecurityCode(Security s) {
  switch (s) {
    case Security::kNone:
      return "none";
    case Security::kStartTlsOptional:
      return "starttls_optional";
    case Security::kTls:
      return "tls";
    case Security::kStartTls:
      break;
  }
  return "starttls";
}

Result<Security> ParseSecurity(std::string_view code) {
  for (Security s :
       {Security::kNone, Security::kStartTlsOptional, Security::kStartTls, Security::kTls}) {
    if (SecurityCode(s) == code) return s;
  }
  return InvalidArgument(
      "SMTP security '" + std::string(code) + "' is not none, starttls_optional, starttls or tls",
      "security");
}

std::vector<Status> Sender::SendAll(const std::vector<Message>& messages) {
  std::vector<Status> results;
  results.reserve(messages.size());
  for (const Message& m : messages) results.push_back(Send(m));
  return results;
}

Status RecordingSender::Send(const Message& message) {
  if (Status s = ValidateMessage(message); !s) return s;
  if (!failing_to.empty() && message.to == failing_to) {
    return Fail(ErrorCode::kUnavailable, "550 mailbox unavailable: " + message.to);
  }
  sent.push_back(message);
  return Ok();
}

}  // namespace synlig::mail
