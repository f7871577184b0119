#include "cli/golden_case.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_inputs.hpp"
#include "cli/task_flags.hpp"
#include "io/line_protocol_writer.hpp"
#include "nodes/http_out_json.hpp"
#include "nodes/registry.hpp"

namespace farad::cli {

namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 1e-9;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CapturingSink : public runtime::OutputSink {
 public:
  void write(const compile::NodeSpec& /*node*/, const model::Point& point) override {
    io::append_line(lines, point, io::Precision::Nanosecond);
    lines += '\n';
  }
  std::string lines;
};

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

/// Checks `expected.error` (`LINE:COL message-prefix`) against the diagnostics.
std::string check_expected_error(const fs::path& file,
                                 const std::vector<lang::Diagnostic>& diagnostics) {
  const std::string expected = trim(read_text(file));
  for (const auto& d : diagnostics) {
    const std::string got = fmt::format("{}:{} {}", d.position.line, d.position.column, d.message);
    if (got.rfind(expected, 0) == 0) return {};
  }
  if (diagnostics.empty()) return "expected a compile error, the script compiled: " + expected;
  return fmt::format("expected error '{}', got:\n{}", expected, lang::render_all(diagnostics));
}

std::vector<std::string> input_files(const fs::path& folder) {
  std::vector<std::string> inputs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("input", 0) == 0) inputs.push_back(entry.path().string());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

std::vector<std::string> find_golden_cases(const std::string& path) {
  std::vector<std::string> cases;
  if (fs::exists(fs::path(path) / "script.tick")) return {path};
  if (!fs::is_directory(path)) return {};
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_directory() && fs::exists(entry.path() / "script.tick")) {
      cases.push_back(entry.path().string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

CaseResult run_golden_case(const std::string& folder_text, const std::string& name) {
  const fs::path folder(folder_text);
  CaseResult result{name, false, {}};
  try {
    const std::string args_text = fs::exists(folder / "args") ? read_text(folder / "args") : "";
    auto words = split_words(args_text);
    if (fs::exists(folder / "vars.json")) {
      words.push_back("--vars");
      words.push_back((folder / "vars.json").string());
    }
    std::set<std::string> flags = kTaskFlags;
    flags.insert(kInputValueFlags.begin(), kInputValueFlags.end());
    std::set<std::string> switches = kInputSwitches;
    switches.insert("flush");
    const Arguments args(words, flags, switches);
    const std::string script = (folder / "script.tick").string();
    compile::CompileOptions options = task_options(args, script);
    options.allow_repeated_dbrps = true;  // as `farad run`
    const compile::CompileResult compiled =
        compile::compile_source(lang::read_source_file(script), options);

    if (fs::exists(folder / "expected.error")) {
      result.reason = check_expected_error(folder / "expected.error", compiled.diagnostics);
      result.passed = result.reason.empty();
      return result;
    }
    if (!compiled.ok()) {
      result.reason = "does not compile:\n" + lang::render_all(compiled.diagnostics);
      return result;
    }
    CapturingSink sink;
    runtime::Task task(compiled.task, nodes::node_factory(), &sink);
    feed_inputs(task, input_files(folder), input_options(args));
    task.finish(args.has("flush"));

    bool checked = false;
    if (fs::exists(folder / "expected.lp")) {
      checked = true;
      result.reason =
          compare_line_protocol(read_text(folder / "expected.lp"), sink.lines, kTolerance);
      if (!result.reason.empty()) return result;
    }
    if (fs::is_directory(folder / "expected")) {
      for (const auto& entry : fs::directory_iterator(folder / "expected")) {
        if (entry.path().extension() != ".json") continue;
        checked = true;
        const std::string endpoint = entry.path().stem().string();
        const std::string actual = nodes::render_http_out(task.context().http_out, endpoint);
        result.reason = compare_json(read_text(entry.path()), actual, kTolerance);
        if (!result.reason.empty()) {
          result.reason = "httpOut '" + endpoint + "': " + result.reason;
          return result;
        }
      }
    }
    if (!checked) {
      result.reason = "no expectation: add expected.lp, expected/<endpoint>.json or expected.error";
      return result;
    }
    result.passed = true;
  } catch (const std::exception& e) {
    result.reason = e.what();
  }
  return result;
}

}  // namespace farad::cli
