// Go's fmt.Sprintf for template values (printf): the verbs v, +v, s, q, d, t, x, X, o, b, c,
// e, E, f, F, g, G, T and %%, with flags + - 0 and width and precision; a value the verb
// does not fit is written %!d(string=abc), a missing one %!d(MISSING), extra ones
// %!(EXTRA type=value).

#include <fmt/format.h>

#include <cmath>

#include "expr/go_format.hpp"
#include "expr/utf8.hpp"
#include "sinks/go_template_tree.hpp"

namespace farad::sinks::go_template {

namespace {

struct Spec {
  bool plus = false;
  bool minus = false;
  bool zero = false;
  int width = -1;
  int precision = -1;
  char verb = 'v';
};

std::string bad_verb(const GoValue& value, char verb) {
  if (!value.valid() || value.kind == GoValue::Kind::Nil) {
    return std::string("%!") + verb + "(<nil>)";
  }
  return std::string("%!") + verb + "(" + std::string(value.type) + "=" + go_print(value) + ")";
}

std::string format_float(double value, const Spec& spec) {
  if (std::isnan(value)) return spec.plus ? "+NaN" : "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  std::string text;
  const char verb = spec.verb == 'v' ? 'g' : spec.verb;
  if ((verb == 'g' || verb == 'G') && spec.precision < 0) {
    text = expr::go::format_float_v(value);
    if (verb == 'G') {
      for (char& c : text) c = c == 'e' ? 'E' : c;
    }
  } else {
    const int precision = spec.precision < 0 ? 6 : spec.precision;
    switch (verb) {
      case 'e':
        text = fmt::format("{:.{}e}", value, precision);
        break;
      case 'E':
        text = fmt::format("{:.{}E}", value, precision);
        break;
      case 'g':
        text = fmt::format("{:.{}g}", value, precision);
        break;
      case 'G':
        text = fmt::format("{:.{}G}", value, precision);
        break;
      default:
        text = fmt::format("{:.{}f}", value, precision);
        break;
    }
  }
  if (spec.plus && text.front() != '-') text.insert(text.begin(), '+');
  return text;
}

std::string format_integer(const GoValue& value, const Spec& spec) {
  const bool negative = value.kind == GoValue::Kind::Int && value.integer < 0;
  const uint64_t magnitude = value.kind == GoValue::Kind::Uint ? value.unsigned_integer
                             : negative ? 0 - static_cast<uint64_t>(value.integer)
                                        : static_cast<uint64_t>(value.integer);
  std::string digits;
  switch (spec.verb) {
    case 'x':
      digits = fmt::format("{:x}", magnitude);
      break;
    case 'X':
      digits = fmt::format("{:X}", magnitude);
      break;
    case 'o':
      digits = fmt::format("{:o}", magnitude);
      break;
    case 'b':
      digits = fmt::format("{:b}", magnitude);
      break;
    case 'c': {
      std::string rune;
      expr::append_rune(rune, static_cast<char32_t>(magnitude));
      return rune;
    }
    case 'q': {
      std::string rune;
      expr::append_rune(rune, static_cast<char32_t>(magnitude));
      const std::string quoted = expr::go::quote(rune);
      return "'" + quoted.substr(1, quoted.size() - 2) + "'";
    }
    default:
      digits = std::to_string(magnitude);
      break;
  }
  if (negative) return "-" + digits;
  return spec.plus ? "+" + digits : digits;
}

void append_formatted(std::string& out, const GoValue& value, const Spec& spec, int depth);

void append_container(std::string& out, const GoValue& value, const Spec& spec, int depth) {
  if (value.kind == GoValue::Kind::List) {
    out += '[';
    for (size_t i = 0; i < value.items->size(); ++i) {
      if (i > 0) out += ' ';
      append_formatted(out, (*value.items)[i], spec, depth + 1);
    }
    out += ']';
    return;
  }
  const bool is_map = value.kind == GoValue::Kind::Map;
  if (!is_map && value.pointer && depth == 0) out += '&';
  out += is_map ? "map[" : "{";
  bool first = true;
  for (const auto& [key, element] : *value.entries) {
    if (!first) out += ' ';
    first = false;
    if (is_map) {
      append_formatted(out, GoValue::of_string(key), spec, depth + 1);
      out += ':';
    } else if (spec.plus && spec.verb == 'v') {
      out += key + ":";
    }
    append_formatted(out, element, spec, depth + 1);
  }
  out += is_map ? ']' : '}';
}

std::string pad(std::string text, const Spec& spec, bool numeric) {
  const size_t length = expr::rune_count(text);
  if (spec.width < 0 || length >= static_cast<size_t>(spec.width)) return text;
  const size_t missing = static_cast<size_t>(spec.width) - length;
  if (spec.minus) return text + std::string(missing, ' ');
  if (spec.zero) {
    const size_t sign = numeric && !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    text.insert(sign, std::string(missing, '0'));
    return text;
  }
  return std::string(missing, ' ') + text;
}

void append_formatted(std::string& out, const GoValue& value, const Spec& spec, int depth) {
  using Kind = GoValue::Kind;
  const char verb = spec.verb;
  if (verb == 'T') {
    out += pad(value.valid() ? std::string(value.type) : "<nil>", spec, false);
    return;
  }
  switch (value.kind) {
    case Kind::Invalid:
    case Kind::Nil:
      out += verb == 'v' ? pad("<nil>", spec, false) : bad_verb(value, verb);
      return;
    case Kind::Bool:
      out += verb == 'v' || verb == 't' ? pad(value.boolean ? "true" : "false", spec, false)
                                        : bad_verb(value, verb);
      return;
    case Kind::Int:
    case Kind::Uint:
      if (std::string_view("vdxXobcq").find(verb) == std::string_view::npos) break;
      out += pad(format_integer(value, spec), spec, true);
      return;
    case Kind::Float:
      if (std::string_view("veEfFgG").find(verb) == std::string_view::npos) break;
      out += pad(format_float(value.floating, spec), spec, true);
      return;
    case Kind::String:
    case Kind::Time: {
      const std::string text =
          value.kind == Kind::Time ? expr::go::format_time_utc(value.integer) : value.text;
      if (verb == 'v' || verb == 's') {
        std::string shown = text;
        if (spec.precision >= 0) {
          size_t at = 0;
          for (int i = 0; i < spec.precision && at < shown.size(); ++i) {
            at += expr::decode_rune(shown, at).size;
          }
          shown.resize(at);
        }
        out += pad(shown, spec, false);
      } else if (verb == 'q') {
        out += pad(expr::go::quote(text), spec, false);
      } else if (verb == 'x' || verb == 'X') {
        std::string hex;
        for (const char c : text) {
          const auto byte = static_cast<unsigned char>(c);
          hex += verb == 'x' ? fmt::format("{:02x}", byte) : fmt::format("{:02X}", byte);
        }
        out += pad(hex, spec, false);
      } else {
        break;
      }
      return;
    }
    case Kind::Map:
    case Kind::List:
    case Kind::Struct:
      append_container(out, value, spec, depth);
      return;
  }
  out += bad_verb(value, verb);
}

}  // namespace

std::string go_sprintf(std::string_view format, const std::vector<GoValue>& args, size_t first) {
  std::string out;
  size_t next_arg = first;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    Spec spec;
    ++i;
    for (; i < format.size(); ++i) {
      const char c = format[i];
      if (c == '+') {
        spec.plus = true;
      } else if (c == '-') {
        spec.minus = true;
      } else if (c == '0') {
        spec.zero = true;
      } else if (c != ' ' && c != '#') {
        break;
      }
    }
    auto read_number = [&]() {
      int number = 0;
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        number = number * 10 + (format[i++] - '0');
      }
      return number;
    };
    if (i < format.size() && format[i] >= '1' && format[i] <= '9') spec.width = read_number();
    if (i < format.size() && format[i] == '.') {
      ++i;
      spec.precision = read_number();
    }
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    spec.verb = format[i];
    if (spec.verb == '%') {
      out += '%';
      continue;
    }
    if (next_arg >= args.size()) {
      out += std::string("%!") + spec.verb + "(MISSING)";
      continue;
    }
    append_formatted(out, args[next_arg++], spec, 0);
  }
  if (next_arg < args.size()) {
    out += "%!(EXTRA ";
    for (size_t i = next_arg; i < args.size(); ++i) {
      if (i > next_arg) out += ", ";
      const GoValue& extra = args[i];
      out += extra.valid() ? std::string(extra.type) + "=" + go_print(extra) : "<nil>";
    }
    out += ')';
  }
  return out;
}

}  // namespace farad::sinks::go_template
