#pragma once
// The sendhub command line: serve, migrate, demo, user add, import. main() only calls run_cli.

namespace sendhub {

int run_cli(int argc, char** argv);

}  // namespace sendhub
