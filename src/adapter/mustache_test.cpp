#include "adapter/mustache.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

std::string render(std::string_view source, const nlohmann::json& view,
                   const nlohmann::json* outer = nullptr) {
    std::string out;
    CompiledTemplate(source).render(view, out, outer);
    return out;
}

}  // namespace

TEST(CompiledTemplate, NamesTheViewLacksComeFromTheOuterScope) {
    const nlohmann::json outer{{"form", {{"label", "Search"}}}, {"title", "outer"}};
    struct Case {
        const char* source;
        nlohmann::json view;
        const char* expected;
    };
    const Case cases[] = {
        {"{{form.label}}", nlohmann::json::object(), "Search"},
        {"{{title}}", {{"title", "view"}}, "view"},  // the view's own name wins
        {"{{#rows}}{{name}} {{form.label}};{{/rows}}",
         {{"rows", {{{"name", "a"}}, {{"name", "b"}}}}},
         "a Search;b Search;"},
        {"{{^missing}}none{{/missing}}", nlohmann::json::object(), "none"},
        {"{{#form}}<{{label}}>{{/form}}", nlohmann::json::object(), "<Search>"},
    };
    for (const auto& c : cases) EXPECT_EQ(render(c.source, c.view, &outer), c.expected) << c.source;
}

TEST(CompiledTemplate, WithoutAnOuterScopeAMissingNameRendersNothing) {
    EXPECT_EQ(render("[{{form.label}}]", nlohmann::json::object()), "[]");
}

}  // namespace sendhub
