#include "harness.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

namespace sendhub::testing {
namespace {

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

size_t write_body(char* data, size_t size, size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

size_t write_header(char* data, size_t size, size_t count, void* target) {
    std::string line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
        static_cast<std::multimap<std::string, std::string>*>(target)->emplace(name, value);
    }
    return size * count;
}

//! Runs one statement on the cluster's maintenance database (database names are ours, not input).
void run_psql(const std::string& cluster, const std::string& statement) {
    std::string command = "psql -q -v ON_ERROR_STOP=1 " + shell_quote(cluster + "/postgres") +
                          " -c " + shell_quote(statement) + " >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("psql failed: " + statement);
}

}  // namespace

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    int port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

std::string HttpResponse::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
}

std::vector<std::string> HttpResponse::set_cookies() const {
    std::vector<std::string> out;
    auto [begin, end] = headers.equal_range("set-cookie");
    for (auto it = begin; it != end; ++it) out.push_back(it->second);
    return out;
}

nlohmann::json HttpResponse::json() const {
    return nlohmann::json::parse(body, nullptr, false);
}

namespace {
// With SENDHUB_RESPONSE_LOG set, every JSON answer from /api/ is appended there as one line,
// and tests/openapi/check_responses.mjs checks each against docs/openapi.yaml afterwards.
void log_json_response(const HttpRequest& request, const HttpResponse& response) {
    static const char* file = std::getenv("SENDHUB_RESPONSE_LOG");
    if (!file || !request.path.starts_with("/api/") ||
        !response.header("content-type").starts_with("application/json"))
        return;
    auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) return;
    std::string path = request.path.substr(0, request.path.find('?'));
    nlohmann::json line{
        {"method", request.method}, {"path", path}, {"status", response.status}, {"body", body}};
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::ofstream(file, std::ios::app) << line.dump() << "\n";
}
}  // namespace

HttpResponse Client::send(const HttpRequest& request) {
    CURL* curl = curl_easy_init();
    HttpResponse response;
    std::string url = base_ + request.path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method != "GET") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist* headers = nullptr;
    for (const auto& h : request.headers) headers = curl_slist_append(headers, h.c_str());
    if (!cookies.empty()) {
        std::string cookie_header = "Cookie: ";
        for (const auto& [name, value] : cookies) cookie_header += name + "=" + value + "; ";
        headers = curl_slist_append(headers, cookie_header.c_str());
    }
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    if (!ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
    if (!source_address.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, source_address.c_str());
    CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    for (const auto& cookie : response.set_cookies()) {
        auto eq = cookie.find('=');
        auto semi = cookie.find(';');
        std::string name = cookie.substr(0, eq);
        std::string value = cookie.substr(eq + 1, semi - eq - 1);
        if (cookie.find("Max-Age=0") != std::string::npos)
            cookies.erase(name);
        else
            cookies[name] = value;
    }
    log_json_response(request, response);
    return response;
}

HttpResponse Client::api(const std::string& method, const std::string& path,
                         const nlohmann::json& body, std::vector<std::string> headers) {
    headers.push_back("Content-Type: application/json");
    if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
    return send({method, path, body.is_null() ? "" : body.dump(), headers});
}

long Client::login_api(const std::string& email, const std::string& password) {
    auto r = api("POST", "/api/v1/login", {{"email", email}, {"password", password}});
    if (r.status == 200) token = r.json()["token"];
    return r.status;
}

std::string csrf_from(const std::string& html) {
    const std::string marker = "name=\"csrf_token\" value=\"";
    auto at = html.find(marker);
    if (at == std::string::npos) return "";
    at += marker.size();
    return html.substr(at, html.find('"', at) - at);
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    CURL* curl = curl_easy_init();
    for (const auto& [name, value] : fields) {
        char* n = curl_easy_escape(curl, name.c_str(), static_cast<int>(name.size()));
        char* v = curl_easy_escape(curl, value.c_str(), static_cast<int>(value.size()));
        out += (out.empty() ? "" : "&") + std::string(n) + "=" + std::string(v);
        curl_free(n);
        curl_free(v);
    }
    curl_easy_cleanup(curl);
    return out;
}

long Client::login_form(const std::string& email, const std::string& password) {
    auto page = get("/login");
    std::string csrf = csrf_from(page.body);
    auto r = send({"POST",
                   "/login",
                   form_encode({{"csrf_token", csrf}, {"email", email}, {"password", password}}),
                   {"Content-Type: application/x-www-form-urlencoded"}});
    return r.status;
}

