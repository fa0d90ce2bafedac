"""Prints a fenced code block of a Markdown file: the first one after the marker
`<!-- snippet: NAME -->`, so that tests run exactly what the README shows.
Usage: snippet.py FILE NAME"""
import sys


def snippet(path: str, name: str) -> str:
    lines = open(path, encoding="utf-8").read().split("\n")
    marker = f"<!-- snippet: {name} -->"
    try:
        i = lines.index(marker)
    except ValueError:
        sys.exit(f"snippet.py: no '{marker}' in {path}")
    while i < len(lines) and not lines[i].startswith("```"):
        i += 1
    body = []
    for line in lines[i + 1:]:
        if line.startswith("```"):
            return "\n".join(body) + "\n"
        body.append(line)
    sys.exit(f"snippet.py: unterminated code block after '{marker}' in {path}")


if __name__ == "__main__":
    sys.stdout.write(snippet(sys.argv[1], sys.argv[2]))
