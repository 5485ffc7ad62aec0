// MakeSmtpSender in a build without libcurl: mail cannot be sent.
#include "synlig/mail/sender.h"

namespace synlig::mail {

Result<std::unique_ptr<Sender>> MakeSmtpSender(const SmtpOptions&, const Clock&) {
  return Fail(ErrorCode::kUnavailable, "this build of Synlig has no SMTP support (libcurl)");
}

}  // namespace synlig::mail
