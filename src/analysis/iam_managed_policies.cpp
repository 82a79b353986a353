// Lookups in the generated table of AWS managed policies and the lazy decoding of their documents.
// The table itself (generated/aws_managed_policies.cpp) is data only; what vpclint makes of it
// (which policies are the Lambda service's own) is decided in scripts/gen_managed_policies.py.
#include "analysis/iam_managed_policies.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace vpclint::iam {

namespace {

// Splits `text` at `sep`, calling f on each piece (one empty piece for empty text).
template <class F>
void split(std::string_view text, char sep, F&& f) {
  for (;;) {
    size_t at = text.find(sep);
    f(text.substr(0, at));
    if (at == std::string_view::npos) return;
    text.remove_prefix(at + 1);
  }
}

ManagedPolicy row(const ManagedPolicyTable& t, uint32_t i) {
  const ManagedPolicyRow& r = t.rows[i];
  ManagedPolicy p;
  p.path = t.paths.substr(r.path, r.path_size);
  p.version = r.version;
  p.document = t.documents.substr(r.document, r.document_size);
  p.index = i;
  p.service_side = (r.flags & kManagedServiceSide) != 0;
  return p;
}

std::string_view path_of(const ManagedPolicyTable& t, uint32_t i) {
  return t.paths.substr(t.rows[i].path, t.rows[i].path_size);
}

std::string_view name_of(const ManagedPolicyTable& t, uint32_t i) {
  std::string_view path = path_of(t, i);
  return path.substr(path.rfind('/') + 1);
}

using Statements = std::vector<PolicyStatement>;

// One slot per policy, made on the first lookup (not at start-up). A decoded document is
// published once and never freed: the slots keep it reachable for the life of the process.
std::atomic<const Statements*>& slot(uint32_t index) {
  static std::atomic<const Statements*>* const slots =
      new std::atomic<const Statements*>[managed_policy_table().rows.size()]();
  return slots[index];
}

}  // namespace

std::vector<PolicyStatement> decode_managed_document(std::string_view document) {
  std::vector<PolicyStatement> out;
  if (!document.empty() && document.back() == ';') document.remove_suffix(1);
  if (document.empty()) return out;
  split(document, ';', [&](std::string_view st) {
    // header|actions|resources
    size_t bar1 = st.find('|'), bar2 = st.find('|', bar1 + 1);
    std::string_view header = st.substr(0, bar1), actions = st.substr(bar1 + 1, bar2 - bar1 - 1),
                     resources = st.substr(bar2 + 1);
    PolicyStatement s;
    s.effect = header.starts_with('D') ? Effect::Deny : Effect::Allow;
    s.has_condition = header.find('?') != std::string_view::npos;
    s.service_side = header.find('^') != std::string_view::npos;
    s.not_resource = header.find('~') != std::string_view::npos;
    std::vector<std::string> list;
    // "svc:A,B other:C" -> svc:A svc:B other:C
    split(actions, ' ', [&](std::string_view group) {
      size_t colon = group.find(':');
      if (colon == std::string_view::npos) {
        list.emplace_back(group);
        return;
      }
      std::string_view service = group.substr(0, colon + 1);
      split(group.substr(colon + 1), ',', [&](std::string_view name) {
        std::string action(service);
        action += name;
        list.push_back(std::move(action));
      });
    });
    (header.find('!') != std::string_view::npos ? s.not_actions : s.actions) = std::move(list);
    // A NotResource statement keeps no resources, as an inline one does.
    if (!s.not_resource)
      split(resources, ' ', [&](std::string_view r) {
        Value v;
        v.kind = ValueKind::Literal;
        v.text = std::string(r);
        s.resources.push_back(std::move(v));
      });
    out.push_back(std::move(s));
  });
  return out;
}

const std::vector<PolicyStatement>& ManagedPolicy::statements() const {
  std::atomic<const Statements*>& s = slot(index);
  if (const Statements* done = s.load(std::memory_order_acquire)) return *done;
  auto fresh = std::make_unique<Statements>(decode_managed_document(document));
  if (service_side)
    for (PolicyStatement& st : *fresh) st.service_side = true;
  const Statements* expected = nullptr;
  if (s.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel, std::memory_order_acquire))
    return *fresh.release();
  return *expected;  // another thread decoded it first
}

std::optional<ManagedPolicy> find_managed_policy(std::string_view path) {
  ManagedPolicyTable t = managed_policy_table();
  uint32_t lo = 0, hi = static_cast<uint32_t>(t.rows.size());
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (path_of(t, mid) < path)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < t.rows.size() && path_of(t, lo) == path) return row(t, lo);
  return std::nullopt;
}

std::optional<ManagedPolicy> find_managed_policy_by_name(std::string_view name) {
  ManagedPolicyTable t = managed_policy_table();
  auto it = std::lower_bound(t.by_name.begin(), t.by_name.end(), name,
                             [&](uint16_t i, std::string_view n) { return name_of(t, i) < n; });
  if (it != t.by_name.end() && name_of(t, *it) == name) return row(t, *it);
  return std::nullopt;
}

size_t managed_policy_count() { return managed_policy_table().rows.size(); }

std::string_view aws_managed_policy_path(std::string_view arn) {
  // arn:<partition>:iam::aws:policy/<path>; the partition may be ${AWS::Partition}.
  constexpr std::string_view kArn = "arn:";
  constexpr std::string_view kRest = ":iam::aws:policy/";
  if (!arn.starts_with(kArn)) return {};
  size_t rest = arn.find(kRest, kArn.size());
  if (rest == std::string_view::npos) return {};
  // The partition: a name, or placeholders for it (${AWS::Partition}; ${?} from a !Join part).
  std::string_view partition = arn.substr(kArn.size(), rest - kArn.size());
  if (partition.empty()) return {};
  for (size_t i = 0; i < partition.size(); ++i) {
    if (partition.compare(i, 2, "${") == 0) {
      size_t close = partition.find('}', i);
      if (close == std::string_view::npos) return {};
      i = close;
    } else if (partition[i] == ':') {
      return {};
    }
  }
  return arn.substr(rest + kRest.size());
}

}  // namespace vpclint::iam
