// Saltelli designs: the Sobol' sequence against scipy's, the block structure
// of A, B and AB_i, seeding, and how the sweep file declares one.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "scenario/diagnostics.hpp"
#include "sweep/design.hpp"
#include "sweep/saltelli.hpp"
#include "sweep/sobol_sequence.hpp"
#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

// Reference values from scipy 1.10 (Debian python3-scipy), which uses the same
// Joe & Kuo direction numbers and Gray-code order:
//   scipy.stats.qmc.Sobol(d=64, scramble=False).random(1025)[i][d]
TEST(SobolSequence, MatchesScipy) {
  struct Ref {
    std::uint64_t i;
    int d;
    double x;
  };
  const Ref refs[] = {{1, 0, 0.5},           {2, 1, 0.25},           {5, 2, 0.125},
                      {100, 0, 0.4140625},   {100, 2, 0.7734375},    {100, 9, 0.6953125},
                      {100, 63, 0.6484375},  {1000, 1, 0.0966796875}, {1000, 31, 0.1455078125},
                      {1000, 63, 0.4462890625}, {1024, 0, 0.00146484375}, {1024, 63, 0.96630859375}};
  for (const auto& r : refs) EXPECT_DOUBLE_EQ(sobol_point(r.i, r.d), r.x) << "point " << r.i << " dim " << r.d;
  EXPECT_EQ(sobol_bits(0, 5), 0u);  // the unshifted sequence starts at the origin
  EXPECT_THROW(sobol_bits(1, kSobolMaxDimensions), std::out_of_range);
}

TEST(SobolSequence, FirstPowerOfTwoPointsFallOnePerInterval) {
  // The defining property: points 0..2^m-1 put one point in each interval
  // [j/2^m, (j+1)/2^m) of every coordinate.
  for (int d : {0, 7, 40, 63}) {
    std::set<std::uint32_t> cells;
    for (std::uint64_t i = 0; i < 256; ++i) cells.insert(sobol_bits(i, d) >> 24);
    EXPECT_EQ(cells.size(), 256u) << "dimension " << d;
  }
}

TEST(Saltelli, BlocksAreAThenBThenABi) {
  const int n = 16, k = 3;
  const auto x = saltelli_design(n, k, 7);
  ASSERT_EQ(x.size(), static_cast<std::size_t>(n * (k + 2)));
  for (int j = 0; j < n; ++j) {
    const auto& a = x[static_cast<std::size_t>(j)];
    const auto& b = x[static_cast<std::size_t>(n + j)];
    for (int i = 0; i < k; ++i) {
      const auto& ab = x[static_cast<std::size_t>((2 + i) * n + j)];
      for (int c = 0; c < k; ++c) EXPECT_EQ(ab[static_cast<std::size_t>(c)], (c == i ? b : a)[static_cast<std::size_t>(c)]);
      EXPECT_NE(a[static_cast<std::size_t>(i)], b[static_cast<std::size_t>(i)]);
    }
    for (double v : a) {
      EXPECT_GT(v, 0.0);
      EXPECT_LT(v, 1.0);
    }
  }
  EXPECT_EQ(saltelli_block(0, n), "A");
  EXPECT_EQ(saltelli_block(n, n), "B");
  EXPECT_EQ(saltelli_block(2 * n, n), "AB1");
  EXPECT_EQ(saltelli_block(5 * n - 1, n), "AB3");
  // The digital shift keeps the stratification: one A value per 1/n interval.
  std::set<int> cells;
  for (int j = 0; j < n; ++j) cells.insert(static_cast<int>(x[static_cast<std::size_t>(j)][1] * n));
  EXPECT_EQ(cells.size(), static_cast<std::size_t>(n));
  // A function of the seed.
  EXPECT_EQ(saltelli_design(n, k, 7), x);
  EXPECT_NE(saltelli_design(n, k, 8), x);
}

TEST(Saltelli, PlanMapsUnitCoordinatesToRanges) {
  Factor a;
  a.key = "migration.inflow_rate";
  a.is_range = true;
  a.lo = 0.01;
  a.hi = 0.05;
  Factor b = a;
  b.key = "population.households";
  b.lo = 1000;
  b.hi = 2000;
  b.integer = true;
  SweepSpec spec;
  spec.factors = {a, b};
  spec.design = DesignKind::saltelli;
  spec.samples = 8;
  spec.replicates = 2;
  const auto plan = plan_sweep(spec);
  ASSERT_EQ(plan.points.size(), 8u * 4u);
  EXPECT_EQ(plan.runs.size(), 64u);
  for (const auto& p : plan.points) {
    EXPECT_GE(std::stod(p[0]), 0.01);
    EXPECT_LE(std::stod(p[0]), 0.05);
    EXPECT_EQ(p[1].find('.'), std::string::npos) << p[1];  // integer range: integer text
  }
  // AB1 row 3 takes factor 0 from B row 3 and factor 1 from A row 3.
  EXPECT_EQ(plan.points[2 * 8 + 3][0], plan.points[8 + 3][0]);
  EXPECT_EQ(plan.points[2 * 8 + 3][1], plan.points[3][1]);
  // Common random numbers: the runs of row j share their seeds across blocks,
  // replicates and rows do not.
  const auto seed = [&](int point, int replicate) { return plan.runs[static_cast<std::size_t>(point * 2 + replicate)].seed; };
  EXPECT_EQ(seed(3, 0), seed(8 + 3, 0));
  EXPECT_EQ(seed(3, 1), seed(3 * 8 + 3, 1));
  EXPECT_NE(seed(3, 0), seed(3, 1));
  EXPECT_NE(seed(3, 0), seed(4, 0));
  const std::string csv = design_csv(spec, plan);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "point,design,block,row,migration.inflow_rate,population.households");
  EXPECT_NE(csv.find("\n19,saltelli,AB1,3,"), std::string::npos) << csv;
}

