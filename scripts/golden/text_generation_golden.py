"""Writes assay-cli/src/test/resources/golden/text_generation_nltk.json: corpus BLEU of the reply/original
pairs (data/reply_quote_pairs.csv) by NLTK 3.8 (Debian python3-nltk) corpus_bleu, uniform weights over
orders 1-4 and no smoothing, on tokens of sacreBLEU's 13a tokenizer (its regular expressions, copied from
sacrebleu/tokenizers/tokenizer_re.py, since NLTK has no 13a). NLTK's closest reference length (shorter
on ties) and brevity penalty are sacreBLEU's, so the two agree when every n-gram order has a match.

Usage: /usr/bin/python3 scripts/golden/text_generation_golden.py
"""
import csv
import json
import re
from pathlib import Path

from nltk.translate.bleu_score import corpus_bleu

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "assay-cli/src/test/resources/data/reply_quote_pairs.csv"
OUT = ROOT / "assay-cli/src/test/resources/golden/text_generation_nltk.json"

RULES = [
    (re.compile(r'([\{-\~\[-\` -\&\(-\+\:-\@\/])'), r' \1 '),
    (re.compile(r'([^0-9])([\.,])'), r'\1 \2 '),
    (re.compile(r'([\.,])([^0-9])'), r' \1 \2'),
    (re.compile(r'([0-9])(-)'), r'\1 \2 '),
]


def tokenize_13a(line):
    line = line.replace('<skipped>', '').replace('-\n', '').replace('\n', ' ')
    if '&' in line:
        line = line.replace('&quot;', '"').replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')
    line = f' {line} '
    for pattern, repl in RULES:
        line = pattern.sub(repl, line)
    return line.split()


def main():
    with open(DATA, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    refs = [[tokenize_13a(r["reference"])] for r in rows]
    hyps = [tokenize_13a(r["hypothesis"]) for r in rows]
    bleu = corpus_bleu(refs, hyps)
    OUT.write_text(json.dumps({"pairs": len(rows), "bleu": 100 * bleu}, indent=2) + "\n")


if __name__ == "__main__":
    main()
