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
    //! Loads templates/*.mustache; throws if any does not parse.
    Templates();
    ~Templates();
    Templates(const Templates&) = delete;
    Templates& operator=(const Templates&) = delete;

    //! Renders templates/<name>.mustache; {{> name}} includes templates/partials/<name>.mustache.
    [[nodiscard]] std::string render(std::string_view name, const nlohmann::json& view) const;

    struct Compiled;

  private:
    const Compiled& compiled_for_this_thread() const;

    std::map<std::string, std::string, std::less<>> sources_;
};

}  // namespace sendhub
