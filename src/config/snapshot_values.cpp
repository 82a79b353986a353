#include "config/snapshot_values.h"

namespace vpclint {

namespace {
using Cache = std::map<std::string, std::unique_ptr<ExternalValue>, std::less<>>;

// Looks `name` up in each snapshot's table (`table` picks it), caching the cited value.
template <class Pick>
const ExternalValue* cached(Cache& cache, std::mutex& mutex, const std::vector<std::shared_ptr<const Snapshot>>& all,
                            std::string_view name, std::string_view kind, Pick table) {
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(name); it != cache.end()) return it->second.get();
  std::unique_ptr<ExternalValue> found;
  for (const auto& s : all) {
    const auto& map = table(*s);
    auto it = map.find(std::string(name));
    // A SecureString is taken without decryption: its value is ciphertext, never the value.
    if (it == map.end() || it->second.type == "SecureString") continue;
    found = std::make_unique<ExternalValue>();
    found->value = it->second.value;
    found->source =
        s->file(it->second.file).cite(name, std::string(kind) + " " + std::string(name) + " in " + s->label());
    break;
  }
  return cache.emplace(std::string(name), std::move(found)).first->second.get();
}
}  // namespace

SnapshotValues::SnapshotValues(std::vector<std::shared_ptr<const Snapshot>> snapshots)
    : snapshots_(std::move(snapshots)) {}

const ExternalValue* SnapshotValues::import(std::string_view name) const {
  return cached(
      imports_, mutex_, snapshots_, name, "export", [](const Snapshot& s) -> const auto& { return s.exports; });
}

const ExternalValue* SnapshotValues::ssm(std::string_view name) const {
  return cached(
      ssm_, mutex_, snapshots_, name, "SSM parameter", [](const Snapshot& s) -> const auto& { return s.ssm; });
}

std::map<std::string, ExternalValue, std::less<>> SnapshotValues::stack_parameters(std::string_view stack) const {
  std::map<std::string, ExternalValue, std::less<>> out;
  for (const auto& s : snapshots_) {
    auto it = s->stacks.find(std::string(stack));
    if (it == s->stacks.end()) continue;
    const SnapStack& st = it->second;
    const SnapshotFile& file = s->file(st.file);
    size_t at = file.offset_of_string(st.name);
    for (const auto& [name, p] : st.parameters) {
      const std::string& value = p.resolved.empty() ? p.value : p.resolved;
      if (value == "****") continue;  // NoEcho: the CLI never shows the value
      ExternalValue v;
      v.value = value;
      v.source.file = file.path();
      v.source.pos = file.locate_string(name, at == std::string::npos ? 0 : at);
      v.source.what = "deployed stack " + st.name + " in " + s->label() + " has " + name + " = " + value;
      out.emplace(name, std::move(v));
    }
    break;
  }
  return out;
}

}  // namespace vpclint
