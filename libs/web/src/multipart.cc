// The multipart/form-data parser: boundary search, part headers, quoted parameters.
#include "multipart.h"

#include <algorithm>

namespace synlig::web {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `key` in a header value like `form-data; name="a"; filename="b"`.
std::string Parameter(std::string_view header, std::string_view key) {
  std::size_t i = header.find(';');
  while (i != std::string_view::npos) {
    std::string_view rest = Trim(header.substr(i + 1));
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return {};
    const std::string name = Lower(Trim(rest.substr(0, eq)));
    std::string_view value = rest.substr(eq + 1);
    std::string out;
    std::size_t consumed = 0;
    if (!value.empty() && value.front() == '"') {
      std::size_t j = 1;
      for (; j < value.size() && value[j] != '"'; ++j) {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        out.push_back(value[j]);
      }
      consumed = j + 1;
    } else {
      const std::size_t semi = value.find(';');
      out = std::string(Trim(value.substr(0, semi)));
      consumed = semi == std::string_view::npos ? value.size() : semi;
    }
    if (name == key) return out;
    const std::size_t offset = static_cast<std::size_t>(value.data() - header.data()) + consumed;
    i = offset < header.size() ? header.find(';', offset) : std::string_view::npos;
  }
  return {};
}

// Browsers on Windows used to send the full path: keep what follows the last separator.
std::string BaseName(std::string name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  return name;
}

}  // namespace

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body) {
  if (!Lower(content_type).starts_with("multipart/form-data")) {
    return InvalidArgument("the form was not sent as multipart/form-data", "body");
  }
  const std::string boundary = Parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) {
    return InvalidArgument("the multipart form has no boundary", "body");
  }
  const std::string delimiter = "--" + boundary;
  if (!body.starts_with(delimiter)) {
    return InvalidArgument("the multipart body does not start with its boundary", "body");
  }
  const std::string next = "\r\n" + delimiter;
  std::vector<MultipartPart> parts;
  std::size_t pos = delimiter.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") {
      return InvalidArgument("a multipart boundary is not followed by a line end", "body");
    }
    pos += 2;
    const std::size_t header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos) {
      return InvalidArgument("a multipart part has no end of headers", "body");
    }
    MultipartPart part;
    bool form_data = false;
    std::string_view headers = body.substr(pos, header_end - pos);
    while (!headers.empty()) {
      const std::size_t eol = headers.find("\r\n");
      const std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string name = Lower(Trim(line.substr(0, colon)));
      const std::string_view value = Trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        form_data = Lower(value).starts_with("form-data");
        part.name = Parameter(value, "name");
        part.filename = BaseName(Parameter(value, "filename"));
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    if (!form_data || part.name.empty()) {
      return InvalidArgument("a multipart part has no form-data name", "body");
    }
    const std::size_t data_start = header_end + 4;
    const std::size_t data_end = body.find(next, data_start);
    if (data_end == std::string_view::npos) {
      return InvalidArgument("a multipart part is not ended by the boundary", "body");
    }
    if (parts.size() >= kMaxMultipartParts) {
      return InvalidArgument("the multipart form has too many parts", "body");
    }
    part.data = std::string(body.substr(data_start, data_end - data_start));
    parts.push_back(std::move(part));
    pos = data_end + next.size();
  }
}

std::string FormatMultipart(const std::vector<MultipartPart>& parts, std::string& content_type) {
  std::string boundary = "synlig-form-boundary-7f3a9c";
  auto clashes = [&] {
    for (const MultipartPart& p : parts) {
      if (p.data.find(boundary) != std::string::npos) return true;
    }
    return false;
  };
  while (clashes()) boundary.append("-x");
  auto quoted = [](std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c == '\r' || c == '\n' ? ' ' : c);
    }
    return out + "\"";
  };
  std::string body;
  for (const MultipartPart& p : parts) {
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=").append(quoted(p.name));
    if (!p.filename.empty()) body.append("; filename=").append(quoted(p.filename));
    body.append("\r\n");
    if (!p.content_type.empty()) {
      std::string type = p.content_type;
      std::replace(type.begin(), type.end(), '\r', ' ');
      std::replace(type.begin(), type.end(), '\n', ' ');
      body.append("Content-Type: ").append(type).append("\r\n");
    }
    body.append("\r\n").append(p.data).append("\r\n");
  }
  body.append("--").append(boundary).append("--\r\n");
  content_type = "multipart/form-data; boundary=" + boundary;
  return body;
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const MultipartPart& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace synlig::web
