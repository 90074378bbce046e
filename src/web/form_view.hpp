#pragma once
// View models for GOV.UK form components: each field carries its value, its error and the
// ids that tie label, hint and error together (aria-describedby), plus the error summary.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"
#include "http/url.hpp"

namespace sendhub {

using Options = std::vector<std::pair<std::string, std::string>>;  // {value, label}

class FormView {
  public:
    FormView() = default;
    //! Shows a validation error's messages beside their fields and in the summary.
    explicit FormView(const Error& error);

    [[nodiscard]] bool has_errors() const { return !errors_.empty(); }
    [[nodiscard]] bool has_error(std::string_view field) const {
        for (const auto& e : errors_)
            if (e.field == field) return true;
        return false;
    }

    struct Input {
        std::string hint;
        std::string type = "text";
        std::string autocomplete;
        std::string width;  // GOV.UK width class suffix: "10", "20", "one-half"…
        bool spellcheck = true;
        std::string inputmode;  // "numeric" for digits-only answers such as a URN
        std::string prefix;     // "£" before a money input
    };
    //! A money input in pounds: "£" before the box, a decimal keyboard on phones.
    [[nodiscard]] nlohmann::json pounds(const std::string& name, std::string label,
                                        std::string value, std::string hint = "") const {
        return input(
            name, std::move(label), std::move(value),
            {.hint = std::move(hint), .width = "10", .inputmode = "decimal", .prefix = "£"});
    }

    [[nodiscard]] nlohmann::json input(const std::string& name, std::string label,
                                       std::string value, Input options) const;
    [[nodiscard]] nlohmann::json input(const std::string& name, std::string label,
                                       std::string value) const {
        return input(name, std::move(label), std::move(value), Input{});
    }
    [[nodiscard]] nlohmann::json select(const std::string& name, std::string label,
                                        const Options& options, std::string_view selected,
                                        std::string hint = "") const;
    [[nodiscard]] nlohmann::json checkboxes(const std::string& name, std::string legend,
                                            const Options& options,
                                            const std::set<std::string>& checked,
                                            std::string hint = "") const;
    [[nodiscard]] nlohmann::json radios(const std::string& name, std::string legend,
                                        const Options& options, std::string_view selected,
                                        std::string hint = "") const;
    [[nodiscard]] nlohmann::json textarea(const std::string& name, std::string label,
                                          std::string value, std::string hint = "",
                                          int rows = 5) const;
    //! A GOV.UK date input: day, month and year boxes named <name>-day, -month and -year;
    //! `value` is the date as "YYYY-MM-DD" or as entered (see date_from_form).
    [[nodiscard]] nlohmann::json date_input(const std::string& name, std::string legend,
                                            std::string_view value, std::string hint = "") const;
    //! Marks a field (like "pupils") that has no input of its own; the summary links to its id.
    [[nodiscard]] nlohmann::json group(const std::string& name, std::string legend) const {
        return base(name, std::move(legend), "");
    }
    //! {"has_errors", "error_list":[{"href","message"}]} for the error summary partial.
    [[nodiscard]] nlohmann::json summary() const;

  private:
    [[nodiscard]] nlohmann::json base(const std::string& name, std::string label,
                                      std::string hint) const;
    std::vector<FieldError> errors_;
};

//! Options from a vocabulary table, with an optional leading "choose" option.
template <class Enum>
Options options_of(std::span<const Term<Enum>> terms, std::string_view placeholder = "") {
    Options out;
    if (!placeholder.empty()) out.emplace_back("", std::string(placeholder));
    for (const auto& t : terms) out.emplace_back(std::string(t.code), std::string(t.label));
    return out;
}

//! A date input's three boxes as "YYYY-MM-DD" (zero-padded), "" when all are blank, or as
//! entered ("31-2-2027") when they are not numbers, so validation refuses it with a message.
[[nodiscard]] std::string date_from_parts(std::string_view day, std::string_view month,
                                          std::string_view year);

//! The date a GOV.UK date input named `name` posted (see date_from_parts).
[[nodiscard]] std::string date_field(const http::FormData& form, const std::string& name);

//! A box where money is typed in pounds, as the pence the service takes. Left empty it is ""
//! (the service decides what that means) unless `missing` says it must be filled in; an
//! amount that is not money is refused on the box.
[[nodiscard]] Result<std::string> pence_from_pounds_box(const http::FormData& form,
                                                        const std::string& box,
                                                        std::string_view missing = "");

//! The service names a field by its API name (`amount_pence`); a page's box may take it under
//! another name (pounds), so the message must sit beside that box. Other fields keep theirs.
template <class T>
[[nodiscard]] Result<T> errors_beside_box(Result<T> done, std::string_view service_field,
                                          std::string_view box) {
    if (done) return done;
    Error error = std::move(done).error();
    if (error.field == service_field) error.field = box;
    for (auto& f : error.fields)
        if (f.field == service_field) f.field = box;
    return std::unexpected(std::move(error));
}

//! A date input's hint example as its boxes read: "For example, 14 12 2026".
[[nodiscard]] std::string date_example(Date date);

//! Every GOV.UK date input posted ("x-day", "x-month", "x-year") also as one field "x" holding
//! date_from_parts, so handlers read a typed date like any other field.
void fold_date_inputs(http::FormData& form);

//! Yes and No radios whose values ("true", "false") the domain reads with parse_yes_no().
[[nodiscard]] const Options& yes_no_options();
//! The roles a school's staff register or are invited with.
[[nodiscard]] const Options& school_role_options();

//! "consent.type" -> "consent-type": a field name as an HTML id.
[[nodiscard]] std::string field_id(std::string_view name);

}  // namespace sendhub
