#pragma once
// The one exception type of the store: a file that cannot be opened, written, synced or parsed.

#include <stdexcept>

namespace farad::store {

/// A failure of the store; the message names the file and the system error.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace farad::store
