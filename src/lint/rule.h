// The shape every rule follows: declarative metadata plus one check() that reads the model and
// the analysis facts and reports to a sink. Rules never parse, walk raw YAML, or print.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.h"
#include "model/references.h"
#include "model/resolver.h"
#include "model/suppressions.h"
#include "model/template.h"

namespace vpclint {

// A rule includes analysis/facts.h and the header of each fact it reads.
struct Facts;
struct LinkIssue;  // config/project.h

struct RuleMeta {
  std::string_view id;       // area letter + three digits, stable forever
  std::string_view name;     // what is wrong, kebab-case: "undefined-reference"
  std::string_view area;     // template, network, iam, vpc-config, reachability
  Severity severity;         // default
  std::string_view summary;  // one line for --list-rules
  std::string_view fix;      // the fix hint printed with every finding
};

// What became of each suppression once the findings were matched against them.
enum class SuppressionUse : uint8_t {
  Unused,     // matched no finding: stale (S001)
  Used,       // silenced at least one finding
  NotJudged,  // names no rule, a rule that cannot be suppressed, or a rule the config turned off
};

// Everything a rule may read about one template, computed once before any rule runs.
struct LintContext {
  const Document& document;
  const Template& model;
  const Resolver& resolver;
  const ReferenceGraph& references;
  const Facts& facts;
  const TemplateSuppressions& suppressions;  // empty with --no-inline-suppressions
  // Per suppression entry; set only for rules that run after suppressions are applied.
  const std::vector<SuppressionUse>* suppression_use = nullptr;
  // What is wrong with this template's links to the project's other templates; null when alone.
  const std::vector<LinkIssue>* links = nullptr;
};

class FindingSink {
 public:
  FindingSink(const RuleMeta& meta, const Template& model, std::vector<Finding>& out)
      : meta_(meta), model_(model), out_(out) {}
  // Reports at a node (its position and property path); returns the finding to add notes to.
  Finding& report(const Node* at, std::string message, std::string_view resource = {});
  Finding& report(Position at, std::string message, std::string_view resource = {});

 private:
  const RuleMeta& meta_;
  const Template& model_;
  std::vector<Finding>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const LintContext& ctx, FindingSink& sink) const = 0;
  // Rules about suppressions themselves run once the other findings have been matched.
  virtual bool runs_after_suppressions() const { return false; }
};

// Rules whose findings no template suppression can silence (they judge the suppressions).
bool unsuppressible(std::string_view rule_id);

// All registered rules, sorted by id.
const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view id);
// Their ids, for the config parser (which sits below the rules and cannot ask the registry).
const std::vector<std::string_view>& rule_ids();

namespace detail {
struct RuleRegistrar {
  explicit RuleRegistrar(std::function<std::unique_ptr<Rule>()> make);
};
}  // namespace detail

}  // namespace vpclint

// One line at the end of each rule file: the rule joins the registry before main() runs.
#define VPCLINT_REGISTER_RULE(Class) \
  static const ::vpclint::detail::RuleRegistrar vpclint_registrar_##Class([] { return std::make_unique<Class>(); })
