#include "cli/snapshot_command.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <thread>
#include <vector>

#include "cli/child_process.h"
#include "config/snapshot.h"
#include "lint/text_util.h"
#include "loader/file_reader.h"

namespace vpclint {

namespace {

namespace fs = std::filesystem;

// Each call of the AWS CLI spends about a second starting Python: a few at once make a snapshot
// of an account with many VPCs (two attribute calls each) several times faster.
constexpr unsigned kParallelCalls = 4;
constexpr const char* kAttributes[] = {"enableDnsSupport", "enableDnsHostnames"};
// The AWS CLI v2 pipes output through a pager on a terminal; never here.
const std::vector<std::string> kChildEnv{"AWS_PAGER="};

// One command: its arguments after `aws`, and the file of the snapshot its output is (empty:
// captured). An optional command's failure is no failure of the snapshot.
struct Call {
  std::vector<std::string> args;
  std::string file;
  bool optional = false;
};

// --output, then --region and --profile when given, after every command's own arguments.
void add_common(const SnapshotCommand& c, std::vector<std::string>& args, const char* output = "json") {
  args.insert(args.end(), {"--output", output});
  if (!c.region.empty()) args.insert(args.end(), {"--region", c.region});
  if (!c.profile.empty()) args.insert(args.end(), {"--profile", c.profile});
}

// The contract's commands, from its file names: ec2-describe-vpcs.json is `aws ec2 describe-vpcs`.
std::vector<Call> contract_calls(const SnapshotCommand& c) {
  std::vector<Call> out;
  for (std::string_view name : snapshot_file_names()) {
    const std::string_view stem = name.substr(0, name.size() - std::string_view(".json").size());
    const size_t dash = stem.find('-');
    Call call{{std::string(stem.substr(0, dash)), std::string(stem.substr(dash + 1))}, std::string(name)};
    if (call.args[0] == "ssm") {
      if (c.ssm_path.empty()) continue;
      call.args.insert(call.args.end(), {"--path", c.ssm_path, "--recursive"});
    }
    add_common(c, call.args);
    out.push_back(std::move(call));
  }
  return out;
}

Call attribute_call(const SnapshotCommand& c, const std::string& vpc, const char* attribute) {
  Call call{{"ec2", "describe-vpc-attribute", "--vpc-id", vpc, "--attribute", attribute},
            snapshot_attribute_file_name(vpc, attribute)};
  add_common(c, call.args);
  return call;
}

Call account_call(const SnapshotCommand& c) {
  Call call{{"sts", "get-caller-identity", "--query", "Account"}, {}};
  add_common(c, call.args, "text");
  return call;
}

Call vpc_ids_call(const SnapshotCommand& c) {
  Call call{{"ec2", "describe-vpcs", "--query", "Vpcs[].VpcId"}, {}};
  add_common(c, call.args, "text");
  return call;
}

// An argument as a POSIX shell reads it back unchanged.
std::string sh_quote(std::string_view s) {
  const bool plain = !s.empty() && s.find_first_not_of(
                                       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789_./:=@%+,-") == std::string_view::npos;
  if (plain) return std::string(s);
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string command_line(const std::vector<std::string>& args) {
  std::string out = "aws";
  for (const std::string& a : args) out += " " + sh_quote(a);
  return out;
}

// What to run without `vpclint snapshot`, as a POSIX shell script writing the same files.
void write_by_hand(const SnapshotCommand& c, const std::string& dir, std::ostream& out) {
  const std::string d = sh_quote(dir);
  out << "mkdir -p " << d << '\n';
  for (const Call& call : contract_calls(c)) out << command_line(call.args) << " > " << d << '/' << call.file << '\n';
  std::vector<std::string> common;
  add_common(c, common);
  std::string common_text;
  for (const std::string& a : common) common_text += " " + sh_quote(a);
  out << "for vpc in $(" << command_line(vpc_ids_call(c).args) << "); do\n";
  for (const char* attribute : kAttributes)
    out << "  aws ec2 describe-vpc-attribute --vpc-id \"$vpc\" --attribute " << attribute << common_text << " > " << d
        << "/\"ec2-describe-vpc-attribute-$vpc-" << attribute << ".json\"\n";
  out << "done\n";
  std::string profile = c.profile.empty() ? "" : " --profile " + sh_quote(c.profile);
  const std::string region =
      !c.region.empty() ? sh_quote(c.region)
                        : "\"${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region" + profile + ")}}\"";
  out << "printf '{\"account\": \"%s\", \"region\": \"%s\", \"taken\": \"%s\", \"cli_version\": \"%s\"}\\n' \\\n"
      << "  \"$(" << command_line(account_call(c).args) << ")\" " << region << " \\\n"
      << "  \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$(aws --version 2>&1 | cut -d' ' -f1 | cut -d/ -f2)\" > " << d
      << "/manifest.json\n";
}

std::string errno_text() { return std::generic_category().message(errno); }

// Runs the calls, up to kParallelCalls at once, each writing its file in `dir` or captured;
// after a failure no further call starts. Results by index.
std::vector<ChildResult> run_calls(const std::string& aws, const std::string& dir, const std::vector<Call>& calls) {
  std::vector<ChildResult> results(calls.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (size_t i; !failed && (i = next.fetch_add(1)) < calls.size();) {
      const Call& call = calls[i];
      ChildResult& r = results[i];
      int fd = -1;
      if (!call.file.empty()) {
        const std::string path = dir + "/" + call.file;
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
          r.err = "cannot write " + path + ": " + errno_text();
          failed = true;
          continue;
        }
      }
      r = run_child(aws, call.args, kChildEnv, fd);
      if (fd >= 0) ::close(fd);
      if (r.exit_code != 0 && !call.optional) failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<size_t>(kParallelCalls, calls.size()); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return results;
}

// The first failed call, as an error line: the command, then what it printed on stderr.
std::string first_failure(const std::vector<Call>& calls, const std::vector<ChildResult>& results) {
  for (size_t i = 0; i < calls.size(); ++i) {
    const ChildResult& r = results[i];
    if (calls[i].optional || r.exit_code == 0) continue;
    std::string err = r.err;
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    if (r.exit_code < 0 && !err.empty()) return "`" + command_line(calls[i].args) + "`: " + err;
    // A call after the failure that stopped the run never started: no exit code, nothing printed.
    if (r.exit_code < 0) continue;
    return "`" + command_line(calls[i].args) + "` failed with exit code " + std::to_string(r.exit_code) +
           (err.empty() ? std::string() : ":\n" + err);
  }
  return "a command failed";
}

std::string first_line(std::string_view s) {
  s = s.substr(0, s.find('\n'));
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

// "aws-cli/2.15.0 Python/3.11.6 ..." -> "2.15.0"; anything else as printed.
std::string cli_version(const ChildResult& r) {
  std::string line = first_line(r.out.empty() ? r.err : r.out);
  if (!line.starts_with("aws-cli/")) return line;
  const size_t space = line.find(' ');
  return line.substr(8, space == std::string::npos ? std::string::npos : space - 8);
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The temporary directory the snapshot is taken in, removed unless it was put in place.
class TempDir {
 public:
  TempDir(const fs::path& target, std::string& error) {
    std::error_code ec;
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    std::string pattern = (parent / ("." + target.filename().string() + ".vpclint-XXXXXX")).string();
    if (::mkdtemp(pattern.data()))
      path = pattern;
    else
      error = "cannot create a directory beside " + target.string() + ": " + errno_text();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
};

// Why DIR may not be replaced: it is not a directory, or it holds files no snapshot has (an
// `-o .` or `-o src` typed by mistake must not delete a repository).
std::string not_replaceable(const std::string& dir) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return {};
  if (!fs::is_directory(st)) return dir + " exists and is not a directory";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (!is_snapshot_file_name(it->path().filename().string()) || !it->is_regular_file(ec))
      return dir + " holds " + it->path().filename().string() +
             ", which is not a snapshot's file; choose another directory or remove it";
  return ec ? dir + ": " + ec.message() : std::string();
}

// Puts the snapshot taken in `tmp` at `dir`: one rename when DIR is absent, else an atomic
// exchange of the two (the old snapshot then removed under the temporary name).
std::string install(const std::string& tmp, const std::string& dir) {
  if (::rename(tmp.c_str(), dir.c_str()) == 0) return {};
  if (errno != ENOTEMPTY && errno != EEXIST) return "cannot rename " + tmp + " to " + dir + ": " + errno_text();
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) return {};
  // A file system without the exchange: the old snapshot goes aside first.
  const std::string old = tmp + ".old";
  if (::rename(dir.c_str(), old.c_str()) != 0 || ::rename(tmp.c_str(), dir.c_str()) != 0)
    return "cannot replace " + dir + ": " + errno_text();
  std::error_code ec;
  fs::remove_all(old, ec);
  return {};
}

// The VPC ids describe-vpcs printed into `path`, sorted; `error` set when it cannot be read.
std::vector<std::string> vpc_ids(const std::string& path, const std::string& dir, std::string& error) {
  std::string text;
  bool too_large = false;
  if (!read_file(path, size_t{1} << 30, text, error, too_large)) {
    error = path + ": " + error;
    return {};
  }
  std::vector<std::string> problems;
  const auto vpcs = load_snapshot_texts(dir, {{std::string(snapshot_file_names().front()), std::move(text)}}, problems);
  if (!problems.empty()) error = problems.front();
  std::vector<std::string> ids;
  for (const auto& [id, vpc] : vpcs->vpcs) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool write_text(const std::string& path, const std::string& text, std::string& error) {
  FILE* f = std::fopen(path.c_str(), "wb");
  const bool written = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if ((f && std::fclose(f) != 0) || !written) {
    error = "cannot write " + path + ": " + errno_text();
    return false;
  }
  return true;
}

// The region the commands ran in: --region, the environment, else the profile's (asked with
// `configure`, an optional call appended to `calls`).
std::string region_of(const SnapshotCommand& c, std::vector<Call>& calls) {
  if (!c.region.empty()) return c.region;
  for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* v = std::getenv(name); v && *v) return v;
  Call configured{{"configure", "get", "region"}, {}, true};
  if (!c.profile.empty()) configured.args.insert(configured.args.end(), {"--profile", c.profile});
  calls.push_back(std::move(configured));
  return {};
}

}  // namespace

int run_snapshot_command(const SnapshotCommand& c, std::ostream& out, std::ostream& err) {
  auto fail = [&](const std::string& message) {
    err << "vpclint: error: " << message << '\n';
    return 2;
  };
  std::string dir = c.out_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  const fs::path target(dir);
  if (dir.empty() || dir == "/" || target.filename() == "." || target.filename() == "..")
    return fail("-o needs a directory of its own for the snapshot, not '" + one_line(c.out_dir) + "'");

  const std::string aws = find_on_path("aws");
  if (aws.empty()) {
    err << "vpclint: error: no 'aws' on PATH: install the AWS CLI, or run these commands (docs/snapshot.md)\n";
    write_by_hand(c, dir, out);
    return 2;
  }
  if (std::string why = not_replaceable(dir); !why.empty()) return fail(one_line(why));
  std::string error;
  TempDir tmp(target, error);
  if (!error.empty()) return fail(one_line(error));

  // The VPCs first: each has its two attribute files.
  const std::vector<Call> contract = contract_calls(c);
  std::vector<Call> first{contract.front()};
  std::vector<ChildResult> ran = run_calls(aws, tmp.path, first);
  if (ran[0].exit_code != 0) return fail(first_failure(first, ran));
  const std::vector<std::string> vpcs = vpc_ids(tmp.path + "/" + first[0].file, dir, error);
  if (!error.empty()) return fail(one_line(error));

  // The rest, then the manifest's account, CLI version and (unless known) region.
  std::vector<Call> rest(contract.begin() + 1, contract.end());
  for (const std::string& id : vpcs)
    for (const char* attribute : kAttributes) rest.push_back(attribute_call(c, id, attribute));
  const size_t account = rest.size(), version = account + 1;
  rest.push_back(account_call(c));
  rest.push_back(Call{{"--version"}, {}});
  std::string region = region_of(c, rest);
  ran = run_calls(aws, tmp.path, rest);
  for (size_t i = 0; i < rest.size(); ++i)
    if (ran[i].exit_code != 0 && !rest[i].optional) return fail(first_failure(rest, ran));
  if (region.empty()) region = first_line(ran.back().out);
  const SnapshotManifest manifest{first_line(ran[account].out), region, utc_now(), cli_version(ran[version])};
  if (!write_text(tmp.path + "/manifest.json", manifest_json(manifest), error)) return fail(one_line(error));

  // What the CLI printed must read whole, or the snapshot would silently know less.
  std::vector<std::string> problems;
  auto taken = load_snapshot(tmp.path, problems);
  for (std::string& p : problems) {
    if (p.starts_with(tmp.path)) p.replace(0, tmp.path.size(), dir);
    err << "vpclint: error: " << one_line(p) << '\n';
  }
  if (!taken || !problems.empty()) return 2;

  if (std::string why = install(tmp.path, dir); !why.empty()) return fail(why);
  out << "snapshot " << dir << "/: " << taken->files.size() << " files, " << vpcs.size() << " VPCs"
      << (manifest.account.empty() ? "" : ", account " + manifest.account)
      << (manifest.region.empty() ? "" : ", region " + manifest.region) << '\n';
  return 0;
}

}  // namespace vpclint
