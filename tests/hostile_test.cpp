// Hostile input: every case asserts the exit code, the one-line message, no hang and memory
// (< 256 MB address space, set with setrlimit on the child), and that the findings of a good file
// linted in the same run are still printed. No case depends on how fast the machine is (speed is
// measured in bench/): a child that spins is stopped by a CPU-time limit, one that blocks (a FIFO
// read, a lock) by a guard that only fires when it has used no CPU for a long while.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int exit_code = -1;
  bool timed_out = false;  // killed while blocked: no CPU used for kBlockedSeconds
  bool cpu_limit = false;  // killed by the CPU-time limit: it spun for kCpuSeconds
  std::string out, err;
};

// CPU seconds a child may use: a hang that spins ends with SIGXCPU whatever the machine's load.
constexpr rlim_t kCpuSeconds = 120;
// Seconds of wall time without any CPU progress after which a child counts as blocked. Load slows
// a child down but does not stop its CPU clock for a minute, so this never fires on a busy machine.
constexpr double kBlockedSeconds = 60.0;

// The child's user + system CPU time so far, in clock ticks (from /proc); -1 when unreadable.
long long cpu_ticks(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  size_t close = stat.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {  // fields 14 and 15 are utime and stime
    if (i == 14) utime = std::stoll(f);
    if (i == 15) stime = std::stoll(f);
  }
  return utime + stime;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs vpclint with `args` under the limits. With `as_nobody` (a copy of vpclint that user
// nobody can reach: the build tree may lie under a directory only root may enter), root drops
// to nobody first, so permissions apply.
Outcome run_limited(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null",
                    const std::string& as_nobody = "") {
  Outcome o;
  char out_path[] = "/tmp/vpclint-hostile-out-XXXXXX";
  char err_path[] = "/tmp/vpclint-hostile-err-XXXXXX";
  int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  pid_t pid = fork();
  if (pid == 0) {
    int in_fd = open(stdin_path.c_str(), O_RDONLY);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
#ifndef VPCLINT_SANITIZED  // sanitizers reserve terabytes of address space
    rlimit mem{256ull << 20, 256ull << 20};
    setrlimit(RLIMIT_AS, &mem);
#endif
    rlimit cpu{kCpuSeconds, kCpuSeconds + 5};
    setrlimit(RLIMIT_CPU, &cpu);
    std::string bin = VPCLINT_BINARY;
    if (!as_nobody.empty() && geteuid() == 0) {
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
      bin = as_nobody;
    }
    std::vector<char*> argv;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  // Blocked-hang guard: the wall clock only measures how long the CPU clock has stood still.
  long long last_ticks = -1;
  auto last_progress = std::chrono::steady_clock::now();
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    long long ticks = cpu_ticks(pid);
    auto now = std::chrono::steady_clock::now();
    // Without /proc nothing tells blocked from slow: ctest's per-test timeout is the guard then.
    if (ticks < 0 || ticks != last_ticks) {
      last_ticks = ticks;
      last_progress = now;
    } else if (std::chrono::duration<double>(now - last_progress).count() > kBlockedSeconds) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      o.timed_out = true;
      break;
    }
    usleep(2000);
  }
  o.cpu_limit = WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  close(out_fd);
  close(err_fd);
  o.out = slurp(out_path);
  o.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return o;
}

struct Scratch {
  fs::path dir;
  Scratch() {
    char tmpl[] = "/tmp/vpclint-hostile-XXXXXX";
    dir = mkdtemp(tmpl);
    fs::permissions(dir, fs::perms::all, fs::perm_options::replace);  // reachable after dropping root
  }
  ~Scratch() {
    std::error_code ec;
    for (auto& e : fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec))
      fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir, ec);
  }
  std::string file(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    fs::permissions(dir / name, fs::perms::all, fs::perm_options::replace);
    return (dir / name).string();
  }
};

