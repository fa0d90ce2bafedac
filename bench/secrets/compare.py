"""Compares the findings of clearance, gitleaks and detect-secrets with the secrets that
gen_tree.py planted: recall per rule, decoys reported, other findings, and speed.

usage: compare.py TRUTH.json TIMES.json CLEARANCE.json GITLEAKS.json DETECT_SECRETS.json"""
import json
import os
import sys


def relative(tree, p):
    """The path relative to the tree, whatever root a tool reports paths from."""
    parts = p.split("/")
    for i in range(len(parts)):
        if os.path.exists(os.path.join(tree, *parts[i:])):
            return "/".join(parts[i:])
    return p


def lines_clearance(path, tree):
    out = set()
    for f in json.load(open(path))["findings"]:
        if not f["rule_id"].startswith("secret-"):
            continue  # the tree's .env files also meet the dotenv rules
        loc = f["location"]
        out.add((relative(tree, loc["path"]), loc["start"]["line"], f["rule_id"]))
    return out


def lines_gitleaks(path, root_prefix):
    out = set()
    for f in json.load(open(path)) or []:
        p = f["File"]
        if p.startswith(root_prefix):
            p = p[len(root_prefix):].lstrip("/")
        out.add((p, f["StartLine"], f["RuleID"]))
    return out


def lines_ds(path):
    out = set()
    for p, items in json.load(open(path))["results"].items():
        for it in items:
            out.add((p, it["line_number"], it["type"]))
    return out


def main():
    truth_path, times_path, cl, gl, ds = sys.argv[1:6]
    truth = json.load(open(truth_path))
    times = json.load(open(times_path))
    root = times["root"]
    found = {
        "clearance": lines_clearance(cl, root),
        "gitleaks": lines_gitleaks(gl, root),
        "detect-secrets": lines_ds(ds),
    }
    planted = {(s["path"], s["line"]): s["rule"] for s in truth["secrets"]}
    rules = sorted(set(planted.values()))
    mb = truth["bytes"] / 1e6
    print(f"Tree: {truth['files']} files, {mb:.1f} MB, {len(planted)} planted secrets.\n")
    print("| tool | wall s | CPU s | MB/s per core (CPU) | recall | other findings |")
    print("|---|---:|---:|---:|---:|---:|")
    per_rule = {}
    for tool, hits in found.items():
        at = {(p, l) for p, l, _ in hits}
        got = {k for k in planted if k in at}
        other = len(at - set(planted))
        t = times[tool]
        print(f"| {tool} | {t['wall']:.2f} | {t['cpu']:.2f} | {mb / t['cpu']:.1f} | "
              f"{len(got)}/{len(planted)} ({100 * len(got) / len(planted):.0f}%) | {other} |")
        for r in rules:
            keys = [k for k, v in planted.items() if v == r]
            per_rule.setdefault(r, {})[tool] = f"{sum(1 for k in keys if k in at)}/{len(keys)}"
    print("\nRecall per rule (a planted secret counts as found when the tool reports its line):\n")
    print("| rule | " + " | ".join(found) + " |")
    print("|---|" + "---:|" * len(found))
    for r in rules:
        print(f"| {r} | " + " | ".join(per_rule[r][t] for t in found) + " |")


if __name__ == "__main__":
    main()
