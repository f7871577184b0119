#include "cli/job_wait.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/api_listing.hpp"

namespace farad::cli {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(500);

void show_progress(const std::string& collection, const nlohmann::json& job) {
  double progress = 0;
  if (job.contains("progress") && job["progress"].is_number()) {
    progress = job["progress"].get<double>();
  }
  const char* what = collection == "replays" ? "replay" : "recording";
  std::fprintf(stderr, "\r%s %s: %5.1f%%", what, text_of(job, "id").c_str(), progress * 100);
  std::fflush(stderr);
}

}  // namespace

int finish_job(ClientConnection& connection, const std::string& collection, nlohmann::json job,
               bool wait) {
  if (!wait) return 0;  // Kapacitor prints nothing with -no-wait
  const bool terminal = isatty(STDERR_FILENO) == 1;
  bool shown = false;
  while (text_of(job, "status") == "running") {
    if (terminal) {
      show_progress(collection, job);
      shown = true;
    }
    std::this_thread::sleep_for(kPollInterval);
    job = connection.get(item_link(collection, job));
  }
  if (shown) {
    show_progress(collection, job);
    std::fputc('\n', stderr);
  }
  std::cout << text_of(job, "id") << std::endl;
  if (text_of(job, "status") == "failed") {
    std::string error = text_of(job, "error");
    if (error.empty()) {
      error =
          std::string(collection == "replays" ? "replay" : "recording") + " failed: unknown reason";
    }
    throw std::runtime_error(error);
  }
  return 0;
}

}  // namespace farad::cli
