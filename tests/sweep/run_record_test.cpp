// The bytes a worker process or MPI rank sends for a run: a record survives
// the trip whole, and garbage is refused rather than misread.
#include <gtest/gtest.h>

#include "sweep/run_record.hpp"

namespace zhili::sweep {

TEST(RunRecordWire, RoundTripsEveryField) {
  RunRecord rec;
  rec.state = RunState::failed;
  rec.bad_input = true;
  rec.message = "sweep.yaml:3:3: error: x\n  hint: y\n";
  rec.row = std::string("1,0,1,42,0.5,NaN\n") + '\0' + "tail";  // any bytes
  int id = -1;
  RunRecord back;
  ASSERT_TRUE(decode_record(encode_record(12345, rec), id, back));
  EXPECT_EQ(id, 12345);
  EXPECT_EQ(back.state, RunState::failed);
  EXPECT_FALSE(back.resumed);
  EXPECT_TRUE(back.bad_input);
  EXPECT_EQ(back.message, rec.message);
  EXPECT_EQ(back.row, rec.row);
}

TEST(RunRecordWire, RefusesShortOrLongMessages) {
  RunRecord rec;
  rec.state = RunState::finished;
  rec.resumed = true;
  rec.row = "0,0,0,1\n";
  const std::string bytes = encode_record(7, rec);
  int id = -1;
  RunRecord back;
  EXPECT_FALSE(decode_record(bytes.substr(0, bytes.size() - 1), id, back));
  EXPECT_FALSE(decode_record(bytes + "x", id, back));
  EXPECT_FALSE(decode_record("", id, back));
}

TEST(RunRecordWire, HelloCarriesFingerprintOrError) {
  std::uint64_t fp = 0;
  std::string error;
  ASSERT_TRUE(decode_hello(encode_hello(0xfeedfacecafebeefull, ""), fp, error));
  EXPECT_EQ(fp, 0xfeedfacecafebeefull);
  EXPECT_TRUE(error.empty());
  ASSERT_TRUE(decode_hello(encode_hello(0, "bad sweep"), fp, error));
  EXPECT_EQ(fp, 0u);
  EXPECT_EQ(error, "bad sweep");
}

}  // namespace zhili::sweep
