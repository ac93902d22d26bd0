"""Writes assay-models/src/test/resources/text/spam_assassin_sample.csv: a seeded, stratified sample of
/work/shared/datasets/spam_assassin.csv (SpamAssassin public corpus; see that folder's README) small enough to
commit: 500 ham and 300 spam rows drawn with random.Random(20240101), each text cut to its first 400 characters
(at a word boundary). Run with Debian's /usr/bin/python3; needs only the standard library."""
import csv
import random
import sys
from pathlib import Path

SOURCE = Path("/work/shared/datasets/spam_assassin.csv")
OUT = Path(__file__).resolve().parents[2] / "assay-models/src/test/resources/text/spam_assassin_sample.csv"

csv.field_size_limit(sys.maxsize)
with SOURCE.open(newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
rng = random.Random(20240101)
picked = []
for label, count in (("ham", 500), ("spam", 300)):
    group = [r for r in rows if r["label"] == label]
    picked += rng.sample(group, count)
rng.shuffle(picked)


def cut(text, limit=400):
    if len(text) <= limit:
        return text
    head = text[:limit]
    return head[: head.rfind(" ")] if " " in head else head


with OUT.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["text", "label"])
    for r in picked:
        w.writerow([cut(r["text"]), r["label"]])
print(OUT, len(picked))
