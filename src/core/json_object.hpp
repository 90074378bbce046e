#pragma once
// Builds a JSON object member by member. nlohmann builds {{"key", value}, …} as a list of
// two-element arrays and then turns it into an object, which costs about two and a half
// times as much; views and records built on every request use this instead.
//   rows.push_back(JsonObject{}("id", id)("name", name).take());
// Members given in alphabetical order (the order the object keeps them in) go in without
// searching: each is placed after the last. Any other order is still right, only slower.
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace sendhub {

class JsonObject {
  public:
    JsonObject& operator()(std::string_view key, nlohmann::json member) {
        members().insert_or_assign(members().end(), std::string(key), std::move(member));
        return *this;
    }
    [[nodiscard]] nlohmann::json take() { return std::move(value_); }

  private:
    nlohmann::json::object_t& members() { return value_.get_ref<nlohmann::json::object_t&>(); }
    nlohmann::json value_ = nlohmann::json::object();
};

}  // namespace sendhub
