#pragma once
// Black-box harness: starts the real `sendhub serve` on a free port with a temporary
// database (SQLite, or PostgreSQL when SENDHUB_TEST_POSTGRES is set), adds users through `sendhub
// user add` while it runs, and speaks HTTP (libcurl).
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sendhub::testing {

struct HttpResponse {
    long status = 0;
    std::multimap<std::string, std::string> headers;  // names in lower case
    std::string body;

    [[nodiscard]] std::string header(const std::string& name) const;
    [[nodiscard]] std::vector<std::string> set_cookies() const;
    [[nodiscard]] nlohmann::json json() const;
};

struct HttpRequest {
    std::string method = "GET";
    std::string path;
    std::string body;
    std::vector<std::string> headers;  // "Name: value"
};

//! A browser-like or API client: keeps cookies it is given.
class Client {
  public:
    explicit Client(std::string base_url) : base_(std::move(base_url)) {}

    HttpResponse send(const HttpRequest& request);
    HttpResponse get(const std::string& path) { return send({"GET", path, "", {}}); }
    //! JSON request with the bearer token, if any.
    HttpResponse api(const std::string& method, const std::string& path,
                     const nlohmann::json& body = nullptr, std::vector<std::string> headers = {});
    //! Signs in through POST /api/v1/login; returns the status.
    long login_api(const std::string& email, const std::string& password);
    //! Signs in through the HTML form, CSRF token and all; returns the POST's status.
    long login_form(const std::string& email, const std::string& password);
    //! Posts a form with the page's CSRF token, read from a GET of `form_page`.
    HttpResponse post_form(const std::string& form_page, const std::string& action,
                           std::vector<std::pair<std::string, std::string>> fields);

    std::string token;
    std::map<std::string, std::string> cookies;
    //! A certificate to trust for https:// (a test's self-signed one).
    std::string ca_file;
    //! The loopback address to connect from ("127.0.0.7"), so per-address limits can be
    //! tested without using up the allowance of every other test.
    std::string source_address;

  private:
    std::string base_;
};

//! A loopback TCP port nothing listens on right now.
[[nodiscard]] int free_port();

//! Finds the value of the hidden csrf_token input in a page.
[[nodiscard]] std::string csrf_from(const std::string& html);
[[nodiscard]] std::string form_encode(
    const std::vector<std::pair<std::string, std::string>>& fields);

class Server {
  public:
    //! `extra_flags` are passed to `sendhub serve` (for example --behind-tls).
    explicit Server(std::vector<std::string> extra_flags = {});
    //! A server on a database that is already there (another instance's, or a copy).
    struct ExistingDatabase {
        std::string url;
    };
    explicit Server(ExistingDatabase database, std::vector<std::string> extra_flags = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    [[nodiscard]] std::string base_url() const {
        return "http://127.0.0.1:" + std::to_string(port_);
    }
    //! A fresh database for this server: SQLite in its directory, or a new PostgreSQL
    //! database when SENDHUB_TEST_POSTGRES names a cluster (postgresql://user@host:port).
    [[nodiscard]] const std::string& db_url() const { return db_url_; }
    [[nodiscard]] bool on_postgresql() const { return !postgres_database_.empty(); }
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] int pid() const { return pid_; }
    //! Where this instance writes email as .eml files.
    [[nodiscard]] std::filesystem::path mail_dir() const { return dir_ / "mail"; }
    //! Runs the sendhub binary with arguments and stdin; returns exit code and output.
    struct Run {
        int exit_code;
        std::string output;
    };
    Run run(const std::vector<std::string>& args, const std::string& input = "") const;
    //! Adds a user through the CLI (while the server runs) and returns its password.
    std::string add_user(const std::string& email, const std::string& role,
                         const std::string& extra = "");
    //! Sends SIGTERM and waits; returns the exit status.
    int stop();

  private:
    void make_directory_and_port();
    void start(const std::vector<std::string>& extra_flags);

    std::filesystem::path dir_;
    std::string db_url_;
    std::string postgres_database_;
    int port_ = 0;
    int pid_ = -1;
};

//! One server shared by the whole test binary (started on first use).
Server& server();
//! The PostgreSQL cluster the tests run on (SENDHUB_TEST_POSTGRES), or "" on SQLite.
[[nodiscard]] std::string postgres_cluster();
//! A new, empty database in that cluster; returns its URL.
[[nodiscard]] std::string create_postgres_database(const std::string& name);

//! Flags for the shared server; a test binary sets them before its first use.
std::vector<std::string>& shared_server_flags();

}  // namespace sendhub::testing
