// text/template's predefined functions (funcs.go): not, len, index, print, printf, println,
// html, urlquery and the comparisons eq, ne, lt, le, gt, ge with Go's rules: integers compare
// with integers (signed with unsigned), floats with floats, strings with strings; anything else
// mixed is "incompatible types for comparison". and/or are run by the executor.

#include <map>
#include <stdexcept>
#include <string>

#include "sinks/go_template_tree.hpp"

namespace farad::sinks::go_template {

namespace {

using Args = std::vector<GoValue>;
using Kind = GoValue::Kind;

void want(const char* name, const Args& args, size_t count) {
  if (args.size() != count) {
    throw std::invalid_argument("wrong number of args for " + std::string(name) + ": want " +
                                std::to_string(count) + " got " + std::to_string(args.size()));
  }
}

void want_at_least(const char* name, const Args& args, size_t count) {
  if (args.size() < count) {
    throw std::invalid_argument("wrong number of args for " + std::string(name) +
                                ": want at least " + std::to_string(count) + " got " +
                                std::to_string(args.size()));
  }
}

/// A nil interface{} compares and indexes as no value.
bool missing(const GoValue& value) {
  return value.kind == Kind::Invalid || value.kind == Kind::Nil;
}

bool basic(const GoValue& value) {
  return value.kind == Kind::Bool || value.kind == Kind::Int || value.kind == Kind::Uint ||
         value.kind == Kind::Float || value.kind == Kind::String;
}

/// -1, 0 or 1; both kinds already checked to be comparable.
int compare(const GoValue& a, const GoValue& b) {
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (a.kind == Kind::Int && b.kind == Kind::Uint) {
    return a.integer < 0 ? -1 : sign(static_cast<uint64_t>(a.integer), b.unsigned_integer);
  }
  if (a.kind == Kind::Uint && b.kind == Kind::Int) return -compare(b, a);
  switch (a.kind) {
    case Kind::Bool:
      return sign(a.boolean, b.boolean);
    case Kind::Int:
    case Kind::Time:
      return sign(a.integer, b.integer);
    case Kind::Uint:
      return sign(a.unsigned_integer, b.unsigned_integer);
    case Kind::Float:
      return sign(a.floating, b.floating);
    case Kind::String:
      return sign(a.text, b.text);
    default:
      return 0;
  }
}

bool integers(const GoValue& a, const GoValue& b) {
  return (a.kind == Kind::Int || a.kind == Kind::Uint) &&
         (b.kind == Kind::Int || b.kind == Kind::Uint);
}

bool equal(const GoValue& a, const GoValue& b) {
  if (missing(a) || missing(b)) return missing(a) && missing(b);
  if (a.kind != b.kind && !integers(a, b)) {
    throw std::runtime_error("incompatible types for comparison");
  }
  if (!basic(a) && a.kind != Kind::Time) throw std::runtime_error("invalid type for comparison");
  if (a.kind == Kind::Float) return a.floating == b.floating;  // NaN is not equal to itself
  return compare(a, b) == 0;
}

bool less(const GoValue& a, const GoValue& b) {
  if (!basic(a) || !basic(b) || a.kind == Kind::Bool) {
    throw std::runtime_error("invalid type for comparison");
  }
  if (a.kind != b.kind && !integers(a, b)) {
    throw std::runtime_error("incompatible types for comparison");
  }
  if (a.kind == Kind::Float) return a.floating < b.floating;
  return compare(a, b) < 0;
}

GoValue call_eq(const Args& args) {
  want_at_least("eq", args, 1);
  if (args.size() == 1) throw std::runtime_error("missing argument for comparison");
  for (size_t i = 1; i < args.size(); ++i) {
    if (equal(args[0], args[i])) return GoValue::of_bool(true);
  }
  return GoValue::of_bool(false);
}

GoValue length(const Args& args) {
  want("len", args, 1);
  const GoValue& item = args[0];
  switch (item.kind) {
    case Kind::String:
      return GoValue::of_int(static_cast<int64_t>(item.text.size()), "int");
    case Kind::Map:
      return GoValue::of_int(static_cast<int64_t>(item.entries->size()), "int");
    case Kind::List:
      return GoValue::of_int(static_cast<int64_t>(item.items->size()), "int");
    case Kind::Invalid:
    case Kind::Nil:
      throw std::runtime_error("len of nil pointer");
    default:
      throw std::runtime_error("len of type " + std::string(item.type));
  }
}

GoValue call_index(const Args& args) {
  want_at_least("index", args, 1);
  GoValue item = args[0];
  if (missing(item)) throw std::runtime_error("index of untyped nil");
  for (size_t i = 1; i < args.size(); ++i) {
    const GoValue& key = args[i];
    if (item.kind == Kind::List) {
      if (key.kind != Kind::Int && key.kind != Kind::Uint) {
        throw std::runtime_error(missing(key) ? "cannot index slice/array with nil"
                                              : "cannot index slice/array with type " +
                                                    std::string(key.type));
      }
      const bool negative = key.kind == Kind::Int && key.integer < 0;
      const uint64_t at =
          key.kind == Kind::Uint ? key.unsigned_integer : static_cast<uint64_t>(key.integer);
      if (negative || at >= item.items->size()) {
        throw std::runtime_error("index out of range: " + go_print(key));
      }
      item = (*item.items)[at];
    } else if (item.kind == Kind::Map) {
      if (key.kind != Kind::String) {
        throw std::runtime_error("value has type " +
                                 std::string(missing(key) ? "<nil>" : key.type) +
                                 "; should be string");
      }
      const GoValue* found = item.find(key.text);
      item = found ? *found : *item.element_zero;
    } else if (missing(item)) {
      throw std::runtime_error("index of nil pointer");
    } else {
      throw std::runtime_error("can't index item of type " + std::string(item.type));
    }
  }
  return item;
}

/// fmt.Sprint: a space between operands when neither is a string.
std::string sprint(const Args& args, bool spaces_always) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool is_string = args[i].kind == Kind::String;
    if (i > 0 && (spaces_always || (!is_string && args[i - 1].kind != Kind::String))) out += ' ';
    append_go_value(out, args[i].valid() ? args[i] : GoValue::nil(), 0);
  }
  return out;
}

