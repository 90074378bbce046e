#pragma once
// Mustache templates (HTML-escaped by default) from the files compiled into the binary,
// compiled once at start-up and shared by every thread (adapter/mustache.hpp). Handlers pass
// JSON view models.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "adapter/mustache.hpp"

namespace sendhub {

class Templates {
  public:
    //! Loads templates/*.mustache; throws if any does not parse. A strict set also checks
    //! every render against its view (adapter/template_check.hpp) and throws on a key the
    //! view lacks, and renders each page a second time with the kainjow library the
    //! templates were written for, throwing if the two differ by a byte; the test suites
    //! run the server that way.
    explicit Templates(bool strict = false);
    ~Templates();
    Templates(const Templates&) = delete;
    Templates& operator=(const Templates&) = delete;

    //! Renders templates/<name>.mustache; {{> name}} includes templates/partials/<name>.mustache.
    //! `shared`, when given, holds parts of the view that never change (built once, not copied
    //! into each request's view): a name the view lacks is looked up there. Its top-level names
    //! must not also be the view's (a strict set checks).
    [[nodiscard]] std::string render(std::string_view name, const nlohmann::json& view,
                                     const nlohmann::json* shared = nullptr) const;

  private:
    //! Throws if `view` lacks a name the template uses, or if kainjow renders it other than `out`.
    void check_strictly(std::string_view name, const nlohmann::json& view,
                        const std::string& out) const;
    [[nodiscard]] std::string render_with_reference(std::string_view name,
                                                    const nlohmann::json& view) const;
    void check_view(std::string_view name, const std::string& source,
                    const nlohmann::json& view) const;

    std::map<std::string, std::string, std::less<>> sources_;
    std::map<std::string, CompiledTemplate, std::less<>> compiled_;
    bool strict_ = false;
};

}  // namespace sendhub
