#include "analysis/reachability_resources.h"

#include "model/ascii.h"
#include "model/scalar_values.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace vpclint::reach {

KeyList key_list(const Resolver& r, const Node* n) {
  KeyList out;
  if (!n) return out;
  auto alternatives = r.list(n);
  if (alternatives.empty()) return out;  // AWS::NoValue: as if absent
  out.present = true;
  if (alternatives.size() != 1 || alternatives[0].unknown) {
    out.unknown = true;
    return out;
  }
  for (const auto& item : alternatives[0].items) {
    NetKey key = item.size() == 1 ? NetKey::of(item[0]) : NetKey();
    if (key.empty())
      out.unknown = true;
    else
      out.keys.push_back(std::move(key));
  }
  return out;
}

namespace {

// A port number, or 0 when the template does not fix a valid one.
int port_of(const Resolver& r, const Node* n) {
  int v = integer_of(r, n).value_or(0);
  return v > 0 && v <= 65535 ? v : 0;
}

struct Engine {
  std::string_view name;  // lower case, as CloudFormation takes it
  std::string_view label;
  int port;
  bool prefix;  // "oracle-ee", "sqlserver-se", ... share a port
};
constexpr std::array kEngines{
    Engine{"redis", "Redis", 6379, false},
    Engine{"valkey", "Valkey", 6379, false},
    Engine{"memcached", "Memcached", 11211, false},
    Engine{"mysql", "MySQL", 3306, false},
    Engine{"mariadb", "MariaDB", 3306, false},
    Engine{"aurora", "Aurora MySQL", 3306, false},
    Engine{"aurora-mysql", "Aurora MySQL", 3306, false},
    Engine{"postgres", "PostgreSQL", 5432, false},
    Engine{"postgresql", "PostgreSQL", 5432, false},  // DBProxy EngineFamily
    Engine{"aurora-postgresql", "Aurora PostgreSQL", 5432, false},
    Engine{"oracle", "Oracle", 1521, true},
    Engine{"custom-oracle", "Oracle", 1521, true},
    Engine{"sqlserver", "SQL Server", 1433, true},
    Engine{"custom-sqlserver", "SQL Server", 1433, true},
    Engine{"db2", "Db2", 50000, true},
    Engine{"docdb", "DocumentDB", 27017, false},
    Engine{"neptune", "Neptune", 8182, false},
};

const Engine* find_engine(std::string_view name) {
  std::string l = ascii_lower(name);
  for (const auto& e : kEngines)
    if (l == e.name || (e.prefix && l.starts_with(e.name))) return &e;
  return nullptr;
}

bool is_subnet_group(ResourceKind k) {
  return k == ResourceKind::ElastiCacheSubnetGroup || k == ResourceKind::MemoryDbSubnetGroup ||
         k == ResourceKind::RdsSubnetGroup || k == ResourceKind::DocDbSubnetGroup ||
         k == ResourceKind::NeptuneSubnetGroup || k == ResourceKind::RedshiftSubnetGroup ||
         k == ResourceKind::DaxSubnetGroup;
}

// Where each kind keeps its network placement.
struct Shape {
  ResourceKind kind;
  const char* container;     // nested mapping holding subnets and groups, or null
  const char* subnets;       // subnet list, or null
  const char* subnet_group;  // subnet group name, or null
  const char* groups;        // security group list
};
constexpr std::array kShapes{
    Shape{ResourceKind::ElastiCacheCluster, nullptr, nullptr, "CacheSubnetGroupName", "VpcSecurityGroupIds"},
    Shape{ResourceKind::ElastiCacheReplicationGroup, nullptr, nullptr, "CacheSubnetGroupName", "SecurityGroupIds"},
    Shape{ResourceKind::ElastiCacheServerlessCache, nullptr, "SubnetIds", nullptr, "SecurityGroupIds"},
    Shape{ResourceKind::MemoryDbCluster, nullptr, nullptr, "SubnetGroupName", "SecurityGroupIds"},
    Shape{ResourceKind::RdsInstance, nullptr, nullptr, "DBSubnetGroupName", "VPCSecurityGroups"},
    Shape{ResourceKind::RdsCluster, nullptr, nullptr, "DBSubnetGroupName", "VpcSecurityGroupIds"},
    Shape{ResourceKind::RdsDbProxy, nullptr, "VpcSubnetIds", nullptr, "VpcSecurityGroupIds"},
    Shape{ResourceKind::DocDbCluster, nullptr, nullptr, "DBSubnetGroupName", "VpcSecurityGroupIds"},
    Shape{ResourceKind::NeptuneCluster, nullptr, nullptr, "DBSubnetGroupName", "VpcSecurityGroupIds"},
    Shape{ResourceKind::RedshiftCluster, nullptr, nullptr, "ClusterSubnetGroupName", "VpcSecurityGroupIds"},
    Shape{ResourceKind::OpenSearchDomain, "VPCOptions", "SubnetIds", nullptr, "SecurityGroupIds"},
    Shape{ResourceKind::ElasticsearchDomain, "VPCOptions", "SubnetIds", nullptr, "SecurityGroupIds"},
    Shape{ResourceKind::MskCluster, "BrokerNodeGroupInfo", "ClientSubnets", nullptr, "SecurityGroups"},
    Shape{ResourceKind::MqBroker, nullptr, "SubnetIds", nullptr, "SecurityGroups"},
    Shape{ResourceKind::RedshiftServerlessWorkgroup, nullptr, "SubnetIds", nullptr, "SecurityGroupIds"},
    Shape{ResourceKind::DaxCluster, nullptr, nullptr, "SubnetGroupName", "SecurityGroupIds"},
    Shape{ResourceKind::DocDbElasticCluster, nullptr, "SubnetIds", nullptr, "VpcSecurityGroupIds"},
};

const Shape* shape_of(ResourceKind k) {
  for (const auto& s : kShapes)
    if (s.kind == k) return &s;
  return nullptr;
}

class Reader {
 public:
  Reader(const Template& t, const Resolver& r, const NetworkModel& net) : t_(t), r_(r), net_(net) {
    // Subnet groups by literal name (a cache may name its group instead of !Ref-ing it), the
    // instances of each RDS cluster (Aurora's PubliclyAccessible is set per instance), and the
    // VPCs an internet gateway is attached to.
    for (const Resource& res : t.resources()) {
      if (is_subnet_group(res.kind)) {
        for (const char* name : {"CacheSubnetGroupName", "SubnetGroupName", "DBSubnetGroupName"})
          if (std::string n = literal_text(r_, res.property(name)); !n.empty())
            groups_by_name_.emplace(ascii_lower(n), &res);
      } else if (res.kind == ResourceKind::RdsInstance) {
        if (const Resource* c = cluster_of(res)) cluster_instances_[c->logical_id].push_back(&res);
      }
    }
  }

