#pragma once
// Counts heap allocations made by the current thread while a scope is open, so tests can assert
// that a hot path allocates nothing. The unit test binary replaces global operator new for this
// (alloc_counter.cpp); outside a scope the replacement only forwards to malloc.

#include <cstddef>

namespace farad::test {

/// Counts allocations of the current thread from construction to destruction.
class AllocationCounter {
 public:
  AllocationCounter();
  ~AllocationCounter();
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;

  /// Allocations so far.
  std::size_t count() const;

 private:
  std::size_t start_;
  bool outer_;
};

}  // namespace farad::test
