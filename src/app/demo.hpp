#pragma once
// Demo data: the Special Partnership Trust, the real South West schools, a practitioner
// team of every grade and one user per role, with random passwords printed once.
#include <filesystem>

#include "core/error.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] bool demo_loaded(Services& s);
//! Loads the demo; refuses (conflict) when the database already has users.
[[nodiscard]] Result<void> load_demo(Services& s, const std::filesystem::path& shared_data,
                                     std::FILE* out);

}  // namespace sendhub
