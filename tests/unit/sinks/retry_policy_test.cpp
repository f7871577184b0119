#include "sinks/retry_policy.hpp"

#include <catch2/catch.hpp>
#include <set>

using farad::sinks::classify_status;
using farad::sinks::RetryBackoff;
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

TEST_CASE("retry policy: delays below 1 ms and a cap below the first delay are lifted") {
  RetryPolicy policy;
  policy.initial_delay = milliseconds(0);
  policy.max_delay = milliseconds(0);
  CHECK(policy.delay_after(1) == milliseconds(1));
  CHECK(policy.delay_after(5) == milliseconds(1));
  policy.initial_delay = milliseconds(300);
  policy.max_delay = milliseconds(100);
  CHECK(policy.delay_after(3) == milliseconds(300));
}

TEST_CASE("retry backoff without jitter follows the policy's schedule and resets") {
  RetryPolicy policy;
  policy.initial_delay = milliseconds(100);
  policy.max_delay = milliseconds(1000);
  RetryBackoff backoff(policy);
  const int64_t expected[] = {100, 200, 400, 800, 1000, 1000};
  for (const int64_t wait : expected) CHECK(backoff.next().count() == wait);
  CHECK(backoff.failures() == 6);
  backoff.reset();
  CHECK(backoff.failures() == 0);
  CHECK(backoff.next() == milliseconds(100));
}

TEST_CASE("retry backoff with jitter draws each wait from the upper half of the schedule's") {
  RetryPolicy policy;
  policy.initial_delay = milliseconds(100);
  policy.max_delay = milliseconds(1000);
  policy.jitter = true;
  RetryBackoff backoff(policy, 42);
  const int64_t bases[] = {100, 200, 400, 800, 1000, 1000, 1000};
  for (const int64_t base : bases) {
    const auto wait = backoff.next().count();
    INFO("base " << base << " wait " << wait);
    CHECK(wait >= base / 2);
    CHECK(wait <= base);
  }
  CHECK(backoff.failures() == 7);
  backoff.reset();
  CHECK(backoff.next().count() <= 100);
}

TEST_CASE("retry backoff jitter spreads retries and never overflows") {
  RetryPolicy policy;
  policy.initial_delay = milliseconds(1000);
  policy.max_delay = milliseconds(60000);
  policy.jitter = true;
  std::set<int64_t> waits;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    RetryBackoff backoff(policy, seed);
    waits.insert(backoff.next().count());
  }
  CHECK(waits.size() > 10);
  RetryBackoff many(policy, 7);
  for (int i = 0; i < 200; ++i) {
    const auto wait = many.next().count();
    REQUIRE(wait >= 500);
    REQUIRE(wait <= 60000);
  }
}

TEST_CASE("retry backoff: attempts are limited by the policy") {
  RetryPolicy policy;
  policy.max_attempts = 2;
  RetryBackoff backoff(policy, 1);
  CHECK(backoff.may_retry());  // the first attempt has not failed yet
  backoff.next();
  CHECK(backoff.may_retry());
  backoff.next();
  CHECK_FALSE(backoff.may_retry());
}
