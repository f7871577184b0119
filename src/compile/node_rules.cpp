// Whole-node rules checked after the script is evaluated, as Kapacitor's pipeline validate()
// methods and task start checks do. Each rule names the node and points at its creating call.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "compile/binder.hpp"
#include "compile/extension_rules.hpp"

namespace farad::compile {

namespace {

/// All string arguments of every setting of a multi-argument property (`.as('a', 'b')`).
std::vector<std::string> strings_of(const NodeSpec& node, std::string_view property) {
  std::vector<std::string> out;
  const auto settings = node.all(property);
  if (settings.empty()) return out;
  // Like Kapacitor, a later .as() replaces an earlier one.
  for (const auto& v : settings.back()->args) {
    if (v.type == ValueType::String) out.push_back(v.text);
  }
  return out;
}

int64_t duration_or_zero(const NodeSpec& node, std::string_view property) {
  const Value* v = node.property(property);
  return v && v->type == ValueType::Duration ? v->integer : 0;
}

int64_t int_or(const NodeSpec& node, std::string_view property, int64_t fallback) {
  const Value* v = node.property(property);
  return v && v->type == ValueType::Int ? v->integer : fallback;
}

/// Checks `.as()` prefixes of join/combine: present, one per input, unique, no delimiter.
std::string check_prefixes(const NodeSpec& node, size_t expected, const char* what) {
  const auto names = strings_of(node, "as");
  if (names.empty()) {
    return fmt::format("a call to {}.as() is required to specify the output stream prefixes",
                       node.type);
  }
  if (names.size() != expected) {
    return fmt::format("number of prefixes specified by {}.as() must match the number of {}",
                       node.type, what);
  }
  const Value* delimiter_value = node.property("delimiter");
  const std::string delimiter = delimiter_value ? delimiter_value->text : ".";
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (name.empty()) return fmt::format("must provide a prefix name for the {} node", node.type);
    if (!delimiter.empty() && name.find(delimiter) != std::string::npos) {
      return fmt::format("cannot use name {} as field prefix, it contains the delimiter \"{}\"",
                         name, delimiter);
    }
    if (!seen.insert(name).second) {
      return "cannot use the same prefix name see .as() property method";
    }
  }
  return {};
}

std::string check_dimensions(const NodeSpec& node, std::string_view property, bool has_excludes) {
  const auto settings = node.all(property);
  std::vector<Value> dims;
  if (node.type == "groupBy") dims = node.args;
  if (!settings.empty()) dims = settings.back()->args;
  bool star = false;
  for (const auto& d : dims) {
    if (d.type == ValueType::Star) star = true;
    if (d.type == ValueType::String && d.text.empty()) {
      return "dimensions cannot not be the empty string";
    }
  }
  if (star && dims.size() > 1) return "cannot group by both '*' and named dimensions.";
  if (!star && has_excludes) return "exclude requires '*'";
  return {};
}

/// Kapacitor parses a query's InfluxQL when the task is created: it must be one SELECT.
/// farad does not parse InfluxQL yet; it checks the statement count and kind.
std::string check_query(const NodeSpec& node) {
  if (node.args.empty() || node.args[0].type != ValueType::String) return {};
  const std::string& text = node.args[0].text;
  std::vector<std::string> statements(1);
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ';') {
      statements.emplace_back();
      continue;
    }
    statements.back() += c;
  }
  auto blank = [](const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
  };
  std::erase_if(statements, blank);
  if (statements.size() != 1) {
    return fmt::format("query must be a single select statement, got {} statements",
                       statements.size());
  }
  const std::string& statement = statements.front();
  const size_t start = statement.find_first_not_of(" \t\r\n");
  std::string keyword = statement.substr(start, 6);
  std::transform(keyword.begin(), keyword.end(), keyword.begin(), ::toupper);
  const bool select =
      keyword == "SELECT" && (statement.size() == start + 6 ||
                              std::isspace(static_cast<unsigned char>(statement[start + 6])));
  if (!select) {
    return fmt::format("query is not a select statement \"{}\"", statement.substr(start));
  }
  return {};
}

/// rollup (farad's own): names of fields and outputs, and a usable unit.
std::string check_rollup(const NodeSpec& node) {
  std::set<std::string> fields;
  for (const auto& v : node.args) {
    if (v.text.empty()) return "field names cannot be empty";
    if (!fields.insert(v.text).second) return fmt::format("field {} is given twice", v.text);
  }
  const auto as = strings_of(node, "as");
  if (!node.all("as").empty() && as.size() != node.args.size()) {
    return fmt::format("must give one .as() name per field: got {} names for {} fields", as.size(),
                       node.args.size());
  }
  std::set<std::string> names;
  for (const auto& name : as) {
    if (name.empty()) return ".as() names cannot be empty";
    if (!names.insert(name).second) return fmt::format(".as() name {} is given twice", name);
  }
  if (const Value* unit = node.property("unit"); unit && unit->integer <= 0) {
    return ".unit() must be greater than zero";
  }
  return {};
}

