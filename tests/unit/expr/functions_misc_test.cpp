// isPresent(), if() and humanBytes() against Kapacitor.

#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

using farad::expr::testing::Case;
using farad::expr::testing::run;

TEST_CASE("isPresent, if and humanBytes", "[expr]") {
  // if() evaluates both branches; humanBytes converts floats as Go does on amd64.
  static const Case cases[] = {
      {R"~(isPresent("f"))~", R"~(bool true)~"},
      {R"~(isPresent("s"))~", R"~(bool true)~"},
      {R"~(isPresent("x"))~", R"~(bool false)~"},
      {R"~(isPresent(-"x"))~", R"~(bool false)~"},
      {R"~(isPresent("d"))~",
       R"~(error: Cannot call function "isPresent" with args ("d": duration), available signatures are [(missing), (boolean), (string), (int), (float)].)~"},
      {R"~(isPresent("time"))~",
       R"~(error: Cannot call function "isPresent" with args ("time": time), available signatures are [(missing), (boolean), (string), (int), (float)].)~"},
      {R"~(if(TRUE, 'yes', 'no'))~", R"~(string yes)~"},
      {R"~(if("i" > 10, 'big', 'small'))~", R"~(string small)~"},
      {R"~(if("b", "d", 1m))~", R"~(time.Duration 1m30s)~"},
      {R"~(if("x" > 0, 1, 2))~",
       R"~(error: Failed to handle 1 argument: left reference value "x" is missing value)~"},
      {R"~(if(TRUE, 1, 2.0))~",
       R"~(compile error: Cannot call function "if" with args (true: boolean,1: int,2: float), available signatures are [(boolean,float,float), (boolean,int,int), (boolean,string,string), (boolean,boolean,boolean), (boolean,regex,regex), (boolean,time,time), (boolean,duration,duration)].)~"},
      {R"~(if(isPresent("x"), "x", 0))~",
       R"~(error: Cannot call function "if" argument "x" is missing, values in scope are [])~"},
      {R"~(if(FALSE, /a/, /b/))~", R"~(error: expression returned unexpected type regex)~"},
      {R"~('abc' =~ if(TRUE, /b/, /z/))~", R"~(bool true)~"},
      {R"~(if(TRUE, "time", "time"))~", R"~(error: expression returned unexpected type time)~"},
      {R"~(unixNano(if(FALSE, "time", "time")))~", R"~(int64 1700000000123456789)~"},
      {R"~(humanBytes(0))~", R"~(string 0 B)~"},
      {R"~(humanBytes(5))~", R"~(string 5 B)~"},
      {R"~(humanBytes(10))~", R"~(string 10 B)~"},
      {R"~(humanBytes(999))~", R"~(string 999 B)~"},
      {R"~(humanBytes(1000))~", R"~(string 1.0 kB)~"},
      {R"~(humanBytes(1500))~", R"~(string 1.5 kB)~"},
      {R"~(humanBytes(999999))~", R"~(string 1000 kB)~"},
      {R"~(humanBytes(1000000))~", R"~(string 1.0 MB)~"},
      {R"~(humanBytes(82854982))~", R"~(string 83 MB)~"},
      {R"~(humanBytes(9223372036854775807))~", R"~(string 9.2 EB)~"},
      {R"~(humanBytes(-1))~", R"~(string 18 EB)~"},
      {R"~(humanBytes(2.5))~", R"~(string 2 B)~"},
      {R"~(humanBytes(-1.0))~", R"~(string 18 EB)~"},
      {R"~(humanBytes(float('nan')))~", R"~(string 9.2 EB)~"},
      {R"~(humanBytes('x'))~",
       R"~(compile error: Cannot call function "humanBytes" with args (x: string), available signatures are [(float), (int)].)~"},
      {R"~(humanBytes("d"))~",
       R"~(error: Cannot call function "humanBytes" with args ("d": duration), available signatures are [(float), (int)].)~"},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    CHECK(run(c.expression) == c.expected);
  }
}
