#include "core/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace zhili {

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

std::string not_regular(mode_t mode) { return std::string("not a regular file (") + kind_of(mode) + ")"; }

std::string mib(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

std::string read_whole_file(const std::string& path, std::string& out, std::uintmax_t limit) {
  // Non-blocking, so that opening a FIFO returns at once; fstat then refuses it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  struct stat st {};
  std::string why;
  if (::fstat(fd, &st) != 0) {
    why = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    why = not_regular(st.st_mode);
  } else if (static_cast<std::uintmax_t>(st.st_size) > limit) {
    why = std::to_string(st.st_size) + " bytes, above the limit of " + mib(limit) + " for an input file";
  } else {
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < static_cast<std::size_t>(st.st_size)) {
      const ssize_t n = ::read(fd, out.data() + start + got, static_cast<std::size_t>(st.st_size) - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        why = std::strerror(errno);
        break;
      }
      if (n == 0) break;  // shrank while read
      got += static_cast<std::size_t>(n);
    }
    out.resize(start + got);
  }
  ::close(fd);
  return why;
}

std::string not_a_regular_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return "";
  return not_regular(st.st_mode);
}

void lone_cr_to_lf(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
}

}  // namespace zhili
