#include "adapter/templates.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>

#include "adapter/template_check.hpp"
#include "core/embedded_files.hpp"

namespace sendhub {

namespace mustache = kainjow::mustache;

struct Templates::Compiled {
    std::map<std::string, mustache::mustache, std::less<>> templates;
    mustache::data partials{mustache::data::type::object};
};

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
}  // namespace

Templates::Templates(bool strict) : strict_(strict) {
    for (const auto& file : embedded_files()) {
        if (!file.path.starts_with(kPrefix) || !file.path.ends_with(kSuffix)) continue;
        std::string name(
            file.path.substr(kPrefix.size(), file.path.size() - kPrefix.size() - kSuffix.size()));
        mustache::mustache check{std::string(file.content)};
        if (!check.is_valid())
            throw std::runtime_error("template " + name + ": " + check.error_message());
        sources_.emplace(std::move(name), std::string(file.content));
    }
}

Templates::~Templates() = default;

const Templates::Compiled& Templates::compiled_for_this_thread() const {
    thread_local std::map<const Templates*, std::unique_ptr<Compiled>> per_thread;
    auto& slot = per_thread[this];
    if (!slot) {
        slot = std::make_unique<Compiled>();
        for (const auto& [name, source] : sources_) {
            slot->templates.emplace(name, mustache::mustache{source});
            if (!name.starts_with(kPartialPrefix)) continue;
            const std::string* text = &source;
            slot->partials.set(name.substr(kPartialPrefix.size()),
                               mustache::partial{[text] { return *text; }});
        }
    }
    return *slot;
}

std::string Templates::render(std::string_view name, const nlohmann::json& view) const {
    auto& compiled = const_cast<Compiled&>(compiled_for_this_thread());
    auto it = compiled.templates.find(name);
    if (it == compiled.templates.end())
        throw std::runtime_error("no template " + std::string(name));
    if (strict_) check_view(name, sources_.find(name)->second, view);
    mustache::data data = to_data(view);
    // Partials live in templates/partials/ so their names never shadow a view's keys.
    for (const auto& [name, source] : sources_) {
        if (!name.starts_with(kPartialPrefix)) continue;
        std::string partial_name = name.substr(kPartialPrefix.size());
        data.set(partial_name, compiled.partials[partial_name]);
    }
    return it->second.render(data);
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
