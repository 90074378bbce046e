#pragma once
// Builds a JSON object member by member. nlohmann builds {{"key", value}, …} as a list of
// two-element arrays and then turns it into an object, which costs about two and a half
// times as much; views built for every row of a page use this instead.
//   rows.push_back(JsonObject{}("id", id)("name", name).take());
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace sendhub {

class JsonObject {
  public:
    JsonObject& operator()(std::string_view key, nlohmann::json member) {
        members().insert_or_assign(std::string(key), std::move(member));
        return *this;
    }
    [[nodiscard]] nlohmann::json take() { return std::move(value_); }

  private:
    nlohmann::json::object_t& members() { return value_.get_ref<nlohmann::json::object_t&>(); }
    nlohmann::json value_ = nlohmann::json::object();
};

}  // namespace sendhub
