"""Generates a tree of mixed text files (source, configs, logs, notebooks, lock files) with
fake secrets planted at known places, and writes truth.json: one entry per planted secret
(rule, path, line). Decoys that must not be reported (example keys, placeholders, UUIDs,
digests, SRI hashes, variable references) are planted too and listed under "decoys".

usage: gen_tree.py OUT_DIR [--mb 64] [--seed 1]"""
import argparse
import json
import os
import random
import string

from fake_keys import Fakes

WORDS = ("the of and to in is for on with as by at from this that server request response user value "
         "config deploy cluster bucket table index cache queue worker handler error retry timeout").split()


def filler_code(r, lines):
    out = []
    for i in range(lines):
        k = r.random()
        name = "_".join(r.choice(WORDS) for _ in range(2))
        if k < 0.3:
            out.append(f"    {name} = compute_{r.choice(WORDS)}({r.randint(0, 999)}, '{r.choice(WORDS)}')")
        elif k < 0.5:
            out.append(f"    # {' '.join(r.choice(WORDS) for _ in range(8))}")
        elif k < 0.7:
            out.append(f"    if {name} > {r.randint(0, 99)}: return {name}")
        elif k < 0.8:
            out.append(f"    key = cache_key({name!r})  # lookup key for the cache")
        else:
            out.append(f"    log.info(\"{' '.join(r.choice(WORDS) for _ in range(5))} %s\", {name})")
    return out


def filler_log(r, lines):
    return [f"2024-05-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z INFO "
            f"{r.choice(WORDS)} request_id={r.getrandbits(128):032x} took {r.randint(1, 900)}ms status={r.choice([200, 201, 404, 500])}"
            for _ in range(lines)]


def filler_yaml(r, lines):
    return [f"{'  ' * r.randint(0, 3)}{r.choice(WORDS)}_{r.choice(WORDS)}: {r.choice(WORDS)}-{r.randint(1, 99)}"
            for _ in range(lines)]


def filler_lock(r, lines):
    out = []
    for _ in range(lines // 3):
        pkg = r.choice(WORDS) + "-" + r.choice(WORDS)
        out.append(f'"node_modules/{pkg}": {{ "version": "1.{r.randint(0, 9)}.0",')
        out.append(f'  "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-1.0.0.tgz",')
        sri = "".join(r.choice(string.ascii_letters + string.digits + "+/") for _ in range(86))
        out.append(f'  "integrity": "sha512-{sri}==" }},')
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=64)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.seed)
    f = Fakes(a.seed)
    planted = {
        "secret-aws-access-key": lambda: f'aws_access_key_id = "{f.aws_id()}"',
        "secret-private-key": None,
        "secret-stripe": lambda: f'STRIPE_KEY = "{f.stripe()}"',
        "secret-sendgrid": lambda: f'sendgrid_client = SendGrid("{f.sendgrid()}")',
        "secret-openai": lambda: f'client = OpenAI(api_key="{f.openai()}")',
        "secret-github-token": lambda: f'GH_TOKEN = "{f.github()}"',
        "secret-slack": lambda: f'SLACK_WEBHOOK = "{f.slack_webhook()}"',
        "secret-jwt": lambda: f'headers = {{"Authorization": "Bearer {f.jwt()}"}}',
        "secret-connection-string": lambda: f'DATABASE_URL = "postgres://svc:{f.password()}@db.internal:5432/app"',
        "secret-generic": lambda: f'JWT_SECRET = "{f.password(40)}"',
    }
    decoys = [
        'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"',
        'password = "${DB_PASSWORD}"',
        'api_key = "your-api-key-here"',
        'session_token_id = "3f2b9c1e-7d4a-4f6b-9e2c-8a1d5b7c9e0f"',
        'commit_sha = "9fceb02d0ae598e95dc970b74767f19372d61af8"',
        'url = "postgres://postgres:postgres@localhost/dev"',
        'token = os.environ["TOKEN"]',
    ]
    truth, decoy_list = [], []
    total, target, n = 0, int(a.mb * 1024 * 1024), 0
    kinds = ["py", "log", "yaml", "lock", "ipynb", "env"]
    while total < target:
        kind = r.choice(kinds)
        sub = os.path.join(a.out, f"pkg{n % 97:02d}")
        os.makedirs(sub, exist_ok=True)
        name = {"py": f"mod{n}.py", "log": f"app{n}.log", "yaml": f"conf{n}.yaml", "lock": f"lock{n}/package-lock.json",
                "ipynb": f"nb{n}.ipynb", "env": f"svc{n}.env"}[kind]
        path = os.path.join(sub, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        lines = {"py": filler_code, "log": filler_log, "yaml": filler_yaml, "lock": filler_lock,
                 "ipynb": filler_code, "env": filler_yaml}[kind](r, r.randint(200, 2000))
        if kind != "lock":
            for _ in range(r.randint(0, 2)):
                rule = r.choice(list(planted))
                at = r.randint(0, len(lines))
                if rule == "secret-private-key":
                    block = f.rsa_key().split("\n")
                    lines[at:at] = block
                else:
                    lines.insert(at, planted[rule]())
                truth.append({"rule": rule, "path": os.path.relpath(path, a.out), "line": at + 1})
                # Later insertions shift earlier ones: recompute at the end from markers instead.
            if r.random() < 0.3:
                at = r.randint(0, len(lines))
                lines.insert(at, r.choice(decoys))
        text = "\n".join(lines) + "\n"
        with open(path, "w") as fh:
            fh.write(text)
        total += len(text)
        n += 1
    # Recompute line numbers of planted secrets by scanning the written files for them.
    fixed = []
    by_path = {}
    for t in truth:
        by_path.setdefault(t["path"], []).append(t["rule"])
    for rel, rules in by_path.items():
        with open(os.path.join(a.out, rel)) as fh:
            file_lines = fh.read().split("\n")
        markers = {"secret-aws-access-key": "aws_access_key_id = \"AKIA", "secret-private-key": "-----BEGIN RSA",
                   "secret-stripe": "STRIPE_KEY", "secret-sendgrid": "SendGrid(\"SG.", "secret-openai": "OpenAI(api_key",
                   "secret-github-token": "GH_TOKEN", "secret-slack": "SLACK_WEBHOOK", "secret-jwt": "Bearer eyJ",
                   "secret-connection-string": "postgres://svc:", "secret-generic": "JWT_SECRET"}
        for rule in sorted(set(rules)):
            for i, l in enumerate(file_lines):
                if markers[rule] in l and "EXAMPLE" not in l:
                    fixed.append({"rule": rule, "path": rel, "line": i + 1})
    with open(os.path.abspath(a.out) + ".truth.json", "w") as fh:
        json.dump({"bytes": total, "files": n, "secrets": fixed}, fh, indent=1)
    print(f"{n} files, {total / 1e6:.1f} MB, {len(fixed)} planted secrets")


if __name__ == "__main__":
    main()
