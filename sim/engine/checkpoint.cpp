#include "engine/checkpoint.hpp"

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <map>
#include <fstream>
#include <sstream>

#include "core/fnv1a.hpp"
#include "core/read_file.hpp"

namespace zhili {

namespace {

constexpr char kMagic[] = "zhili-checkpoint 1\n";

template <class T>
std::uint64_t hash_of(const std::vector<T>& v) {
  return fnv1a(std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)));
}

}  // namespace

std::string checkpoint_path(const std::string& output, const Date& date) {
  std::string stem = output;
  if (stem.size() > 3 && stem.compare(stem.size() - 3, 3, ".h5") == 0) stem.resize(stem.size() - 3);
  return stem + "." + format_date(date) + ".ckpt";
}

std::string checkpoint_shape(const Scenario& s, const Engine& e) {
  // What the state's layout and meaning rest on; the levers, the schedule
  // and the behaviour parameters are free to differ in a continuing run.
  std::ostringstream out;
  const auto& g = e.world().grid;
  out << "run.start=" << format_date(s.run.start) << "\n"
      << "run.time_step=" << to_string(s.run.step_unit) << "\n"
      << "run.spinup=" << s.run.spinup << "\n"
      << "run.seed=" << s.run.seed << "\n"
      << std::setprecision(17) << "population.scale=" << s.population.scale << "\n"
      << "map=" << g.width << " x " << g.height << " cells, zones " << std::hex << hash_of(g.zone) << std::dec << "\n"
      << "migration.enabled=" << s.migration.enabled << "\n"
      << "economy.enabled=" << s.economy.enabled << "\n"
      << "demography.enabled=" << s.demography.enabled << "\n"
      << "relocation.enabled=" << s.relocation.enabled << "\n"
      << "relocation.activation=" << static_cast<int>(s.relocation.activation) << "\n"
      << "services.enabled=" << s.services.enabled << "\n"
      << "grievance.enabled=" << s.grievance.enabled << "\n"
      << "disputes.enabled=" << s.disputes.enabled << "\n"
      << "conflict.enabled=" << s.conflict.enabled << "\n"
      // The dispute clearance window's length is the length of saved state.
      << "disputes.clearance_window_months=" << s.disputes.clearance_window_months << "\n";
  if (const PublicServices* services = e.model().services()) {
    out << "services.outlets=";
    for (const auto& o : services->outlets()) out << o.name << ",";
    out << "\n";
  }
  return out.str();
}

std::string this_program() { return std::string("zhili ") + ZHILI_VERSION + " (" + ZHILI_GIT_COMMIT + ")"; }

std::uint64_t text_hash(const std::string& text) { return fnv1a(text); }

void write_checkpoint(const std::string& path, Engine& engine, const RunMetadata& run, const std::string& run_file,
                      std::vector<std::uint64_t> event_rows) {
  std::string run_started = run.start_time;
  std::uint64_t run_scenario = fnv1a(run.resolved_scenario);
  Archive a = Archive::saving();
  engine.save(a);
  Archive file = Archive::saving();
  std::int64_t step = engine.step_index();
  std::string date = format_date(engine.calendar().date_of(step));
  std::uint64_t seed = engine.scenario().run.seed;
  std::string name = engine.scenario().run.name;
  std::string origin = std::filesystem::absolute(run_file).lexically_normal().string();
  std::string shape = checkpoint_shape(engine.scenario(), engine);
  std::string state = a.bytes();
  std::uint64_t checksum = fnv1a(state);
  file.pod(step);
  file.text(date);
  file.pod(seed);
  file.text(name);
  std::string program = this_program();
  file.text(program);
  file.text(origin);
  file.text(run_started);
  file.pod(run_scenario);
  file.vec(event_rows);
  file.text(shape);
  file.text(state);
  file.pod(checksum);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(kMagic, sizeof kMagic - 1);
    out.write(file.bytes().data(), static_cast<std::streamsize>(file.bytes().size()));
    out.flush();
    if (!out) throw std::runtime_error("cannot write checkpoint " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + ec.message());
}

Checkpoint read_checkpoint(const std::string& path) {
  std::string bytes;
  if (const std::string why = read_whole_file(path, bytes, std::uint64_t{16} << 30); !why.empty())
    throw CheckpointError(path + ": cannot read: " + why);
  const std::string magic(kMagic, sizeof kMagic - 1);
  if (bytes.compare(0, magic.size(), magic) != 0)
    throw CheckpointError(path + ": not a zhili checkpoint (written by zhili run --checkpoint-at)");
  Checkpoint c;
  c.path = path;
  try {
    Archive a = Archive::loading(bytes.substr(magic.size()));
    std::uint64_t checksum = 0;
    a.pod(c.step);
    a.text(c.date);
    a.pod(c.seed);
    a.text(c.scenario_name);
    a.text(c.program);
    a.text(c.run_file);
    a.text(c.run_started);
    a.pod(c.run_scenario);
    a.vec(c.event_rows);
    a.text(c.shape);
    a.text(c.state);
    a.pod(checksum);
    if (!a.at_end() || checksum != fnv1a(c.state)) throw CheckpointError("the checksum does not match: the file is damaged");
    // The state is the raw layout of this build's classes: another build
    // could read it into the wrong fields without noticing.
    if (c.program != this_program())
      throw CheckpointError("written by " + c.program + ", this is " + this_program() +
                            ": continue it with the program that wrote it");
  } catch (const CheckpointError& e) {
    throw CheckpointError(path + ": " + e.what());
  }
  return c;
}

std::string checkpoint_mismatch(const Checkpoint& c, const Scenario& s, const Engine& e) {
  // key -> value of each shape, compared key by key.
  const auto parse = [](const std::string& shape) {
    std::map<std::string, std::string> out;
    std::istringstream in(shape);
    for (std::string line; std::getline(in, line);) {
      const auto eq = line.find('=');
      out[line.substr(0, eq)] = eq == std::string::npos ? "" : line.substr(eq + 1);
    }
    return out;
  };
  const auto saved = parse(c.shape), now = parse(checkpoint_shape(s, e));
  std::string out;
  for (const auto& [key, value] : saved) {
    const auto it = now.find(key);
    if (it == now.end()) out += key + ": the checkpoint has " + value + ", this scenario none\n";
    else if (it->second != value) out += key + ": the checkpoint has " + value + ", this scenario " + it->second + "\n";
  }
  for (const auto& [key, value] : now)
    if (saved.find(key) == saved.end()) out += key + ": the checkpoint has none, this scenario " + value + "\n";
  return out;
}

}  // namespace zhili
