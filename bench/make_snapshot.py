#!/usr/bin/env python3
"""Writes an account snapshot (docs/snapshot.md) shaped as the AWS CLI prints it, for the
snapshot load benchmark: bench/make_snapshot.py OUTDIR [--subnets N] [--route-tables N]
[--security-groups N]. Defaults: 5,000 subnets, 2,000 route tables, 3,000 security groups in 50
VPCs, with the keys, tags and nesting of real output (indent 4, as `--output json` prints), so the
reader parses the bytes it will meet. Deterministic: the same arguments write the same bytes."""
import argparse
import json
import os
import random

ACCOUNT = "123456789012"
REGION = "eu-west-1"
AZS = [REGION + z for z in "abc"]


def hexid(prefix, n, width=17):
    return f"{prefix}-{n:0{width}x}"


def tags(name, rng):
    out = [{"Key": "Name", "Value": name}]
    for k in ("team", "cost-center", "environment")[: rng.randint(1, 3)]:
        out.append({"Key": k, "Value": f"{k}-{rng.randint(1, 40)}"})
    return out


def vpcs(n):
    out = []
    for v in range(n):
        cidr = f"10.{v}.0.0/16"
        out.append({
            "CidrBlock": cidr,
            "DhcpOptionsId": hexid("dopt", v),
            "State": "available",
            "VpcId": hexid("vpc", v),
            "OwnerId": ACCOUNT,
            "InstanceTenancy": "default",
            "CidrBlockAssociationSet": [
                {"AssociationId": hexid("vpc-cidr-assoc", v), "CidrBlock": cidr,
                 "CidrBlockState": {"State": "associated"}},
                {"AssociationId": hexid("vpc-cidr-assoc", v + 1000), "CidrBlock": f"100.{64 + v % 64}.0.0/16",
                 "CidrBlockState": {"State": "associated"}},
            ],
            "IsDefault": False,
            "Tags": [{"Key": "Name", "Value": f"vpc-{v}"}],
        })
    return out


def subnets(n, nvpc, rng):
    out = []
    for s in range(n):
        v = s % nvpc
        az = AZS[s % 3]
        out.append({
            "AvailabilityZone": az,
            "AvailabilityZoneId": "euw1-az" + str(s % 3 + 1),
            "AvailableIpAddressCount": rng.randint(0, 251),
            "CidrBlock": f"10.{v}.{(s // nvpc) % 256}.0/24",
            "DefaultForAz": False,
            "MapPublicIpOnLaunch": s % 4 == 0,
            "MapCustomerOwnedIpOnLaunch": False,
            "State": "available",
            "SubnetId": hexid("subnet", s),
            "VpcId": hexid("vpc", v),
            "OwnerId": ACCOUNT,
            "AssignIpv6AddressOnCreation": False,
            "Ipv6CidrBlockAssociationSet": [],
            "Tags": tags(f"subnet-{s}-{az}", rng),
            "SubnetArn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:subnet/{hexid('subnet', s)}",
            "EnableDns64": False,
            "Ipv6Native": False,
            "PrivateDnsNameOptionsOnLaunch": {
                "HostnameType": "ip-name",
                "EnableResourceNameDnsARecord": False,
                "EnableResourceNameDnsAAAARecord": False,
            },
        })
    return out


def route(dest, key, target, state="active"):
    return {"DestinationCidrBlock": dest, key: target, "Origin": "CreateRoute", "State": state}


def route_tables(n, nvpc, nsubnet, nnat, rng):
    out = []
    for t in range(n):
        v = t % nvpc
        main = t < nvpc
        assoc = []
        if main:
            assoc.append({"Main": True, "RouteTableAssociationId": hexid("rtbassoc", t),
                          "RouteTableId": hexid("rtb", t), "AssociationState": {"State": "associated"}})
        else:
            # The j-th other table of a VPC is explicitly associated with its VPC's subnets 2j and
            # 2j + 1 (subnet s is in VPC s % nvpc); the subnets left over use the main table.
            j = (t - nvpc) // nvpc
            for k in range(2):
                s = v + nvpc * (2 * j + k)
                if s < nsubnet:
                    assoc.append({"Main": False, "RouteTableAssociationId": hexid("rtbassoc", t * 4 + k),
                                  "RouteTableId": hexid("rtb", t), "SubnetId": hexid("subnet", s),
                                  "AssociationState": {"State": "associated"}})
        routes = [{"DestinationCidrBlock": f"10.{v}.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable",
                   "State": "active"}]
        kind = t % 4
        if kind == 0:
            routes.append(route("0.0.0.0/0", "GatewayId", hexid("igw", v)))
        elif kind in (1, 2):
            routes.append(route("0.0.0.0/0", "NatGatewayId", hexid("nat", t % nnat),
                                "blackhole" if t % 97 == 0 else "active"))
        for p in range(rng.randint(0, 3)):
            routes.append({"DestinationPrefixListId": hexid("pl", p, 8), "GatewayId": hexid("vpce", v * 10 + p),
                           "Origin": "CreateRoute", "State": "active"})
        if t % 5 == 0:
            routes.append(route("172.16.0.0/12", "TransitGatewayId", hexid("tgw", 1)))
        out.append({
            "Associations": assoc,
            "PropagatingVgws": [],
            "RouteTableId": hexid("rtb", t),
            "Routes": routes,
            "Tags": tags(f"rtb-{t}", rng),
            "VpcId": hexid("vpc", v),
            "OwnerId": ACCOUNT,
        })
    return out


