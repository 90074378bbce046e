#include "load_balancer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "harness.hpp"

namespace sendhub::testing {
namespace {

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    // The test must break if the documented file changes shape, not quietly test something else.
    if (at == std::string::npos)
        throw std::runtime_error("deploy/nginx/sendhub.conf no longer contains: " + from);
    text.replace(at, from.size(), to);
}

bool accepts_connections(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

}  // namespace

LoadBalancer::LoadBalancer(const std::vector<int>& instance_ports) {
    if (instance_ports.size() != 2)
        throw std::invalid_argument("the documented configuration has two instances");
    dir_ = std::filesystem::temp_directory_path() /
           ("sendhub-lb-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    https_port_ = free_port();
    http_port_ = free_port();

    std::string make_certificate =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
        " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
        (dir_ / "key.pem").string() + " -out " + certificate() + " 2>/dev/null";
    if (std::system(make_certificate.c_str()) != 0)
        throw std::runtime_error("openssl could not make a test certificate");

    std::ifstream documented(std::string(SENDHUB_SOURCE_DIR) + "/deploy/nginx/sendhub.conf");
    std::stringstream site;
    site << documented.rdbuf();
    std::string conf = site.str();
    replace_once(conf, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(instance_ports[0]));
    replace_once(conf, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(instance_ports[1]));
    replace_once(conf, "listen 80;", "listen 127.0.0.1:" + std::to_string(http_port_) + ";");
    replace_once(conf, "listen 443 ssl http2;",
                 "listen 127.0.0.1:" + std::to_string(https_port_) + " ssl http2;");
    replace_once(conf, "/etc/ssl/sendhub/fullchain.pem", certificate());
    replace_once(conf, "/etc/ssl/sendhub/privkey.pem", (dir_ / "key.pem").string());
    std::ofstream(dir_ / "sendhub.conf") << conf;

    // The rest of /etc/nginx/nginx.conf, pointed at the temporary directory.
    std::string d = dir_.string();
    std::ofstream(dir_ / "nginx.conf")
        << "daemon off;\nworker_processes 2;\npid " << d << "/nginx.pid;\n"
        << "error_log " << d << "/error.log warn;\n"
        << "events { worker_connections 1024; }\n"
        << "http {\n  access_log off;\n  client_body_temp_path " << d << "/body;\n"
        << "  proxy_temp_path " << d << "/proxy;\n  fastcgi_temp_path " << d << "/fastcgi;\n"
        << "  uwsgi_temp_path " << d << "/uwsgi;\n  scgi_temp_path " << d << "/scgi;\n"
        << "  include " << d << "/sendhub.conf;\n}\n";
    pid_ = fork();
    if (pid_ == 0) {
        std::string prefix = d + "/", config = d + "/nginx.conf", early_log = d + "/startup.log";
        execlp("nginx", "nginx", "-p", prefix.c_str(), "-c", config.c_str(), "-e",
               early_log.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    for (int i = 0; i < 100; ++i) {
        if (accepts_connections(https_port_)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("nginx did not start; see " + d + "/error.log");
}

LoadBalancer::~LoadBalancer() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
}

}  // namespace sendhub::testing
