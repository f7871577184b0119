#include "sinks/retry_policy.hpp"

#include <catch2/catch.hpp>

using farad::sinks::classify_status;
using farad::sinks::RetryPolicy;
using farad::sinks::SendOutcome;
using std::chrono::milliseconds;

TEST_CASE("retry policy: statuses sort into sent, retry and drop") {
  const std::pair<long, SendOutcome> table[] = {
      {200, SendOutcome::Sent},  {204, SendOutcome::Sent},  {299, SendOutcome::Sent},
      {0, SendOutcome::Retry},   {500, SendOutcome::Retry}, {503, SendOutcome::Retry},
      {408, SendOutcome::Retry}, {429, SendOutcome::Retry}, {400, SendOutcome::Drop},
      {401, SendOutcome::Drop},  {404, SendOutcome::Drop},  {413, SendOutcome::Drop},
      {301, SendOutcome::Drop},
  };
  for (const auto& [status, outcome] : table) {
    INFO(status);
    CHECK(classify_status(status) == outcome);
  }
}

TEST_CASE("retry policy: the delay doubles up to its cap; attempts are limited when asked") {
  RetryPolicy policy;
  policy.initial_delay = milliseconds(250);
  policy.max_delay = milliseconds(1500);
  CHECK(policy.delay_after(1) == milliseconds(250));
  CHECK(policy.delay_after(2) == milliseconds(500));
  CHECK(policy.delay_after(3) == milliseconds(1000));
  CHECK(policy.delay_after(4) == milliseconds(1500));
  CHECK(policy.delay_after(40) == milliseconds(1500));
  CHECK(policy.may_retry(1000));  // no limit by default
  policy.max_attempts = 3;
  CHECK(policy.may_retry(1));
  CHECK(policy.may_retry(2));
  CHECK_FALSE(policy.may_retry(3));
}
