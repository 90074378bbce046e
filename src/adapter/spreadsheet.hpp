#pragma once
// An .xlsx workbook of one sheet (finance-system exports), written with libxlsxwriter.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sendhub {

using SheetCell = std::variant<std::string, std::int64_t>;

//! A bold header row, then the rows; numbers stay numbers so totals can be summed.
//! Throws std::runtime_error if the workbook cannot be written.
[[nodiscard]] std::string xlsx_workbook(std::string_view sheet_name,
                                        const std::vector<std::string>& header,
                                        const std::vector<std::vector<SheetCell>>& rows);

}  // namespace sendhub
