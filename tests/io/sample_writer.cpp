// Writes the sample run twice for the h5py check (tests/io/check_h5py.py):
//   OUTDIR/sample_finished.h5  37 steps, finished normally
//   OUTDIR/sample_killed.h5    25 steps with flush_every 10, then SIGKILL: 20 steps on disk
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>

#include "io/result_writer.hpp"
#include "sample_run.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
    return 2;
  }
  using namespace zhili;
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  {
    ResultWriter w((dir / "sample_finished.h5").string(), test::sample_layout(), test::sample_metadata(),
                   {12, 4});
    test::write_steps(w, 0, 37);
    w.finish(RunStatus::finished, 1.0);
  }
  const pid_t child = fork();
  if (child == 0) {
    ResultWriter w((dir / "sample_killed.h5").string(), test::sample_layout(), test::sample_metadata(),
                   {10, 4});
    test::write_steps(w, 0, 25);
    raise(SIGKILL);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) != child || !WIFSIGNALED(status)) {
    std::fprintf(stderr, "the killed writer did not die as planned\n");
    return 1;
  }
  return 0;
}
