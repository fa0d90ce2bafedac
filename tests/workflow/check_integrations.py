"""Checks the CI integrations against what GitHub and GitLab expect, and runs them locally.

- integrations/github/action.yml: the action metadata's structure (name, description, inputs
  with descriptions, runs.using composite, every run step with a shell, the upload-sarif
  step with `category` and `if: success() || failure()`, only declared inputs referenced),
  then its install and scan scripts with the inputs of the README's workflow snippet.
- integrations/gitlab/clearance.gitlab-ci.yml: the hidden job with its reports, then its
  script lines with the variables of the README's GitLab snippet.
Usage: check_integrations.py CLEARANCE_BINARY SOURCE_DIR WORK_DIR"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml

from snippet import snippet

BIN, SRC, WORK = sys.argv[1:4]
os.makedirs(os.path.join(WORK, "bin"), exist_ok=True)
link = os.path.join(WORK, "bin", "clearance")
if not os.path.exists(link):
    os.symlink(BIN, link)
ENV = dict(os.environ, PATH=os.path.join(WORK, "bin") + os.pathsep + os.environ["PATH"])


def check(cond, msg):
    if not cond:
        sys.exit(f"FAIL: {msg}")


def make_project(root):
    """A project with a critical finding in infra/ and a medium one in docker/."""
    os.makedirs(os.path.join(root, "infra"), exist_ok=True)
    os.makedirs(os.path.join(root, "docker"), exist_ok=True)
    with open(os.path.join(root, "infra", "db.tf"), "w") as f:
        f.write('resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\n')
    with open(os.path.join(root, "docker", "Dockerfile"), "w") as f:
        f.write("FROM alpine:3.19\nUSER app\n")
    return root


# ---- GitHub ------------------------------------------------------------------------------
action_path = os.path.join(SRC, "integrations", "github")
action_text = open(os.path.join(action_path, "action.yml")).read()
action = yaml.safe_load(action_text)
for key in ("name", "description", "inputs", "runs"):
    check(key in action, f"action.yml has no '{key}'")
inputs = action["inputs"]
for name in ("paths", "config", "severity-threshold", "fail-on-findings", "category", "sarif-file"):
    check(name in inputs, f"action.yml has no input '{name}'")
for name, spec in inputs.items():
    check(isinstance(spec, dict) and spec.get("description"), f"input '{name}' needs a description")
    check(set(spec) <= {"description", "required", "default", "deprecationMessage"}, f"input '{name}': unknown keys")
runs = action["runs"]
check(runs.get("using") == "composite", "runs.using must be composite")
steps = runs["steps"]
for step in steps:
    check(("run" in step) != ("uses" in step), f"a step needs exactly one of run/uses: {step}")
    if "run" in step:
        check(step.get("shell"), f"composite run steps need a shell: {step.get('name')}")
referenced = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", action_text))
check(referenced <= set(inputs), f"action.yml uses undeclared inputs: {referenced - set(inputs)}")
upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
check(len(upload) == 1, "one github/codeql-action/upload-sarif step")
upload = upload[0]
check("success() || failure()" in upload.get("if", ""), "the upload must run when the scan failed too")
check(upload["with"].get("category") == "${{ inputs.category }}", "upload-sarif needs category: inputs.category")
check(upload["with"].get("sarif_file") == "${{ inputs.sarif-file }}", "upload-sarif needs the SARIF file")
check("security-events: write" in action_text, "action.yml must document security-events: write")
for script in re.findall(r'github\.action_path \}\}/([\w-]+\.sh)', action_text):
    check(os.path.isfile(os.path.join(action_path, script)), f"missing {script}")

workflow = yaml.safe_load(snippet(os.path.join(SRC, "README.md"), "github-workflow"))
check(workflow["permissions"].get("security-events") == "write", "the README workflow needs security-events: write")
uses = [s for job in workflow["jobs"].values() for s in job["steps"] if "integrations/github@" in s.get("uses", "")]
check(len(uses) == 1, "the README workflow uses the action once")
with_ = uses[0].get("with", {})
check(set(with_) <= set(inputs), f"the README passes unknown inputs: {set(with_) - set(inputs)}")

# Run the action's shell steps the way GitHub would, with the README's inputs.
values = {k: str(v.get("default", "")) for k, v in inputs.items()}
values.update({k: str(v) for k, v in with_.items()})
project = make_project(os.path.join(WORK, "github"))
out_file = os.path.join(WORK, "github-output")
open(out_file, "w").close()
for step in steps:
    if "run" not in step:
        continue
    env = dict(ENV, GITHUB_OUTPUT=out_file, GITHUB_PATH=os.path.join(WORK, "github-path"))
    for k, v in step.get("env", {}).items():
        v = str(v).replace("${{ github.action_path }}", action_path)
        v = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: values[m.group(1)], v)
        v = v.replace("${{ steps.scan.outputs.exit-code }}", "1")
        env[k] = v
    run = step["run"].replace("${{ github.action_path }}", action_path)
    r = subprocess.run(["bash", "-c", run], cwd=project, env=env, capture_output=True, text=True)
    print(f"step '{step['name']}': exit {r.returncode}")
    if "steps.scan.outputs.exit-code" in step.get("if", ""):
        # Runs only when the scan found something and fail-on-findings is 'true': it fails the job.
        check("inputs.fail-on-findings == 'true'" in step["if"], "the failing step must obey fail-on-findings")
        check(r.returncode != 0, "the last step must fail the job")
        continue
    check(r.returncode == 0, f"step '{step['name']}' failed: {r.stdout}{r.stderr}")
outputs = dict(line.split("=", 1) for line in open(out_file).read().split())
check(outputs.get("exit-code") == "1", f"a critical finding must give exit-code=1, got {outputs}")
sarif = json.load(open(os.path.join(project, values["sarif-file"])))
rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
check("aws-rds-no-public-access" in rules, "the SARIF lacks the finding in infra/")
levels = {r["properties"]["severity"] for r in sarif["runs"][0]["results"]}
print(f"action: SARIF with {len(sarif['runs'][0]['results'])} results, severities {sorted(levels)}")

# ---- GitLab ------------------------------------------------------------------------------
template = yaml.safe_load(open(os.path.join(SRC, "integrations", "gitlab", "clearance.gitlab-ci.yml")))
job = template[".clearance"]
check(isinstance(job["script"], list) and job["script"], ".clearance needs a script")
reports = job["artifacts"]["reports"]
check(reports.get("codequality") == "gl-code-quality-report.json", "codequality report")
check(reports.get("junit") == "clearance-junit.xml", "junit report")
check(job["artifacts"].get("when") == "always", "reports must be kept when the job fails")
user = yaml.safe_load(snippet(os.path.join(SRC, "README.md"), "gitlab-ci"))
check(any(str(i.get("remote", "")).endswith("integrations/gitlab/clearance.gitlab-ci.yml") for i in user["include"]),
      "the README includes the template")
check(user["clearance"]["extends"] == ".clearance", "the README job extends .clearance")


def gitlab_job(extra):
    variables = dict(job["variables"])
    variables.update(user["clearance"].get("variables", {}))
    variables.update(extra)
    project = make_project(os.path.join(WORK, "gitlab-" + "-".join(f"{k}{v}" for k, v in extra.items())))
    env = dict(ENV, **{k: str(v) for k, v in variables.items()})
    # GitLab runs the script lines in one shell, stopping at the first failing line.
    script = "set -e\n" + "\n".join(job["script"]) + "\n"
    r = subprocess.run(["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True)
    return r, project


r, project = gitlab_job({})
print(f"gitlab job: exit {r.returncode}")
check(r.returncode == 1, f"a critical finding must fail the GitLab job: {r.stdout}{r.stderr}")
issues = json.load(open(os.path.join(project, "gl-code-quality-report.json")))
check(any(i["check_name"] == "aws-rds-no-public-access" and i["severity"] == "blocker" for i in issues),
      "the code quality report lacks the critical finding")
check(ET.parse(os.path.join(project, "clearance-junit.xml")).getroot().tag == "testsuites", "JUnit report")
check("| Severity | Findings |" in open(os.path.join(project, "clearance.md")).read(), "Markdown summary")
r, _ = gitlab_job({"CLEARANCE_FAIL": "false"})
check(r.returncode == 0, "CLEARANCE_FAIL=false must only report")
r, _ = gitlab_job({"CLEARANCE_THRESHOLD": "critical", "CLEARANCE_PATHS": "docker"})
check(r.returncode == 0, "a medium finding under a critical threshold must pass")
print("integrations: OK")
