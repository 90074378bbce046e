#include "web/form_view.hpp"

#include <algorithm>

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
    nlohmann::json field{
        {"id", id}, {"name", name}, {"label", std::move(label)}, {"hint", false}, {"error", false}};
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
    return field;
}

nlohmann::json FormView::select(const std::string& name, std::string label, const Options& options,
                                std::string_view selected, std::string hint) const {
    auto field = base(name, std::move(label), std::move(hint));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [value, text] : options)
        items.push_back({{"value", value}, {"text", text}, {"selected", value == selected}});
    field["options"] = items;
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
        items.push_back(
            {{"id", id}, {"value", value}, {"text", text}, {"checked", checked.contains(value)}});
    }
    field["options"] = items;
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

}  // namespace sendhub
