// Message validation and its RFC 5322 / MIME form.
#include "synlig/mail/message.h"

#include <gtest/gtest.h>

#include "synlig/mail/sender.h"

namespace synlig::mail {
namespace {

Message Sample() {
  return {"synlig@kommun.example", "Utbildningsregistret", "anna@kommun.example",
          "Påminnelse: utbildning", "Hej Anna!\n\nKursen: https://example.org/kurs\n"};
}

TEST(MessageTest, ValidMessagePassesAndHeaderInjectionDoesNot) {
  EXPECT_TRUE(ValidateMessage(Sample()));
  Message m = Sample();
  m.subject = "Hej\r\nBcc: someone@else.example";
  EXPECT_EQ(ValidateMessage(m).error().field(), "subject");
  m = Sample();
  m.to = "anna@kommun.example>\r\nRCPT TO:<x@y";
  EXPECT_EQ(ValidateMessage(m).error().field(), "to");
  m = Sample();
  m.from = "nobody";
  EXPECT_EQ(ValidateMessage(m).error().field(), "from");
  m = Sample();
  m.from_name = "A\nB";
  EXPECT_EQ(ValidateMessage(m).error().field(), "from");
  m = Sample();
  m.text = "\xC3";
  EXPECT_EQ(ValidateMessage(m).error().field(), "text");
}

TEST(MessageTest, HeadersAreEncodedAndLinesEndInCrlf) {
  const std::string wire = FormatMessage(Sample(), 1772721000, "<1.synlig@kommun.example>");
  EXPECT_NE(wire.find("Date: Thu, 05 Mar 2026 14:30:00 +0000\r\n"), std::string::npos) << wire;
  EXPECT_NE(wire.find("From: Utbildningsregistret <synlig@kommun.example>\r\n"), std::string::npos);
  EXPECT_NE(wire.find("To: <anna@kommun.example>\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Subject: =?UTF-8?B?UMOlbWlubmVsc2U6IHV0YmlsZG5pbmc=?=\r\n"),
            std::string::npos);
  EXPECT_NE(wire.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(wire.find("\r\n\r\nHej Anna!\r\n\r\nKursen: https://example.org/kurs\r\n"),
            std::string::npos);
  for (std::size_t i = wire.find('\n'); i != std::string::npos; i = wire.find('\n', i + 1)) {
    ASSERT_EQ(wire[i - 1], '\r') << "bare LF at " << i;
  }
}

TEST(MessageTest, QuotedPrintableEscapesAndWraps) {
  EXPECT_EQ(QuotedPrintable("å = ö\n"), "=C3=A5 =3D =C3=B6\r\n");
  EXPECT_EQ(QuotedPrintable("trailing space \n"), "trailing space=20\r\n");
  EXPECT_EQ(QuotedPrintable(".\n"), "=2E\r\n");  // a lone dot never ends the SMTP data
  const std::string wrapped = QuotedPrintable(std::string(200, 'a'));
  for (std::size_t start = 0; start < wrapped.size();) {
    const std::size_t end = wrapped.find("\r\n", start);
    EXPECT_LE(end - start, 76u);
    start = end + 2;
  }
}

TEST(MessageTest, LongSubjectsBecomeSeveralWordsWithoutSplittingCharacters) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "å";
  const std::string words = EncodeHeaderWords(text);
  EXPECT_NE(words.find("?=\r\n =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(EncodeHeaderWords("plain"), "plain");
}

TEST(MessageTest, RecordingSenderKeepsAndFails) {
  RecordingSender sender;
  sender.failing_to = "bo@kommun.example";
  Message a = Sample();
  Message b = Sample();
  b.to = "bo@kommun.example";
  const auto results = sender.SendAll({a, b});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0]);
  EXPECT_EQ(results[1].error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(sender.sent.size(), 1u);
  EXPECT_EQ(*ParseSecurity("starttls_optional"), Security::kStartTlsOptional);
  EXPECT_EQ(ParseSecurity("ssl").error().field(), "security");
}

TEST(MessageTest, SmtpSenderRejectsBadConfiguration) {
  FakeClock clock{std::chrono::system_clock::time_point{}};
  SmtpOptions o;
  o.from = "synlig@kommun.example";
  EXPECT_EQ(MakeSmtpSender(o, clock).error().field(), "host");
  o.host = "smtp.kommun.example";
  o.port = 0;
  EXPECT_EQ(MakeSmtpSender(o, clock).error().field(), "port");
  o.port = 587;
  o.from = "nobody";
  EXPECT_EQ(MakeSmtpSender(o, clock).error().field(), "from");
}

}  // namespace
}  // namespace synlig::mail
