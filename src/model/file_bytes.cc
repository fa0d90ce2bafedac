// Reading files with POSIX calls: open non-blocking, fstat for the type and size, one buffer of
// that size, read until EOF. The size is checked against the cap before anything is allocated;
// a file that grows while being read is still cut off at the cap.
#include "model/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "model/utf8.h"

namespace clearance {

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

std::optional<std::string> real_path(const std::string& path) {
  char* r = ::realpath(path.c_str(), nullptr);
  if (!r) return std::nullopt;
  std::string out(r);
  std::free(r);
  return out;
}

/// UTF-16 (after its byte order mark) as UTF-8; unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(const std::string& bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) -> uint32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (uint32_t{b} << 8 | a) : (uint32_t{a} << 8 | b);
  };
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u);
  }
  return out;
}

}  // namespace

ReadStatus read_regular_file(const std::string& path, uintmax_t cap, std::string& out,
                             std::string& error, uintmax_t& size) {
  Fd f;
  do {
    f.fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  } while (f.fd < 0 && errno == EINTR);
  if (f.fd < 0) {
    error = std::strerror(errno);
    return ReadStatus::Error;
  }
  struct stat st;
  if (fstat(f.fd, &st) != 0) {
    error = std::strerror(errno);
    return ReadStatus::Error;
  }
  if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    return ReadStatus::Error;
  }
  size = static_cast<uintmax_t>(st.st_size);
  if (size > cap) return ReadStatus::TooLarge;

  out.resize(static_cast<size_t>(size));
  size_t got = 0;
  for (;;) {
    if (got == out.size()) {
      // At the expected size: check for growth with a small read, then grow if needed.
      char probe[4096];
      ssize_t n = read(f.fd, probe, sizeof probe);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = std::strerror(errno);
        return ReadStatus::Error;
      }
      if (n == 0) break;
      if (got + static_cast<size_t>(n) > cap) {
        size = got + static_cast<size_t>(n);
        return ReadStatus::TooLarge;
      }
      out.append(probe, static_cast<size_t>(n));
      got += static_cast<size_t>(n);
      continue;
    }
    ssize_t n = read(f.fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return ReadStatus::Error;
    }
    if (n == 0) break;  // the file shrank since fstat
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  size = got;
  return ReadStatus::Ok;
}

std::optional<std::string> real_path_inside(const std::string& root, const std::string& path,
                                            std::string& why) {
  auto real_root = real_path(root.empty() ? "." : root);
  auto real = real_path(path);
  if (!real || !real_root) {
    why = "no such file";
    return std::nullopt;
  }
  const std::string& r = *real_root;
  bool inside = r == "/" || *real == r ||
                (real->size() > r.size() && real->compare(0, r.size(), r) == 0 &&
                 (*real)[r.size()] == '/');
  if (!inside) {
    why = "outside the scan root";
    return std::nullopt;
  }
  return real;
}

bool read_confined(const std::string& root, const std::string& path, uintmax_t cap,
                   std::string& out, std::string& why) {
  auto real = real_path_inside(root, path, why);
  if (!real) return false;
  uintmax_t size = 0;
  switch (read_regular_file(*real, cap, out, why, size)) {
    case ReadStatus::Ok: normalise_text(out); return true;
    case ReadStatus::TooLarge:
      out.clear();
      why = "larger than " + std::to_string(cap) + " bytes";
      return false;
    case ReadStatus::Error: out.clear(); return false;
  }
  return false;
}

bool normalise_text(std::string& bytes) {
  bool utf16 = false;
  if (bytes.size() >= 2 && (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) &&
      !bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) {  // not UTF-32
    bytes = utf16_to_utf8(bytes, bytes[0] == '\xFF');
    utf16 = true;
  }
  for (size_t i = bytes.find('\r'); i != std::string::npos; i = bytes.find('\r', i + 1))
    if (i + 1 == bytes.size() || bytes[i + 1] != '\n') bytes[i] = '\n';
  return utf16;
}

}  // namespace clearance
