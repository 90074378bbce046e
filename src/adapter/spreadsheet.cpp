#include "adapter/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

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

std::string xlsx_workbook(std::string_view sheet_name, const std::vector<std::string>& header,
                          const std::vector<std::vector<SheetCell>>& rows) {
    TempFile file;
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book) throw std::runtime_error("cannot start the workbook");
    std::string name(sheet_name);
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < header.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            auto row = static_cast<lxw_row_t>(r + 1);
            auto col = static_cast<lxw_col_t>(c);
            if (const auto* text = std::get_if<std::string>(&rows[r][c]))
                worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
            else
                worksheet_write_number(sheet, row, col,
                                       static_cast<double>(std::get<std::int64_t>(rows[r][c])),
                                       nullptr);
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

}  // namespace sendhub
