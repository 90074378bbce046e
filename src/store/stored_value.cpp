#include "store/stored_value.hpp"

namespace sendhub {

void unrecognised_stored_value(std::string_view column, std::string_view text) {
    throw DatabaseError("unrecognised value '" + std::string(text.substr(0, 40)) + "' stored in " +
                        std::string(column));
}

Date stored_date(std::string_view text, std::string_view column) {
    auto date = parse_date(text);
    if (!date) unrecognised_stored_value(column, text);
    return *date;
}

Role stored_role(std::string_view text, std::string_view column) {
    auto role = parse_role(text);
    if (!role) unrecognised_stored_value(column, text);
    return *role;
}

}  // namespace sendhub
