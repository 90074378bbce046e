#include "web/form_view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/dates.hpp"
#include "core/json_object.hpp"
#include "core/money_input.hpp"
#include "core/text.hpp"

namespace sendhub {

std::string field_id(std::string_view name) {
    std::string id(name);
    std::ranges::replace(id, '.', '-');
    return id;
}

FormView::FormView(const Error& error) {
    errors_ = error.fields;
    if (errors_.empty() && !error.message.empty())
        errors_.push_back({error.field, error.code, error.message});
}

nlohmann::json FormView::base(const std::string& name, std::string label, std::string hint) const {
    std::string id = field_id(name);
    auto found = std::ranges::find(errors_, name, &FieldError::field);
    nlohmann::json field = JsonObject{}("id", id)("name", name)("label", std::move(label))(
                               "hint", false)("error", false)
                               .take();
    std::string described;
    if (!hint.empty()) {
        field["hint"] = std::move(hint);
        described = id + "-hint";
    }
    if (found != errors_.end()) {
        field["error"] = found->message;
        described += (described.empty() ? "" : " ") + id + "-error";
    }
    field["describedby"] = described.empty() ? nlohmann::json(false) : nlohmann::json(described);
    return field;
}

nlohmann::json FormView::input(const std::string& name, std::string label, std::string value,
                               Input options) const {
    auto field = base(name, std::move(label), std::move(options.hint));
    field["value"] = std::move(value);
    field["type"] = options.type;
    field["autocomplete"] =
        options.autocomplete.empty() ? nlohmann::json(false) : nlohmann::json(options.autocomplete);
    field["width"] = options.width.empty() ? nlohmann::json(false) : nlohmann::json(options.width);
    field["nospellcheck"] = !options.spellcheck;
    field["inputmode"] =
        options.inputmode.empty() ? nlohmann::json(false) : nlohmann::json(options.inputmode);
    field["prefix"] =
        options.prefix.empty() ? nlohmann::json(false) : nlohmann::json(options.prefix);
    return field;
}

nlohmann::json FormView::date_input(const std::string& name, std::string legend,
                                    std::string_view value, std::string hint) const {
    auto field = base(name, std::move(legend), std::move(hint));
    // "2027-01-04" shows as 4, 1, 2027; anything else (as entered) goes back in its boxes.
    std::string day, month, year;
    if (auto date = parse_date(value)) {
        day = std::to_string(static_cast<unsigned>(date->day()));
        month = std::to_string(static_cast<unsigned>(date->month()));
        year = std::to_string(static_cast<int>(date->year()));
    } else if (auto parts = split(value, '-'); parts.size() == 3) {
        year = parts[0], month = parts[1], day = parts[2];
    }
    const std::string id = field_id(name);
    field["parts"] = {
        {{"id", id}, {"name", name + "-day"}, {"label", "Day"}, {"value", day}, {"width", "2"}},
        {{"id", id + "-month"},
         {"name", name + "-month"},
         {"label", "Month"},
         {"value", month},
         {"width", "2"}},
        {{"id", id + "-year"},
         {"name", name + "-year"},
         {"label", "Year"},
         {"value", year},
         {"width", "4"}}};
    return field;
}

std::string date_from_parts(std::string_view day, std::string_view month, std::string_view year) {
    std::string d = trim(day), m = trim(month), y = trim(year);
    if (d.empty() && m.empty() && y.empty()) return {};
    auto dn = parse_int(d), mn = parse_int(m), yn = parse_int(y);
    if (dn && mn && yn && *dn >= 0 && *mn >= 0 && *yn >= 0 && *dn < 100 && *mn < 100 && *yn < 10000)
        return fmt::format("{:04}-{:02}-{:02}", *yn, *mn, *dn);
    return y + "-" + m + "-" + d;
}

nlohmann::json FormView::select(const std::string& name, std::string label, const Options& options,
                                std::string_view selected, std::string hint) const {
    auto field = base(name, std::move(label), std::move(hint));
    nlohmann::json items = nlohmann::json::array();
    items.get_ref<nlohmann::json::array_t&>().reserve(options.size());
    for (const auto& [value, text] : options)
        items.push_back(
            JsonObject{}("value", value)("text", text)("selected", value == selected).take());
    field["options"] = std::move(items);
    return field;
}

nlohmann::json FormView::checkboxes(const std::string& name, std::string legend,
                                    const Options& options, const std::set<std::string>& checked,
                                    std::string hint) const {
    auto field = base(name, std::move(legend), std::move(hint));
    nlohmann::json items = nlohmann::json::array();
    int index = 0;
    for (const auto& [value, text] : options) {
        std::string id = field_id(name) + (index++ == 0 ? "" : "-" + std::to_string(index));
        items.push_back(JsonObject{}("id", std::move(id))("value", value)("text", text)(
                            "checked", checked.contains(value))
                            .take());
    }
    field["options"] = std::move(items);
    return field;
}

nlohmann::json FormView::radios(const std::string& name, std::string legend, const Options& options,
                                std::string_view selected, std::string hint) const {
    auto field =
        checkboxes(name, std::move(legend), options, {std::string(selected)}, std::move(hint));
    return field;
}

nlohmann::json FormView::textarea(const std::string& name, std::string label, std::string value,
                                  std::string hint, int rows) const {
    auto field = base(name, std::move(label), std::move(hint));
    field["value"] = std::move(value);
    field["rows"] = std::to_string(rows);
    return field;
}

nlohmann::json FormView::summary() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors_) {
        list.push_back({{"href", "#" + field_id(e.field.empty() ? "main-content" : e.field)},
                        {"message", e.message}});
    }
    return {{"has_errors", !errors_.empty()}, {"error_list", list}};
}

std::string date_field(const http::FormData& form, const std::string& name) {
    return date_from_parts(form.get(name + "-day"), form.get(name + "-month"),
                           form.get(name + "-year"));
}

Result<std::string> pence_from_pounds_box(const http::FormData& form, const std::string& box,
                                          std::string_view missing) {
    std::string typed = form.get(box);
    if (trim(typed).empty() && !missing.empty())
        return std::unexpected(Error::invalid(box, "required", std::string(missing)));
    if (trim(typed).empty()) return std::string{};
    auto pence = parse_pounds(typed, box);
    if (!pence) return std::unexpected(pence.error());
    return std::to_string(*pence);
}

std::string date_example(Date date) {
    return fmt::format("For example, {} {} {}", static_cast<unsigned>(date.day()),
                       static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
}

const Options& yes_no_options() {
    static const Options options{{"true", "Yes"}, {"false", "No"}};
    return options;
}

const Options& school_role_options() {
    static const Options options{
        {"senco", "SENCO"}, {"headteacher", "Headteacher"}, {"school_staff", "Other staff"}};
    return options;
}

void fold_date_inputs(http::FormData& form) {
    constexpr std::string_view kDay = "-day";
    std::vector<std::string> dates;
    for (const auto& [key, value] : form.fields()) {
        if (!key.ends_with(kDay)) continue;
        std::string name = key.substr(0, key.size() - kDay.size());
        if (form.has(name + "-month") && form.has(name + "-year") && !form.has(name))
            dates.push_back(std::move(name));
    }
    for (auto& name : dates) {
        std::string value = date_field(form, name);
        form.add(std::move(name), std::move(value));
    }
}

}  // namespace sendhub
