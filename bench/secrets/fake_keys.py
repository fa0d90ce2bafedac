"""Fake secrets with the right shape: random characters in each provider's published format
(valid GitHub checksums, decodable JWT headers). Deterministic for a given seed. None of them
is, or was ever, a real credential."""
import base64
import json
import random
import string
import zlib

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = string.ascii_uppercase + "234567"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits


class Fakes:
    def __init__(self, seed=1):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def aws_id(self, prefix="AKIA"):
        return prefix + self.s(B32, 16)

    def aws_secret(self):
        while True:
            v = self.s(B64, 40)
            if any(c.isdigit() for c in v) and any(c.islower() for c in v) and any(c.isupper() for c in v):
                return v

    def github(self, prefix="ghp"):
        body = self.s(B62, 30)
        c = zlib.crc32(body.encode())
        digits = ""
        for _ in range(6):
            digits = B62[c % 62] + digits
            c //= 62
        return f"{prefix}_{body}{digits}"

    def github_bad_checksum(self):
        t = self.github()
        last = t[-1]
        return t[:-1] + ("A" if last != "A" else "B")

    def github_pat(self):
        return "github_pat_" + self.s(ALNUM, 22) + "_" + self.s(ALNUM, 59)

    def stripe(self, kind="sk_live_"):
        return kind + self.s(ALNUM, 24)

    def sendgrid(self):
        return "SG." + self.s(B64URL, 22) + "." + self.s(B64URL, 43)

    def openai(self, project=True):
        if project:
            return "sk-proj-" + self.s(B64URL, 74) + "T3BlbkFJ" + self.s(B64URL, 74)
        return "sk-" + self.s(ALNUM, 20) + "T3BlbkFJ" + self.s(ALNUM, 20)

    def slack_bot(self):
        return "xoxb-" + self.s(string.digits, 12) + "-" + self.s(string.digits, 13) + "-" + self.s(ALNUM, 24)

    def slack_webhook(self):
        return ("https://hooks.slack.com/services/T" + self.s(string.ascii_uppercase + string.digits, 8) + "/B"
                + self.s(string.ascii_uppercase + string.digits, 10) + "/" + self.s(ALNUM, 24))

    def jwt(self, alg="HS256"):
        enc = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).rstrip(b"=").decode()
        head = enc({"alg": alg, "typ": "JWT"})
        body = enc({"sub": str(self.r.randint(10**6, 10**7)), "name": "svc", "iat": 1700000000 + self.r.randint(0, 10**6)})
        return f"{head}.{body}.{self.s(B64URL, 43)}"

    def password(self, n=20):
        return self.s(ALNUM + "!#%^*", n - 2) + self.s(string.digits, 2)

    def pem_body(self, lines=12):
        return "\n".join(self.s(B64, 64) for _ in range(lines))

    def rsa_key(self, label="RSA PRIVATE KEY"):
        return f"-----BEGIN {label}-----\n{self.pem_body()}\n-----END {label}-----"


if __name__ == "__main__":
    f = Fakes(7)
    for name in ["aws_id", "aws_secret", "github", "github_bad_checksum", "github_pat", "stripe", "sendgrid",
                 "openai", "slack_bot", "slack_webhook", "jwt", "password"]:
        print(name, getattr(f, name)())
