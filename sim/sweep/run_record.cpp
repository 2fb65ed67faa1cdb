#include "sweep/run_record.hpp"

namespace zhili::sweep {

std::string to_string(RunState s) {
  switch (s) {
    case RunState::not_run: return "not_run";
    case RunState::finished: return "finished";
    case RunState::failed: return "failed";
    case RunState::interrupted: return "interrupted";
  }
  return "?";
}

namespace {

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

// Reads from the front of `in`, false once it runs short.
struct Reader {
  std::string_view in;
  bool u64(std::uint64_t& v) {
    if (in.size() < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<unsigned char>(in[static_cast<std::size_t>(i)])) << (8 * i);
    in.remove_prefix(8);
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || n > in.size()) return false;
    s.assign(in.substr(0, n));
    in.remove_prefix(n);
    return true;
  }
};

}  // namespace

std::string encode_record(int id, const RunRecord& rec) {
  std::string out;
  put_u64(out, static_cast<std::uint64_t>(id));
  put_u64(out, static_cast<std::uint64_t>(rec.state));
  put_u64(out, (rec.resumed ? 1u : 0u) | (rec.bad_input ? 2u : 0u));
  put_str(out, rec.message);
  put_str(out, rec.row);
  return out;
}

bool decode_record(std::string_view bytes, int& id, RunRecord& rec) {
  Reader r{bytes};
  std::uint64_t raw_id = 0, state = 0, flags = 0;
  if (!r.u64(raw_id) || !r.u64(state) || !r.u64(flags) || !r.str(rec.message) || !r.str(rec.row)) return false;
  if (state > static_cast<std::uint64_t>(RunState::interrupted) || raw_id > 0x7fffffffu || !r.in.empty()) return false;
  id = static_cast<int>(raw_id);
  rec.state = static_cast<RunState>(state);
  rec.resumed = (flags & 1u) != 0;
  rec.bad_input = (flags & 2u) != 0;
  return true;
}

std::string encode_hello(std::uint64_t fingerprint, const std::string& error) {
  std::string out;
  put_u64(out, fingerprint);
  put_str(out, error);
  return out;
}

bool decode_hello(std::string_view bytes, std::uint64_t& fingerprint, std::string& error) {
  Reader r{bytes};
  return r.u64(fingerprint) && r.str(error) && r.in.empty();
}

}  // namespace zhili::sweep
