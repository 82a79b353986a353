// Loading a snapshot directory: which files are there, reading each on its own (in parallel when
// the snapshot is large), and merging the files that read whole. The shapes are in
// snapshot_network.cpp and snapshot_shapes.cpp.
#include "config/snapshot.h"

#include <string.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>
#include <thread>

#include "config/snapshot_parts.h"
#include "loader/file_reader.h"

namespace vpclint {

using namespace snapshot_detail;

namespace {

struct FileSpec {
  std::string_view name;
  FileKind kind;
};

// The contract (docs/snapshot.md), in the order `vpclint snapshot` runs the commands.
constexpr FileSpec kFiles[] = {
    {"ec2-describe-vpcs.json", FileKind::Vpcs},
    {"ec2-describe-subnets.json", FileKind::Subnets},
    {"ec2-describe-route-tables.json", FileKind::RouteTables},
    {"ec2-describe-nat-gateways.json", FileKind::NatGateways},
    {"ec2-describe-internet-gateways.json", FileKind::InternetGateways},
    {"ec2-describe-egress-only-internet-gateways.json", FileKind::EgressOnlyGateways},
    {"ec2-describe-vpc-endpoints.json", FileKind::Endpoints},
    {"ec2-describe-security-groups.json", FileKind::SecurityGroups},
    {"ec2-describe-managed-prefix-lists.json", FileKind::PrefixLists},
    {"cloudformation-list-exports.json", FileKind::Exports},
    {"cloudformation-describe-stacks.json", FileKind::Stacks},
    {"ssm-get-parameters-by-path.json", FileKind::Ssm},
};
constexpr std::string_view kManifest = "manifest.json";
constexpr std::string_view kAttributePrefix = "ec2-describe-vpc-attribute-";
constexpr std::string_view kDnsSupport = "-enableDnsSupport.json", kDnsHostnames = "-enableDnsHostnames.json";

// Below this many bytes in all, threads cost more than they save.
constexpr size_t kParallelBytes = size_t{1} << 20;
constexpr unsigned kMaxThreads = 3;

// The kind of the file `name`, and the VPC an attribute file's name gives; nullopt for a file
// that is not part of a snapshot.
std::optional<FileKind> kind_of(std::string_view name, std::string& vpc) {
  for (const FileSpec& f : kFiles)
    if (name == f.name) return f.kind;
  if (name == kManifest) return FileKind::Manifest;
  if (!name.starts_with(kAttributePrefix)) return std::nullopt;
  name.remove_prefix(kAttributePrefix.size());
  for (auto [suffix, kind] : {std::pair{kDnsSupport, FileKind::DnsSupport}, {kDnsHostnames, FileKind::DnsHostnames}})
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      vpc = name.substr(0, name.size() - suffix.size());
      return kind;
    }
  return std::nullopt;
}

// Where a kind comes in the merge, so file indices do not depend on the directory's order.
size_t rank(FileKind kind) { return static_cast<size_t>(kind); }

std::string join_path(const std::string& dir, std::string_view name) {
  if (dir.empty() || dir.back() == '/') return dir + std::string(name);
  return dir + "/" + std::string(name);
}

// An id as the CLI prints it, a JSON string (non-ASCII left as is).
std::string quoted(std::string_view id) {
  std::string out = "\"";
  for (char c : id) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// An error line stays one line of valid UTF-8 whatever the file holds (a VPC id with a newline
// escape, the bytes nlohmann quotes after "last read:"): control characters are written as
// <U+000A>, as nlohmann does, and bytes that are not UTF-8 as <0xFF>.
std::string printable(std::string_view s) {
  std::string out;
  char buf[16];
  while (!s.empty()) {
    const size_t bad = first_invalid_utf8(s);
    for (char c : s.substr(0, bad)) {
      if (static_cast<unsigned char>(c) < 0x20) {
        snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(c));
        out += buf;
      } else {
        out += c;
      }
    }
    if (bad == std::string_view::npos) break;
    snprintf(buf, sizeof buf, "<0x%02X>", static_cast<unsigned>(static_cast<unsigned char>(s[bad])));
    out += buf;
    s.remove_prefix(bad + 1);
  }
  return out;
}

// One file, read apart from the others.
struct Job {
  std::string name;
  FileKind kind = FileKind::Manifest;
  std::string path;
  std::optional<std::string> bytes;  // given in memory; else read from `path`
  size_t size = 0;                   // for scheduling the largest first
  std::unique_ptr<SnapshotFile> file;
  SnapshotPart part;
  std::string error;  // the whole line, when the file is broken
};

// UTF-16/32 with a BOM (what Windows PowerShell 5 redirects to) becomes UTF-8, as for templates;
// a UTF-8 BOM is dropped.
bool decode(const std::string& path, std::string& text, std::string& error) {
  const auto first = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
  if (first != 0xEF && first != 0xFE && first != 0xFF && first != 0x00) return true;
  SourceText source(path, std::move(text));
  if (!source.encoding_error().empty()) {
    error = source.encoding_error();
    return false;
  }
  text = std::string(source.text());
  return true;
}

void run(Job& job, size_t max_file_size) {
  std::string text, why;
  if (job.bytes) {
    text = std::move(*job.bytes);
  } else {
    bool too_large = false;
    if (!read_file(job.path, max_file_size, text, why, too_large)) {
      if (too_large) why = "larger than the limit of " + std::to_string(max_file_size) + " bytes";
      job.error = job.path + ": " + why;
      return;
    }
  }
  if (!decode(job.path, text, why)) {
    job.error = job.path + ": " + why;
    return;
  }
  job.file = std::make_unique<SnapshotFile>(job.path, std::move(text));
  std::optional<JsonProblem> problem;
  try {
    problem = read_part(job.kind, job.file->text(), job.part);
  } catch (const std::exception& e) {  // out of memory: the file is as good as broken
    problem = JsonProblem{std::string_view::npos, "/", e.what()};
  }
  if (!problem) return;
  if (problem->syntax_at != std::string_view::npos) {
    const Position p = job.file->position_of(problem->syntax_at);
    job.error = job.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                ": not valid JSON: " + problem->message;
  } else {
    job.error = job.path + ": " + problem->pointer + ": " + problem->message;
  }
  job.file.reset();
}

// Reads every job, the largest first, on up to kMaxThreads threads.
void run_all(std::vector<Job>& jobs, size_t max_file_size) {
  std::vector<Job*> order;
  size_t total = 0;
  for (Job& j : jobs) {
    order.push_back(&j);
    total += j.bytes ? j.bytes->size() : j.size;
  }
  std::stable_sort(order.begin(), order.end(), [](const Job* a, const Job* b) { return a->size > b->size; });
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < order.size();) run(*order[i], max_file_size);
  };
  const unsigned wanted =
      total < kParallelBytes
          ? 1
          : std::min({kMaxThreads, std::thread::hardware_concurrency(), static_cast<unsigned>(jobs.size())});
  std::vector<std::thread> threads;
  try {
    for (unsigned t = 1; t < wanted; ++t) threads.emplace_back(work);
  } catch (const std::system_error&) {  // no more threads: this one does the rest
  }
  work();
  for (std::thread& t : threads) t.join();
}

