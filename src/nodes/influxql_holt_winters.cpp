// holtWinters and holtWintersWithFit: InfluxDB's FloatHoltWintersReducer, reproduced operation
// for operation. Its quirks are kept on purpose because they decide the output bits: the
// objective function clamps and rewrites the vertex it is given (the seasonal factors live in
// it), so evaluating the same vertex twice can give two values; the forecast feeds back its own
// previous forecast instead of the observed value.

#include <cmath>
#include <limits>
#include <vector>

#include "nodes/influxql_nelder_mead.hpp"
#include "nodes/influxql_reducer.hpp"
#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

class HoltWintersReducer final : public Reducer {
 public:
  HoltWintersReducer(int64_t h, int64_t m, bool include_fit, int64_t interval)
      : h_(h), m_(m), seasonal_(m >= 2), include_fit_(include_fit), interval_(interval) {}

  void aggregate(const ReducerInput& point) override {
    const double v = point.value.index() == 0 ? std::get<double>(point.value)
                                              : static_cast<double>(std::get<int64_t>(point.value));
    times_.push_back(point.time);
    values_.push_back(v);
  }

  std::vector<ReducedPoint> emit() override;

  void save(runtime::StateWriter& out) const override {
    out.u64(times_.size());
    for (size_t i = 0; i < times_.size(); ++i) {
      out.i64(times_[i]);
      out.f64(values_[i]);
    }
  }
  void restore(runtime::StateReader& in) override {
    times_.resize(in.u64());
    values_.resize(times_.size());
    for (size_t i = 0; i < times_.size(); ++i) {
      times_[i] = in.i64();
      values_[i] = in.f64();
    }
  }

 private:
  int64_t round_time(int64_t t) const {
    const int64_t remainder = t % interval_;
    if (remainder > interval_ / 2) return (t / interval_ + 1) * interval_;
    return (t / interval_) * interval_;
  }

  static void constrain(Vector& x) {
    for (size_t i = 0; i < 4; ++i) {
      if (x[i] > 1) x[i] = 1;
      if (x[i] < 0) x[i] = 0;
    }
  }

  // The forecast over the data and h more steps; clamps `params` and rewrites its seasonals.
  Vector forecast(int64_t h, Vector& params) const {
    constrain(params);
    double y_t = y_[0];
    const double phi = params[3];
    double phi_h = phi;
    double l_t = params[4];
    double b_t = params[5];
    size_t m = 0, so = 0;
    if (seasonal_) {
      m = params.size() - 6;
      if (m == 1) params[6] = 1;
      so = m - 1;
    }
    const size_t l = y_.size();
    const size_t total = l + static_cast<size_t>(h);
    Vector forecasted(total);
    forecasted[0] = y_t;
    double stm = 1.0, stmh = 1.0;
    for (size_t t = 1; t < total; ++t) {
      if (seasonal_) {
        const size_t hm = t % m;
        stm = params[6 + (t - m + so) % m];
        stmh = params[6 + (t - m + hm + so) % m];
      }
      const double alpha = params[0], beta = params[1], gamma = params[2];
      const double l_prev = l_t, b_prev = b_t;
      l_t = alpha * (y_t / stm) + (1 - alpha) * (l_prev + phi * b_prev);
      b_t = beta * (l_t - l_prev) + (1 - beta) * phi * b_prev;
      const double s_t = gamma * (y_t / (l_prev + phi * b_prev)) + (1 - gamma) * stm;
      y_t = (l_t + phi_h * b_t) * stmh;
      phi_h += go_pow_int(phi, static_cast<int64_t>(t));
      if (seasonal_) {
        params[6 + (t + so) % m] = s_t;
        ++so;
      }
      forecasted[t] = y_t;
    }
    return forecasted;
  }

  double sse(Vector& params) const {
    double sum = 0.0;
    const Vector forecasted = forecast(0, params);
    for (size_t i = 0; i < forecasted.size(); ++i) {
      if (std::isnan(y_[i])) continue;
      if (std::isnan(forecasted[i])) return kInf;
      const double diff = forecasted[i] - y_[i];
      sum += diff * diff;
    }
    return sum;
  }

  int64_t h_;
  int64_t m_;
  bool seasonal_;
  bool include_fit_;
  int64_t interval_;
  std::vector<int64_t> times_;
  std::vector<double> values_;
  Vector y_;
};

