// libFuzzer entry for the account snapshot reader: the buffer as every file of a snapshot at once
// (so each file kind's shape reads every input, and the attribute files meet the VPC file), then
// the positions and labels findings ask for. Any crash, sanitizer report or hang is a bug
// whatever the input; a broken file must only add an error line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> files;
  for (std::string_view name : vpclint::snapshot_file_names()) files.emplace_back(std::string(name), bytes);
  for (const char* attribute : {"enableDnsSupport", "enableDnsHostnames"})
    files.emplace_back(vpclint::snapshot_attribute_file_name("vpc-1", attribute), bytes);
  files.emplace_back("manifest.json", bytes);
  std::vector<std::string> errors;
  const auto s = vpclint::load_snapshot_texts("fuzz", std::move(files), errors);
  (void)s->label();
  for (const auto& [id, subnet] : s->subnets) (void)s->file(subnet.file).cite(id, "subnet");
  for (const auto& [id, table] : s->route_tables) {
    const vpclint::SnapshotFile& f = s->file(table.file);
    const size_t at = f.offset_of_string(id);
    for (const std::string& subnet : table.subnets) (void)f.locate_string(subnet, at);
  }
  for (const auto& [id, group] : s->security_groups) (void)s->file(group.file).cite(id, "group");
  for (const auto& [id, vpc] : s->vpcs)
    if (vpc.dns_support) (void)s->file(vpc.dns_support_file).cite(id, "vpc");
  return 0;
}
