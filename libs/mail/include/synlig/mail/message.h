// An e-mail as Synlig sends it (plain UTF-8 text to one recipient) and its RFC 5322 form.
// Pure: the date and the message id are passed in.
//   mail::Message m{"synlig@kommun.se", "Synlig", "anna@kommun.se", "Påminnelse", "Hej!\n"};
//   if (auto ok = mail::ValidateMessage(m); !ok) ...;
//   std::string wire = mail::FormatMessage(m, now_unix, "<1.2@kommun.se>");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::mail {

struct Message {
  std::string from;       // address only
  std::string from_name;  // display name, may be empty
  std::string to;         // one address
  std::string subject;
  std::string text;  // the body; lines end in '\n'
};

// kInvalidArgument naming the field ("from", "to", "subject", "text") for: an address that is
// not local@domain of printable ASCII, a subject or name with a line break or over 900 bytes,
// text or subject that is not UTF-8.
Status ValidateMessage(const Message& message);

// The message with Date, From, To, Subject (RFC 2047 base64 words when not ASCII),
// Message-ID, MIME-Version and Content-Type text/plain; charset=UTF-8 with quoted-printable
// body; every line ends in CRLF. Precondition: ValidateMessage(message) is ok.
std::string FormatMessage(const Message& message, std::int64_t date_unix,
                          std::string_view message_id);

// "Thu, 05 Mar 2026 14:30:00 +0000"
std::string FormatDateHeader(std::int64_t unix_seconds);
// RFC 2047 encoded-word(s) of UTF-8 text ("=?UTF-8?B?...?="), text itself when plain ASCII.
std::string EncodeHeaderWords(std::string_view text);
// Quoted-printable (RFC 2045) of UTF-8 text with '\n' line ends, CRLF out, lines <= 76.
std::string QuotedPrintable(std::string_view text);

}  // namespace synlig::mail
