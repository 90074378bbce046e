#include "core/csv.hpp"

namespace sendhub {

CsvTable CsvTable::parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    bool record_has_content = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                in_quotes = true;
                record_has_content = true;
                break;
            case ',':
                record.push_back(std::move(field));
                field.clear();
                record_has_content = true;
                break;
            case '\r':
                break;
            case '\n':
                if (record_has_content || !field.empty()) {
                    record.push_back(std::move(field));
                    records.push_back(std::move(record));
                }
                field.clear();
                record.clear();
                record_has_content = false;
                break;
            default:
                field += c;
                record_has_content = true;
        }
    }
    if (record_has_content || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    CsvTable table;
    if (!records.empty()) {
        table.header_ = std::move(records.front());
        table.rows_.assign(std::make_move_iterator(records.begin() + 1),
                           std::make_move_iterator(records.end()));
    }
    return table;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    return std::nullopt;
}

}  // namespace sendhub

namespace sendhub {

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        std::string f = fields[i];
        bool numeric =
            !f.empty() && f.find_first_not_of("-0123456789.") == std::string::npos && f != "-";
        if (!f.empty() && !numeric && std::string_view("=+-@").find(f[0]) != std::string_view::npos)
            f.insert(0, 1, '\'');
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    return out + "\r\n";
}

}  // namespace sendhub