/// What html and urlquery escape: a lone string as it is, else fmt.Sprint of the arguments.
std::string escaper_input(const Args& args) {
  if (args.size() == 1 && args[0].kind == Kind::String) return args[0].text;
  return sprint(args, false);
}

GoValue html(const Args& args) {
  std::string out;
  for (const char c : escaper_input(args)) {
    switch (c) {
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\0':
        out += "\xEF\xBF\xBD";
        break;
      default:
        out += c;
    }
  }
  return GoValue::of_string(std::move(out));
}

GoValue urlquery(const Args& args) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : escaper_input(args)) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return GoValue::of_string(std::move(out));
}

GoValue call_printf(const Args& args) {
  want_at_least("printf", args, 1);
  if (args[0].kind != Kind::String) {
    throw BadArgument(0, "expected string; found " + go_print(args[0]));
  }
  Args values = args;
  for (auto& value : values) {
    if (!value.valid()) value = GoValue::nil();
  }
  return GoValue::of_string(go_sprintf(args[0].text, values, 1));
}

const std::map<std::string, GoFunction, std::less<>>& builtins() {
  static const std::map<std::string, GoFunction, std::less<>> table = {
      {"and", [](const Args&) { return GoValue(); }},
      {"or", [](const Args&) { return GoValue(); }},
      {"not",
       [](const Args& args) {
         want("not", args, 1);
         return GoValue::of_bool(!go_truth(args[0]));
       }},
      {"len", length},
      {"index", call_index},
      {"print", [](const Args& args) { return GoValue::of_string(sprint(args, false)); }},
      {"println", [](const Args& args) { return GoValue::of_string(sprint(args, true) + "\n"); }},
      {"printf", call_printf},
      {"html", html},
      {"urlquery", urlquery},
      {"eq", call_eq},
      {"ne",
       [](const Args& args) {
         want("ne", args, 2);
         return GoValue::of_bool(!equal(args[0], args[1]));
       }},
      {"lt",
       [](const Args& args) {
         want("lt", args, 2);
         return GoValue::of_bool(less(args[0], args[1]));
       }},
      {"le",
       [](const Args& args) {
         want("le", args, 2);
         return GoValue::of_bool(less(args[0], args[1]) || equal(args[0], args[1]));
       }},
      {"gt",
       [](const Args& args) {
         want("gt", args, 2);
         return GoValue::of_bool(!less(args[0], args[1]) && !equal(args[0], args[1]));
       }},
      {"ge",
       [](const Args& args) {
         want("ge", args, 2);
         return GoValue::of_bool(!less(args[0], args[1]));
       }},
  };
  return table;
}

}  // namespace

const GoFunction* find_builtin(std::string_view name) {
  const auto& table = builtins();
  const auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace farad::sinks::go_template
