// sendhub's entry point: wiring lives in app/cli.cpp.
#include "app/cli.hpp"

int main(int argc, char** argv) {
    return sendhub::run_cli(argc, argv);
}
