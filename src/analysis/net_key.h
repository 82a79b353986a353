// The identity of a network object (VPC, subnet, route table, gateway, security group) whatever
// way a template names it: a template resource, a literal id, a parameter, an SSM value, an
// import. Two equal keys are the same object; only fixed keys (a resource or a literal id) that
// differ are known to be different objects.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vpclint {

struct Value;
class Resolver;

// Foreign: a resource of another template of the project (in one use of it).
enum class NetKeyKind : uint8_t { None, Resource, Literal, Parameter, Ssm, Import, Composite, Foreign };

class NetKey {
 public:
  NetKey() = default;
  // !Ref X and !GetAtt X.GroupId / X.VpcId name X itself; other attributes (Vpc.CidrBlock) are
  // objects of their own, and Vpc.DefaultSecurityGroup is the VPC's default group.
  static NetKey of(const Value& v);
  static NetKey resource(std::string_view logical_id);
  static NetKey literal(std::string_view id);  // empty id: no key

  NetKeyKind kind() const { return kind_; }
  bool empty() const { return kind_ == NetKeyKind::None; }
  explicit operator bool() const { return !empty(); }
  // Names one object for sure: a resource of this or another template, or a literal id (or the
  // default group of one).
  bool fixed() const {
    return kind_ == NetKeyKind::Resource || kind_ == NetKeyKind::Literal || kind_ == NetKeyKind::Foreign;
  }
  // Keys that name objects the same way (two resources, two literal ids) can be told apart.
  bool comparable(const NetKey& o) const { return fixed() && kind_ == o.kind_; }

  // The logical id of a template resource named by this key (no attribute), else empty.
  std::string_view resource_id() const;
  // The logical id with its attribute ("Vpc.CidrBlock"), for resource keys; else empty.
  std::string_view resource_path() const { return kind_ == NetKeyKind::Resource ? name() : std::string_view(); }
  // The literal id ("subnet-0abc"), for literal keys; else empty.
  std::string_view literal_id() const { return kind_ == NetKeyKind::Literal ? name() : std::string_view(); }
  // A resource of another template: that template's resolver (in its use), and the logical id
  // there with its attribute.
  static NetKey foreign(const Resolver& origin, std::string_view logical_path);
  const Resolver* origin() const { return origin_; }
  std::string_view foreign_path() const;
  // What the key names, without its kind: the id, parameter or export name, the SSM reference.
  std::string_view text() const { return name(); }
  // The parameter's name, for parameter keys; else empty.
  // Only this template's: a parameter another template passes on (origin() set) has no `!Ref` here.
  std::string_view parameter() const {
    return kind_ == NetKeyKind::Parameter && !origin_ ? name() : std::string_view();
  }
  // The parameter's name, this template's or another's.
  std::string_view parameter_name() const;

  // The default security group of the VPC this key names.
  NetKey default_group() const;
  bool is_default_group() const;
  // For a default group: the VPC it belongs to.
  NetKey default_group_vpc() const;

  // Human text: "PrivateSubnetA", "subnet-0abc", "parameter SubnetA", "import shared-SubnetA",
  // "PrivateSubnetA of network.yaml".
  std::string label() const;
  // A stable text form, unique per key: for hashing and ordering.
  const std::string& serial() const { return serial_; }
  // Unique per key too, and shorter: a template resource's logical id (with its attribute) stands
  // for itself. For ids in generated output (the picture's node ids).
  std::string_view id_text() const { return kind_ == NetKeyKind::Resource ? name() : std::string_view(serial_); }

  bool operator==(const NetKey& o) const { return serial_ == o.serial_; }
  bool operator<(const NetKey& o) const { return serial_ < o.serial_; }

 private:
  NetKey(NetKeyKind kind, std::string serial, const Resolver* origin = nullptr)
      : kind_(kind), serial_(std::move(serial)), origin_(origin) {}
  std::string_view name() const;

  NetKeyKind kind_ = NetKeyKind::None;
  std::string serial_;
  const Resolver* origin_ = nullptr;  // Foreign keys and other templates' parameters; the serial names it too
};

struct NetKeyHash {
  size_t operator()(const NetKey& k) const { return std::hash<std::string>()(k.serial()); }
};

}  // namespace vpclint
