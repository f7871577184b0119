// Comparisons of expected and actual results for script tests.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/golden_case.hpp"
#include "io/line_protocol.hpp"
#include "io/line_protocol_writer.hpp"

namespace farad::cli {

namespace {

bool close_enough(double a, double b, double tolerance) {
  if (a == b) return true;
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

std::vector<model::Point> parse_points(const std::string& text, std::string& errors) {
  std::vector<model::Point> points;
  io::LineParser parser(text, io::ParseOptions{io::Precision::Nanosecond, 0});
  for (;;) {
    const auto status = parser.next();
    if (status == io::LineParser::Status::End) break;
    if (status == io::LineParser::Status::Error) {
      errors += parser.error().to_string() + "\n";
      continue;
    }
    points.push_back(io::to_point(parser.view()));
  }
  return points;
}

bool same_fields(const model::Fields& a, const model::Fields& b, double tolerance) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first) return false;
    const auto* x = std::get_if<double>(&a[i].second);
    const auto* y = std::get_if<double>(&b[i].second);
    if (x && y) {
      if (!close_enough(*x, *y, tolerance)) return false;
    } else if (a[i].second != b[i].second) {
      return false;
    }
  }
  return true;
}

std::string json_difference(const nlohmann::json& e, const nlohmann::json& a, double tolerance,
                            const std::string& where) {
  if (e.is_number() && a.is_number()) {
    if (close_enough(e.get<double>(), a.get<double>(), tolerance)) return {};
    return fmt::format("{}: expected {}, got {}", where, e.dump(), a.dump());
  }
  if (e.type() != a.type())
    return fmt::format("{}: expected {}, got {}", where, e.dump(), a.dump());
  if (e.is_array()) {
    if (e.size() != a.size()) {
      return fmt::format("{}: expected {} items, got {}", where, e.size(), a.size());
    }
    for (size_t i = 0; i < e.size(); ++i) {
      auto d = json_difference(e[i], a[i], tolerance, fmt::format("{}[{}]", where, i));
      if (!d.empty()) return d;
    }
    return {};
  }
  if (e.is_object()) {
    for (const auto& [key, value] : e.items()) {
      if (!a.contains(key)) return fmt::format("{}: missing key \"{}\"", where, key);
      auto d = json_difference(value, a[key], tolerance, where + "." + key);
      if (!d.empty()) return d;
    }
    for (const auto& [key, value] : a.items()) {
      if (!e.contains(key)) return fmt::format("{}: unexpected key \"{}\"", where, key);
    }
    return {};
  }
  return e == a ? std::string() : fmt::format("{}: expected {}, got {}", where, e.dump(), a.dump());
}

}  // namespace

std::string compare_line_protocol(const std::string& expected, const std::string& actual,
                                  double tolerance) {
  std::string errors;
  const auto want = parse_points(expected, errors);
  if (!errors.empty()) return "expected.lp does not parse: " + errors;
  const auto got = parse_points(actual, errors);
  if (!errors.empty()) return "output does not parse: " + errors;
  const size_t n = std::min(want.size(), got.size());
  for (size_t i = 0; i < n; ++i) {
    const auto& w = want[i];
    const auto& g = got[i];
    if (w.name != g.name || w.tags != g.tags || w.time != g.time ||
        !same_fields(w.fields, g.fields, tolerance)) {
      return fmt::format("point {} differs:\n  expected {}\n  got      {}", i + 1,
                         io::format_line(w, io::Precision::Nanosecond),
                         io::format_line(g, io::Precision::Nanosecond));
    }
  }
  if (want.size() != got.size()) {
    const bool missing = want.size() > got.size();
    const auto& extra = missing ? want[n] : got[n];
    return fmt::format("expected {} points, got {}; first {}: {}", want.size(), got.size(),
                       missing ? "missing" : "unexpected",
                       io::format_line(extra, io::Precision::Nanosecond));
  }
  return {};
}

std::string compare_json(const std::string& expected, const std::string& actual, double tolerance) {
  nlohmann::json e;
  nlohmann::json a;
  try {
    e = nlohmann::json::parse(expected);
  } catch (const std::exception& ex) {
    return std::string("expected JSON does not parse: ") + ex.what();
  }
  try {
    a = nlohmann::json::parse(actual);
  } catch (const std::exception& ex) {
    return std::string("output JSON does not parse: ") + ex.what();
  }
  return json_difference(e, a, tolerance, "$");
}

}  // namespace farad::cli