  // False when the resource is not VPC-only.
  bool read(const Resource& res, VpcResource& v) const {
    v.resource = &res;
    const Resource* cluster = res.kind == ResourceKind::RdsInstance ? cluster_of(res) : nullptr;
    place(res, *shape_of(res.kind), v);
    if (cluster) {  // an Aurora instance: the cluster's groups and port; its own subnet group if any
      VpcResource c;
      place(*cluster, *shape_of(ResourceKind::RdsCluster), c);
      v.groups = c.groups;
      v.groups_unknown = c.groups_unknown;
      v.groups_node = c.groups_node;
      if (!res.property("DBSubnetGroupName")) {
        v.subnets = c.subnets;
        v.subnets_unknown = c.subnets_unknown;
        v.subnet_group = c.subnet_group;
        v.placement = c.placement;
      }
    }
    v.where = ::vpclint::place(net_, v.subnets, v.subnets_unknown, v.groups, v.groups_unknown);
    v.vpc = v.where.vpc;

    bool unknown_port = false;  // a parameter: any port
    if (const Node* p = res.property("Port"); p && res.kind != ResourceKind::MskCluster) {
      if (int port = port_of(r_, p)) v.ports.push_back(port);
      v.port_node = p;
      unknown_port = v.ports.empty();
    } else if (cluster) {
      if (int port = port_of(r_, cluster->property("Port"))) v.ports.push_back(port);
    }

    bool vpc_only = true;
    switch (res.kind) {
      case ResourceKind::ElastiCacheCluster:
      case ResourceKind::ElastiCacheReplicationGroup:
      case ResourceKind::ElastiCacheServerlessCache: {
        std::string engine = literal_text(r_, res.property("Engine"));
        if (!res.property("Engine") && res.kind == ResourceKind::ElastiCacheReplicationGroup) engine = "redis";
        set_engine(v, engine, "ElastiCache");
        break;
      }
      case ResourceKind::MemoryDbCluster: {
        std::string engine = literal_text(r_, res.property("Engine"));
        set_engine(v, engine.empty() ? "redis" : engine, "MemoryDB");
        break;
      }
      case ResourceKind::RdsInstance:
      case ResourceKind::RdsCluster: vpc_only = read_rds(res, cluster, v); break;
      case ResourceKind::RdsDbProxy: set_engine(v, literal_text(r_, res.property("EngineFamily")), "RDS Proxy"); break;
      case ResourceKind::DocDbCluster: set_engine(v, "docdb", "DocumentDB"); break;
      case ResourceKind::NeptuneCluster: set_engine(v, "neptune", "Neptune"); break;
      case ResourceKind::RedshiftCluster:
      case ResourceKind::RedshiftServerlessWorkgroup: {
        v.engine = res.kind == ResourceKind::RedshiftCluster ? "Redshift" : "Redshift Serverless";
        if (v.ports.empty() && !unknown_port) v.ports.push_back(5439);
        Flag pub = flag_of(r_, res.property("PubliclyAccessible"));  // false by default
        vpc_only = pub != Flag::True;
        if (pub == Flag::Unknown) v.exposure = default_exposure(v);
        break;
      }
      case ResourceKind::DaxCluster: {
        // DAX listens on 8111, or on 9111 with ClusterEndpointEncryptionType TLS.
        v.engine = "DAX";
        std::string tls = literal_text(r_, res.property("ClusterEndpointEncryptionType"));
        if (tls == "TLS")
          v.ports = {9111};
        else if (tls.empty() && res.property("ClusterEndpointEncryptionType"))
          v.ports = {8111, 9111};
        else
          v.ports = {8111};
        break;
      }
      case ResourceKind::DocDbElasticCluster: set_engine(v, "docdb", "DocumentDB elastic"); break;
      case ResourceKind::OpenSearchDomain:
      case ResourceKind::ElasticsearchDomain:
        v.engine = res.kind == ResourceKind::OpenSearchDomain ? "OpenSearch" : "Elasticsearch";
        vpc_only = res.property("VPCOptions") != nullptr;  // else a public domain
        v.ports = {443};
        break;
      case ResourceKind::MskCluster: vpc_only = read_msk(res, v, unknown_port); break;
      case ResourceKind::MqBroker: {
        std::string engine = ascii_lower(literal_text(r_, res.property("EngineType")));
        v.engine = engine == "rabbitmq" ? "RabbitMQ" : engine == "activemq" ? "ActiveMQ" : "Amazon MQ";
        if (engine == "rabbitmq")
          v.ports = {5671};
        else if (engine == "activemq")
          v.ports = {61617, 5671, 61614, 8883, 61619};  // OpenWire, AMQP, STOMP, MQTT, WSS
        Flag pub = flag_of(r_, res.property("PubliclyAccessible"));
        vpc_only = pub != Flag::True;
        if (pub != Flag::False) v.exposure = default_exposure(v);
        break;
      }
      default: return false;
    }
    if (unknown_port) v.ports.clear();
    return vpc_only;
  }

