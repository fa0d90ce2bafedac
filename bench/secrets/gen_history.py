"""Writes a git fast-import stream for a repository of N commits (default 3000) that edit a
few dozen text files; one commit adds a file with fake secrets and the next deletes it, so a
history scan must find them while a scan of the final tree must not.

usage: gen_history.py [N] | git fast-import   (inside a fresh `git init`)"""
import sys

from fake_keys import Fakes


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    f = Fakes(99)
    out = sys.stdout.buffer
    files = {}
    leak_at = n * 2 // 5
    for i in range(1, n + 1):
        path = f"src/mod{i % 40}.py"
        files[path] = files.get(path, "") + f"def handler_{i}(request):\n    return respond({i}, request)\n"
        ops = [(path, files[path])]
        dels = []
        if i == leak_at:
            ops.append(("config/prod.env", f"STRIPE_SECRET_KEY={f.stripe()}\nGITHUB_TOKEN={f.github()}\n"
                                           f"DATABASE_URL=postgres://app:{f.password()}@db.internal/app\n"))
        if i == leak_at + 1:
            dels.append("config/prod.env")
        msg = f"commit {i}\n".encode()
        out.write(b"commit refs/heads/main\n")
        out.write(f"committer Bench <bench@example.org> {1700000000 + i * 60} +0000\n".encode())
        out.write(b"data %d\n" % len(msg) + msg)
        for p, content in ops:
            data = content.encode()
            out.write(f"M 100644 inline {p}\n".encode() + b"data %d\n" % len(data) + data + b"\n")
        for p in dels:
            out.write(f"D {p}\n".encode())
        out.write(b"\n")


if __name__ == "__main__":
    main()
