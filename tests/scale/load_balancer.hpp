#pragma once
// nginx in front of sendhub instances on loopback, configured by deploy/nginx/sendhub.conf
// exactly as documented, apart from ports and a throwaway self-signed certificate.
#include <filesystem>
#include <string>
#include <vector>

namespace sendhub::testing {

class LoadBalancer {
  public:
    explicit LoadBalancer(const std::vector<int>& instance_ports);
    ~LoadBalancer();
    LoadBalancer(const LoadBalancer&) = delete;
    LoadBalancer& operator=(const LoadBalancer&) = delete;

    [[nodiscard]] std::string https_url() const {
        return "https://127.0.0.1:" + std::to_string(https_port_);
    }
    [[nodiscard]] std::string http_url() const {
        return "http://127.0.0.1:" + std::to_string(http_port_);
    }
    //! The certificate nginx presents, for clients to trust.
    [[nodiscard]] std::string certificate() const { return (dir_ / "cert.pem").string(); }

  private:
    std::filesystem::path dir_;
    int https_port_ = 0;
    int http_port_ = 0;
    int pid_ = -1;
};

}  // namespace sendhub::testing
