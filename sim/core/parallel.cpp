#include "core/parallel.hpp"

#include <thread>

namespace zhili {

Executor::Executor(int threads) {
  // hardware_concurrency() reads /sys on Linux: ask only when needed.
  const int hw = threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency());
  threads_ = threads > 0 ? threads : (hw > 0 ? hw : 1);
  if (threads_ > 1) arena_ = std::make_shared<tbb::task_arena>(threads_);
}

}  // namespace zhili
