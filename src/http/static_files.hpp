#pragma once
// Serves the compiled front-end assets (build/static) under /static/.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace sendhub::http {

class StaticFiles {
  public:
    //! Loads every file in `directory` into memory once: the set is small and fixed per build.
    explicit StaticFiles(const std::filesystem::path& directory);

    //! The response for /static/<name>, or nullopt when there is no such file.
    [[nodiscard]] std::optional<Response> serve(std::string_view name,
                                                const Request& request) const;
    [[nodiscard]] std::size_t size() const { return files_.size(); }
    //! A short content hash of a file, for cache-busting URLs (?v=…).
    [[nodiscard]] std::string version_of(std::string_view name) const;

  private:
    struct File {
        std::string content;
        std::string content_type;
        std::string etag;
    };
    std::map<std::string, File, std::less<>> files_;
};

}  // namespace sendhub::http
