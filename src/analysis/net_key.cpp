#include "analysis/net_key.h"

#include "model/resolver.h"

namespace vpclint {

namespace {
// The serial form is "<kind>:<name>"; these prefixes exist only in this file.
constexpr std::string_view kDefaultGroup = ".DefaultSecurityGroup";

std::string_view prefix(NetKeyKind k) {
  switch (k) {
    case NetKeyKind::Resource: return "resource:";
    case NetKeyKind::Literal: return "literal:";
    case NetKeyKind::Parameter: return "param:";
    case NetKeyKind::Ssm: return "ssm:";
    case NetKeyKind::Import: return "import:";
    case NetKeyKind::Composite: return "composite:";
    case NetKeyKind::Foreign: return "foreign:";
    case NetKeyKind::None: break;
  }
  return {};
}
}  // namespace

NetKey NetKey::of(const Value& v) {
  switch (v.kind) {
    case ValueKind::ResourceRef:
      if (!v.attribute.empty() && !v.attribute.ends_with("Id"))
        return {NetKeyKind::Resource, "resource:" + std::string(v.name) + "." + std::string(v.attribute)};
      return resource(v.name);
    case ValueKind::Literal: return literal(v.text);
    case ValueKind::Parameter:
      if (v.origin) return {NetKeyKind::Parameter, "param:" + v.origin->label() + "#" + std::string(v.name), v.origin};
      return {NetKeyKind::Parameter, "param:" + std::string(v.name)};
    case ValueKind::DynamicRef: return {NetKeyKind::Ssm, "ssm:" + v.text};
    case ValueKind::Import: return {NetKeyKind::Import, "import:" + v.text};
    case ValueKind::Composite: return {NetKeyKind::Composite, "composite:" + v.text};
    case ValueKind::Foreign: {
      if (!v.origin) return {};
      std::string path(v.name);
      if (!v.attribute.empty() && !v.attribute.ends_with("Id")) path += "." + std::string(v.attribute);
      return foreign(*v.origin, path);
    }
    default: return {};
  }
}

NetKey NetKey::resource(std::string_view id) {
  return id.empty() ? NetKey() : NetKey(NetKeyKind::Resource, "resource:" + std::string(id));
}

// "foreign:<template label>#<logical path>": the label tells two uses of one template apart.
NetKey NetKey::foreign(const Resolver& origin, std::string_view logical_path) {
  if (logical_path.empty()) return {};
  return NetKey(NetKeyKind::Foreign, "foreign:" + origin.label() + "#" + std::string(logical_path), &origin);
}

std::string_view NetKey::parameter_name() const {
  if (kind_ != NetKeyKind::Parameter) return {};
  std::string_view n = name();
  return origin_ ? n.substr(n.rfind('#') + 1) : n;
}

std::string_view NetKey::foreign_path() const {
  if (kind_ != NetKeyKind::Foreign) return {};
  std::string_view n = name();
  size_t hash = n.rfind('#');
  return hash == std::string_view::npos ? n : n.substr(hash + 1);
}

NetKey NetKey::literal(std::string_view id) {
  return id.empty() ? NetKey() : NetKey(NetKeyKind::Literal, "literal:" + std::string(id));
}

std::string_view NetKey::name() const {
  return empty() ? std::string_view() : std::string_view(serial_).substr(prefix(kind_).size());
}

std::string_view NetKey::resource_id() const {
  std::string_view n = resource_path();
  return n.find('.') == std::string_view::npos ? n : std::string_view();
}

NetKey NetKey::default_group() const {
  if (empty()) return {};
  return NetKey(kind_, serial_ + std::string(kDefaultGroup), origin_);
}

bool NetKey::is_default_group() const { return fixed() && std::string_view(serial_).ends_with(kDefaultGroup); }

NetKey NetKey::default_group_vpc() const {
  if (!is_default_group()) return {};
  return NetKey(kind_, serial_.substr(0, serial_.size() - kDefaultGroup.size()), origin_);
}

std::string NetKey::label() const {
  switch (kind_) {
    case NetKeyKind::None: return "(unknown)";
    case NetKeyKind::Parameter:
      if (origin_) return "parameter " + std::string(parameter_name()) + " of " + origin_->display();
      return "parameter " + std::string(name());
    case NetKeyKind::Import: return "import " + std::string(name());
    case NetKeyKind::Foreign: {
      std::string_view n = name();
      size_t hash = n.rfind('#');
      return std::string(n.substr(hash + 1)) + " of " + (origin_ ? origin_->display() : std::string(n.substr(0, hash)));
    }
    default: return std::string(name());
  }
}

}  // namespace vpclint
