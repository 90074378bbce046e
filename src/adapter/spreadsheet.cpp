#include "adapter/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace sendhub {
namespace {

//! libxlsxwriter 1.1.4 writes only to a file: a private temporary one, removed on scope exit.
class TempFile {
  public:
    TempFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/sendhub-export-XXXXXX";
        int fd = ::mkstemp(path_.data());
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
        ::close(fd);
    }
    ~TempFile() { ::unlink(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace

std::string csv_text(const SheetCell& cell) {
    struct Text {
        std::string operator()(const std::string& text) const { return text; }
        std::string operator()(std::int64_t number) const { return std::to_string(number); }
        std::string operator()(const SheetDate& d) const { return format_date(d.date); }
        std::string operator()(const SheetMoney& m) const { return std::to_string(m.pence); }
        std::string operator()(const SheetDecimal& d) const {
            std::string text = std::to_string(d.value);
            text.erase(text.find_last_not_of('0') + 1);  // "1.500000" → "1.5", "2.000000" → "2."
            if (text.ends_with('.')) text.pop_back();
            return text;
        }
    };
    return std::visit(Text{}, cell);
}

std::string xlsx_workbook(std::string_view sheet_name, const std::vector<std::string>& header,
                          const std::vector<std::vector<SheetCell>>& rows) {
    TempFile file;
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book) throw std::runtime_error("cannot start the workbook");
    std::string name(sheet_name);
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* date_format = workbook_add_format(book);
    format_set_num_format(date_format, "dd/mm/yyyy");
    lxw_format* money_format = workbook_add_format(book);
    format_set_num_format(money_format, "£#,##0.00");
    for (std::size_t c = 0; c < header.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(sheet, 0, col, header[c].c_str(), bold);
        worksheet_set_column(sheet, col, col,
                             std::max(12.0, static_cast<double>(header[c].size() + 4)), nullptr);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            auto col = static_cast<lxw_col_t>(c);
            const SheetCell& cell = rows[r][c];
            if (const auto* text = std::get_if<std::string>(&cell)) {
                if (!text->empty()) worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
            } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
                worksheet_write_number(sheet, row, col, static_cast<double>(*number), nullptr);
            } else if (const auto* d = std::get_if<SheetDate>(&cell)) {
                lxw_datetime when{static_cast<int>(d->date.year()),
                                  static_cast<std::uint8_t>(static_cast<unsigned>(d->date.month())),
                                  static_cast<std::uint8_t>(static_cast<unsigned>(d->date.day())),
                                  0,
                                  0,
                                  0};
                worksheet_write_datetime(sheet, row, col, &when, date_format);
            } else if (const auto* m = std::get_if<SheetMoney>(&cell)) {
                worksheet_write_number(sheet, row, col, static_cast<double>(m->pence) / 100.0,
                                       money_format);
            } else {
                worksheet_write_number(sheet, row, col, std::get<SheetDecimal>(cell).value,
                                       nullptr);
            }
        }
    }
    if (!header.empty())
        worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()),
                             static_cast<lxw_col_t>(header.size() - 1));
    worksheet_freeze_panes(sheet, 1, 0);
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

}  // namespace sendhub