std::vector<ReducedPoint> HoltWintersReducer::emit() {
  const size_t count_points = times_.size();
  if (count_points < 2 || (seasonal_ && count_points < static_cast<size_t>(m_)) || h_ <= 0) {
    return {};
  }
  const int64_t start = round_time(times_.front());
  const int64_t stop = round_time(times_.back());
  if ((stop - start) / interval_ <= 0) return {};
  // The series on the interval grid, NaN where a bucket has no point; later points of a bucket
  // are dropped.
  y_.assign(1, values_[0]);
  int64_t t = start;
  for (size_t i = 1; i < count_points; ++i) {
    const int64_t rounded = round_time(times_[i]);
    if (rounded <= t) continue;
    t += interval_;
    for (; rounded != t; t += interval_) y_.push_back(kNaN);
    y_.push_back(values_[i]);
  }
  const auto m = static_cast<size_t>(m_);
  // InfluxDB indexes past the series here and panics; we emit nothing instead.
  if (seasonal_ && y_.size() < m) return {};

  // Initial level, trend and seasonal factors.
  constexpr double kWeight = 0.5;
  double l0 = 0.0;
  if (seasonal_) {
    for (size_t i = 0; i < m; ++i) {
      if (!std::isnan(y_[i])) l0 += (1 / static_cast<double>(m)) * y_[i];
    }
  } else {
    l0 += kWeight * y_[0];
  }
  double b0 = 0.0;
  if (seasonal_) {
    for (size_t i = 0; i < m && m + i < y_.size(); ++i) {
      if (!std::isnan(y_[i]) && !std::isnan(y_[m + i])) {
        b0 += 1 / static_cast<double>(m_ * m_) * (y_[m + i] - y_[i]);
      }
    }
  } else if (!std::isnan(y_[1])) {
    b0 = kWeight * (y_[1] - y_[0]);
  }
  Vector parameters(6 + (seasonal_ ? m : 0));
  parameters[4] = l0;
  parameters[5] = b0;
  if (seasonal_) {
    for (size_t i = 0; i < m; ++i) parameters[6 + i] = std::isnan(y_[i]) ? 0 : y_[i] / l0;
  }

  // A grid of starting guesses for alpha, beta, gamma and phi, each refined by Nelder-Mead.
  constexpr double kLower = 0.3, kUpper = 1.0, kStep = 0.4, kEpsilon = 1.0e-4;
  double min_sse = kInf;
  Vector best;
  bool have_best = false;
  auto objective = [this](Vector& params) { return sse(params); };
  for (double alpha = kLower; alpha < kUpper; alpha += kStep) {
    for (double beta = kLower; beta < kUpper; beta += kStep) {
      for (double gamma = kLower; gamma < kUpper; gamma += kStep) {
        for (double phi = kLower; phi < kUpper; phi += kStep) {
          parameters[0] = alpha;
          parameters[1] = beta;
          parameters[2] = gamma;
          parameters[3] = phi;
          Vector params;
          const double value = optimize(objective, parameters, kEpsilon, 1, params);
          if (value < min_sse || !have_best) {
            min_sse = value;
            best = std::move(params);
            have_best = true;
          }
        }
      }
    }
  }

  const Vector forecasted = forecast(h_, best);
  std::vector<ReducedPoint> points;
  if (include_fit_) {
    for (size_t i = 0; i < forecasted.size(); ++i) {
      if (std::isnan(forecasted[i])) continue;
      points.push_back({forecasted[i], times_.front() + interval_ * static_cast<int64_t>(i)});
    }
  } else {
    for (size_t i = y_.size(); i < forecasted.size(); ++i) {
      if (std::isnan(forecasted[i])) continue;
      const auto step = static_cast<int64_t>(i - y_.size()) + 1;
      points.push_back({forecasted[i], times_.back() + interval_ * step});
    }
  }
  y_.clear();
  return points;
}

}  // namespace

std::unique_ptr<Reducer> make_holt_winters_reducer(const FunctionArgs& args,
                                                   model::FieldType input) {
  if (input != model::FieldType::Float && input != model::FieldType::Int) return nullptr;
  return std::make_unique<HoltWintersReducer>(
      args.n, args.season, args.function == Function::HoltWintersWithFit, args.duration);
}

}  // namespace farad::nodes::influxql
