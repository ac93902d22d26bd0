"""Writes assay-core/src/test/resources/golden/porter_nltk.json: NLTK 3.8 (Debian python3-nltk)
PorterStemmer() (mode NLTK_EXTENSIONS, the one rouge-score uses with use_stemmer=True) applied to every
distinct rouge-score token longer than three characters of data/reply_quote_pairs.csv (real mail text),
plus words that exercise each rule of the algorithm.

Usage: /usr/bin/python3 scripts/golden/porter_golden.py
"""
import csv
import json
import re
from pathlib import Path

from nltk.stem.porter import PorterStemmer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "assay-cli/src/test/resources/data/reply_quote_pairs.csv"
OUT = ROOT / "assay-core/src/test/resources/golden/porter_nltk.json"

RULE_WORDS = """caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping
tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer
conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness
hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical
hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate
cease controll roll dying lying tying news innings outings cannings howe proceed exceed succeed skies generously
analogi fulli carefulli tried spied died cried""".split()


def main():
    words = set(RULE_WORDS)
    with open(DATA, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for text in (row["reference"], row["hypothesis"]):
                for token in re.sub(r"[^a-z0-9]+", " ", text.lower()).split():
                    if len(token) > 3:
                        words.add(token)
    stemmer = PorterStemmer()
    OUT.write_text(json.dumps({w: stemmer.stem(w) for w in sorted(words)}, indent=0) + "\n")


if __name__ == "__main__":
    main()
