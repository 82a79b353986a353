#include "lint/project_linter.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <tuple>

#include "analysis/project_network.h"
#include "config/project.h"
#include "lint/rule.h"

namespace vpclint {

namespace {

struct Work {
  size_t file;
  const Use* use;  // null: a deferred file (parsed and given its use when linted), or an unreadable one
};

using FindingKey = std::tuple<std::string, uint32_t, uint32_t, std::string>;
FindingKey key_of(const Finding& f) { return {f.rule, f.pos.line, f.pos.column, f.message}; }

// Adds one use's findings to the file's: the same finding from another use gains that use's note.
void merge(std::vector<Finding>& into, std::vector<Finding> from, const Note& nested) {
  std::map<FindingKey, size_t> index;
  for (size_t i = 0; i < into.size(); ++i) index.emplace(key_of(into[i]), i);
  for (Finding& f : from) {
    if (!nested.message.empty()) f.notes.push_back(nested);
    auto [it, fresh] = index.emplace(key_of(f), into.size());
    if (fresh) {
      into.push_back(std::move(f));
      continue;
    }
    auto& notes = into[it->second].notes;
    if (!nested.message.empty() &&
        std::none_of(notes.begin(), notes.end(), [&](const Note& n) { return n.message == nested.message; }))
      notes.push_back(nested);
  }
}

}  // namespace

std::vector<FileResult> lint_project(const std::shared_ptr<Project>& project, const LintOptions& base, unsigned jobs,
                                     const AnalysisVisitor& visit) {
  const auto& files = project->files();
  std::vector<Work> work;
  std::vector<size_t> linted;  // file indexes, in order
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].lint) continue;
    linted.push_back(i);
    auto uses = project->uses_of(i);
    if (uses.empty()) work.push_back({i, nullptr});  // deferred or unreadable
    for (const Use* u : uses) work.push_back({i, u});
  }
  ProjectNetwork network(project->account ? project->account->snapshots()
                                          : std::vector<std::shared_ptr<const Snapshot>>{});
  std::vector<FileResult> partial(work.size());
  all_rules();  // build the registry before the threads share it
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < work.size(); i = next++) {
      const ProjectFile& f = files[work[i].file];
      LintOptions options = base;
      options.config = f.effective_config();
      if (!work[i].use) {
        if (!f.deferred && !f.model) {
          partial[i].path = f.path;
          partial[i].unreadable = true;
          partial[i].error = "cannot read '" + f.path + "': " + f.read_error;
          continue;
        }
        // Nothing reads this file and it nests nothing: parse, lint, release, on this thread alone.
        project->ensure_loaded(work[i].file, base.limits);
        std::unique_ptr<Use> own = project->private_use(work[i].file);
        partial[i] = lint_model(f.doc, *f.model, *own->resolver, options, &network, &f.issues, visit);
        project->release(work[i].file);
        continue;
      }
      // The link issues belong to the file, not to a use: the first use reports them.
      bool first = project->uses_of(work[i].file).front() == work[i].use;
      partial[i] =
          lint_model(f.doc, *f.model, *work[i].use->resolver, options, &network, first ? &f.issues : nullptr, visit);
      if (project->uses_of(work[i].file).size() == 1) project->release(work[i].file);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(jobs, work.size()); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  std::vector<FileResult> out;
  out.reserve(linted.size());
  size_t w = 0;
  for (size_t file : linted) {
    FileResult r = std::move(partial[w]);
    Note first_note = work[w].use ? work[w].use->nested_note() : Note{};
    std::vector<Finding> findings, suppressed;
    merge(findings, std::move(r.findings), first_note);
    merge(suppressed, std::move(r.suppressed), first_note);
    for (++w; w < work.size() && work[w].file == file; ++w) {
      Note note = work[w].use->nested_note();
      merge(findings, std::move(partial[w].findings), note);
      merge(suppressed, std::move(partial[w].suppressed), note);
    }
    std::sort(findings.begin(), findings.end(), finding_less);
    std::sort(suppressed.begin(), suppressed.end(), finding_less);
    r.findings = std::move(findings);
    r.suppressed = std::move(suppressed);
    if (files[file].doc.source) r.source = std::shared_ptr<const SourceText>(project, files[file].doc.source.get());
    out.push_back(std::move(r));
  }
  return out;
}

FileResult lint_path(const std::string& path, const LintOptions& options) {
  auto project = std::make_shared<Project>();
  project->add(path, options.config, true, options.limits);
  project->link(options.limits);
  std::vector<FileResult> results = lint_project(project, options, 1);
  return std::move(results.front());
}

}  // namespace vpclint