// Moves one kind's records into the snapshot: known now, each cited in `file`.
template <typename Map>
void take(Map& from, Map& to, bool& known, SnapshotFileIndex file) {
  to = std::move(from);
  known = true;
  for (auto& [id, record] : to) record.file = file;
}

// Moves what a file that read whole holds into the snapshot.
void merge(FileKind kind, Snapshot& from, Snapshot& to, SnapshotFileIndex file) {
  switch (kind) {
    case FileKind::Vpcs: return take(from.vpcs, to.vpcs, to.has_vpcs, file);
    case FileKind::Subnets: return take(from.subnets, to.subnets, to.has_subnets, file);
    case FileKind::RouteTables:
      to.table_of_subnet = std::move(from.table_of_subnet);
      to.main_table_of_vpc = std::move(from.main_table_of_vpc);
      return take(from.route_tables, to.route_tables, to.has_route_tables, file);
    case FileKind::NatGateways: return take(from.nat_gateways, to.nat_gateways, to.has_nat_gateways, file);
    case FileKind::InternetGateways:
      return take(from.internet_gateways, to.internet_gateways, to.has_internet_gateways, file);
    case FileKind::EgressOnlyGateways:
      return take(from.egress_only_gateways, to.egress_only_gateways, to.has_egress_only_gateways, file);
    case FileKind::Endpoints: return take(from.endpoints, to.endpoints, to.has_endpoints, file);
    case FileKind::SecurityGroups: return take(from.security_groups, to.security_groups, to.has_security_groups, file);
    case FileKind::PrefixLists: return take(from.prefix_lists, to.prefix_lists, to.has_prefix_lists, file);
    case FileKind::Exports: return take(from.exports, to.exports, to.has_exports, file);
    case FileKind::Stacks: return take(from.stacks, to.stacks, to.has_stacks, file);
    case FileKind::Ssm: return take(from.ssm, to.ssm, to.has_ssm, file);
    case FileKind::Manifest: to.manifest = std::move(from.manifest); return;
    case FileKind::DnsSupport:
    case FileKind::DnsHostnames: return;  // after the VPCs (load())
  }
}

