#pragma once
// The one way to ask the time. Stores and services are handed a Clock instead of reading
// the system clock, so a test can fix "today" and move it on (a session that expires, a
// visit that is now in the past) without waiting or patching.
#include <memory>

#include "core/dates.hpp"

namespace sendhub {

class Clock {
  public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Timestamp now() const = 0;
    //! Today in Europe/London ("today" in every date rule of the contract).
    [[nodiscard]] Date today() const { return london_date(now()); }
};

//! The real time, to the second.
class SystemClock final : public Clock {
  public:
    [[nodiscard]] Timestamp now() const override;
};

//! A clock that shows what it is set to, for tests and for replaying a day.
class FixedClock final : public Clock {
  public:
    explicit FixedClock(Timestamp at) : at_(at) {}
    [[nodiscard]] Timestamp now() const override { return at_; }
    void set(Timestamp at) { at_ = at; }
    void advance(std::chrono::seconds by) { at_ += by; }

  private:
    Timestamp at_;
};

//! The process's system clock, shared by everything that is not given another.
[[nodiscard]] std::shared_ptr<const Clock> system_clock();

}  // namespace sendhub
