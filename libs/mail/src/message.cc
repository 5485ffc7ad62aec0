// RFC 5322 / MIME formatting of plain-text UTF-8 messages.
#include "synlig/mail/message.h"

#include <ctime>

namespace synlig::mail {
namespace {

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool ValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC2 && c < 0xE0) {
      len = 2;
    } else if (c >= 0x80) {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

bool IsAddress(std::string_view a) {
  const std::size_t at = a.find('@');
  if (a.empty() || a.size() > 254 || at == std::string_view::npos || at == 0 ||
      at + 1 >= a.size() || a.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char c : a) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' ||
        c == ')' || c == ';' || c == '\\') {
      return false;
    }
  }
  return true;
}

std::string Base64(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 |
                       static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace

Status ValidateMessage(const Message& m) {
  if (!IsAddress(m.from))
    return InvalidArgument("sender '" + m.from + "' is not an address", "from");
  if (!IsAddress(m.to)) return InvalidArgument("recipient '" + m.to + "' is not an address", "to");
  for (const auto& [text, field] :
       {std::pair<const std::string&, std::string_view>{m.subject, "subject"},
        {m.from_name, "from"}}) {
    if (text.size() > 900 || text.find_first_of("\r\n") != std::string::npos || !ValidUtf8(text)) {
      return InvalidArgument("the " + std::string(field) + " must be one line of UTF-8 text",
                             std::string(field));
    }
  }
  if (!ValidUtf8(m.text)) return InvalidArgument("the text is not UTF-8", "text");
  return Ok();
}

std::string FormatDateHeader(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string EncodeHeaderWords(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  // Words of at most 45 bytes of UTF-8 (60 base64 characters), never splitting a character.
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + 45);
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out.append("\r\n ");
    out.append("=?UTF-8?B?").append(Base64(text.substr(i, end - i))).append("?=");
    i = end;
  }
  return out;
}

std::string QuotedPrintable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t line = 0;
  auto soft_break_if = [&](std::size_t need) {
    if (line + need > 75) {
      out.append("=\r\n");
      line = 0;
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out.append("\r\n");
      line = 0;
      continue;
    }
    if (c == '\r') continue;
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n';
    const bool plain =
        (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_line_end);
    if (plain && !(line == 0 && c == '.')) {
      soft_break_if(1);
      out.push_back(static_cast<char>(c));
      ++line;
    } else {
      soft_break_if(3);
      out.push_back('=');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
      line += 3;
    }
  }
  if (!out.ends_with("\r\n")) out.append("\r\n");
  return out;
}

std::string FormatMessage(const Message& m, std::int64_t date_unix, std::string_view message_id) {
  std::string out;
  out.append("Date: ").append(FormatDateHeader(date_unix)).append("\r\n");
  out.append("From: ");
  if (!m.from_name.empty()) out.append(EncodeHeaderWords(m.from_name)).append(" ");
  out.append("<").append(m.from).append(">\r\n");
  out.append("To: <").append(m.to).append(">\r\n");
  out.append("Subject: ").append(EncodeHeaderWords(m.subject)).append("\r\n");
  out.append("Message-ID: ").append(message_id).append("\r\n");
  out.append("MIME-Version: 1.0\r\n");
  out.append("Content-Type: text/plain; charset=UTF-8\r\n");
  out.append("Content-Transfer-Encoding: quoted-printable\r\n");
  out.append("Auto-Submitted: auto-generated\r\n");
  out.append("\r\n");
  out.append(QuotedPrintable(m.text));
  return out;
}

}  // namespace synlig::mail
