#!/usr/bin/env python3
"""Checks the files that ship vpclint to other people's CI, none of which can run here (no
container engine, no GitHub): the Dockerfile, .pre-commit-hooks.yaml, action.yml and
.github/workflows/.

- the Dockerfile passes dockerfile-utils' linter (no error, no warning), its build stage runs
  the dependency script and a make target that CI's make targets run too, and its final stage
  holds the static binary only, as a non-root user;
- action.yml and every workflow pass action-validator (GitHub's schemas);
- the two pre-commit hooks take the same files and arguments, and the container hook's entry
  is the image's binary; the real pre-commit runs the container hook from a clone of a hook
  repository, with a stand-in for docker that runs this build's vpclint in the mounted directory;
- action.yml's default version is the one CMake builds, and its steps, run by bash as a runner
  would run them, lint examples/ with a given binary and download, check and unpack a release
  tarball (from a stand-in for curl);
- the tests workflow runs .ci/run's steps.

Exit codes: 0 passed, 1 a check failed (each failure is printed), 77 a linter is missing (make
ci-file-linters), or git and pre-commit are, and CI is unset: skipped after every other check
passed. Under CI a missing tool is a failure.
"""

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

SKIP = 77
failures: list[str] = []


def fail(what: str) -> None:
    failures.append(what)
    print(f"FAIL: {what}", flush=True)


def ok(what: str) -> None:
    print(f"ok: {what}", flush=True)


def check(condition: bool, what: str, log: str = "") -> bool:
    """Records a check; LOG (a command's output) is printed only when the check fails."""
    (ok if condition else fail)(what if condition or not log else f"{what}; its log:\n{log}")
    return condition


# ---------------------------------------------------------------------------------------------
# Dockerfile


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        word, _, rest = current.partition(" ")
        out.append((word.upper(), rest.strip()))
        current = ""
    return out


