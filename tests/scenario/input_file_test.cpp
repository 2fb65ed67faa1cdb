// InputFile (scenario/input_file.hpp): sweep and calibration files read by
// the scenario loader's rules, with every error located and all reported.
#include "scenario/input_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace zhili {

namespace {

std::string write_input(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "zhili-input-file-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

// The one diagnostic recorded so far.
Diagnostic only(InputFile& f) {
  EXPECT_EQ(f.diagnostics().size(), 1u) << f.diagnostics().format_all();
  return f.diagnostics().empty() ? Diagnostic{} : f.diagnostics().items()[0];
}

}  // namespace

TEST(InputFile, ReadsValuesAsStrictlyAsAScenario) {
  InputFile f(write_input("strict.yaml", "replicates: \"4\"\nshare: 0.5\nflag: yes\n"), "sweep");
  EXPECT_FALSE(f.integer(f.root()["replicates"], "replicates", 1, 100));  // a quoted number is a string
  EXPECT_EQ(only(f).message, "wrong type");
  EXPECT_EQ(only(f).where.line, 1);
  EXPECT_EQ(only(f).where.column, 13);
  EXPECT_EQ(f.number(f.root()["share"], "share", 0, 1), 0.5);
  EXPECT_FALSE(f.choice(f.root()["flag"], "flag", {"true", "false"}));
  EXPECT_EQ(f.diagnostics().items().back().message, "invalid value");
}

TEST(InputFile, RangesNonFiniteNumbersAndMissingKeys) {
  InputFile f(write_input("range.yaml", "n: 0\nx: .nan\nm: {a: 1}\n"), "calibration");
  EXPECT_FALSE(f.integer(f.root()["n"], "n", 1, 10));
  EXPECT_EQ(f.diagnostics().items().back().message, "value out of range");
  EXPECT_EQ(f.diagnostics().items().back().expected, "an integer in [1, 10]");
  EXPECT_FALSE(f.number(f.root()["x"], "x"));
  EXPECT_EQ(f.diagnostics().items().back().expected, "a finite number");
  EXPECT_FALSE(f.required(f.root()["m"], "b", "m.b", "a number"));
  EXPECT_EQ(f.diagnostics().items().back().message, "missing key");
  EXPECT_EQ(f.diagnostics().items().back().where.line, 3);  // at the mapping that lacks it
}

TEST(InputFile, UnknownAndDuplicateKeys) {
  InputFile f(write_input("keys.yaml", "seed: 1\nreplicats: 2\nseed: 3\n"), "sweep");
  f.check_keys(f.root(), "", {"seed", "replicates"});
  ASSERT_EQ(f.diagnostics().size(), 2u) << f.diagnostics().format_all();
  const auto& all = f.diagnostics().items();
  EXPECT_EQ(all[0].message, "unknown key");
  EXPECT_EQ(all[0].hint, "did you mean 'replicates'?");
  EXPECT_EQ(all[1].message, "duplicate key");
  EXPECT_EQ(all[1].where.line, 3);
  EXPECT_THROW(f.throw_if_errors(), ScenarioError);
}

TEST(InputFile, PathsAreRelativeToTheFile) {
  const std::string path = write_input("paths.yaml", "base: ../x.yaml\n");
  InputFile f(path, "sweep");
  const auto dir = std::filesystem::path(path).parent_path();
  EXPECT_EQ(f.resolve("../x.yaml"), (dir / "../x.yaml").lexically_normal().string());
  EXPECT_EQ(f.resolve("/abs/y.yaml"), "/abs/y.yaml");
}

TEST(InputFile, AFileThatIsNotYamlIsRefusedAtOnce) {
  const std::string path = write_input("broken.yaml", "a: [1, 2\n");
  try {
    InputFile f(path, "sweep");
    FAIL() << "a syntax error was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().items().at(0).message, "YAML syntax error");
  }
}

}  // namespace zhili