def permission(rng, groups):
    kind = rng.randint(0, 3)
    p = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [], "Ipv6Ranges": [],
         "PrefixListIds": [], "UserIdGroupPairs": []}
    if kind == 0:
        p["IpRanges"] = [{"CidrIp": f"10.{rng.randint(0, 49)}.0.0/16", "Description": "from the VPC"}]
    elif kind == 1:
        p["UserIdGroupPairs"] = [{"GroupId": hexid("sg", rng.randrange(groups)), "UserId": ACCOUNT}]
    elif kind == 2:
        p.update({"FromPort": 5432, "ToPort": 5432})
        p["UserIdGroupPairs"] = [{"Description": "app", "GroupId": hexid("sg", rng.randrange(groups)),
                                  "UserId": ACCOUNT}]
    else:
        p["PrefixListIds"] = [{"PrefixListId": hexid("pl", 0, 8)}]
        p["Ipv6Ranges"] = [{"CidrIpv6": "::/0"}]
    return p


def security_groups(n, nvpc, rng):
    out = []
    for g in range(n):
        egress = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [],
                   "PrefixListIds": [], "UserIdGroupPairs": []}]
        if g % 3 == 0:
            egress = [permission(rng, n)]
        out.append({
            "Description": f"security group {g}",
            "GroupName": f"sg-name-{g}",
            "IpPermissions": [permission(rng, n) for _ in range(rng.randint(0, 3))],
            "OwnerId": ACCOUNT,
            "GroupId": hexid("sg", g),
            "IpPermissionsEgress": egress,
            "Tags": tags(f"sg-{g}", rng),
            "VpcId": hexid("vpc", g % nvpc),
        })
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--vpcs", type=int, default=50)
    ap.add_argument("--subnets", type=int, default=5000)
    ap.add_argument("--route-tables", type=int, default=2000)
    ap.add_argument("--security-groups", type=int, default=3000)
    a = ap.parse_args()
    rng = random.Random(14)
    nvpc, nnat = a.vpcs, max(1, a.vpcs * 3)
    os.makedirs(a.outdir, exist_ok=True)

    def write(name, obj):
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write(json.dumps(obj, indent=4, ensure_ascii=False) + "\n")

    write("ec2-describe-vpcs.json", {"Vpcs": vpcs(nvpc)})
    write("ec2-describe-subnets.json", {"Subnets": subnets(a.subnets, nvpc, rng)})
    write("ec2-describe-route-tables.json", {"RouteTables": route_tables(a.route_tables, nvpc, a.subnets, nnat, rng)})
    write("ec2-describe-nat-gateways.json", {"NatGateways": [{
        "CreateTime": "2025-01-01T00:00:00+00:00",
        "NatGatewayAddresses": [{"AllocationId": hexid("eipalloc", n), "NetworkInterfaceId": hexid("eni", n),
                                 "PrivateIp": f"10.{n % nvpc}.0.{n % 250 + 4}", "PublicIp": f"52.0.{n // 250}.{n % 250}",
                                 "AssociationId": hexid("eipassoc", n), "IsPrimary": True, "Status": "succeeded"}],
        "NatGatewayId": hexid("nat", n), "State": "available", "SubnetId": hexid("subnet", n % a.subnets),
        "VpcId": hexid("vpc", n % nvpc), "Tags": [], "ConnectivityType": "public"} for n in range(nnat)]})
    write("ec2-describe-internet-gateways.json", {"InternetGateways": [{
        "Attachments": [{"State": "available", "VpcId": hexid("vpc", v)}], "InternetGatewayId": hexid("igw", v),
        "OwnerId": ACCOUNT, "Tags": []} for v in range(nvpc)]})
    write("ec2-describe-egress-only-internet-gateways.json", {"EgressOnlyInternetGateways": [{
        "Attachments": [{"State": "attached", "VpcId": hexid("vpc", v)}],
        "EgressOnlyInternetGatewayId": hexid("eigw", v), "Tags": []} for v in range(0, nvpc, 5)]})
    write("ec2-describe-vpc-endpoints.json", {"VpcEndpoints": [{
        "VpcEndpointId": hexid("vpce", v * 10 + p), "VpcEndpointType": "Gateway" if p < 2 else "Interface",
        "VpcId": hexid("vpc", v), "ServiceName": f"com.amazonaws.{REGION}." + ("s3", "dynamodb", "lambda", "sqs")[p],
        "State": "available", "PolicyDocument": "{\"Version\":\"2008-10-17\",\"Statement\":[]}",
        "RouteTableIds": [hexid("rtb", v)] if p < 2 else [],
        "SubnetIds": [] if p < 2 else [hexid("subnet", v), hexid("subnet", v + nvpc)],
        "Groups": [] if p < 2 else [{"GroupId": hexid("sg", v), "GroupName": f"sg-name-{v}"}],
        "PrivateDnsEnabled": p >= 2, "RequesterManaged": False, "NetworkInterfaceIds": [], "DnsEntries": [],
        "CreationTimestamp": "2025-01-01T00:00:00+00:00", "Tags": [], "OwnerId": ACCOUNT}
        for v in range(nvpc) for p in range(4)]})
    write("ec2-describe-security-groups.json", {"SecurityGroups": security_groups(a.security_groups, nvpc, rng)})
    write("ec2-describe-managed-prefix-lists.json", {"PrefixLists": [{
        "PrefixListId": hexid("pl", p, 8), "AddressFamily": "IPv4", "State": "create-complete",
        "PrefixListArn": f"arn:aws:ec2:{REGION}:aws:prefix-list/{hexid('pl', p, 8)}",
        "PrefixListName": f"com.amazonaws.{REGION}." + ("s3", "dynamodb", "vpc-lattice")[p], "Tags": [],
        "OwnerId": "AWS"} for p in range(3)]})
    for v in range(nvpc):
        for attr in ("enableDnsSupport", "enableDnsHostnames"):
            key = attr[0].upper() + attr[1:]
            write(f"ec2-describe-vpc-attribute-{hexid('vpc', v)}-{attr}.json",
                  {"VpcId": hexid("vpc", v), key: {"Value": v % 7 != 0}})
    stacks = [f"network-{v}" for v in range(nvpc)]
    write("cloudformation-list-exports.json", {"Exports": [{
        "ExportingStackId": f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{s}/{i:08x}-0000-0000-0000-000000000000",
        "Name": f"{s}-PrivateSubnets", "Value": f"{hexid('subnet', i)},{hexid('subnet', i + nvpc)}"}
        for i, s in enumerate(stacks)]})
    write("cloudformation-describe-stacks.json", {"Stacks": [{
        "StackId": f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{s}/{i:08x}-0000-0000-0000-000000000000",
        "StackName": s, "Description": "network", "CreationTime": "2025-01-01T00:00:00.000000+00:00",
        "StackStatus": "UPDATE_COMPLETE", "DisableRollback": False, "NotificationARNs": [],
        "Capabilities": [], "Tags": [], "EnableTerminationProtection": False,
        "DriftInformation": {"StackDriftStatus": "NOT_CHECKED"},
        "Parameters": [{"ParameterKey": "VpcCidr", "ParameterValue": f"10.{i}.0.0/16"},
                       {"ParameterKey": "Ami", "ParameterValue": "/aws/service/ami", "ResolvedValue": "ami-0abc"}],
        "Outputs": [{"OutputKey": "PrivateSubnets", "OutputValue": f"{hexid('subnet', i)},{hexid('subnet', i + nvpc)}",
                     "Description": "subnets", "ExportName": f"{s}-PrivateSubnets"}]}
        for i, s in enumerate(stacks)]})
    write("ssm-get-parameters-by-path.json", {"Parameters": [{
        "Name": f"/net/{s}/sg", "Type": "String", "Value": hexid("sg", i), "Version": 1,
        "LastModifiedDate": "2025-01-01T00:00:00.000000+00:00",
        "ARN": f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/net/{s}/sg", "DataType": "text"}
        for i, s in enumerate(stacks)]})
    write("manifest.json", {"account": ACCOUNT, "region": REGION, "taken": "2026-01-01T00:00:00Z",
                            "cli_version": "2.15.0"})


if __name__ == "__main__":
    main()
