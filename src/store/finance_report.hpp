#pragma once
// The finance dashboard's figures, each one SQL aggregate over invoices, credit notes,
// agreements, visits and packages.
#include <cstdint>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "store/database.hpp"

namespace sendhub {

struct Amount {
    std::string key;    // a code or an id ("2026-11", "teacher", "123641")
    std::string label;  // what a person reads
    std::int64_t pence = 0;
};

struct FinanceSummary {
    std::vector<Amount> income_by_month;    // invoiced less credit notes, by month issued
    std::vector<Amount> income_by_school;   // the ten largest
    std::vector<Amount> income_by_grade;    // as invoiced, before credit notes
    std::vector<Amount> income_by_service;  // as invoiced, before credit notes
    std::int64_t outstanding_count = 0;
    std::int64_t outstanding_pence = 0;
    std::int64_t overdue_count = 0;
    std::int64_t overdue_pence = 0;
    int agreed_half_days = 0;     // sold in provision agreements
    int delivered_half_days = 0;  // delivered visits
    int package_half_days = 0;    // sold in buy-back packages
    int drawn_half_days = 0;      // drawn from packages
};

[[nodiscard]] FinanceSummary finance_summary(Database& db, Date today);

}  // namespace sendhub
