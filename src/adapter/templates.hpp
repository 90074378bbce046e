#pragma once
// Mustache templates (kainjow: HTML-escaped by default) from the files compiled into the
// binary, checked at start-up. Handlers pass JSON view models. A kainjow template keeps
// state while rendering, so each worker thread parses its own copy once, on first use.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace sendhub {

class Templates {
  public:
    //! Loads templates/*.mustache; throws if any does not parse. A strict set also checks
    //! every render against its view (adapter/template_check.hpp) and throws on a key the
    //! view lacks; the test suites run the server that way.
    explicit Templates(bool strict = false);
    ~Templates();
    Templates(const Templates&) = delete;
    Templates& operator=(const Templates&) = delete;

    //! Renders templates/<name>.mustache; {{> name}} includes templates/partials/<name>.mustache.
    [[nodiscard]] std::string render(std::string_view name, const nlohmann::json& view) const;

    struct Compiled;

  private:
    const Compiled& compiled_for_this_thread() const;

    void check_view(std::string_view name, const std::string& source,
                    const nlohmann::json& view) const;

    std::map<std::string, std::string, std::less<>> sources_;
    bool strict_ = false;
};

}  // namespace sendhub
