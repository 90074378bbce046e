#pragma once
// Strong ids: a SchoolUrn cannot be passed where a UserId is meant.
#include <compare>
#include <cstdint>

namespace sendhub {

template <class Tag>
struct StrongId {
    std::int64_t value = 0;
    friend auto operator<=>(const StrongId&, const StrongId&) = default;
};

using UserId = StrongId<struct UserIdTag>;
using PractitionerId = StrongId<struct PractitionerIdTag>;
//! A school's Unique Reference Number from the DfE register (six digits).
using SchoolUrn = StrongId<struct SchoolUrnTag>;

}  // namespace sendhub
