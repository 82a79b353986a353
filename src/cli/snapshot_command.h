// `vpclint snapshot -o DIR [--region R] [--profile P] [--ssm-path /prefix]`: takes an account
// snapshot (docs/snapshot.md) by running the AWS CLI once per file of the contract.
#pragma once
#include <ostream>
#include <string>

namespace vpclint {

struct SnapshotCommand {
  std::string out_dir;   // -o DIR
  std::string region;    // --region, passed to every command
  std::string profile;   // --profile, passed to every command
  std::string ssm_path;  // --ssm-path: SSM parameters under this prefix; none without it
};

// Runs the commands through the `aws` found on PATH (no shell) into a temporary directory beside
// DIR, which replaces DIR only when every command succeeded and vpclint reads all they printed.
// Returns 0 with one summary line on `out`; 2 with one `vpclint: error: ...` line on `err` (a
// failing command: its command line, then its standard error), DIR left as it was; 2 without
// `aws` on PATH, with the commands to run by hand on `out`.
int run_snapshot_command(const SnapshotCommand& command, std::ostream& out, std::ostream& err);

}  // namespace vpclint
