#include "lint/linter.h"

#include <algorithm>

#include "analysis/facts.h"
#include "lint/rule.h"
#include "lint/suppress.h"
#include "loader/file_reader.h"
#include "loader/loader.h"
#include "model/cdk_path.h"
#include "model/references.h"
#include "model/resolver.h"
#include "model/template.h"

namespace vpclint {

namespace {

// The construct a CDK resource belongs to, or empty.
std::string construct_path(const Template& model, std::string_view logical_id) {
  const Resource* r = logical_id.empty() ? nullptr : model.resource(logical_id);
  return r ? cdk_construct(*r) : std::string();
}

// CDK's helper functions created once per stack (BucketDeployment's handler, LogRetention, ...)
// carry no id of the user's; name the custom resources they serve, whose paths do.
void note_cdk_helper_users(const Template& model, const ReferenceGraph& references, Finding& f) {
  if (std::count(f.construct.begin(), f.construct.end(), '/') != 1) return;  // not at stack level
  for (size_t i : references.to(f.resource)) {
    const Reference& ref = references.all()[i];
    const Resource* user = ref.kind == ReferenceKind::GetAtt ? model.resource(ref.from) : nullptr;
    if (!user || !user->raw_properties || user->raw_properties->get("ServiceToken") != ref.node) continue;
    std::string path = construct_path(model, user->logical_id);
    if (path.empty()) continue;
    f.notes.push_back({"CDK's helper function behind " + path + " (" + std::string(user->type) + ")", user->key->pos});
  }
}

bool enabled(const LintOptions& options, const Rule& rule) {
  return !options.config || options.config->rule_enabled(rule.meta().id);
}

FileResult lint_document(Document doc, const LintOptions& options, const AnalysisVisitor& visit) {
  Template model(doc);
  Resolver resolver(model, options.config);
  FileResult result = lint_model(doc, model, resolver, options, nullptr, nullptr, visit);
  result.source = std::shared_ptr<const SourceText>(std::move(doc.source));
  return result;
}
}  // namespace

FileResult lint_model(const Document& doc, const Template& model, const Resolver& resolver, const LintOptions& options,
                      const OutsideNetwork* outside, const std::vector<LinkIssue>* links,
                      const AnalysisVisitor& visit) {
  FileResult result;
  result.path = doc.source->path();
  ReferenceGraph references(model);
  Facts facts(model, resolver, references, options.config, outside);
  TemplateSuppressions suppressions;
  if (options.inline_suppressions) suppressions = collect_suppressions(model, *doc.source);
  LintContext ctx{doc, model, resolver, references, facts, suppressions};
  ctx.links = links;
  for (const auto& rule : all_rules()) {
    if (rule->runs_after_suppressions() || !enabled(options, *rule)) continue;
    FindingSink sink(rule->meta(), model, result.findings);
    rule->check(ctx, sink);
  }
  std::vector<SuppressionUse> use =
      apply_suppressions(suppressions, result.findings, result.suppressed, [&](std::string_view id) {
        const Rule* r = find_rule(id);
        return r && enabled(options, *r);
      });
  ctx.suppression_use = &use;
  for (const auto& rule : all_rules()) {
    if (!rule->runs_after_suppressions() || !enabled(options, *rule)) continue;
    FindingSink sink(rule->meta(), model, result.findings);
    rule->check(ctx, sink);
  }
  if (options.config)
    for (auto* list : {&result.findings, &result.suppressed})
      for (Finding& f : *list) f.severity = options.config->severity_of(f.rule, f.severity);
  for (auto* list : {&result.findings, &result.suppressed})
    for (Finding& f : *list) {
      f.construct = construct_path(model, f.resource);
      if (!f.construct.empty()) note_cdk_helper_users(model, references, f);
    }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  std::sort(result.suppressed.begin(), result.suppressed.end(), finding_less);
  if (visit) visit(ctx, result.findings);
  // Any T001/T002 means the file is not a usable template (exit code 2), even when a first
  // document could still be analysed.
  bool syntax = false;
  for (const auto& issue : doc.issues) syntax |= issue.kind == LoadIssueKind::Syntax;
  result.unparsable = doc.unparsable || !model.is_template() || syntax;
  return result;
}

FileResult lint_text(std::string path, std::string bytes, const LintOptions& options, const AnalysisVisitor& visit) {
  return lint_document(load_document(std::move(path), std::move(bytes), options.limits), options, visit);
}

}  // namespace vpclint