 private:
  const Resource* cluster_of(const Resource& instance) const {
    NetKey key = net_.key_of(instance.property("DBClusterIdentifier"));  // the view below points into it
    std::string_view id = key.resource_id();
    const Resource* c = id.empty() ? nullptr : t_.resource(id);
    return c && c->kind == ResourceKind::RdsCluster ? c : nullptr;
  }

  const Resource* subnet_group(const Node* name) const {
    if (!name) return nullptr;
    NetKey key = net_.key_of(name);
    if (std::string_view id = key.resource_id(); !id.empty()) {
      const Resource* g = t_.resource(id);
      return g && is_subnet_group(g->kind) ? g : nullptr;
    }
    if (std::string_view literal = key.literal_id(); !literal.empty()) {
      auto it = groups_by_name_.find(ascii_lower(literal));
      return it == groups_by_name_.end() ? nullptr : it->second;
    }
    return nullptr;
  }

  // A subnet in the template whose route table sends nothing to an internet gateway.
  bool private_subnet(const NetKey& key) const {
    const NetSubnet* s = net_.subnet(key);
    if (!s) return false;
    switch (s->routes.source) {
      case TableSource::Main: return true;  // a template VPC's main table: the local route only
      case TableSource::Outside: return false;
      case TableSource::Explicit: return !s->routes.internet_route;
    }
    return false;
  }