namespace {

std::string write_sweep(const std::string& name, const std::string& body) {
  const auto dir = std::filesystem::temp_directory_path() / "zhili_saltelli_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << "base: " << ZHILI_SOURCE_DIR << "/tests/data/small.yaml\n" << body;
  return path.string();
}

std::string errors_of(const std::string& path) {
  try {
    load_sweep(path);
  } catch (const ScenarioError& e) {
    return e.diagnostics().format_all();
  }
  return "";
}

}  // namespace

TEST(SaltelliSweepFile, LoadsWithSamples) {
  const auto spec = load_sweep(write_sweep("ok.yaml",
                                           "factors:\n"
                                           "  migration.inflow_rate: {range: [0.01, 0.05]}\n"
                                           "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                           "design: {kind: saltelli, samples: 32}\n"));
  EXPECT_EQ(spec.design, DesignKind::saltelli);
  EXPECT_EQ(spec.samples, 32);
  EXPECT_EQ(plan_sweep(spec).points.size(), 32u * 4u);
}

TEST(SaltelliSweepFile, ErrorsNameLineAndKey) {
  // A listed factor: line 3, column 3 is its key.
  const auto values = errors_of(write_sweep("values.yaml",
                                            "factors:\n"
                                            "  policy.hukou.openness: [0.1, 0.9]\n"
                                            "design: {kind: saltelli, samples: 8}\n"));
  EXPECT_NE(values.find("values.yaml:3:3: error: factors.policy.hukou.openness: a Saltelli design needs a range"),
            std::string::npos)
      << values;
  const auto missing = errors_of(write_sweep("missing.yaml",
                                             "factors:\n"
                                             "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                             "design: {kind: saltelli}\n"));
  EXPECT_NE(missing.find("missing.yaml:4:9: error: design.samples: missing key"), std::string::npos) << missing;
  const auto points = errors_of(write_sweep("points.yaml",
                                            "factors:\n"
                                            "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                            "design: {kind: saltelli, samples: 1, points: 4}\n"));
  EXPECT_NE(points.find("design.samples: value out of range (found 1, expected an integer in [2, 1000000])"),
            std::string::npos)
      << points;
  EXPECT_NE(points.find("design.points: not used by a saltelli design"), std::string::npos) << points;
  const auto typo = errors_of(write_sweep("typo.yaml",
                                          "factors:\n"
                                          "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                          "design: {kind: saltell, samples: 8}\n"));
  EXPECT_NE(typo.find("did you mean 'saltelli'"), std::string::npos) << typo;
}

TEST(SweepFileSize, ADesignOfTooManyRunsIsRefusedBeforeAnyIsListed) {
  // 10^6 points x 10^5 replicates: listing them ended in std::bad_alloc
  // (exit 3, "result file cannot be written") after gigabytes.
  const auto start = std::chrono::steady_clock::now();
  const auto huge = errors_of(write_sweep("huge.yaml",
                                          "factors:\n"
                                          "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                          "design: {kind: latin_hypercube, points: 1000000}\n"
                                          "replicates: 100000\n"));
  EXPECT_NE(huge.find("huge.yaml:5:13: error: replicates: design too large (found 100000000000 runs, expected at most "
                      "100000 runs (design points x replicates))"),
            std::string::npos)
      << huge;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // A factorial's points multiply: 5 factors of 10 values and one of 2.
  std::string body = "factors:\n";
  for (const char* key : {"policy.hukou.openness", "migration.inflow_rate", "migration.return_rate",
                          "migration.settlement_rate", "policy.services.equalization"})
    body += std::string("  ") + key + ": [0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19]\n";
  body += "  relocation.enabled: [true, false]\n";
  const auto factorial = errors_of(write_sweep("factorial.yaml", body));
  EXPECT_NE(factorial.find("factors: design too large (found 200000 runs"), std::string::npos) << factorial;
  // At the limit it loads.
  EXPECT_EQ(errors_of(write_sweep("limit.yaml", "factors:\n  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                                                "design: {kind: latin_hypercube, points: 1000}\nreplicates: 100\n")),
            "");
}

}  // namespace zhili::sweep