// A template with one known finding (T006 at line 5), linted beside each hostile input.
const char* kGood = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nope\n";

// Lints `hostile` and the good file in one run, text output.
Outcome lint_pair(const Scratch& s, const std::string& hostile) {
  std::string good = s.file("good.yaml", kGood);
  return run_limited({"--no-color", hostile, good});
}

void expect_good_still_reported(const Outcome& o) {
  CHECK_MESSAGE(o.out.find("good.yaml:5:23: error[T006]") != std::string::npos, "good file's finding lost:\n" << o.out);
}

void expect_bounded(const Outcome& o) {
  CHECK_MESSAGE(!o.timed_out, "blocked: no CPU progress for " << kBlockedSeconds << " s");
  CHECK_MESSAGE(!o.cpu_limit, "spun for " << kCpuSeconds << " CPU seconds");
  CHECK(o.exit_code < 128);  // no signal: no crash, no out-of-memory kill
}

// The first output line about `file`.
std::string line_about(const Outcome& o, const std::string& file) {
  size_t at = o.out.find(file + ":");
  if (at == std::string::npos) return {};
  return o.out.substr(at, o.out.find('\n', at) - at);
}

}  // namespace

TEST_SUITE("hostile") {
  TEST_CASE("empty file and comments only are not templates") {
    Scratch s;
    for (auto [name_, text] : {std::pair{"empty.yaml", ""}, std::pair{"comments.yaml", "# nothing\n# here\n"}}) {
      std::string name = name_;  // a copy: clang 14 cannot capture a structured binding (CAPTURE does)
      CAPTURE(name);
      Outcome o = lint_pair(s, s.file(name, text));
      expect_bounded(o);
      CHECK(o.exit_code == 2);
      CHECK(line_about(o, (s.dir / name).string())
                .ends_with(":1:1: error[T002] the file is empty: not a CloudFormation template"));
      expect_good_still_reported(o);
    }
  }

  TEST_CASE("binary garbage and invalid UTF-8 are syntax errors with a position") {
    Scratch s;
    std::string garbage;
    std::mt19937 rng(42);
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(rng() & 0xFF);
    Outcome g = lint_pair(s, s.file("garbage.bin", garbage));
    expect_bounded(g);
    CHECK(g.exit_code == 2);
    CHECK(line_about(g, (s.dir / "garbage.bin").string()).find("error[T001]") != std::string::npos);
    expect_good_still_reported(g);

    Outcome u = lint_pair(s, s.file("utf8.yaml", "Resources:\n  Q:\n    Type: \"AWS::SQS::Queue\xC3\x28\"\n"));
    expect_bounded(u);
    CHECK(u.exit_code == 2);
    CHECK(line_about(u, (s.dir / "utf8.yaml").string()).find(":3:27: error[T001] invalid UTF-8 (byte 0xC3)") !=
          std::string::npos);
    expect_good_still_reported(u);
  }

  TEST_CASE("BOMs, UTF-16 and CRLF keep positions right") {
    Scratch s;
    std::string body =
        "Resources:\r\n  Queue:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      QueueName: !Ref Gone\r\n";
    Outcome crlf = lint_pair(s, s.file("crlf.yaml", "\xEF\xBB\xBF" + body));
    expect_bounded(crlf);
    CHECK(crlf.exit_code == 1);
    CHECK(line_about(crlf, (s.dir / "crlf.yaml").string()).find(":5:23: error[T006]") != std::string::npos);
    std::string utf16 = "\xFF\xFE";
    for (char c : body) utf16 += std::string{c, '\0'};
    Outcome u16 = lint_pair(s, s.file("utf16.yaml", utf16));
    expect_bounded(u16);
    CHECK(u16.exit_code == 1);
    CHECK(line_about(u16, (s.dir / "utf16.yaml").string()).find(":5:23: error[T006]") != std::string::npos);
    expect_good_still_reported(u16);
  }

  TEST_CASE("tabs in indentation") {
    Scratch s;
    Outcome o = lint_pair(s, s.file("tabs.yaml", "Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n"));
    expect_bounded(o);
    CHECK(o.exit_code == 2);
    CHECK(line_about(o, (s.dir / "tabs.yaml").string()).find(":2:7: error[T001]") != std::string::npos);
    expect_good_still_reported(o);
  }

  TEST_CASE("a 2 MB single line") {
    Scratch s;
    const size_t n = (2 << 20) - 4096;  // just under the default size limit
    std::string big = "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"QueueName\": \"" +
                      std::string(n, 'a') + "\", \"DelaySeconds\": {\"Ref\": \"Missing\"}}}}}";
    Outcome o = lint_pair(s, s.file("long.json", big));
    expect_bounded(o);
    CHECK(o.exit_code == 1);
    CHECK(line_about(o, (s.dir / "long.json").string()).find(":1:" + std::to_string(n + 105) + ": error[T006]") !=
          std::string::npos);
    CHECK(o.out.size() < 4096);  // the source line is shown clipped around the column
    expect_good_still_reported(o);
  }

  TEST_CASE("nesting 100,000 deep, flow and block") {
    Scratch s;
    Outcome flow = lint_pair(s, s.file("flow.yaml", "a: " + std::string(100000, '[') + std::string(100000, ']')));
    expect_bounded(flow);
    CHECK(flow.exit_code == 2);
    CHECK(line_about(flow, (s.dir / "flow.yaml").string()).find("error[T008] nesting deeper") != std::string::npos);
    expect_good_still_reported(flow);
    std::string block = "a:\n";
    for (int i = 0; i < 100000; ++i) block += "- ";
    block += "x\n";
    Outcome b = lint_pair(s, s.file("block.yaml", block));
    expect_bounded(b);
    CHECK(b.exit_code == 2);
    expect_good_still_reported(b);
  }

  TEST_CASE("an alias bomb and 10,000 anchors cost nothing") {
    Scratch s;
    std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'z'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
      bomb += "]\n";
    }
    bomb += "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata: {laughs: *z}\n";
    Outcome o = lint_pair(s, s.file("bomb.yaml", bomb));
    expect_bounded(o);
    CHECK(o.exit_code == 1);  // the good file's finding; the bomb itself is clean
    CHECK(line_about(o, (s.dir / "bomb.yaml").string()).empty());
    expect_good_still_reported(o);
    std::string anchors = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n";
    for (int i = 0; i < 10000; ++i) anchors += "      k" + std::to_string(i) + ": &a" + std::to_string(i) + " v\n";
    anchors += "      all: [";
    for (int i = 0; i < 10000; ++i) anchors += (i ? ", *a" : "*a") + std::to_string(i);
    anchors += "]\n";
    Outcome a = lint_pair(s, s.file("anchors.yaml", anchors));
    expect_bounded(a);
    CHECK(line_about(a, (s.dir / "anchors.yaml").string()).empty());
    expect_good_still_reported(a);
  }

  TEST_CASE("a 50 MB file is over the size limit and is not read") {
    Scratch s;
    std::string path = (s.dir / "huge.yaml").string();
    {
      std::ofstream f(path, std::ios::binary);
      std::string chunk(1 << 20, '#');
      for (int i = 0; i < 50; ++i) f << chunk;
    }
    Outcome o = lint_pair(s, path);
    expect_bounded(o);
    CHECK(o.exit_code == 2);
    CHECK(line_about(o, path).find(":1:1: error[T008] the file is larger than the 2 MB limit (--max-file-size)") !=
          std::string::npos);
    expect_good_still_reported(o);
  }

  // The default size limit (2 MB) bounds yaml-cpp's slowest input, a long plain scalar (timed in
  // bench/, not here); a file under it is linted, not refused.
  TEST_CASE("a one-line plain scalar just under the size limit is linted") {
    Scratch s;
    std::string path = (s.dir / "long.yaml").string();
    {
      std::ofstream f(path, std::ios::binary);
      f << "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
        << std::string((2 << 20) - 200, 'q') << "\n";
    }
    REQUIRE(fs::file_size(path) < (2u << 20));
    Outcome o = lint_pair(s, path);
    expect_bounded(o);
    CHECK(o.exit_code == 1);
    CHECK(line_about(o, path).empty());
    expect_good_still_reported(o);
  }

  TEST_CASE("several documents, JSON with trailing garbage") {
    Scratch s;
    Outcome docs = lint_pair(s, s.file("docs.yaml", "Resources: {Q: {Type: AWS::SQS::Queue}}\n---\nResources: {}\n"));
    expect_bounded(docs);
    CHECK(docs.exit_code == 2);
    CHECK(line_about(docs, (s.dir / "docs.yaml").string())
              .find(":2:1: error[T001] the file holds more than one YAML document") != std::string::npos);
    expect_good_still_reported(docs);
    Outcome json = lint_pair(s, s.file("trailing.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}} }"));
    expect_bounded(json);
    CHECK(json.exit_code == 2);
    CHECK(line_about(json, (s.dir / "trailing.json").string()).find("error[T001]") != std::string::npos);
    expect_good_still_reported(json);
  }

  TEST_CASE("!!binary, merge keys, huge integers and .nan load") {
    Scratch s;
    Outcome o = lint_pair(s, s.file("odd.yaml", R"(base: &b {DelaySeconds: 1}
Resources:
  Q:
    Type: AWS::SQS::Queue
    Metadata: {blob: !!binary aGVsbG8=, big: 123456789012345678901234567890, nan: .nan, inf: -.inf}
    Properties:
      <<: *b
      QueueName: q
)"));
    expect_bounded(o);
    CHECK(o.exit_code == 1);
    CHECK(line_about(o, (s.dir / "odd.yaml").string()).empty());
    expect_good_still_reported(o);
  }

  TEST_CASE("duplicate keys at every level") {
    Scratch s;
    Outcome o = lint_pair(s, s.file("dups.yaml", R"(Resources:
  Q:
    Type: AWS::SQS::Queue
    Type: AWS::SQS::Queue
    Properties:
      QueueName: a
      QueueName: b
Resources: {}
)"));
    expect_bounded(o);
    CHECK(o.exit_code == 1);
    std::string f = (s.dir / "dups.yaml").string();
    CHECK(o.out.find(f + ":4:5: error[T007]") != std::string::npos);
    CHECK(o.out.find(f + ":7:7: error[T007]") != std::string::npos);
    CHECK(o.out.find(f + ":8:1: error[T007]") != std::string::npos);
    expect_good_still_reported(o);
  }

  TEST_CASE("missing path, unreadable directory, symlink loop, FIFO") {
    Scratch s;
    Outcome missing = lint_pair(s, (s.dir / "nope.yaml").string());
    expect_bounded(missing);
    CHECK(missing.exit_code == 2);
    CHECK(missing.err ==
          "vpclint: error: cannot read '" + (s.dir / "nope.yaml").string() + "': No such file or directory\n");
    expect_good_still_reported(missing);

    fs::create_directories(s.dir / "locked");
    s.file("locked/template.yaml", kGood);
    fs::permissions(s.dir / "locked", fs::perms::none, fs::perm_options::replace);
    std::string good = s.file("good.yaml", kGood);
    fs::path copy = s.dir / "vpclint";
    fs::copy_file(VPCLINT_BINARY, copy);
    fs::permissions(copy,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                        fs::perms::others_exec,
                    fs::perm_options::replace);
    Outcome locked = run_limited({"--no-color", (s.dir / "locked").string(), good}, "/dev/null", copy.string());
    // 127: nobody could not execute the copy (a scratch directory it cannot enter).
    REQUIRE_MESSAGE(locked.exit_code != 127, "user nobody cannot execute " << copy << ": " << locked.err);
    expect_bounded(locked);
    CHECK(locked.exit_code == 2);
    CHECK(locked.err ==
          "vpclint: error: cannot read directory '" + (s.dir / "locked").string() + "': Permission denied\n");
    expect_good_still_reported(locked);
    fs::permissions(s.dir / "locked", fs::perms::owner_all, fs::perm_options::replace);

    fs::create_directories(s.dir / "tree");
    s.file("tree/template.yaml", kGood);
    fs::create_directory_symlink(s.dir / "tree", s.dir / "tree" / "loop");
    Outcome loop = run_limited({"--no-color", (s.dir / "tree").string()});
    expect_bounded(loop);
    CHECK(loop.exit_code == 1);
    CHECK(loop.out.find("tree/template.yaml:5:23: error[T006]") != std::string::npos);

    std::string fifo = (s.dir / "pipe.yaml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0666) == 0);
    Outcome f = lint_pair(s, fifo);
    expect_bounded(f);
    CHECK(f.exit_code == 2);
    CHECK(f.err == "vpclint: error: cannot read '" + fifo + "': is not a regular file\n");
    expect_good_still_reported(f);
  }

  TEST_CASE("standard input") {
    Scratch s;
    std::string good = s.file("stdin.yaml", kGood);
    Outcome o = run_limited({"--no-color", "-"}, good);
    expect_bounded(o);
    CHECK(o.exit_code == 1);
    CHECK(o.out.find("<stdin>:5:23: error[T006]") != std::string::npos);
  }

  // Snapshot files: 100 MB, a directory, truncated JSON, the wrong shape, binary bytes. Each is one
  // line naming the file (and the JSON pointer), exit 2, and the templates are still linted.
  TEST_CASE("broken account snapshot files") {
    Scratch s;
    fs::path snap = s.dir / "snap";
    fs::create_directories(snap / "ec2-describe-route-tables.json");  // a directory where a file is expected
    {
      std::ofstream big(snap / "ec2-describe-subnets.json", std::ios::binary);
      big << "{\"Subnets\": [";
      std::string chunk(1 << 20, ' ');
      for (int i = 0; i < 100; ++i) big << chunk;
      big << "]}";
    }
    std::ofstream(snap / "ec2-describe-vpcs.json", std::ios::binary) << "{\"Vpcs\": [{\"VpcId\": \"vpc-1\",";
    std::ofstream(snap / "ec2-describe-nat-gateways.json", std::ios::binary) << "{\"NatGateways\": {\"a\": 1}}";
    std::ofstream(snap / "ec2-describe-security-groups.json", std::ios::binary) << std::string("\x00\xff\xfe{[", 5);
    std::ofstream(snap / "cloudformation-list-exports.json", std::ios::binary)
        << "{\"Exports\": [{\"Name\": \"net-Subnets\", \"Value\": \"subnet-0a1\"}]}";
    fs::permissions(snap, fs::perms::all, fs::perm_options::replace);
    Outcome o = run_limited({"--no-color", "--snapshot", snap.string(), s.file("good.yaml", kGood)});
    expect_bounded(o);
    CHECK(o.exit_code == 2);
    expect_good_still_reported(o);
    for (const char* file : {"ec2-describe-route-tables.json", "ec2-describe-subnets.json", "ec2-describe-vpcs.json",
                             "ec2-describe-nat-gateways.json", "ec2-describe-security-groups.json"}) {
      CAPTURE(file);
      size_t at = o.err.find((snap / file).string());
      REQUIRE(at != std::string::npos);
      CHECK(o.err.rfind("vpclint: error: ", at) == o.err.rfind('\n', at) + 1);  // one line each, prefixed
    }
    CHECK(o.err.find("/NatGateways") != std::string::npos);                      // the JSON pointer of the bad value
    CHECK(o.err.find("cloudformation-list-exports.json") == std::string::npos);  // the good file is read
  }
}
