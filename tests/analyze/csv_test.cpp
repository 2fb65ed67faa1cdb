// Reading sweep tables back: quoting, positions, and errors that say where.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "analyze/csv.hpp"
#include "analyze/summary_table.hpp"

namespace zhili::analyze {

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_csv(text, "s.csv");
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

std::string write(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "zhili_csv_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return (dir / name).string();
}

std::string summary_error(const std::string& text) {
  try {
    read_summary(write("summary.csv", text));
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Csv, QuotedFieldsAndPositions) {
  const auto t = parse_csv("a,b,c\n1,\"x, \"\"y\"\"\",3\n4,5,\n", "s.csv");
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[1].text, "x, \"y\"");
  EXPECT_EQ(t.rows[0].fields[2].column, 14);
  EXPECT_EQ(t.rows[1].line, 3);
  EXPECT_EQ(t.rows[1].fields[2].text, "");
  EXPECT_EQ(t.column_index("c"), 2);
  EXPECT_EQ(t.column_index("d"), -1);
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(parse_csv("a,b\r\n1,2\r\n", "s.csv").rows[0].fields[1].text, "2");  // CRLF
}

TEST(Csv, ErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of("a,b\n1,2\n3\n"), "s.csv:3:1: error: row has 1 fields, the header 2 (a cut or malformed row?)");
  EXPECT_EQ(error_of("a,b\n1,\"2\n"), "s.csv:2:3: error: quoted field not closed (missing '\"')");
  EXPECT_EQ(error_of(""), "s.csv:1:1: error: empty file (expected a header line)");
  try {
    read_csv("/nonexistent/summary.csv");
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/summary.csv: error: cannot read"), std::string::npos);
  }
}

TEST(SummaryTable, SplitsFactorsFromOutcomesAndGroupsPoints) {
  const auto s = read_summary(write("ok.csv",
                                    "run,point,replicate,seed,policy.hukou.openness,coverage:final,coverage:mean\n"
                                    "0,0,0,11,0.2,0.5,NaN\n"
                                    "1,0,1,12,0.2,0.7,0.6\n"
                                    "2,1,0,13,0.8,0.9,0.8\n"));
  EXPECT_EQ(s.factors, (std::vector<std::string>{"policy.hukou.openness"}));
  EXPECT_EQ(s.outcomes, (std::vector<std::string>{"coverage:final", "coverage:mean"}));
  ASSERT_EQ(s.point_runs.size(), 2u);
  EXPECT_EQ(s.point_runs[0], (std::vector<int>{0, 1}));
  EXPECT_EQ(s.point_values[1], (std::vector<std::string>{"0.8"}));
  EXPECT_TRUE(std::isnan(s.runs[0].values[1]));
  EXPECT_EQ(s.outcome_index("coverage:mean"), 1);
}

TEST(SummaryTable, BadFieldsAreReportedWhereTheyAre) {
  const std::string header = "run,point,replicate,seed,x,y:mean\n";
  EXPECT_EQ(summary_error(header + "0,0,0,1,0.5,0.1\n1,1,0,2,0.6,abc\n"),
            write("summary.csv", "") + ":3:13: error: column 'y:mean': not a number (found 'abc')");
  EXPECT_NE(summary_error(header + "0,0,0,1,0.5\n").find("summary.csv:2:1: error: row has 5 fields, the header 6"),
            std::string::npos);
  EXPECT_NE(summary_error("a,b\n1,2\n").find("header does not start with run,point,replicate,seed"),
            std::string::npos);
  EXPECT_NE(summary_error(header + "0,-1,0,1,0.5,0.1\n").find(":2:3: error: column 'point'"), std::string::npos);
  EXPECT_NE(summary_error(header + "0,0,0,1,0.5,0.1\n1,0,1,2,0.7,0.1\n").find("summary.csv:3:1: error: point 0 has other factor values"),
            std::string::npos);
  // A gap in the points is reported at the row that jumps past it (it had no line).
  EXPECT_NE(summary_error(header + "0,0,0,1,0.5,0.1\n1,7,0,2,0.7,0.1\n").find("summary.csv:3:1: error: point 1 has no run"),
            std::string::npos);
}

// A design.csv whose factor values differ from the summary's is another
// sweep's or edited: an error, as docs/SWEEPS.md says (it was read as it was).
TEST(SummaryTable, DesignMustMatchTheSummary) {
  const auto s = read_summary(write("ok.csv", "run,point,replicate,seed,x,y:mean\n0,0,0,1,0.5,0.1\n1,1,0,2,0.9,0.2\n"));
  EXPECT_NO_THROW(read_design(write("design.csv", "point,design,block,row,x\n0,factorial,,0,0.5\n1,factorial,,1,0.9\n"), s));
  try {
    read_design(write("design.csv", "point,design,block,row,x\n0,factorial,,0,0.5\n1,factorial,,1,0.7\n"), s);
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_NE(std::string(e.what()).find("design.csv:3:1: error: point 1 has x = 0.7, but 0.9 in"), std::string::npos)
        << e.what();
  }
}

}  // namespace zhili::analyze
