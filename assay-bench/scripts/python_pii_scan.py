"""The peer of PiiTiming: the same Presidio patterns, scores and validations in Python's re module, with
python-phonenumbers for phone numbers (Presidio itself does not install here), scanning every column of a CSV
with each distinct value analysed once and the same cheap pre-filters as Assay. Prints per column the entity
counts, then the best wall-clock and CPU time of REPEATS scans (the file is read once, before timing).
Usage: python_pii_scan.py FILE REPEATS
"""
import csv
import ipaddress
import re
import sys
import time

import phonenumbers

F = re.DOTALL | re.MULTILINE | re.IGNORECASE
L = r"[!#$%&'*+\-/=?^_`{|}~\w]"
LD = r"[!#$%&'*+\-/=?^_`{|}~.\w]"
EMAIL = [(re.compile(r"\b((" + L + r")|(" + L + LD + "*" + L + r"))[@]\w+(?:-+\w+)*(?:\.\w+(?:-+\w+)*)+\b", F), 0.5)]
CARD = [(re.compile(r"\b(?!1\d{12}(?!\d))((4\d{3})|(5[0-5]\d{2})|(6\d{3})|(1\d{3})|(3\d{3}))[- ]?(\d{3,4})[- ]?(\d{3,4})[- ]?(\d{3,5})\b", F), 0.3)]
SSN = [(re.compile(p, F), s) for p, s in [(r"\b([0-9]{5})-([0-9]{4})\b", 0.05), (r"\b([0-9]{3})-([0-9]{6})\b", 0.05),
                                            (r"\b(([0-9]{3})-([0-9]{2})-([0-9]{4}))\b", 0.05), (r"\b[0-9]{9}\b", 0.05),
                                            (r"\b([0-9]{3})[- .]([0-9]{2})[- .]([0-9]{4})\b", 0.5)]]
OCT = r"(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)"
IP = [(re.compile(r"\b" + OCT + r"\." + OCT + r"\." + OCT + r"\." + OCT + r"(?:/(?:[0-2]?\d|3[0-2]))?\b", F), 0.6),
      (re.compile(r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:|(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4})"
                  r"(?:%[0-9a-zA-Z]+)?(?![\w:]|\.\d)", F), 0.6)]
IBAN = re.compile(r"(?<![A-Z0-9])([A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2,6})((?:[ -]?[A-Z0-9]{4})?)((?:[ -]?[A-Z0-9]{1,3})?)(?![A-Z0-9])",
                  re.DOTALL | re.MULTILINE)
REGIONS = ("US", "UK", "DE", "FR", "IL", "IN", "CA", "BR")


def digits(t):
    return sum(c.isdigit() for c in t)


def luhn(s):
    total, twice = 0, False
    for ch in reversed(s):
        d = int(ch)
        if twice:
            d *= 2
            d = d // 10 + d % 10
        total += d
        twice = not twice
    return total % 10 == 0


def email_ok(m):
    tld = m.rsplit(".", 1)[-1].lower()
    return len(tld) > 4 if tld.startswith("xn--") else (len(tld) >= 2 and tld.isalpha() and tld.isascii())


def ssn_bad(m):
    if len({c for c in m if c in ".- "}) > 1:
        return True
    d = "".join(c for c in m if c.isdigit())
    return len(set(d)) == 1 or d[3:5] == "00" or d[5:] == "0000" or any(d.startswith(s) for s in ("000", "666", "123456789", "98765432", "078051120"))


def ip_ok(m):
    try:
        ipaddress.ip_interface(m)
        return True
    except ValueError:
        return False


def iban_ok(t):
    s = t.replace("-", "").replace(" ", "")
    moved = (s[4:] + s[:2] + "00").upper()
    try:
        return "%02d" % (98 - int("".join(str(int(c, 36)) for c in moved)) % 97) == s[2:4]
    except ValueError:
        return False


def patterns(text, pats, validate=None, invalidate=None):
    best = 0.0
    for rx, score in pats:
        for m in rx.finditer(text):
            s = score
            t = m.group(0)
            if validate is not None:
                s = 1.0 if validate(t) else 0.0
            if invalidate is not None and invalidate(t):
                s = 0.0
            best = max(best, s)
    return best


def analyse(v, threshold=0.4):
    found = []
    if "@" in v and patterns(v, EMAIL, email_ok) >= threshold:
        found.append("EMAIL_ADDRESS")
    if digits(v) >= 6:
        for region in REGIONS:
            if any(True for _ in phonenumbers.PhoneNumberMatcher(v, region, leniency=1)):
                found.append("PHONE_NUMBER")
                break
    if digits(v) >= 12 and patterns(v, CARD, lambda t: luhn(t.replace("-", "").replace(" ", ""))) >= threshold:
        found.append("CREDIT_CARD")
    if len(v) >= 15 and digits(v) >= 2:
        for m in IBAN.finditer(v):
            if any(iban_ok(v[m.start():(m.end(g) if m.end(g) > 0 else m.end())]) for g in (3, 2, 1)):
                found.append("IBAN_CODE")
                break
    if digits(v) >= 9 and patterns(v, SSN, None, ssn_bad) >= threshold:
        found.append("US_SSN")
    if ("." in v or ":" in v) and patterns(v, IP, None, lambda t: not ip_ok(t)) >= threshold:
        found.append("IP_ADDRESS")
    return found


def scan(columns):
    out = {}
    for name, values in columns.items():
        cache, counts = {}, {}
        for v in values:
            if v == "":
                continue
            r = cache.get(v)
            if r is None:
                r = cache[v] = analyse(v)
            for e in r:
                counts[e] = counts.get(e, 0) + 1
        out[name] = counts
    return out


def main(path, repeats):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    columns = {h: [r[j] for r in rows[1:]] for j, h in enumerate(rows[0])}
    best = best_cpu = float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        result = scan(columns)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    for name, counts in result.items():
        print(name, " ".join("%s=%d" % kv for kv in sorted(counts.items())))
    print("best_seconds=%.3f" % best)
    print("best_cpu_seconds=%.3f" % best_cpu)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