  // Without PubliclyAccessible, RDS (and a broker or cluster whose flag is a parameter) is public
  // when its VPC has an internet gateway; reachable from outside only through public subnets.
  Exposure default_exposure(const VpcResource& v) const {
    if (v.subnets_unknown || v.subnets.empty()) return Exposure::MaybePublic;
    if (net_.vpc(v.vpc) && !net_.vpc_has_igw(v.vpc)) return Exposure::Private;
    for (const auto& s : v.subnets)
      if (!private_subnet(s)) return Exposure::MaybePublic;
    return Exposure::Private;
  }

  void place(const Resource& res, const Shape& shape, VpcResource& v) const {
    const Node* props = shape.container ? res.property(shape.container) : res.properties;
    if (props && !props->is_map()) props = nullptr;
    if (shape.subnets) {
      const Node* n = props ? props->get(shape.subnets) : nullptr;
      KeyList k = key_list(r_, n);
      v.subnets = std::move(k.keys);
      v.subnets_unknown = k.unknown || !k.present;
      v.placement = n;
    }
    if (shape.subnet_group) {
      const Node* n = props ? props->get(shape.subnet_group) : nullptr;
      v.placement = n;
      v.subnet_group = subnet_group(n);
      if (v.subnet_group) {
        KeyList k = key_list(r_, v.subnet_group->property("SubnetIds"));
        v.subnets = std::move(k.keys);
        v.subnets_unknown = k.unknown || !k.present;
      } else {
        v.subnets_unknown = true;  // a group outside the template, or the default VPC's
      }
    }
    const Node* g = props ? props->get(shape.groups) : nullptr;
    KeyList k = key_list(r_, g);
    v.groups = std::move(k.keys);
    v.groups_unknown = k.unknown;
    v.groups_node = g;
    // Groups named the EC2-Classic way (DBSecurityGroups, CacheSecurityGroupNames, ...): unknown.
    for (const char* classic : {"DBSecurityGroups", "CacheSecurityGroupNames", "ClusterSecurityGroups"})
      if (!g && res.property(classic)) v.groups_unknown = true;
    if (shape.container && props) v.placement = res.property(shape.container);
  }

  static void set_engine(VpcResource& v, std::string_view engine, std::string_view fallback_label) {
    const Engine* e = find_engine(engine);
    v.engine = e ? std::string(e->label) : std::string(fallback_label);
    if (e && v.ports.empty()) v.ports.push_back(e->port);
  }

  bool read_rds(const Resource& res, const Resource* cluster, VpcResource& v) const {
    std::string engine = literal_text(r_, res.property("Engine"));
    if (engine.empty() && cluster) engine = literal_text(r_, cluster->property("Engine"));
    set_engine(v, engine, "RDS");
    Flag pub = flag_of(r_, res.property("PubliclyAccessible"));
    if (res.kind == ResourceKind::RdsCluster) {
      // The Data API (rds-data) needs no VPC; a flag the template does not fix may be on.
      Flag data_api = flag_of(r_, res.property("EnableHttpEndpoint"));
      if (data_api != Flag::Absent && data_api != Flag::False) return false;
      if (ascii_lower(literal_text(r_, res.property("EngineMode"))) == "serverless")
        pub = Flag::False;        // v1: never public
      if (pub == Flag::Absent) {  // Aurora: per instance
        auto it = cluster_instances_.find(res.logical_id);
        if (it != cluster_instances_.end()) {
          bool all_private = true;
          for (const Resource* inst : it->second) {
            Flag f = flag_of(r_, inst->property("PubliclyAccessible"));
            if (f == Flag::True) return false;
            all_private &= f == Flag::False;
          }
          if (all_private) pub = Flag::False;
        }
      }
    }
    if (pub == Flag::True) return false;
    v.exposure = pub == Flag::False ? Exposure::Private : default_exposure(v);
    return true;
  }

