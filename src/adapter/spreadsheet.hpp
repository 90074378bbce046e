#pragma once
// An .xlsx workbook of one sheet (finance-system exports), written with libxlsxwriter.
// Cells keep their kind, so a finance officer can sort, filter and sum the sheet as it opens:
// dates are dates, money is pounds with a currency format, quantities are numbers.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/dates.hpp"

namespace sendhub {

//! A calendar date, shown as 14/12/2026.
struct SheetDate {
    Date date;
};
//! An amount of money, held in pence and shown in pounds as £1,700.50.
struct SheetMoney {
    std::int64_t pence = 0;
};
//! A quantity that may have a fraction (days in halves, miles in tenths).
struct SheetDecimal {
    double value = 0;
};

using SheetCell = std::variant<std::string, std::int64_t, SheetDate, SheetMoney, SheetDecimal>;

//! A cell as CSV text for finance systems: dates as ISO 8601, money as integer pence.
[[nodiscard]] std::string csv_text(const SheetCell& cell);

//! A bold header row with filters, then the rows, columns sized to their headings.
//! Throws std::runtime_error if the workbook cannot be written.
[[nodiscard]] std::string xlsx_workbook(std::string_view sheet_name,
                                        const std::vector<std::string>& header,
                                        const std::vector<std::vector<SheetCell>>& rows);

}  // namespace sendhub