// Reads the jobs and keeps the files that read whole, in contract order; then the attribute
// files, which only set what they say on VPCs the VPC file lists.
std::unique_ptr<Snapshot> load(const std::string& dir, std::vector<Job> jobs, std::vector<std::string>& errors,
                               size_t max_file_size) {
  auto out = std::make_unique<Snapshot>();
  out->dir = dir;
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    return rank(a.kind) != rank(b.kind) ? rank(a.kind) < rank(b.kind) : a.name < b.name;
  });
  run_all(jobs, max_file_size);
  for (Job& job : jobs) {
    if (!job.error.empty()) {
      errors.push_back(printable(job.error));
      continue;
    }
    if (out->files.size() > std::numeric_limits<SnapshotFileIndex>::max()) {
      errors.push_back(printable(job.path) + ": not read: a snapshot holds at most 65536 files");
      continue;
    }
    const auto index = static_cast<SnapshotFileIndex>(out->files.size());
    out->files.push_back(std::move(job.file));
    if (job.kind == FileKind::DnsSupport || job.kind == FileKind::DnsHostnames) {
      auto vpc = out->vpcs.find(job.part.vpc);
      if (vpc == out->vpcs.end()) continue;
      if (job.kind == FileKind::DnsSupport)
        vpc->second.dns_support = job.part.attribute, vpc->second.dns_support_file = index;
      else
        vpc->second.dns_hostnames = job.part.attribute, vpc->second.dns_hostnames_file = index;
      continue;
    }
    merge(job.kind, job.part.data, *out, index);
  }
  return out;
}

}  // namespace