std::string check_node(const NodeSpec& node) {
  const std::string& t = node.type;
  if (t == "query") return check_query(node);
  if (t == "rollup") return check_rollup(node);
  if (t == "window") {
    const int64_t period = duration_or_zero(node, "period");
    const int64_t period_count = int_or(node, "periodCount", 0);
    if (period_count != 0 && period != 0) return "cannot specify both period and periodCount";
    if (period_count != 0 && node.has("align")) {
      return "can only align windows based off time, not count";
    }
    if (period_count != 0 && int_or(node, "everyCount", 0) <= 0) {
      return "everyCount must be greater than zero";
    }
  }
  if (t == "eval") {
    const auto as = strings_of(node, "as");
    if (as.size() != node.args.size()) {
      return fmt::format(
          "must specify same number of expressions and .as() names: got {} as names, and {} "
          "expressions.",
          as.size(), node.args.size());
    }
    for (const auto& tag : strings_of(node, "tags")) {
      if (std::find(as.begin(), as.end(), tag) == as.end()) {
        return fmt::format("invalid tag name \"{}\", name is not present is .as() names", tag);
      }
    }
  }
  if (t == "join") return check_prefixes(node, node.parents.size(), "joined streams");
  if (t == "combine") return check_prefixes(node, node.args.size(), "combine expressions");
  if (t == "from") return check_dimensions(node, "groupBy", false);
  if (t == "groupBy") {
    const auto excludes = node.all("exclude");
    return check_dimensions(node, "", !excludes.empty() && !excludes.back()->args.empty());
  }
  if (t == "barrier") {
    const int64_t idle = duration_or_zero(node, "idle");
    const int64_t period = duration_or_zero(node, "period");
    if (idle != 0 && period != 0) return "cannot specify both idle and period";
    if (period == 0 && idle <= 0) return "idle must be greater than zero";
    if (period <= 0 && idle == 0) return "period must be greater than zero";
  }
  if (t == "httpPost") {
    const size_t urls = node.args.size();
    const size_t endpoints = node.all("endpoint").size();
    if (urls >= 2) return fmt::format("httpPost expects 0 or 1 arguments, got {}", urls);
    if (endpoints > 1) return fmt::format("httpPost expects 0 or 1 endpoints, got {}", endpoints);
    if (urls == 0 && endpoints == 0) return "must provide url or endpoint";
    if (urls > 0 && endpoints > 0) return "only one endpoint and url may be specified";
  }
  if (t == "httpPost") {
    for (const auto* header : node.all("header")) {
      std::string key = header->args.empty() ? "" : header->args[0].text;
      std::transform(key.begin(), key.end(), key.begin(), ::toupper);
      if (key == "AUTHENTICATE") return "cannot set 'authenticate' header";
    }
  }
  if (t == "es") {
    const std::string action = node.text("action");
    if (!action.empty() && action != "index" && action != "create") {
      return fmt::format("invalid action '{}': must be 'index' or 'create'", action);
    }
    if (const Value* index = node.property("index"); index && index->text.empty()) {
      return "index must not be empty";
    }
    if (int_or(node, "batchSize", 1) <= 0) return "batchSize must be greater than zero";
    const std::string format = node.text("timestampFormat");
    if (!format.empty() && format != "rfc3339" && format != "epoch_millis") {
      return fmt::format("invalid timestampFormat '{}': must be 'rfc3339' or 'epoch_millis'",
                         format);
    }
    if (const Value* field = node.property("timestampField"); field && field->text.empty()) {
      return "timestampField must not be empty";
    }
  }
  if (t == "kapacitorLoopback") {
    if (node.text("database").empty()) return "must specify a database";
    if (node.text("retentionPolicy").empty()) return "must specify a retention policy";
  }
  if (t == "default") {
    for (const auto* field : node.all("field")) {
      const ValueType vt = field->args.size() == 2 ? field->args[1].type : ValueType::Invalid;
      if (vt != ValueType::Float && vt != ValueType::Int && vt != ValueType::Bool &&
          vt != ValueType::String) {
        return fmt::format(
            "unsupported type {} for field \"{}\", field default values must be float,int,string "
            "or bool",
            type_name(vt), field->args.empty() ? "" : field->args[0].text);
      }
    }
  }
  auto exactly_one = [&](const char* a, const char* b) -> std::string {
    const bool has_a = !node.text(a).empty();
    const bool has_b = !node.text(b).empty();
    if (has_a == has_b) return fmt::format("must specify exactly one of {} or {}", a, b);
    return {};
  };
  auto autoscale = [&](const char* a, const char* b) -> std::string {
    if (auto e = exactly_one(a, b); !e.empty()) return e;
    if (const int64_t min = int_or(node, "min", 1); min < 1) {
      return fmt::format("min must be >= 1, got {}", min);
    }
    if (!node.property("replicas")) return "must provide a replicas lambda expression";
    return {};
  };
  if (t == "swarmAutoscale") return autoscale("serviceName", "serviceNameTag");
  if (t == "ec2Autoscale") return autoscale("groupName", "groupNameTag");
  if (t == "k8sAutoscale") {
    if (auto e = autoscale("resourceName", "resourceNameTag"); !e.empty()) return e;
    const std::string kind = node.text("kind");
    if (!kind.empty() && kind != "deployments" && kind != "replicasets" &&
        kind != "replicationcontrollers") {
      return fmt::format(
          "invalid Kind, must be 'deployments', 'replicasets' or 'replicationcontrollers', got "
          "{}",
          kind);
    }
  }
  return {};
}

}  // namespace

