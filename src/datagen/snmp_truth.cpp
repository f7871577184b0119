#include "datagen/snmp_truth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <tuple>

#include "datagen/snmp_model.hpp"
#include "io/time_format.hpp"

namespace farad::datagen {

namespace {

int64_t window_end(int64_t time_ns, int64_t period_ns) {
  int64_t start = time_ns / period_ns * period_ns;
  if (start > time_ns) start -= period_ns;  // round toward minus infinity before 1970
  return start + period_ns;
}

void append_mean(std::string& out, double sum, uint64_t count) {
  if (count == 0) {
    out += "null";
  } else {
    fmt::format_to(std::back_inserter(out), "{}", sum / static_cast<double>(count));
  }
}

}  // namespace

SnmpTruth::SnmpTruth(const SnmpOptions& options, ByteSink& sink)
    : options_(options), sink_(sink), series_(size_t{options.devices} * options.ifaces) {
  for (uint32_t d = 0; d < options.devices; ++d) hosts_.push_back(agent_host(d));
  for (uint32_t i = 0; i < options.ifaces; ++i) if_names_.push_back(if_name(i));
}

void SnmpTruth::add(size_t series, int64_t time_ns, uint64_t in, uint64_t out) {
  Series& s = series_[series];
  if (!s.has_previous) {
    s = Series{true, time_ns, in, out, {}};
    return;
  }
  const int64_t elapsed_ns = time_ns - s.previous_ns;
  const bool rate_in = elapsed_ns > 0 && in >= s.previous_in;
  const bool rate_out = elapsed_ns > 0 && out >= s.previous_out;
  if (rate_in || rate_out) {
    // As Kapacitor: float64(elapsed) / float64(unit). The integer delta is exact; counters stay
    // below 2^53, so it equals Kapacitor's float64(v) - float64(v_prev).
    const double seconds = static_cast<double>(elapsed_ns) / 1e9;
    Window& w = window_for(series, window_end(time_ns, options_.truth_period_ns));
    if (rate_in) {
      w.sum_in += static_cast<double>(in - s.previous_in) / seconds;
      ++w.count_in;
    }
    if (rate_out) {
      w.sum_out += static_cast<double>(out - s.previous_out) / seconds;
      ++w.count_out;
    }
    ++w.count_any;
  }
  s.previous_ns = time_ns;
  s.previous_in = in;
  s.previous_out = out;
}

SnmpTruth::Window& SnmpTruth::window_for(size_t series, int64_t end) {
  Window* open = series_[series].open;
  for (int i = 0; i < 2; ++i) {
    if (open[i].end == end) return open[i];
  }
  Window* slot = open[0].end == kNoWindow ? &open[0] : &open[1];
  if (slot->end != kNoWindow) {
    // Both taken (not possible with the generator's polls): write the older one now; the row
    // order is then off, the rows are still right.
    slot = open[0].end < open[1].end ? &open[0] : &open[1];
    write_row(series, *slot);
  }
  *slot = Window{};
  slot->end = end;
  earliest_end_ = std::min(earliest_end_, end);
  return *slot;
}

void SnmpTruth::flush_until(int64_t time_ns) {
  if (time_ns < earliest_end_) return;
  std::vector<std::tuple<int64_t, size_t, int>> due;  // window end, series, slot
  int64_t next = kNoWindow;
  for (size_t s = 0; s < series_.size(); ++s) {
    for (int i = 0; i < 2; ++i) {
      const int64_t end = series_[s].open[i].end;
      if (end <= time_ns) {
        due.emplace_back(end, s, i);
      } else {
        next = std::min(next, end);
      }
    }
  }
  std::sort(due.begin(), due.end());
  for (const auto& [end, s, i] : due) {
    write_row(s, series_[s].open[i]);
    series_[s].open[i] = Window{};
  }
  earliest_end_ = next;
  if (!buffer_.empty()) {
    sink_.write(buffer_);
    buffer_.clear();
  }
}

void SnmpTruth::finish() {
  flush_until(kNoWindow - 1);
}

void SnmpTruth::write_row(size_t series, const Window& w) {
  std::string& out = buffer_;
  out += R"({"agent_host":")";
  out += hosts_[series / options_.ifaces];
  out += R"(","ifName":")";
  out += if_names_[series % options_.ifaces];
  out += R"(","time":")";
  io::append_rfc3339_nano(out, w.end);
  out += R"(","in_rate_mean":)";
  append_mean(out, w.sum_in, w.count_in);
  out += R"(,"out_rate_mean":)";
  append_mean(out, w.sum_out, w.count_out);
  fmt::format_to(std::back_inserter(out), R"(,"count":{},"in_count":{},"out_count":{}}})",
                 w.count_any, w.count_in, w.count_out);
  out += '\n';
  ++rows_;
}

}  // namespace farad::datagen
