#include "adapter/templates.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <stdexcept>

#include "adapter/template_check.hpp"
#include "core/embedded_files.hpp"

namespace sendhub {

namespace mustache = kainjow::mustache;

namespace {
constexpr std::string_view kPrefix = "templates/";
constexpr std::string_view kPartialPrefix = "partials/";
constexpr std::string_view kSuffix = ".mustache";

mustache::data to_data(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data object{mustache::data::type::object};
            for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
            return object;
        }
        case nlohmann::json::value_t::array: {
            mustache::data list{mustache::data::type::list};
            for (const auto& item : value) list.push_back(to_data(item));
            return list;
        }
        case nlohmann::json::value_t::string:
            return mustache::data{value.get<std::string>()};
        case nlohmann::json::value_t::boolean:
            return mustache::data{value.get<bool>()};
        case nlohmann::json::value_t::null:
            return mustache::data{false};
        default:
            return mustache::data{value.dump()};
    }
}

//! The view with the shared names added, refusing a name in both: the view's would hide the
//! shared one's nested names, which a single merged view cannot show.
nlohmann::json merged_view(std::string_view name, const nlohmann::json& view,
                           const nlohmann::json& shared) {
    nlohmann::json merged = view;
    for (const auto& [key, value] : shared.items()) {
        if (merged.contains(key))
            throw std::logic_error("template " + std::string(name) + ": \"" + key +
                                   "\" is both in the view and shared");
        merged[key] = value;
    }
    return merged;
}
}  // namespace

Templates::Templates(bool strict) : strict_(strict) {
    for (const auto& file : embedded_files()) {
        if (!file.path.starts_with(kPrefix) || !file.path.ends_with(kSuffix)) continue;
        std::string name(
            file.path.substr(kPrefix.size(), file.path.size() - kPrefix.size() - kSuffix.size()));
        try {
            compiled_.emplace(name, CompiledTemplate(file.content));
        } catch (const std::runtime_error& e) {
            throw std::runtime_error("template " + name + ": " + e.what());
        }
        sources_.emplace(std::move(name), std::string(file.content));
    }
    // Partials live in templates/partials/ so their names never shadow a view's keys.
    for (auto& [name, compiled] : compiled_) {
        compiled.link_partials([this](std::string_view partial) -> const CompiledTemplate* {
            auto it = compiled_.find(std::string(kPartialPrefix) + std::string(partial));
            return it == compiled_.end() ? nullptr : &it->second;
        });
    }
}

Templates::~Templates() = default;

std::string Templates::render(std::string_view name, const nlohmann::json& view,
                              const nlohmann::json* shared) const {
    auto it = compiled_.find(name);
    if (it == compiled_.end()) throw std::runtime_error("no template " + std::string(name));
    std::string out;
    out.reserve(std::size_t{16} * 1024);  // most pages; growing past it costs a copy or two
    it->second.render(view, out, shared);
    // The strict checks see one view: the shared names beside the view's own.
    if (strict_) check_strictly(name, shared ? merged_view(name, view, *shared) : view, out);
    return out;
}

void Templates::check_strictly(std::string_view name, const nlohmann::json& view,
                               const std::string& out) const {
    check_view(name, sources_.find(name)->second, view);
    auto expected = render_with_reference(name, view);
    if (expected == out) return;
    auto [differs, unused] =
        std::mismatch(out.begin(), out.end(), expected.begin(), expected.end());
    auto at = static_cast<std::size_t>(differs - out.begin());
    throw std::logic_error("template " + std::string(name) +
                           " renders differently from kainjow at byte " + std::to_string(at) +
                           ": \"" + out.substr(at, 60) + "\" against \"" + expected.substr(at, 60) +
                           "\"");
}

std::string Templates::render_with_reference(std::string_view name,
                                             const nlohmann::json& view) const {
    mustache::mustache reference{sources_.find(name)->second};
    mustache::data data = to_data(view);
    for (const auto& [source_name, source] : sources_) {
        if (!source_name.starts_with(kPartialPrefix)) continue;
        const std::string* text = &source;
        data.set(source_name.substr(kPartialPrefix.size()),
                 mustache::partial{[text] { return *text; }});
    }
    return reference.render(data);
}

void Templates::check_view(std::string_view name, const std::string& source,
                           const nlohmann::json& view) const {
    auto missing = missing_template_keys(source, view, [&](std::string_view partial) {
        auto it = sources_.find(std::string(kPartialPrefix) + std::string(partial));
        return it == sources_.end() ? std::nullopt : std::optional<std::string_view>(it->second);
    });
    if (missing.empty()) return;
    std::string keys;
    for (const auto& key : missing) keys += (keys.empty() ? "" : ", ") + key;
    throw std::logic_error("template " + std::string(name) + " uses what its view lacks: " + keys);
}

}  // namespace sendhub
