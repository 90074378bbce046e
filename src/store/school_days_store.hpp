#pragma once
// Bank holidays and local authorities' term dates: what a school's calendar is made of
// (core/school_days.hpp).
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "core/school_days.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct BankHoliday {
    Date date;
    std::string title;
};

//! One authority's recorded academic year, for the list of what is recorded.
struct RecordedYear {
    int la_code = 0;
    std::string authority;
    std::string academic_year;
    int terms = 0;
    int closures = 0;
};

class SchoolDaysStore {
  public:
    explicit SchoolDaysStore(Database& db) : db_(db) {}

    //! Replaces every bank holiday with these; returns how many there are now.
    std::size_t replace_bank_holidays(const std::vector<BankHoliday>& holidays, const Acting& who);

    [[nodiscard]] std::vector<BankHoliday> bank_holidays(Date from, Date to);

    //! Replaces the authority's dates for that academic year.
    void replace_term_dates(int la_code, const TermDates& dates, const Acting& who);
    [[nodiscard]] std::optional<TermDates> term_dates(int la_code, const std::string& year);
    //! Every authority-year with term dates, by authority name then year.
    [[nodiscard]] std::vector<RecordedYear> recorded_years();
    //! The name of England's local authority with this DfE code, if there is one.
    [[nodiscard]] std::optional<std::string> authority_name(int la_code);
    //! England's local authorities (DfE code, name), by name.
    [[nodiscard]] std::vector<std::pair<int, std::string>> authorities();

    //! The school's calendar: bank holidays and its authority's recorded years (none when
    //! the school has no authority code). Inside a transaction, in that transaction.
    [[nodiscard]] static SchoolCalendar calendar_of(SqlConnection& c, SchoolUrn school);
    [[nodiscard]] SchoolCalendar calendar_of(SchoolUrn school);

  private:
    Database& db_;
};

}  // namespace sendhub