HttpResponse Client::post_form(const std::string& form_page, const std::string& action,
                               std::vector<std::pair<std::string, std::string>> fields) {
    auto page = get(form_page);
    fields.emplace_back("csrf_token", csrf_from(page.body));
    return send(
        {"POST", action, form_encode(fields), {"Content-Type: application/x-www-form-urlencoded"}});
}

Server::Server(std::vector<std::string> extra_flags) {
    make_directory_and_port();
    db_url_ = "sqlite:" + (dir_ / "sendhub.db").string();
    if (!postgres_cluster().empty()) {
        postgres_database_ = "sendhub_it_" + std::to_string(std::random_device{}());
        db_url_ = create_postgres_database(postgres_database_);
    }
    auto migrated = run({"migrate", "--db", db_url()});
    if (migrated.exit_code != 0) throw std::runtime_error("migrate failed: " + migrated.output);
    start(extra_flags);
}

Server::Server(ExistingDatabase database, std::vector<std::string> extra_flags) {
    make_directory_and_port();
    db_url_ = std::move(database.url);
    start(extra_flags);
}

void Server::make_directory_and_port() {
    dir_ = std::filesystem::temp_directory_path() /
           ("sendhub-it-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    port_ = free_port();
}

void Server::start(const std::vector<std::string>& extra_flags) {
    pid_ = fork();
    if (pid_ == 0) {
        std::string log = (dir_ / "server.log").string();
        std::freopen(log.c_str(), "w", stderr);
        std::freopen(log.c_str(), "a", stdout);
        std::string listen = "127.0.0.1:" + std::to_string(port_);
        std::string db = db_url();
        std::string mail = mail_dir().string();
        std::vector<std::string> args{SENDHUB_BINARY, "serve", "--db",     db,
                                      "--listen",     listen,  "--static", SENDHUB_STATIC_DIR,
                                      "--mail-dir",   mail};
        // The suites sign in hundreds of times from one address; the tests of that limit set their
        // own.
        if (std::ranges::find(extra_flags, "--sign-ins-per-minute") == extra_flags.end())
            args.insert(args.end(), {"--sign-ins-per-minute", "1000000"});
        // Every page the suites open is checked against its template.
        args.emplace_back("--strict-templates");
        args.insert(args.end(), extra_flags.begin(), extra_flags.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(SENDHUB_BINARY, argv.data());
        _exit(127);
    }
    Client probe(base_url());
    for (int i = 0; i < 200; ++i) {
        if (probe.get("/healthz").status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("server did not start on port " + std::to_string(port_));
}

Server::~Server() {
    stop();
    // When a test failed, the server's own account of its errors is the quickest clue.
    if (::testing::UnitTest::GetInstance()->failed_test_count() > 0) {
        std::ifstream log(dir_ / "server.log");
        for (std::string line; std::getline(log, line);)
            if (line.find(" error ") != std::string::npos)
                std::fprintf(stderr, "server.log: %s\n", line.c_str());
    }
    if (on_postgresql())
        run_psql(postgres_cluster(),
                 "DROP DATABASE IF EXISTS " + postgres_database_ + " WITH (FORCE)");
    std::filesystem::remove_all(dir_);
}

int Server::stop() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Server::Run Server::run(const std::vector<std::string>& args, const std::string& input) const {
    std::string command = "printf %s " + shell_quote(input) + " | " + SENDHUB_BINARY;
    for (const auto& a : args) command += " " + shell_quote(a);
    command += " 2>&1";
    Run result{-1, ""};
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string Server::add_user(const std::string& email, const std::string& role,
                             const std::string& extra) {
    std::string password = "pw-" + email + "-long-enough";
    std::vector<std::string> args{"user", "add",    "--db",         db_url(), "--email",
                                  email,  "--name", "Test " + role, "--role", role};
    if (!extra.empty()) {
        const bool school_role = role == "senco" || role == "headteacher" || role == "school_staff";
        args.push_back(school_role ? "--school" : "--practitioner");
        args.push_back(extra);
    }
    auto r = run(args, password + "\n");
    if (r.exit_code != 0) throw std::runtime_error("user add failed: " + r.output);
    return password;
}

std::string postgres_cluster() {
    const char* cluster = std::getenv("SENDHUB_TEST_POSTGRES");
    return cluster ? cluster : "";
}

std::string create_postgres_database(const std::string& name) {
    run_psql(postgres_cluster(), "CREATE DATABASE " + name);
    return postgres_cluster() + "/" + name;
}

std::vector<std::string>& shared_server_flags() {
    static std::vector<std::string> flags;
    return flags;
}

Server& server() {
    static Server instance(shared_server_flags());
    return instance;
}

}  // namespace sendhub::testing
