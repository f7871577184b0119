// The PEGTL grammar against its normative text, grammar/tick.peg.

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "lang/parser.hpp"

namespace {

// Rule names in the order tick.peg defines them: lines of the form `name <- ...`.
std::vector<std::string> peg_rule_names() {
  std::ifstream file(std::string(FARAD_SOURCE_DIR) + "/grammar/tick.peg");
  REQUIRE(file);
  const std::regex definition(R"(^([a-z_]+)\s*<-)");
  std::vector<std::string> names;
  std::string line;
  while (std::getline(file, line)) {
    std::smatch match;
    if (std::regex_search(line, match, definition)) names.push_back(match[1]);
  }
  return names;
}

}  // namespace

TEST_CASE("grammar rules are the rules of tick.peg, in the same order") {
  const auto expected = peg_rule_names();
  std::vector<std::string> actual;
  for (auto name : farad::lang::grammar_rule_names()) actual.emplace_back(name);
  CHECK(actual.size() > 50);
  CHECK(actual == expected);
}

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  // Also counts rules reachable from the grammar but missing from the declared list.
  CHECK(farad::lang::analyze_grammar() == 0);
}
