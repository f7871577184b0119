#include "datagen/snmp_truth.hpp"

#include "datagen/snmp_model.hpp"
#include "datagen/snmp_truth_table.hpp"

namespace farad::datagen {

namespace {

int64_t window_end(int64_t time_ns, int64_t period_ns) {
  int64_t start = time_ns / period_ns * period_ns;
  if (start > time_ns) start -= period_ns;  // round toward minus infinity before 1970
  return start + period_ns;
}

template <int Fields, bool Uptime>
std::unique_ptr<TruthTable> make_table(const SnmpOptions& o, size_t series) {
  if (o.tw_mean) {
    return std::make_unique<SnmpTruthTable<Fields, Uptime, true>>(series, o.truth_period_ns,
                                                                  o.wrap_ceiling);
  }
  return std::make_unique<SnmpTruthTable<Fields, Uptime, false>>(series, o.truth_period_ns,
                                                                 o.wrap_ceiling);
}

std::unique_ptr<TruthTable> make_table(const SnmpOptions& o) {
  const size_t series = size_t{o.devices} * o.ifaces;
  if (o.wrap32) return o.uptime ? make_table<4, true>(o, series) : make_table<4, false>(o, series);
  return o.uptime ? make_table<2, true>(o, series) : make_table<2, false>(o, series);
}

}  // namespace

SnmpTruth::SnmpTruth(const SnmpOptions& options, ByteSink& sink)
    : options_(options), json_(options), sink_(sink), table_(make_table(options)) {}

SnmpTruth::~SnmpTruth() = default;

void SnmpTruth::write_meta(uint64_t lines) {
  std::string meta;
  json_.append_meta(meta, lines);
  sink_.write(meta);
}

void SnmpTruth::add(size_t series, int64_t time_ns, uint64_t in, uint64_t out,
                    uint32_t uptime_ticks) {
  table_->add(series, time_ns, window_end(time_ns, options_.truth_period_ns), in, out,
              uptime_ticks);
}

void SnmpTruth::add_poll(uint32_t device, const DevicePoll& poll) {
  table_->add_block(size_t{device} * options_.ifaces, options_.ifaces, poll.written_ns,
                    window_end(poll.written_ns, options_.truth_period_ns), poll.in, poll.out,
                    poll.uptime_ticks);
}

void SnmpTruth::flush_until(int64_t time_ns) {
  rows_ += table_->take_due(time_ns, json_, sink_);
}

void SnmpTruth::finish() {
  flush_until(INT64_MAX - 1);
}

}  // namespace farad::datagen
