#pragma once
// A child's records for a subject access request, as one ZIP holding the same content twice:
// subject-access.json for a machine and subject-access.pdf for the family.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "service/subject_access_service.hpp"

namespace sendhub {

[[nodiscard]] nlohmann::json child_records_json(const ChildRecords& records);
[[nodiscard]] std::string child_records_pdf(const ChildRecords& records);
//! A ZIP archive (deflated) of {name, bytes} files, built in memory with libzip.
[[nodiscard]] std::string zip_archive(
    const std::vector<std::pair<std::string, std::string>>& files);
//! The ZIP a user downloads: subject-access.json and subject-access.pdf.
[[nodiscard]] std::string subject_access_zip(const ChildRecords& records);

}  // namespace sendhub