void Binder::validate_nodes() {
  for (size_t index = 0; index < task_.nodes.size(); ++index) {
    const NodeSpec& node = task_.nodes[index];
    if (invalid_nodes_.count(static_cast<int>(index))) continue;
    for (auto& [offset, message] : check_extension_rules(node)) {
      error(offset, fmt::format("{}: {}", node.name, message));
    }
    std::string problem = check_node(node);
    for (const auto& handler : node.handlers) {
      if (!problem.empty()) break;
      if (handler.type == "alert.post") {
        for (const auto& p : handler.properties) {
          if (p.name != "header" || p.args.empty()) continue;
          std::string key = p.args[0].text;
          std::transform(key.begin(), key.end(), key.begin(), ::toupper);
          if (key == "AUTHENTICATE") problem = "invalid post: cannot set 'authenticate' header";
        }
      }
      if (handler.type == "alert.snmpTrap") {
        if (handler.args.empty() || handler.args[0].text.empty()) {
          problem = "you must supply a trap Oid";
        }
        for (const auto& p : handler.properties) {
          if (p.name != "data" || p.args.size() != 3) continue;
          const std::string& type = p.args[1].text;
          if (type != "c" && type != "i" && type != "n" && type != "s" && type != "t") {
            problem =
                fmt::format("invalid SNMP trap: unsupported data type \"{}\" for data entry \"{}\"",
                            type, p.args[0].text);
          }
        }
      }
    }
    // Every parent of a node must provide the edge type it wants (join/union of mixed edges).
    for (int parent : node.parents) {
      const NodeSpec& p = task_.nodes[static_cast<size_t>(parent)];
      if (problem.empty() && node.wants != EdgeType::None && p.provides != node.wants) {
        problem = fmt::format("cannot add child mismatched edges: {}:{} -> {}:{}", p.name,
                              edge_name(p.provides), node.name, edge_name(node.wants));
      }
      if (problem.empty() && p.provides == EdgeType::None) {
        problem = fmt::format("{} provides no data and cannot have children", p.name);
      }
    }
    if (!problem.empty()) error(node.span.begin, fmt::format("{}: {}", node.name, problem));
  }
}

void Binder::check_does_something() {
  // Kapacitor refuses a task whose pipeline is only its stream or batch node; a template (a
  // script checked without vars) may be just that.
  if (!options_.template_mode && diagnostics_.empty() && task_.nodes.size() <= 1) {
    error(0, "task does nothing",
          "chain at least one node from stream or batch, e.g. stream|from()");
  }
}

void Binder::check_dbrps() {
  auto same_set = [](std::vector<Dbrp> a, std::vector<Dbrp> b) {
    auto order = [](const Dbrp& x, const Dbrp& y) {
      return std::tie(x.database, x.retention_policy) < std::tie(y.database, y.retention_policy);
    };
    std::sort(a.begin(), a.end(), order);
    std::sort(b.begin(), b.end(), order);
    a.erase(std::unique(a.begin(), a.end()), a.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    return a == b;
  };
  if (options_.allow_repeated_dbrps && same_set(task_.dbrps, options_.dbrps)) return;
  if (!task_.dbrps.empty() && !options_.dbrps.empty()) {
    error(dbrp_offsets_.front(), "cannot specify dbrp in both implicitly and explicitly",
          "remove the dbrp statements from the script or the --dbrp flags");
    return;
  }
  if (task_.dbrps.empty()) task_.dbrps = options_.dbrps;
  if (options_.require_dbrp && task_.dbrps.empty()) {
    error(0, "must specify dbrp", "add a statement such as: dbrp \"telegraf\".\"autogen\"");
  }
}

}  // namespace farad::compile
