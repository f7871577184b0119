#pragma once
// The Nelder-Mead simplex minimiser of InfluxDB's holt_winters (influxdb query/neldermead),
// operation for operation: Holt-Winters output depends on every rounding it makes.

#include <cmath>
#include <cstddef>
#include <vector>

#include "nodes/influxql_reducer_util.hpp"

namespace farad::nodes::influxql {

using Vector = std::vector<double>;

// InfluxDB's defaults: 1000 iterations, reflection 1, contraction 0.5, expansion 2.
// `objective` may modify its argument, as InfluxDB's does.

/// Minimises `objective` from `start`; returns the minimum and stores its point in `best`.
template <typename Objective>
double optimize(Objective&& objective, const Vector& start, double epsilon, double scale,
                Vector& best) {
  constexpr int kMaxIterations = 1000;
  constexpr double kAlpha = 1.0, kBeta = 0.5, kGamma = 2.0;
  const size_t n = start.size();
  const auto nd = static_cast<double>(n);
  std::vector<Vector> v(n + 1, Vector(n));
  Vector f(n + 1), vr(n), ve(n), vc(n), vm(n);

  const double pn = scale * (std::sqrt(nd + 1) - 1 + nd) / (nd * std::sqrt(2.0));
  const double qn = scale * (std::sqrt(nd + 1) - 1) / (nd * std::sqrt(2.0));
  v[0] = start;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 0; j < n; ++j) v[i][j] = (i - 1 == j ? pn : qn) + start[j];
  }
  for (size_t j = 0; j <= n; ++j) f[j] = objective(v[j]);

  for (int itr = 1; itr <= kMaxIterations; ++itr) {
    size_t vg = 0, vs = 0;
    for (size_t i = 0; i <= n; ++i) {
      if (f[i] > f[vg]) vg = i;
      if (f[i] < f[vs]) vs = i;
    }
    size_t vh = vs;
    for (size_t i = 0; i <= n; ++i) {
      if (f[i] > f[vh] && f[i] < f[vg]) vh = i;
    }
    for (size_t i = 0; i < n; ++i) {
      double cent = 0.0;
      for (size_t m = 0; m <= n; ++m) {
        if (m != vg) cent += v[m][i];
      }
      vm[i] = cent / nd;
    }
    for (size_t i = 0; i < n; ++i) vr[i] = vm[i] + kAlpha * (vm[i] - v[vg][i]);
    const double fr = objective(vr);
    if (fr < f[vh] && fr >= f[vs]) {
      v[vg] = vr;
      f[vg] = fr;
    }
    if (fr < f[vs]) {
      for (size_t i = 0; i < n; ++i) ve[i] = vm[i] + kGamma * (vr[i] - vm[i]);
      const double fe = objective(ve);
      if (fe < fr) {
        v[vg] = ve;
        f[vg] = fe;
      } else {
        v[vg] = vr;
        f[vg] = fr;
      }
    }
    if (fr >= f[vh]) {
      if (fr < f[vg] && fr >= f[vh]) {
        for (size_t i = 0; i < n; ++i) vc[i] = vm[i] + kBeta * (vr[i] - vm[i]);
      } else {
        for (size_t i = 0; i < n; ++i) vc[i] = vm[i] - kBeta * (vm[i] - v[vg][i]);
      }
      const double fc = objective(vc);
      if (fc < f[vg]) {
        v[vg] = vc;
        f[vg] = fc;
      } else {
        for (size_t row = 0; row <= n; ++row) {
          if (row == vs) continue;
          for (size_t i = 0; i < n; ++i) v[row][i] = v[vs][i] + (v[row][i] - v[vs][i]) / 2.0;
        }
        f[vg] = objective(v[vg]);
        f[vh] = objective(v[vh]);
      }
    }
    double fsum = 0.0;
    for (size_t i = 0; i <= n; ++i) fsum += f[i];
    const double favg = fsum / (nd + 1);
    double s = 0.0;
    for (size_t i = 0; i <= n; ++i) s += go_pow_int(f[i] - favg, 2) / nd;
    if (std::sqrt(s) < epsilon) break;
  }
  size_t vs = 0;
  for (size_t i = 0; i <= n; ++i) {
    if (f[i] < f[vs]) vs = i;
  }
  best = v[vs];
  return objective(v[vs]);
}

}  // namespace farad::nodes::influxql