  // One port per way of authenticating, the strongest first: IAM 9098, SASL/SCRAM 9096, TLS 9094,
  // plaintext 9092. A client uses one of them, so a rule admitting any of them will do.
  bool read_msk(const Resource& res, VpcResource& v, bool& unknown_port) const {
    v.engine = "Kafka";
    const Node* brokers = res.property("BrokerNodeGroupInfo");
    const Node* info = brokers && brokers->is_map() ? brokers->get("ConnectivityInfo") : nullptr;
    const Node* access = info && info->is_map() ? info->get("PublicAccess") : nullptr;
    if (const Node* type = access && access->is_map() ? access->get("Type") : nullptr) {
      std::string t = literal_text(r_, type);
      if (t == "SERVICE_PROVIDED_EIPS") return false;
      if (t.empty()) v.exposure = Exposure::MaybePublic;
    }
    const Node* auth = res.property("ClientAuthentication");
    auto enabled = [&](const char* a, const char* b) {
      const Node* n = auth && auth->is_map() ? auth->get(a) : nullptr;
      if (n && b) n = n->is_map() ? n->get(b) : nullptr;
      if (!n) return false;
      const Node* e = n->is_map() ? n->get("Enabled") : nullptr;
      return !e || flag_of(r_, e) != Flag::False;
    };
    auto add = [&](int port) {
      if (std::find(v.ports.begin(), v.ports.end(), port) == v.ports.end()) v.ports.push_back(port);
    };
    if (enabled("Sasl", "Iam")) add(9098);
    if (enabled("Sasl", "Scram")) add(9096);
    if (enabled("Tls", nullptr)) add(9094);
    if (!auth || enabled("Unauthenticated", nullptr)) {
      const Node* enc = res.property("EncryptionInfo");
      const Node* transit = enc && enc->is_map() ? enc->get("EncryptionInTransit") : nullptr;
      const Node* cb = transit && transit->is_map() ? transit->get("ClientBroker") : nullptr;
      std::string mode = cb ? literal_text(r_, cb) : std::string("TLS");  // TLS by default
      if (mode == "TLS" || mode == "TLS_PLAINTEXT") add(9094);
      if (mode == "PLAINTEXT" || mode == "TLS_PLAINTEXT") add(9092);
      if (mode.empty()) unknown_port = true;
    }
    return true;
  }

  const Template& t_;
  const Resolver& r_;
  const NetworkModel& net_;
  std::unordered_map<std::string, const Resource*> groups_by_name_;
  std::unordered_map<std::string_view, std::vector<const Resource*>> cluster_instances_;
};

}  // namespace

std::vector<VpcResource> read_vpc_resources(const Template& t, const Resolver& r, const NetworkModel& net) {
  std::vector<VpcResource> out;
  Reader reader(t, r, net);
  for (const Resource& res : t.resources()) {
    VpcResource v;
    if (res.kind == ResourceKind::EfsFileSystem || res.kind == ResourceKind::MskServerlessCluster) {
      if (res.kind == ResourceKind::EfsFileSystem)
        read_file_system(t, r, net, res, v);
      else
        read_msk_serverless(r, net, res, v);
      out.push_back(std::move(v));
      continue;
    }
    if (!shape_of(res.kind)) continue;
    if (reader.read(res, v)) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace vpclint::reach

namespace vpclint {

int engine_default_port(std::string_view engine) {
  const reach::Engine* e = reach::find_engine(engine);
  return e ? e->port : 0;
}

}  // namespace vpclint
