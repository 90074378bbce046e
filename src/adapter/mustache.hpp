#pragma once
// A mustache template compiled once into a tree and rendered straight from a JSON view into
// one string. Parsing a template on every request, and copying the view into the template
// library's own data tree, took most of a page's time; this does neither.
//
// It renders exactly as the kainjow library the templates were written for (the strict
// test mode compares the two on every page), including its rules for blank lines: a line
// that held a rendered section tag and is left with only spaces is dropped. Escaped by
// default: {{name}} escapes & < > " ', and only {{{name}}} or {{& name}} do not.
// Not supported, and refused when compiling: lambdas and changing the delimiters.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

class CompiledTemplate {
  public:
    struct Node;

    //! Parses `source`; throws std::runtime_error naming the position of the first mistake.
    explicit CompiledTemplate(std::string_view source);
    ~CompiledTemplate();
    CompiledTemplate(CompiledTemplate&&) noexcept;
    CompiledTemplate& operator=(CompiledTemplate&&) noexcept;

    //! Points each {{> name}} at its compiled partial; a name `find` does not know renders
    //! nothing, as in mustache. Call once every template is compiled.
    using FindPartial = std::function<const CompiledTemplate*(std::string_view name)>;
    void link_partials(const FindPartial& find) { link(nodes_, find); }

    //! Appends the rendering of `view` to `out`. A name the view lacks is looked up in
    //! `outer`, when given, as if it were the view's enclosing section.
    void render(const nlohmann::json& view, std::string& out,
                const nlohmann::json* outer = nullptr) const;

  private:
    friend struct Renderer;
    static void link(std::vector<Node>& nodes, const FindPartial& find);

    std::vector<Node> nodes_;
};

}  // namespace sendhub
