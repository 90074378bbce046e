#include "app/backup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_database.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

//! Runs a program with arguments (no shell, so a URL or path is never interpreted); its exit
//! status.
int run_program(const std::vector<std::string>& arguments) {
    pid_t child = fork();
    if (child == 0) {
        std::vector<char*> argv;
        argv.reserve(arguments.size() + 1);
        for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Error tool_failed(const std::string& tool, int status) {
    return Error::conflict(tool + "_failed",
                           status == 127
                               ? tool + " is not installed (apt install postgresql-client-15)."
                               : tool + " failed with exit status " + std::to_string(status) + ".");
}

}  // namespace

Result<std::vector<TableFingerprint>> backup_database(const std::string& url,
                                                      const std::string& file) {
    if (url.starts_with(kSqlitePrefix)) {
        std::string path = url.substr(kSqlitePrefix.size());
        if (!std::filesystem::exists(path))
            return std::unexpected(Error::not_found("There is no database at " + path + "."));
        std::filesystem::remove(file);
        sqlite_online_copy(path, file);
        auto saved = open_database(std::string(kSqlitePrefix) + file);
        return fingerprint(*saved);
    }
    auto db = open_database(url);
    // pg_dump reads the very snapshot this transaction fingerprints, so the two agree exactly.
    return db->read([&](SqlConnection& c) -> Result<std::vector<TableFingerprint>> {
        std::string snapshot = export_snapshot(c);
        int status = run_program({"pg_dump", "--format=custom", "--no-owner",
                                  "--snapshot=" + snapshot, "--file=" + file, url});
        if (status != 0) return std::unexpected(tool_failed("pg_dump", status));
        return fingerprint(c, db->engine());
    });
}

Result<std::vector<TableFingerprint>> restore_database(const std::string& url,
                                                       const std::string& file) {
    if (!std::filesystem::exists(file))
        return std::unexpected(Error::not_found("There is no backup at " + file + "."));
    if (url.starts_with(kSqlitePrefix)) {
        sqlite_online_copy(file, url.substr(kSqlitePrefix.size()));
    } else {
        int status =
            run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error",
                         "--single-transaction", "--dbname=" + url, file});
        if (status != 0) return std::unexpected(tool_failed("pg_restore", status));
    }
    auto restored = open_database(url);
    return fingerprint(*restored);
}

}  // namespace sendhub
