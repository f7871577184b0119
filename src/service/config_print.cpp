// to_toml(): the effective configuration as commented TOML, written by hand rather than by
// toml++ because toml++ cannot write comments.
#include <fmt/format.h>

#include "service/config.hpp"
#include "service/config_schema.hpp"
#include "service/config_values.hpp"

namespace farad::service {

namespace {

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string value_text(const std::string& value) {
  return toml_string(value);
}
std::string value_text(int64_t value) {
  return std::to_string(value);
}
std::string value_text(bool value) {
  return value ? "true" : "false";
}
std::string value_text(Duration value) {
  return toml_string(format_duration(value));
}
std::string value_text(ByteSize value) {
  return toml_string(format_byte_size(value));
}

std::string value_text(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += toml_string(values[i]);
  }
  return out + "]";
}

std::string value_text(const StringTable& values) {
  std::string out = "{";
  for (const auto& [key, value] : values) {
    out += out.size() > 1 ? ", " : " ";
    out += toml_string(key) + " = " + toml_string(value);
  }
  return out + (values.empty() ? "}" : " }");
}

template <class Enum>
requires std::is_enum_v<Enum> std::string value_text(Enum value) {
  return toml_string(enum_name(value));
}

template <class T>
bool is_empty(const T& value) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::vector<std::string>> ||
                std::is_same_v<T, StringTable>) {
    return value.empty();
  } else {
    return false;
  }
}

/// The keys of one section, each under its documentation. An empty default is not shown: the
/// documentation says what empty means.
template <class Section>
std::string section_body(const SectionSchema<Section>& schema, const Section& section,
                         const Section& defaults) {
  std::string out;
  for (const auto& setting : schema.settings) {
    std::visit(
        [&](auto member) {
          const auto& fallback = defaults.*member;
          out += is_empty(fallback)
                     ? fmt::format("# {}\n", setting.doc)
                     : fmt::format("# {} (default {})\n", setting.doc, value_text(fallback));
          out += fmt::format("{} = {}\n", setting.key, value_text(section.*member));
        },
        setting.member);
  }
  return out;
}

std::string commented(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    out += "# ";
    out += text.substr(start, end - start);
    out += '\n';
    start = end == std::string_view::npos ? text.size() : end + 1;
  }
  return out;
}

}  // namespace

std::string to_toml(const Config& config) {
  std::string out =
      "# farad configuration: every option with its effective value, under a comment that says\n"
      "# what it does and its default. Durations: \"100ms\", \"30s\", \"1h30m\"; sizes: \"64MiB\", "
      "\"25MB\", bytes.\n";
  static const Config defaults{};
  for_each_section([&](const auto& schema, auto member) {
    const auto& value = config.*member;
    out += fmt::format("\n# {}\n", schema.doc);
    if constexpr (requires { value.size(); }) {
      using Section = typename std::decay_t<decltype(value)>::value_type;
      static const Section entry_defaults{};
      if (value.empty()) {
        // Shown commented out, so that uncommenting it gives a working start.
        out += "# None is configured; each entry looks like this:\n";
        out += commented(fmt::format("[[{}]]\n{}", schema.name,
                                     section_body(schema, entry_defaults, entry_defaults)));
      }
      for (size_t i = 0; i < value.size(); ++i) {
        out += fmt::format("{}[[{}]]\n", i > 0 ? "\n" : "", schema.name);
        out += section_body(schema, value[i], entry_defaults);
      }
    } else {
      out += fmt::format("[{}]\n", schema.name);
      out += section_body(schema, value, defaults.*member);
    }
  });
  return out;
}

}  // namespace farad::service