Position SnapshotFile::position_of(size_t offset) const {
  std::call_once(lines_once_, [this] {
    line_starts_.push_back(0);
    for (const char* p = text_.data();
         (p = static_cast<const char*>(memchr(p, '\n', text_.data() + text_.size() - p)));)
      line_starts_.push_back(static_cast<size_t>(++p - text_.data()));
  });
  offset = std::min(offset, text_.size());
  const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
  const size_t start = line_starts_[static_cast<size_t>(line - 1)];
  return {static_cast<uint32_t>(line), count_code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

size_t SnapshotFile::offset_of(std::string_view needle, size_t from) const {
  if (from > text_.size()) return std::string::npos;
  // memmem, not string_view::find: every other byte of JSON is the needle's opening quote.
  const void* at = memmem(text_.data() + from, text_.size() - from, needle.data(), needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - text_.data()) : std::string::npos;
}

Position SnapshotFile::locate(std::string_view needle, size_t from) const {
  const size_t at = offset_of(needle, from);
  return at == std::string::npos ? Position{1, 1} : position_of(at);
}

Position SnapshotFile::locate_string(std::string_view value, size_t from) const { return locate(quoted(value), from); }

size_t SnapshotFile::offset_of_string(std::string_view value, size_t from) const {
  return offset_of(quoted(value), from);
}

ConfigSource SnapshotFile::cite(std::string_view id, std::string what) const {
  return {path_, locate_string(id), std::move(what)};
}

std::string Snapshot::label() const {
  std::string out = "snapshot " + dir;
  if (dir.empty() || dir.back() != '/') out += '/';
  if (manifest && !manifest->taken.empty()) out += " (taken " + manifest->taken + ")";
  return out;
}

std::unique_ptr<Snapshot> load_snapshot(const std::string& dir, std::vector<std::string>& errors,
                                        size_t max_file_size) {
  namespace fs = std::filesystem;
  try {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (!ec && !fs::is_directory(dir, ec)) ec = std::make_error_code(std::errc::not_a_directory);
    if (ec) {
      errors.push_back(printable(dir + ": " + ec.message()));
      return nullptr;
    }
    std::vector<Job> jobs;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string(), vpc;
      std::optional<FileKind> kind = kind_of(name, vpc);
      if (!kind) continue;
      Job& job = jobs.emplace_back();
      job.kind = *kind;
      job.path = join_path(dir, name);
      job.name = std::move(name);
      job.part.vpc = std::move(vpc);
      std::error_code size_error;
      job.size = it->is_regular_file(size_error) ? it->file_size(size_error) : 0;
      if (size_error) job.size = 0;
    }
    if (ec) errors.push_back(printable(dir + ": " + ec.message()));  // listing stopped; what was listed is read
    return load(dir, std::move(jobs), errors, max_file_size);
  } catch (const std::exception& e) {
    errors.push_back(printable(dir + ": " + e.what()));
    return nullptr;
  }
}

std::unique_ptr<Snapshot> load_snapshot_texts(const std::string& dir,
                                              std::vector<std::pair<std::string, std::string>> files,
                                              std::vector<std::string>& errors) {
  std::vector<Job> jobs;
  for (auto& [name, text] : files) {
    std::string vpc;
    std::optional<FileKind> kind = kind_of(name, vpc);
    if (!kind) continue;
    Job& job = jobs.emplace_back();
    job.kind = *kind;
    job.path = join_path(dir, name);
    job.name = name;
    job.part.vpc = std::move(vpc);
    job.size = text.size();
    job.bytes = std::move(text);
  }
  try {
    return load(dir, std::move(jobs), errors, std::numeric_limits<size_t>::max());
  } catch (const std::exception& e) {
    errors.push_back(printable(dir + ": " + e.what()));
    auto empty = std::make_unique<Snapshot>();
    empty->dir = dir;
    return empty;
  }
}

const std::vector<std::string_view>& snapshot_file_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const FileSpec& f : kFiles) out.push_back(f.name);
    return out;
  }();
  return names;
}

std::string snapshot_attribute_file_name(std::string_view vpc, std::string_view attribute) {
  return std::string(kAttributePrefix) + std::string(vpc) + "-" + std::string(attribute) + ".json";
}

bool is_snapshot_file_name(std::string_view name) {
  std::string vpc;
  return kind_of(name, vpc).has_value();
}

std::string manifest_json(const SnapshotManifest& m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (auto [key, value] :
       {std::pair{"account", &m.account}, {"region", &m.region}, {"taken", &m.taken}, {"cli_version", &m.cli_version}})
    if (!value->empty()) j[key] = *value;
  return j.dump(4) + "\n";
}

}  // namespace vpclint
