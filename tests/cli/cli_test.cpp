// The zhili program as a user meets it: help, version, exit codes, messages.
#include <gtest/gtest.h>

#include <fstream>

#include "io/result_reader.hpp"
#include "subprocess.hpp"

namespace zhili {

using testing::run_zhili;

namespace {
const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";
std::string out_path(const std::string& name) { return std::string(ZHILI_BINARY_DIR) + "/" + name; }
}  // namespace

TEST(Cli, HelpAndVersion) {
  const auto help = run_zhili({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"run", "validate", "info", "Exit codes"})
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  const auto run_help = run_zhili({"run", "--help"});
  EXPECT_EQ(run_help.exit_code, 0);
  for (const char* word : {"--threads", "--seed", "--steps", "--set", "--quiet", "-o"})
    EXPECT_NE(run_help.out.find(word), std::string::npos) << word;
  const auto version = run_zhili({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("zhili " ZHILI_VERSION), std::string::npos);
}

TEST(Cli, UsageErrorsExitWith2) {
  EXPECT_EQ(run_zhili({}).exit_code, 2);
  EXPECT_EQ(run_zhili({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_zhili({"run"}).exit_code, 2);
  EXPECT_EQ(run_zhili({"run", kSmall, "--threads", "many"}).exit_code, 2);
  // The bound is said plainly (it was the largest double, 309 digits).
  const auto jobs = run_zhili({"sweep", "any.yaml", "-o", "out", "--jobs", "-3"});
  EXPECT_EQ(jobs.exit_code, 2);
  EXPECT_NE(jobs.err.find("--jobs: Value -3 not in range 0 to 100000"), std::string::npos) << jobs.err;
}

// The shortcuts are checked as the scenario loader checks --set, as typed (a
// negative seed is out of range, not wrapped to 2^64 - 1), and an error
// names the option given, not a --set the user did not write.
TEST(Cli, ShortcutErrorsNameTheOptionAndTheValueAsTyped) {
  const auto r = run_zhili({"run", kSmall, "-o", out_path("never.h5"), "--set", "run.seed=1", "--seed", "-1",
                            "--steps", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--seed: error: run.seed: value out of range (found -1,"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--steps: error: run.steps: value out of range (found 0,"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("--set #2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 error(s) loading"), std::string::npos) << r.err;
}

TEST(Cli, ValidatePrintsOkAndSummary) {
  const auto r = run_zhili({"validate", kSmall});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ok\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("small"), std::string::npos);
}

TEST(Cli, ValidateReportsEveryErrorWithPositionAndExits2) {
  const std::string bad = out_path("bad.yaml");
  std::ofstream(bad) << "run:\n  stpes: 10\n  seed: -3\nworld:\n  width: 0\n";
  const auto r = run_zhili({"validate", bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ":2:3"), std::string::npos) << r.err;   // unknown key stpes
  EXPECT_NE(r.err.find("steps"), std::string::npos) << r.err;        // did you mean
  EXPECT_NE(r.err.find(bad + ":3:9"), std::string::npos) << r.err;   // seed out of range
  EXPECT_NE(r.err.find(bad + ":5:10"), std::string::npos) << r.err;  // width out of range
}

TEST(Cli, OverridesAreCheckedToo) {
  const auto r = run_zhili({"validate", kSmall, "--set", "policy.hukou.openess=0.5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("openness"), std::string::npos) << r.err;
  const auto ok = run_zhili({"validate", kSmall, "--set", "policy.hukou.openness=0.5"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(Cli, MissingScenarioExits2) {
  const auto r = run_zhili({"run", "/nonexistent/scenario.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/scenario.yaml"), std::string::npos) << r.err;
}

TEST(Cli, RunWritesFileAndInfoDescribesIt) {
  const std::string out = out_path("cli_run.h5");
  const auto r = run_zhili({"run", kSmall, "-o", out, "--steps", "6", "--threads", "2", "--seed", "99"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Result file: " + out), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("migrant_share"), std::string::npos);
  // Not a terminal: plain progress lines every 10 %.
  EXPECT_NE(r.err.find("progress: 100%"), std::string::npos) << r.err;

  const ResultReader reader(out);
  EXPECT_EQ(reader.steps_done(), 6);
  EXPECT_EQ(reader.status(), RunStatus::finished);
  EXPECT_EQ(reader.metadata().seed, 99u);
  EXPECT_EQ(reader.metadata().threads, 2);

  const auto info = run_zhili({"info", out});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  for (const char* word : {"small", "finished", "6 of 6", "seed 99", "population", "persons", "hukou.openness"})
    EXPECT_NE(info.out.find(word), std::string::npos) << word << "\n" << info.out;
}

TEST(Cli, QuietPrintsNothing) {
  const auto r = run_zhili({"run", kSmall, "-o", out_path("quiet.h5"), "--steps", "2", "-q"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, InfoOnMissingOrForeignFileExits3) {
  EXPECT_EQ(run_zhili({"info", "/nonexistent.h5"}).exit_code, 3);
  const std::string junk = out_path("junk.h5");
  std::ofstream(junk) << "not hdf5";
  const auto r = run_zhili({"info", junk});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(junk), std::string::npos) << r.err;
}

TEST(Cli, UnwritableOutputExits3) {
  const auto r = run_zhili({"run", kSmall, "-o", "/nonexistent-dir/out.h5", "--steps", "2"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent-dir/out.h5"), std::string::npos) << r.err;
}

}  // namespace zhili

namespace zhili {

// --without, checkpoints and --from as a user types them, and what each
// mistake says.
TEST(Cli, WithoutCheckpointAndFrom) {
  std::string small;
  {
    std::ifstream in(kSmall);
    small.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string entry = "  - at: 2016-01\n";
  small.replace(small.find(entry), entry.size(), "  - name: permits\n    at: 2016-01\n");
  const std::string scenario = out_path("cli_named.yaml");
  std::ofstream(scenario) << small;

  const auto unknown = run_zhili({"run", scenario, "-o", out_path("never.h5"), "--without", "permit"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--without: error: schedule.permit.enabled: unknown schedule entry"), std::string::npos)
      << unknown.err;
  EXPECT_NE(unknown.err.find("did you mean 'permits'?"), std::string::npos) << unknown.err;

  const std::string run = out_path("cli_ckpt.h5");
  const auto saved = run_zhili({"run", scenario, "-o", run, "--steps", "8", "--checkpoint-at", "2015-05"});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_NE(saved.out.find("Checkpoint: " + out_path("cli_ckpt.2015-05-01.ckpt")), std::string::npos) << saved.out;

  const auto cont = run_zhili({"run", scenario, "-o", out_path("cli_cont.h5"), "--steps", "8", "--from", run, "--at",
                               "2015-05", "--without", "permits"});
  EXPECT_EQ(cont.exit_code, 0) << cont.err;
  EXPECT_NE(cont.err.find("continuing 'small' from"), std::string::npos) << cont.err;
  const ResultReader r(out_path("cli_cont.h5"));
  EXPECT_EQ(r.metadata().branch_step, 4);
  EXPECT_EQ(r.metadata().first_step, 0);  // the 4 steps before copied from the run
  EXPECT_EQ(r.steps_done(), 8);
  const auto info = run_zhili({"info", out_path("cli_cont.h5")});
  EXPECT_NE(info.out.find("continued: from " + out_path("cli_ckpt.2015-05-01.ckpt") + " at step 4"), std::string::npos)
      << info.out;

  const auto over = run_zhili({"run", scenario, "-o", run, "--steps", "8", "--from", run, "--at", "2015-05"});
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("would overwrite"), std::string::npos) << over.err;
  const auto seed = run_zhili({"run", scenario, "-o", out_path("never.h5"), "--steps", "8", "--seed", "3", "--from",
                               out_path("cli_ckpt.2015-05-01.ckpt")});
  EXPECT_EQ(seed.exit_code, 2);
  EXPECT_NE(seed.err.find("run.seed: the checkpoint has 7, this scenario 3"), std::string::npos) << seed.err;
  const auto missing = run_zhili({"run", scenario, "-o", out_path("never.h5"), "--from", run, "--at", "2015-06"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--checkpoint-at 2015-06"), std::string::npos) << missing.err;
  EXPECT_EQ(run_zhili({"run", scenario, "-o", out_path("never.h5"), "--at", "2015-05"}).exit_code, 2);
  EXPECT_EQ(run_zhili({"run", scenario, "-o", out_path("never.h5"), "--checkpoint-at", "2099-01"}).exit_code, 2);
}

}  // namespace zhili

namespace zhili {

// The headline of a run names its public spending, per resident and by its
// largest items (the budget observable, docs/MODEL.md 7.13).
TEST(Cli, HeadlineSaysThePublicSpending) {
  const auto r = run_zhili({"run", kSmall, "-o", out_path("headline.h5"), "--steps", "12"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto at = r.out.find("public spending");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  EXPECT_NE(line.find("million yuan a year"), std::string::npos) << line;
  EXPECT_NE(line.find("yuan per resident; largest: settlement"), std::string::npos) << line;
}

}  // namespace zhili
