"""Writes test.csv: examples/german-credit/test.csv with the outcomes (column `class`) of the
applicants whose personal_status is `female div/dep/mar` shuffled among them (random.Random(20240611)).

Every applicant of that group is paired with another's outcome, so on these rows any model is scored as
if its predictions were shuffled within the group; the other rows are unchanged.
Run from the repository root: /usr/bin/python3 examples/maven-project/degraded/degrade.py
"""
import csv
import random
from pathlib import Path

GROUP = "female div/dep/mar"
SOURCE = Path("examples/german-credit/test.csv")
TARGET = Path("examples/maven-project/degraded/test.csv")

with SOURCE.open(newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
status, label = header.index("personal_status"), header.index("class")
members = [i for i, row in enumerate(body) if row[status] == GROUP]
outcomes = [body[i][label] for i in members]
random.Random(20240611).shuffle(outcomes)
for i, outcome in zip(members, outcomes):
    body[i][label] = outcome
with TARGET.open("w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + body)
