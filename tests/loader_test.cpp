#include <doctest/doctest.h>

#include "loader/dynamic_ref.h"
#include "loader/loader.h"
#include "loader/sub_parser.h"
#include "test_support.h"

using namespace vpclint;

namespace {
const Node* at(const Document& d, std::initializer_list<std::string_view> path) {
  const Node* n = d.root;
  for (auto key : path) n = n ? n->get(key) : nullptr;
  return n;
}
size_t count(const Document& d, LoadIssueKind k) {
  size_t n = 0;
  for (const auto& i : d.issues) n += i.kind == k;
  return n;
}
}  // namespace

TEST_SUITE("loader") {
  TEST_CASE("positions are 1-based lines and code-point columns, in YAML and JSON") {
    Document y = load_document("t.yaml", "a:\n  bé: x\n  é: !Ref Target\n");
    const Node* ref = at(y, {"a", "é"});
    REQUIRE(ref);
    CHECK(ref->pos == Position{3, 6});        // the tag
    CHECK(ref->arg->pos == Position{3, 11});  // the name after the tag (é is one column)
    CHECK(at(y, {"a", "bé"})->pos == Position{2, 7});

    Document j = load_document("t.json", "{\n  \"a\": {\"b\": [1, {\"Ref\": \"X\"}]}\n}");
    const Node* list = at(j, {"a", "b"});
    REQUIRE(list);
    CHECK(list->pos == Position{2, 14});
    CHECK(list->items()[1]->is_intrinsic(Fn::Ref));
    CHECK(list->items()[1]->pos == Position{2, 18});
  }

  TEST_CASE("CRLF line endings and a UTF-8 BOM do not shift positions") {
    Document d = load_document("t.yaml", "\xEF\xBB\xBFk: 1\r\nv: !Ref X\r\n");
    REQUIRE(d.root);
    CHECK(at(d, {"v"})->pos == Position{2, 4});
    CHECK(at(d, {"k"})->text() == "1");
  }

  TEST_CASE("UTF-16 with a BOM is converted and keeps positions") {
    std::string s = "\xFF\xFE";
    for (char c : std::string("a: 1\nb: x\n")) s += std::string{c, '\0'};
    Document d = load_document("t.yaml", s);
    REQUIRE(d.root);
    CHECK(at(d, {"b"})->text() == "x");
    CHECK(at(d, {"b"})->pos == Position{2, 4});
  }

  TEST_CASE("every intrinsic in short and long form becomes the same node") {
    struct Case {
      const char* short_form;
      const char* long_form;
      Fn fn;
    };
    const Case cases[] = {
        {"!Ref X", "{Ref: X}", Fn::Ref},
        {"!GetAtt A.B", "{'Fn::GetAtt': [A, B]}", Fn::GetAtt},
        {"!Sub 'a${X}'", "{'Fn::Sub': ['a${X}', {X: 1}]}", Fn::Sub},
        {"!If [C, 1, 2]", "{'Fn::If': [C, 1, 2]}", Fn::If},
        {"!Equals [1, 2]", "{'Fn::Equals': [1, 2]}", Fn::Equals},
        {"!And [!Condition A, !Condition B]", "{'Fn::And': [{Condition: A}, {Condition: B}]}", Fn::And},
        {"!Or [!Condition A, !Condition B]", "{'Fn::Or': [{Condition: A}, {Condition: B}]}", Fn::Or},
        {"!Not [!Condition A]", "{'Fn::Not': [{Condition: A}]}", Fn::Not},
        {"!Condition A", "{Condition: A}", Fn::Condition},
        {"!Join ['', [a, b]]", "{'Fn::Join': ['', [a, b]]}", Fn::Join},
        {"!Select [0, [a]]", "{'Fn::Select': [0, [a]]}", Fn::Select},
        {"!Split [',', 'a,b']", "{'Fn::Split': [',', 'a,b']}", Fn::Split},
        {"!FindInMap [M, K, L]", "{'Fn::FindInMap': [M, K, L]}", Fn::FindInMap},
        {"!ImportValue name", "{'Fn::ImportValue': name}", Fn::ImportValue},
        {"!Base64 text", "{'Fn::Base64': text}", Fn::Base64},
        {"!Cidr [10.0.0.0/16, 2, 8]", "{'Fn::Cidr': [10.0.0.0/16, 2, 8]}", Fn::Cidr},
        {"!GetAZs ''", "{'Fn::GetAZs': ''}", Fn::GetAZs},
        {"!Transform {Name: M}", "{'Fn::Transform': {Name: M}}", Fn::Transform},
    };
    for (const auto& c : cases) {
      CAPTURE(c.short_form);
      Document s = load_document("s.yaml", std::string("v: ") + c.short_form + "\n");
      Document l = load_document("l.yaml", std::string("v: ") + c.long_form + "\n");
      REQUIRE(at(s, {"v"}));
      REQUIRE(at(l, {"v"}));
      CHECK(at(s, {"v"})->is_intrinsic(c.fn));
      CHECK(at(l, {"v"})->is_intrinsic(c.fn));
      CHECK(at(s, {"v"})->info() != nullptr);
      CHECK(at(l, {"v"})->info() != nullptr);
      CHECK(count(s, LoadIssueKind::BadIntrinsic) == 0);
      CHECK(count(l, LoadIssueKind::BadIntrinsic) == 0);
    }
    // Long-form only functions.
    for (const char* f : {"{'Fn::ForEach::Loop': x}", "{'Fn::Length': [1, 2]}", "{'Fn::ToJsonString': {a: 1}}"}) {
      Document d = load_document("t.yaml", std::string("v: ") + f + "\n");
      CHECK(count(d, LoadIssueKind::BadIntrinsic) == 0);
    }
    CHECK(load_document("t.yaml", "v: {'Fn::Length': [1]}\n").root->get("v")->is_intrinsic(Fn::Length));
  }

  TEST_CASE("GetAtt splits on the first dot, in both forms") {
    Document d = load_document("t.yaml", "a: !GetAtt Cache.PrimaryEndPoint.Address\nb: {'Fn::GetAtt': 'R.Arn'}\n");
    CHECK(at(d, {"a"})->info()->target == "Cache");
    CHECK(at(d, {"a"})->info()->attribute == "PrimaryEndPoint.Address");
    CHECK(at(d, {"b"})->info()->target == "R");
    CHECK(at(d, {"b"})->info()->attribute == "Arn");
  }

  TEST_CASE("wrong shapes are T004 issues at the function") {
    Document d = load_document("t.yaml", "a: !GetAtt [A, B, C]\nb: !If [C, 1]\nc: !Join [x]\n");
    CHECK(count(d, LoadIssueKind::BadIntrinsic) == 3);
    CHECK(d.issues[0].pos == Position{1, 4});
    CHECK(at(d, {"a"})->info() == nullptr);
  }

  TEST_CASE("Fn::Sub strings split into literal text and variables") {
    Arena arena;
    auto parts = parse_sub("arn:${AWS::Partition}:x:${Res.Arn}/${!Literal}-${ Spaced }", arena);
    REQUIRE(parts.size() == 6);
    CHECK(parts[0].kind == SubPart::Kind::Literal);
    CHECK(parts[0].text == "arn:");
    CHECK(parts[1].kind == SubPart::Kind::Variable);
    CHECK(parts[1].text == "AWS::Partition");
    CHECK(parts[1].offset == 4);
    CHECK(parts[2].text == ":x:");
    CHECK(parts[3].text == "Res.Arn");
    CHECK(parts[4].kind == SubPart::Kind::Literal);
    CHECK(parts[4].text == "/${Literal}-");
    CHECK(parts[5].text == "Spaced");
    auto unclosed = parse_sub("a${b", arena);
    REQUIRE(unclosed.size() == 1);
    CHECK(unclosed[0].text == "a${b");
  }

  TEST_CASE("dynamic references are found in any string and checked") {
    auto ok = scan_dynamic_refs(
        "x {{resolve:ssm:/a/b}} {{resolve:ssm:/a/b:3}} {{resolve:ssm-secure:p:1}} "
        "{{resolve:secretsmanager:s:SecretString:k:AWSCURRENT}} {{resolve:secretsmanager:s}} "
        "{{resolve:ssm:/${Env}/sg}}");
    CHECK(ok.errors.empty());
    REQUIRE(ok.refs.size() == 6);
    CHECK(ok.refs[0].service == "ssm");
    CHECK(ok.refs[0].reference == "/a/b");
    CHECK(ok.refs[3].service == "secretsmanager");
    CHECK(ok.refs[5].reference == "/${Env}/sg");
    auto bad = scan_dynamic_refs("{{resolve:vault:x}} {{resolve:ssm:a:b}} {{resolve:secretsmanager:s:Binary:k}}");
    CHECK(bad.errors.size() == 3);
    CHECK(bad.errors[1].offset == 20);
    // A fragment of a reference assembled by Fn::Join is not an error on its own.
    CHECK(scan_dynamic_refs("{{resolve:secretsmanager:").errors.empty());
    Document d = load_document("t.yaml", "a: !Sub '{{resolve:ssm:/${Env}/security-group-id}}'\n");
    REQUIRE(at(d, {"a"})->arg->dynamic_refs().size() == 1);
  }

  TEST_CASE("duplicate keys are reported with both positions; merge keys are not duplicates") {
    Document d = load_document("t.yaml", "a: 1\nb: 2\na: 3\n");
    REQUIRE(count(d, LoadIssueKind::DuplicateKey) == 1);
    CHECK(d.issues[0].pos == Position{3, 1});
    REQUIRE(d.issues[0].notes.size() == 1);
    CHECK(d.issues[0].notes[0].pos == Position{1, 1});

    Document m = load_document("t.yaml", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n");
    CHECK(count(m, LoadIssueKind::DuplicateKey) == 0);
    CHECK(at(m, {"use", "x"})->text() == "1");
    CHECK(at(m, {"use", "y"})->text() == "3");
    CHECK(at(m, {"use"})->size == 2);
  }

  TEST_CASE("aliases share the anchored node instead of copying it") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c, ++prev) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    Document d = load_document("t.yaml", bomb);
    REQUIRE(d.root);
    CHECK(d.arena->node_count() < 200);  // 10^10 leaves if expanded
    CHECK(at(d, {"j"})->items()[0] == at(d, {"i"}));
  }

  TEST_CASE("bad input becomes issues, never exceptions") {
    CHECK(load_document("t.yaml", "a: [1,\nb: 2\n").unparsable);
    CHECK(load_document("t.yaml", "a: &x [*x]\n").unparsable);
    Document deep = load_document("t.yaml", "a: " + std::string(100000, '[') + std::string(100000, ']'));
    CHECK(deep.unparsable);
    CHECK(count(deep, LoadIssueKind::LimitExceeded) == 1);
    Limits small;
    small.max_nodes = 10;
    CHECK(load_document("t.yaml", "[1,2,3,4,5,6,7,8,9,10,11,12]", small).unparsable);
    Document multi = load_document("t.yaml", "a: 1\n---\nb: 2\n");
    CHECK(!multi.unparsable);
    CHECK(count(multi, LoadIssueKind::Syntax) == 1);
    CHECK(multi.issues[0].pos.line == 2);
    Document tag = load_document("t.yaml", "a: !Nope x\nb: !!binary aGk=\n");
    CHECK(count(tag, LoadIssueKind::UnknownTag) == 1);
  }
}
