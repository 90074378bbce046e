#include "adapter/template_check.hpp"

#include <gtest/gtest.h>

#include <map>

namespace sendhub {
namespace {

std::vector<std::string> check(std::string_view source, const nlohmann::json& view) {
    static const std::map<std::string, std::string, std::less<>> partials{
        {"csrf", R"(<input name="csrf_token" value="{{csrf_token}}">)"},
        {"field", "{{label}}{{#error}}{{message}}{{/error}}"}};
    return missing_template_keys(source, view, [](std::string_view name) {
        auto it = partials.find(name);
        return it == partials.end() ? std::nullopt : std::optional<std::string_view>(it->second);
    });
}

using Keys = std::vector<std::string>;

}  // namespace

TEST(TemplateCheck, EveryKindOfTag) {
    struct Case {
        const char* source;
        nlohmann::json view;
        Keys missing;
    };
    const Case cases[] = {
        {"<p>{{name}}</p>", {{"name", "Ada"}}, {}},
        {"<p>{{name}}</p>", nlohmann::json::object(), {"name"}},
        {"{{{html}}} {{& raw}}", nlohmann::json::object(), {"html", "raw"}},
        {"{{! a comment names nothing }}", nlohmann::json::object(), {}},
        {"{{school.name}}", {{"school", {{"name", "Oak"}}}}, {}},
        {"{{school.name}}", {{"school", {{"urn", "1"}}}}, {"school.name"}},
        // A section over a list checks every item; outer keys stay visible inside.
        {"{{#rows}}{{status}} {{heading}}{{/rows}}",
         {{"heading", "H"}, {"rows", {{{"status", "ok"}}, {{"state", "x"}}}}},
         {"rows > status"}},
        // A section that does not render is not checked inside; its own key must exist.
        {"{{#form}}{{fields.name}}{{/form}}", {{"form", false}}, {}},
        {"{{#form}}{{fields.name}}{{/form}}", nlohmann::json::object(), {"form"}},
        {"{{#rows}}{{x}}{{/rows}}", {{"rows", nlohmann::json::array()}}, {}},
        {"{{#school}}{{name}}{{/school}}", {{"school", {{"urn", "1"}}}}, {"school > name"}},
        // An inverted section renders when its key is false or an empty list.
        {"{{^rows}}{{empty_text}}{{/rows}}",
         {{"rows", nlohmann::json::array()}},
         {"rows > empty_text"}},
        {"{{^rows}}{{empty_text}}{{/rows}}", {{"rows", {1}}}, {}},
        {"{{^flag}}x{{/flag}}", nlohmann::json::object(), {"flag"}},
        // Nested sections of the same name close in order.
        {"{{#a}}{{#a}}{{v}}{{/a}}{{/a}}{{w}}", {{"a", true}, {"v", 1}, {"w", 2}}, {}},
        {"{{#items}}{{.}}{{/items}}", {{"items", {"a", "b"}}}, {}},
        // Partials are checked where they are included, with the same context.
        {"{{> csrf}}", {{"csrf_token", "t"}}, {}},
        {"{{> csrf}}", nlohmann::json::object(), {"csrf_token"}},
        {"{{#fields}}{{> field}}{{/fields}}",
         {{"fields", {{{"label", "Name"}, {"error", false}}}}},
         {}},
        {"{{#fields}}{{> field}}{{/fields}}",
         {{"fields", {{{"label", "Name"}, {"error", {{"text", "x"}}}}}}},
         {"fields > error > message"}},
        {"{{> nowhere}}", nlohmann::json::object(), {"> nowhere"}},
    };
    for (const auto& c : cases) EXPECT_EQ(check(c.source, c.view), c.missing) << c.source;
}

TEST(TemplateCheck, NamesEachMissingKeyOnce) {
    EXPECT_EQ(check("{{a}}{{a}}{{#l}}{{b}}{{/l}}", {{"l", {1, 2, 3}}}), (Keys{"a", "l > b"}));
}

TEST(TemplateCheck, RefusesWhatItCannotRead) {
    EXPECT_THROW((void)check("{{#open}}never closed", {{"open", true}}), std::runtime_error);
    EXPECT_THROW((void)check("{{name", nlohmann::json::object()), std::runtime_error);
    EXPECT_THROW((void)check("{{=<% %>=}}", nlohmann::json::object()), std::runtime_error);
}

}  // namespace sendhub
