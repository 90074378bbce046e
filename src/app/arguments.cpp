#include "app/arguments.hpp"

#include <cstdlib>

namespace sendhub {

Arguments::Arguments(int argc, char** argv, int first, const std::set<std::string>& switches) {
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (!arg.starts_with("--")) {
            positional_.push_back(arg);
            continue;
        }
        arg = arg.substr(2);
        auto eq = arg.find('=');
        if (eq != std::string::npos) {
            values_[arg.substr(0, eq)] = arg.substr(eq + 1);
        } else if (switches.contains(arg)) {
            values_[arg] = "1";
        } else if (i + 1 < argc) {
            values_[arg] = argv[++i];
        } else {
            error_ = "--" + arg + " needs a value";
        }
    }
}

std::optional<std::string> Arguments::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Arguments::get(const std::string& name, const char* env, std::string fallback) const {
    if (auto value = get(name)) return *value;
    if (env) {
        if (const char* value = std::getenv(env); value && *value) return value;
    }
    return fallback;
}

std::vector<std::string> Arguments::unknown(const std::set<std::string>& known) const {
    std::vector<std::string> out;
    for (const auto& [name, value] : values_) {
        if (!known.contains(name)) out.push_back("--" + name);
    }
    return out;
}

}  // namespace sendhub
