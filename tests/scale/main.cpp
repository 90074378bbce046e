#include <curl/curl.h>
#include <gtest/gtest.h>

#include "harness.hpp"

int main(int argc, char** argv) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    ::testing::InitGoogleTest(&argc, argv);
    // Instances behind the load balancer are told TLS ends in front of them, as deployed.
    sendhub::testing::shared_server_flags() = {"--behind-tls"};
    int result = RUN_ALL_TESTS();
    curl_global_cleanup();
    return result;
}
