#pragma once
// A script test case (`farad test`): a folder holding
//   script.tick          the task
//   input.lp | input.srpl | input*.brpl   the data (several .brpl: one per query node, in name
//   order) expected.lp          the points output nodes write (line protocol, ns), and/or
//   expected/<endpoint>.json   httpOut results, and/or
//   expected.error       an expected compile error: `LINE:COL message` (message is a prefix)
//   vars.json            vars in Kapacitor's shape (optional)
//   args                 extra flags, e.g. `--dbrp telegraf.autogen --precision s --flush`
// Floats compare with a relative tolerance of 1e-9; times, names, tags exactly.

#include <string>
#include <vector>

namespace farad::cli {

struct CaseResult {
  std::string name;
  bool passed = false;
  std::string reason;  ///< why it failed
};

/// Runs one case folder.
CaseResult run_golden_case(const std::string& folder, const std::string& farad_name);

/// The case folders at or under `path` (a folder with script.tick is a case), sorted.
std::vector<std::string> find_golden_cases(const std::string& path);

/// Compares line protocol texts point by point; empty when equal, else the first difference.
std::string compare_line_protocol(const std::string& expected, const std::string& actual,
                                  double tolerance);

/// Compares JSON texts with a relative float tolerance; empty when equal, else a description.
std::string compare_json(const std::string& expected, const std::string& actual, double tolerance);

}  // namespace farad::cli
