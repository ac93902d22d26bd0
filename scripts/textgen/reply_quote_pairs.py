"""Builds text pairs from the SpamAssassin public corpus (datasets/spam_assassin.csv).

A ham message whose text starts with "Re: " is a reply; its original is a ham message whose text starts
with the same subject (at least 15 shared characters after "Re: "). After the shared prefix (the subject)
is cut from both, the reference is the first 40 words of the original's body and the hypothesis the first
40 words of the reply's body, which often quotes the original. One pair per reply, the first original in
row order; the first 120 pairs in row order are written.

Usage: /usr/bin/python3 reply_quote_pairs.py SPAM_ASSASSIN_CSV OUT_CSV
"""
import csv
import sys

WORDS = 40
PAIRS = 120
MIN_PREFIX = 15


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def main(source, target):
    with open(source, newline="", encoding="utf-8") as f:
        rows = [r["text"] for r in csv.DictReader(f) if r["label"] == "ham"]
    by_start = {}
    for i, text in enumerate(rows):
        if not text.startswith("Re: ") and len(text) >= MIN_PREFIX:
            by_start.setdefault(text[:MIN_PREFIX], []).append(i)
    pairs = []
    for text in rows:
        if not text.startswith("Re: "):
            continue
        reply = text[4:]
        for j in by_start.get(reply[:MIN_PREFIX], []):
            n = common_prefix(reply, rows[j])
            ref = rows[j][n:].split()[:WORDS]
            hyp = reply[n:].split()[:WORDS]
            if len(ref) >= 5 and len(hyp) >= 5:
                pairs.append((" ".join(ref), " ".join(hyp)))
                break
        if len(pairs) == PAIRS:
            break
    with open(target, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["reference", "hypothesis"])
        w.writerows(pairs)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
