#include "cli/discover.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "config/cdk_assembly.h"

namespace vpclint {

namespace fs = std::filesystem;

namespace {
constexpr std::array<std::string_view, 4> kSkipDirs{".aws-sam", "node_modules", ".git", "cdk.out"};
constexpr std::array<std::string_view, 4> kExtensions{".yaml", ".yml", ".json", ".template"};

bool has_template_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

bool is_assembly(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "manifest.json", ec);
}

// The templates a cloud assembly lists, never its asset folders.
void add_assembly(const fs::path& dir, Discovered& out) {
  CdkAssembly assembly = read_cdk_assembly(dir);
  out.files.insert(out.files.end(), assembly.templates.begin(), assembly.templates.end());
  out.errors.insert(out.errors.end(), assembly.errors.begin(), assembly.errors.end());
}

void search(const fs::path& dir, Discovered& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.errors.push_back("cannot read directory '" + dir.string() + "': " + ec.message());
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.errors.push_back("cannot read directory '" + dir.string() + "': " + ec.message());
      break;
    }
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  // A CDK app: its templates are what its cloud assembly lists (cdk.json may name another
  // output directory than cdk.out).
  fs::path assembly;
  std::error_code cec;
  if (fs::exists(dir / "cdk.json", cec) || is_assembly(dir / "cdk.out")) {
    assembly = cdk_output_directory(dir);
    if (is_assembly(assembly))
      add_assembly(assembly, out);
    else
      out.unsynthesized.push_back(dir.string());
  }
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    std::error_code sec;
    if (e.is_symlink(sec) && e.is_directory(sec)) continue;  // never follow: loops
    if (e.is_directory(sec)) {
      bool skip = std::find(kSkipDirs.begin(), kSkipDirs.end(), name) != kSkipDirs.end() || e.path() == assembly;
      if (!skip) search(e.path(), out);
      continue;
    }
    if (e.is_regular_file(sec) && has_template_extension(e.path()) && looks_like_template(e.path().string()))
      out.files.push_back(e.path().string());
  }
}
}  // namespace

bool looks_like_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;  // let the linter report why it cannot be read
  // Top-level keys sit near the start in practice; read a bounded prefix.
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return looks_like_template_text(head);
}

bool looks_like_template_text(std::string_view head) {
  head = head.substr(0, 64 * 1024);
  return head.find("Resources") != std::string_view::npos ||
         head.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         head.find("Transform") != std::string_view::npos;
}

Discovered discover(const std::vector<std::string>& paths) {
  Discovered out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec) && is_assembly(p))
      add_assembly(p, out);
    else if (p != "-" && fs::is_directory(p, ec))
      search(p, out);
    else
      out.files.push_back(p);  // the linter reports a missing or unreadable file
  }
  return out;
}

}  // namespace vpclint