def stages(instructions: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for ins in instructions:
        if ins[0] == "FROM":
            result.append([])
        if result:
            result[-1].append(ins)
    return result


def exec_form(args: str) -> list[str] | None:
    try:
        value = json.loads(args)
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


# ---------------------------------------------------------------------------------------------
# Makefile: targets, prerequisites and recipes, enough to follow a target's prerequisites.


def makefile_rules(text: str) -> dict[str, tuple[list[str], list[str]]]:
    rules: dict[str, tuple[list[str], list[str]]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            for t in current:
                rules[t][1].append(line.strip())
            continue
        m = re.match(r"^([A-Za-z0-9_.%/-]+(?:\s+[A-Za-z0-9_.%/-]+)*)\s*:(?![=:])(.*)$", line)
        if not m or "=" in m.group(2):  # a variable, or a target-specific variable (`x: SHELL := ...`)
            if line.strip() and not line.startswith("#"):
                current = []
            continue
        current = [t for t in m.group(1).split() if t != ".PHONY"]
        prereqs = m.group(2).split("#")[0].split()
        for t in current:
            rules.setdefault(t, ([], []))[0].extend(prereqs)
    return rules


def recipe_closure(rules: dict[str, tuple[list[str], list[str]]], target: str) -> list[str]:
    """The recipe lines make runs for TARGET: its prerequisites' first, recursively."""
    seen: set[str] = set()
    lines: list[str] = []

    def visit(t: str) -> None:
        if t in seen or t not in rules:
            return
        seen.add(t)
        for p in rules[t][0]:
            visit(p)
        lines.extend(rules[t][1])

    visit(target)
    return lines


def runs_deps_script(lines: list[str]) -> bool:
    return any(re.search(r"(^|[\s;&|(@])\./scripts/install-deps\.sh\b", line) for line in lines)


def ci_steps(ci_run: str) -> list[str]:
    """The commands of .ci/run's `step NAME COMMAND...` lines."""
    out = []
    for line in ci_run.splitlines():
        m = re.match(r"^\s*step\s+\S+\s+(.+?)\s*$", line)
        if m:
            out.append(m.group(1))
    return out


def check_dockerfile(src: Path, rules: dict) -> str | None:
    """Returns the binary the image's ENTRYPOINT runs."""
    text = (src / "Dockerfile").read_text()
    parts = stages(dockerfile_instructions(text))
    if not check(len(parts) >= 2, "the Dockerfile has a build stage and a final stage"):
        return None
    build, final = parts[0], parts[-1]

    base = build[0][1].split()[0]
    check(re.fullmatch(r"debian:12(-slim)?", base) is not None, f"the build stage is FROM debian:12 (it is {base})")
    runs = [args for ins, args in build if ins == "RUN"]
    check(any(runs_deps_script([r]) for r in runs), "the build stage runs ./scripts/install-deps.sh, as every make target does")
    targets = [t for r in runs for t in re.findall(r"(?:^|[\s;&|])make\s+([A-Za-z0-9_-]+)", r)]
    check(targets == ["static"], f"the build stage runs `make static` (it runs make {targets})")
    for t in targets:
        if not check(t in rules, f"the Dockerfile's make target `{t}` is a target of the Makefile"):
            continue
        check(runs_deps_script(recipe_closure(rules, t)),
              f"`make {t}` installs its dependencies with ./scripts/install-deps.sh (through its prerequisites)")
    # The same script on CI: .ci/run's make targets install through it.
    ci_targets = [m.group(1) for c in ci_steps((src / ".ci/run").read_text())
                  for m in [re.match(r"make\s+([A-Za-z0-9_-]+)", c)] if m]
    check("test" in ci_targets, f".ci/run runs `make test` (its make targets: {ci_targets})")
    for t in ci_targets:
        check(runs_deps_script(recipe_closure(rules, t)), f".ci/run's `make {t}` installs with ./scripts/install-deps.sh too")

    # What the build stage hands over is where `make static` writes it.
    workdir = next((a for i, a in reversed(build) if i == "WORKDIR"), "/")
    copies = [a.split() for i, a in final if i == "COPY" and a.startswith("--from=")]
    binary_src = None
    for c in copies:
        if len(c) == 3 and re.search(r"/vpclint$", c[1]) and "build-static" in c[1]:
            binary_src, binary_dst = c[1], c[2]
    if not check(binary_src is not None, "the final stage copies build-static/vpclint from the build stage"):
        return None
    check(binary_src == f"{workdir.rstrip('/')}/build-static/vpclint",
          f"the copied binary {binary_src} is the build stage's WORKDIR ({workdir}) + build-static/vpclint")
    static_sources = "\n".join(recipe_closure(rules, "static")) + (src / "CMakePresets.json").read_text()
    check("build-static" in static_sources, "`make static` (its recipe or CMakePresets.json) builds into build-static/")
    # Nothing else is needed at run time: the test suite exercises the static build.
    others = ""
    for f in (src / "tests").rglob("*"):
        if f.is_file() and f.name != "check_ci_files.py":
            body = f.read_text(errors="replace")
            if f.name == "CMakeLists.txt" and f.parent.name == "distribution":
                body = re.sub(r"# --- ci-files: begin.*?# --- ci-files: end", "", body, flags=re.S)
            others += body
    # build-static is the default configuration without the tests, so the test that checks the
    # default build's vpclint is static (no program interpreter) covers what the image ships.
    check(re.search(r"build-static|make static|Requesting program interpreter", others) is not None,
          "a test other than this one checks that vpclint builds static, as the image ships it")

    final_base = final[0][1].split()[0]
    check(final_base == "scratch" or final_base.startswith("gcr.io/distroless/static"),
          f"the final stage is FROM scratch or distroless static (it is {final_base})")
    user = next((a for i, a in reversed(final) if i == "USER"), None)
    check(user is not None and user.split(":")[0] not in ("0", "root"), f"the final stage runs as a non-root USER ({user})")
    wd = next((a for i, a in reversed(final) if i == "WORKDIR"), None)
    check(wd == "/src", f"the final stage's WORKDIR is /src, where pre-commit mounts the repository ({wd})")
    entry = next((exec_form(a) for i, a in reversed(final) if i == "ENTRYPOINT"), None)
    if not check(bool(entry) and entry[0] == binary_dst,
                 f"the ENTRYPOINT (exec form) runs the copied binary {binary_dst} ({entry})"):
        return None
    return entry[0]


# ---------------------------------------------------------------------------------------------
# pre-commit hooks


def check_hooks(src: Path, yaml, image_binary: str | None) -> None:
    hooks = {h.get("id"): h for h in yaml.safe_load((src / ".pre-commit-hooks.yaml").read_text())}
    system, docker = hooks.get("vpclint"), hooks.get("vpclint-docker")
    if not check(system is not None and docker is not None, ".pre-commit-hooks.yaml has the hooks vpclint and vpclint-docker"):
        return
    check(system.get("language") == "system", "vpclint is `language: system`")
    check(docker.get("language") == "docker", "vpclint-docker is `language: docker`")
    for key in ("files", "pass_filenames", "require_serial", "args", "exclude", "types"):
        check(system.get(key) == docker.get(key), f"both hooks have the same {key} ({system.get(key)!r}, {docker.get(key)!r})")
    check(system.get("require_serial") is True, "the hooks are require_serial (one vpclint run lints the files in parallel)")
    s_exe, *s_args = shlex.split(system["entry"])
    d_exe, *d_args = shlex.split(docker["entry"])
    check(s_exe == "vpclint", f"the system hook runs vpclint from PATH ({s_exe})")
    check(s_args == d_args and "--skip-non-templates" in s_args,
          f"both entries pass the same options, --skip-non-templates among them ({s_args}, {d_args})")
    # pre-commit runs `docker run --entrypoint <entry's first word> IMAGE <the rest> FILES`.
    check(image_binary is not None and d_exe == image_binary,
          f"the docker hook's entry starts with the image's binary {image_binary} ({d_exe})")


FAKE_DOCKER = r"""#!/usr/bin/env bash
# A stand-in for docker, for pre-commit's `language: docker`: `build` checks that the hook's
# repository has a Dockerfile; `run` runs the real vpclint in place of the image's binary, in the
# mounted directory, when --entrypoint names that binary. Every call is logged.
echo "docker $*" >> "$FAKE_DOCKER_LOG"
cmd=$1; shift
case "$cmd" in
  build) [ -f Dockerfile ] || { echo "no Dockerfile in $PWD" >&2; exit 1; }; exit 0 ;;
  inspect) exit 1 ;;
  run) ;;
  *) echo "fake docker: $cmd unsupported" >&2; exit 1 ;;
esac
mount=""; workdir=/; entry=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rm) shift ;;
    -u|--user) shift 2 ;;
    -v|--volume) mount=$2; shift 2 ;;
    --workdir|-w) workdir=$2; shift 2 ;;
    --entrypoint) entry=$2; shift 2 ;;
    -*) echo "fake docker: run option $1 unsupported" >&2; exit 1 ;;
    *) shift; break ;;  # the image
  esac
done
host=${mount%%:*}; rest=${mount#*:}; target=${rest%%:*}
[ "$entry" = "$FAKE_DOCKER_BINARY" ] || { echo "exec: \"$entry\": not found in the image" >&2; exit 127; }
case "$workdir" in "$target"*) cd "$host${workdir#"$target"}" || exit 126 ;; *) exit 126 ;; esac
exec "$FAKE_DOCKER_VPCLINT" "$@"
"""


def check_docker_hook(src: Path, vpclint: str | None, image_binary: str | None) -> list[str]:
    """The vpclint-docker hook through the real pre-commit, from a clone of a repository holding
    this .pre-commit-hooks.yaml and Dockerfile, with a stand-in for docker. Returns what is missing."""
    if not shutil.which("git") or not shutil.which("pre-commit"):
        return ["git and pre-commit (Debian: git pre-commit), for the vpclint-docker hook"]
    if not vpclint or not image_binary:
        fail("the vpclint-docker hook cannot be run without a vpclint binary and the image's entrypoint")
        return []
    vpclint = str(Path(vpclint).resolve())
    with tempfile.TemporaryDirectory(prefix="vpclint-docker-hook-") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        fake = tmp / "bin"
        fake.mkdir()
        (fake / "docker").write_text(FAKE_DOCKER)
        (fake / "docker").chmod(0o755)
        log = tmp / "docker.log"
        env.update({"PATH": f"{fake}:{env.get('PATH', '')}", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
                    "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
                    "FAKE_DOCKER_LOG": str(log), "FAKE_DOCKER_BINARY": image_binary, "FAKE_DOCKER_VPCLINT": vpclint})
        git = ["git", "-c", "user.name=vpclint-test", "-c", "user.email=vpclint-test@example.invalid",
               "-c", "commit.gpgsign=false"]

        def sh(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
            return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)

        hooks = tmp / "vpclint-repo"
        hooks.mkdir()
        for f in (".pre-commit-hooks.yaml", "Dockerfile"):
            shutil.copy(src / f, hooks / f)
        for args in (["git", "init", "-q", "."], ["git", "add", "."], [*git, "commit", "-q", "-m", "hooks"]):
            p = sh(args, hooks)
            if not check(p.returncode == 0, f"a throwaway hook repository: {' '.join(args)}", p.stdout + p.stderr):
                return []
        rev = sh(["git", "rev-parse", "HEAD"], hooks).stdout.strip()

        work = tmp / "work"
        work.mkdir()
        sh(["git", "init", "-q", "."], work)
        (work / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: vpclint-docker\n")
        shutil.copy(src / "examples/order-cancel/template.yaml", work / "template.yaml")
        sh(["git", "add", "."], work)
        bad = sh(["pre-commit", "run", "--files", "template.yaml", ".pre-commit-config.yaml"], work)
        calls = log.read_text() if log.exists() else ""
        check(bad.returncode == 1 and "template.yaml:93:7: error[N101]" in bad.stdout,
              f"pre-commit runs the vpclint-docker hook and it blocks the N101 example (exit {bad.returncode})",
              bad.stdout + bad.stderr + calls)
        check(re.search(r"^docker build .*--pull \.$", calls, re.M) is not None,
              "pre-commit builds the hook repository's Dockerfile (docker build --pull .)", calls)
        run_call = next((c for c in calls.splitlines() if c.startswith("docker run ")), "")
        words = run_call.split()
        after_image = words[words.index(image_binary) + 2:] if image_binary in words else []
        check(f"--entrypoint {image_binary} " in run_call and after_image[:1] == ["--skip-non-templates"]
              and sorted(after_image[1:]) == [".pre-commit-config.yaml", "template.yaml"],
              f"it runs the image's binary with --skip-non-templates and the files, relative to /src ({run_call})")
        shutil.copy(src / "examples/order-cancel/template-fixed.yaml", work / "template.yaml")
        good = sh(["pre-commit", "run", "--files", "template.yaml"], work)
        check(good.returncode == 0 and "Passed" in good.stdout,
              f"the vpclint-docker hook passes the fixed template (exit {good.returncode})", good.stdout + good.stderr)
    return []


# ---------------------------------------------------------------------------------------------
# action.yml, run by bash as a runner would run its composite steps


class ActionRun:
    def __init__(self, action: dict, inputs: dict[str, str], env: dict[str, str], github: dict[str, str]):
        self.action, self.inputs, self.env, self.github = action, inputs, env, github
        self.outputs: dict[str, dict[str, str]] = {}
        self.stdout = ""

    def expr(self, text: str) -> str:
        def value(m: re.Match) -> str:
            e = m.group(1).strip()
            if e.startswith("inputs."):
                name = e[len("inputs."):]
                spec = self.action["inputs"][name]  # a KeyError: the action uses an undeclared input
                return self.inputs.get(name, str(spec.get("default", "")))
            if e.startswith("github."):
                return self.github.get(e[len("github."):], "")
            m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e)
            if m2:
                return self.outputs.get(m2.group(1), {}).get(m2.group(2), "")
            raise ValueError(f"the harness cannot evaluate ${{{{ {e} }}}}")

        return re.sub(r"\$\{\{(.*?)\}\}", value, text)

    def run(self, workdir: Path) -> int:
        for i, step in enumerate(self.action["runs"]["steps"]):
            out_file = workdir / f"output-{i}"
            out_file.write_text("")
            env = dict(self.env)
            env.update({k: self.expr(str(v)) for k, v in step.get("env", {}).items()})
            env["GITHUB_OUTPUT"] = str(out_file)
            assert step.get("shell") == "bash", "the harness runs bash steps only"
            script = self.expr(step["run"])
            # GitHub's `shell: bash`: bash --noprofile --norc -eo pipefail {0}
            p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                               cwd=env["GITHUB_WORKSPACE"], env=env, capture_output=True, text=True, timeout=120)
            self.stdout += p.stdout + p.stderr
            outputs = {}
            for line in out_file.read_text().splitlines():
                k, _, v = line.partition("=")
                outputs[k] = v
            self.outputs[step.get("id", str(i))] = outputs
            if p.returncode != 0:
                return p.returncode
        return 0

    def output(self, name: str) -> str:
        return self.expr(str(self.action["outputs"][name]["value"]))


def fake_curl(bin_dir: Path, files: Path, log: Path) -> None:
    """A curl that serves URL's basename from FILES and logs the URL: -o FILE URL, other flags ignored."""
    script = bin_dir / "curl"
    script.write_text(f"""#!/usr/bin/env bash
out=""; url=""
while [ $# -gt 0 ]; do
  case "$1" in -o) out=$2; shift 2 ;; -*) shift ;; *) url=$1; shift ;; esac
done
echo "$url" >> {shlex.quote(str(log))}
f={shlex.quote(str(files))}/"${{url##*/}}"
[ -f "$f" ] || {{ echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }}
cp "$f" "$out"
""")
    script.chmod(0o755)


def check_action(src: Path, yaml, vpclint: str | None, version: str | None) -> None:
    action = yaml.safe_load((src / "action.yml").read_text())
    check(action.get("runs", {}).get("using") == "composite", "action.yml is a composite action (docs/ci.md says why)")
    for name, default in (("paths", "."), ("format", "github"), ("fail-on", "warning"), ("sarif", ""), ("config", "")):
        got = action.get("inputs", {}).get(name, {}).get("default")
        check(got is not None and str(got) == default, f"action.yml has the input {name} (default {default!r}; it has {got!r})")
    default_version = str(action.get("inputs", {}).get("version", {}).get("default"))
    check(version is not None and default_version == version,
          f"action.yml's default version {default_version} is CMake's project version {version}")
    if not vpclint or not Path(vpclint).is_file():
        fail(f"no vpclint binary to run action.yml's steps with ({vpclint})")
        return
    vpclint = str(Path(vpclint).resolve())

    with tempfile.TemporaryDirectory(prefix="vpclint-action-") as tmp:
        tmp = Path(tmp)
        workspace = tmp / "workspace"
        shutil.copytree(src / "examples", workspace / "examples")
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "INPUT_"))}
        base_env.update({"GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(tmp / "runner-temp"),
                         "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "NO_COLOR": "1"})
        (tmp / "runner-temp").mkdir()

        # 1. A given binary, SARIF beside the annotations.
        r = ActionRun(action, {"paths": "examples", "sarif": "reports/vpclint.sarif", "vpclint": vpclint}, base_env, {})
        code = r.run(tmp)
        check(code == 1 and r.output("exit-code") == "1",
              f"the action with a given binary fails on examples/ (N101) with exit code 1 (step {code}, "
              f"output {r.output('exit-code')!r})", r.stdout)
        check("::error file=" in r.stdout and "title=N101::" in r.stdout, "the action prints the finding as a GitHub annotation")
        sarif = workspace / "reports/vpclint.sarif"
        try:
            log = json.loads(sarif.read_text())
            rules = [res["ruleId"] for res in log["runs"][0]["results"]]
            uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in log["runs"][0]["results"]]
            check(rules == ["N101"] and uris == ["examples/order-cancel/template.yaml"],
                  f"the action wrote the SARIF log, relative to the workspace ({rules}, {uris})")
        except (OSError, ValueError, KeyError, IndexError) as e:
            fail(f"the action wrote no readable SARIF log at {sarif}: {e}")
        check(r.output("sarif") == "reports/vpclint.sarif", f"the sarif output names the file ({r.output('sarif')!r})")

        r = ActionRun(action, {"paths": "examples/order-cancel/template-fixed.yaml", "vpclint": vpclint,
                               "format": "gnu", "fail-on": "error"}, base_env, {})
        code = r.run(tmp)
        check(code == 0 and r.output("exit-code") == "0",
              f"the action passes on the fixed template (step {code})", r.stdout)

        # 2. The release tarball, downloaded (by a stand-in curl), checked and unpacked.
        name = f"vpclint-{default_version}-linux-x86_64"
        files, bin_dir, curl_log = tmp / "release", tmp / "bin", tmp / "curl.log"
        files.mkdir()
        bin_dir.mkdir()
        with tarfile.open(files / f"{name}.tar.gz", "w:gz") as tar:
            tar.add(vpclint, arcname=f"{name}/vpclint")
        digest = hashlib.sha256((files / f"{name}.tar.gz").read_bytes()).hexdigest()
        (files / "SHA256SUMS").write_text(f"{digest}  {name}.tar.gz\n0000  vpclint_{default_version}_amd64.deb\n")
        fake_curl(bin_dir, files, curl_log)
        env = dict(base_env, PATH=f"{bin_dir}:{base_env.get('PATH', '')}",
                   # Laid out as a runner lays out actions (.../_actions/OWNER/NAME/REF), under scratch.
                   GITHUB_ACTION_PATH=str(tmp / "_actions" / "acme" / "vpclint" / f"v{default_version}"))
        r = ActionRun(action, {"paths": "examples"}, env, {"action_repository": ""})
        code = r.run(tmp)
        urls = curl_log.read_text().split() if curl_log.exists() else []
        want = f"https://github.com/acme/vpclint/releases/download/v{default_version}/{name}.tar.gz"
        check(want in urls, f"the action downloads {want} (the action's own repository, from GITHUB_ACTION_PATH; it fetched {urls})")
        check(code == 1 and r.output("exit-code") == "1",
              f"the downloaded binary lints examples/ (step {code})", r.stdout)

        # A tarball that does not match SHA256SUMS is refused before it is unpacked.
        shutil.rmtree(tmp / "runner-temp")
        (tmp / "runner-temp").mkdir()
        (files / "SHA256SUMS").write_text(f"{'0' * 64}  {name}.tar.gz\n")
        r = ActionRun(action, {"paths": "examples", "repository": "acme/vpclint"}, env, {"action_repository": ""})
        code = r.run(tmp)
        check(code != 0 and r.output("exit-code") == "" and not (tmp / "runner-temp" / f"vpclint-{default_version}" / name).exists(),
              f"a tarball whose checksum is wrong is refused (install step exit {code})", r.stdout)


# ---------------------------------------------------------------------------------------------
# workflows


def check_workflows(src: Path, yaml) -> list[Path]:
    wf_dir = src / ".github/workflows"
    workflows = sorted([*wf_dir.glob("*.yml"), *wf_dir.glob("*.yaml")])
    check(bool(workflows), f"there are workflows in {wf_dir}")
    tests = wf_dir / "tests.yml"
    if not check(tests.is_file(), "the tests workflow is .github/workflows/tests.yml"):
        return workflows
    wf = yaml.safe_load(tests.read_text())
    steps = [s for job in wf["jobs"].values() for s in job.get("steps", [])]
    runs = [" ".join(s.get("run", "").split()) for s in steps]
    for command in ci_steps((src / ".ci/run").read_text()):
        check(any(re.search(r"(^|[\s;&|])" + re.escape(command) + r"($|[\s;&|])", r) for r in runs),
              f"the tests workflow runs .ci/run's step `{command}`")
    check(any(s.get("uses") == "./" for s in steps), "the tests workflow runs this repository's action (uses: ./)")
    check(any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@") for s in steps),
          "the tests workflow uploads the action's SARIF log")
    check(any("docker build" in r for r in runs), "the tests workflow builds the Dockerfile")
    release = wf_dir / "release.yml"
    if check(release.is_file(), "the release workflow is .github/workflows/release.yml"):
        rel = yaml.safe_load(release.read_text())
        # YAML 1.1 reads the key `on` as True.
        trigger = rel.get("on", rel.get(True, {}))
        check(trigger.get("push", {}).get("tags") == ["v*"], "the release workflow runs on tags v*")
        rsteps = [s for job in rel["jobs"].values() for s in job.get("steps", [])]
        check(any("make package" in s.get("run", "") for s in rsteps), "the release workflow runs make package")
        check(any(str(s.get("uses", "")).startswith("softprops/action-gh-release@") for s in rsteps),
              "the release workflow attaches the packages to the release")
    return workflows


# ---------------------------------------------------------------------------------------------


def find_tool(dirs: list[str], name: str) -> str | None:
    for d in dirs:
        p = Path(d) / name
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--tools", action="append", default=[], help="a node_modules/.bin directory (repeatable)")
    ap.add_argument("--vpclint", help="the vpclint binary to run action.yml's steps with")
    a = ap.parse_args()
    src = Path(a.source).resolve()
    under_ci = "CI" in os.environ
    missing: list[str] = []

    try:
        import yaml
    except ImportError:
        yaml = None
        missing.append("python3's yaml module (Debian: python3-yaml, which pre-commit brings)")

    rules = makefile_rules((src / "Makefile").read_text())
    image_binary = check_dockerfile(src, rules)
    cmake = (src / "CMakeLists.txt").read_text()
    m = re.search(r"project\(\s*vpclint\s+VERSION\s+([0-9.]+)", cmake)
    version = m.group(1) if m else None
    workflows: list[Path] = []
    if yaml:
        check_hooks(src, yaml, image_binary)
        missing += check_docker_hook(src, a.vpclint, image_binary)
        check_action(src, yaml, a.vpclint, version)
        workflows = check_workflows(src, yaml)

    linter = find_tool(a.tools, "dockerfile-utils")
    validator = find_tool(a.tools, "action-validator")
    if linter:
        p = subprocess.run([linter, "lint", "--json", str(src / "Dockerfile")], capture_output=True, text=True)
        try:
            diagnostics = json.loads(p.stdout)
        except ValueError:
            diagnostics = None
        check(p.returncode == 0 and diagnostics == [],
              f"dockerfile-utils lint: no error or warning in the Dockerfile (exit {p.returncode}): {p.stdout}{p.stderr}")
    else:
        missing.append("dockerfile-utils (make ci-file-linters)")
    if validator:
        for f in [src / "action.yml", *workflows]:
            p = subprocess.run([validator, str(f)], capture_output=True, text=True)
            check(p.returncode == 0, f"action-validator {f.relative_to(src)} (exit {p.returncode}) {p.stdout}{p.stderr}".rstrip())
    else:
        missing.append("action-validator (make ci-file-linters)")

    if failures:
        print(f"\n{len(failures)} check(s) failed:", *(f"  - {f.splitlines()[0]}" for f in failures), sep="\n")
        return 1
    if missing:
        if under_ci:
            print("FAIL: missing under CI: " + "; ".join(missing))
            return 1
        print("SKIP: not installed: " + "; ".join(missing) + " (the other checks passed)")
        return SKIP
    print("all CI file checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
