// Running another program without a shell: its arguments are passed as they are, never parsed.
#pragma once
#include <string>
#include <vector>

namespace vpclint {

struct ChildResult {
  int exit_code = -1;  // 128 + the signal when it was killed; -1 when it could not be started
  std::string out;     // its standard output, when not sent to a file
  std::string err;     // its standard error (or why it could not be started)
};

// Runs `program` (a path) with `args` (argv[1..]) and `extra_env` ("NAME=value", overriding the
// inherited environment). Standard input is /dev/null, so a prompt fails instead of waiting;
// standard output goes to `out_fd` when it is >= 0, else it is captured. Safe to call from
// several threads at once.
ChildResult run_child(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& extra_env, int out_fd = -1);

// `name` as the shell would find it on PATH (an executable regular file), or "".
std::string find_on_path(const std::string& name);

}  // namespace vpclint
