#include "store/wal_damage.hpp"

namespace farad::store {

std::string describe(const WalDamage& damage) {
  return "segment " + std::to_string(damage.segment) + " at byte " + std::to_string(damage.offset) +
         ": " + damage.reason;
}

}  // namespace farad::store
