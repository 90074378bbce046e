#pragma once
// A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF, a leading UTF-8 BOM.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

class CsvTable {
  public:
    //! Parses the whole text; the first record is the header.
    static CsvTable parse(std::string_view text);

    [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
    [[nodiscard]] const std::vector<std::vector<std::string>>& rows() const { return rows_; }
    //! Index of a header column, or nullopt when the file lacks it.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;

  private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace sendhub

namespace sendhub {

//! One RFC 4180 record with CRLF: fields with commas, quotes or line breaks are quoted.
//! Fields starting with = + - @ are prefixed with ' so spreadsheets never run them as formulas.
[[nodiscard]] std::string csv_record(const std::vector<std::string>& fields);

}  // namespace sendhub
