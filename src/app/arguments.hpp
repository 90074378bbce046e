#pragma once
// Flags of the form --name value, --name=value or --switch, with environment fallbacks.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sendhub {

class Arguments {
  public:
    //! Parses argv[first…]; `switches` are flags that take no value.
    Arguments(int argc, char** argv, int first, const std::set<std::string>& switches);

    [[nodiscard]] std::optional<std::string> get(const std::string& name) const;
    //! The flag, else the environment variable, else the fallback.
    [[nodiscard]] std::string get(const std::string& name, const char* env,
                                  std::string fallback) const;
    [[nodiscard]] bool has(const std::string& name) const { return values_.contains(name); }
    [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
    //! Flags that were given but are not in `known`; an error for the caller to report.
    [[nodiscard]] std::vector<std::string> unknown(const std::set<std::string>& known) const;
    [[nodiscard]] const std::string& error() const { return error_; }

  private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
    std::string error_;
};

}  // namespace sendhub
