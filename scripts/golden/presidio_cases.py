"""Ports Presidio's recognizer test cases and IBAN country formats into JSON (no Presidio install needed).

Usage: /usr/bin/python3 scripts/golden/presidio_cases.py PRESIDIO_CHECKOUT

Reads presidio-analyzer/tests/test_*_recognizer.py of a microsoft/presidio checkout, executes each
file with stand-ins for pytest and presidio (only the @pytest.mark.parametrize arguments are kept),
and writes assay-core/src/test/resources/golden/pii/presidio_cases.json: per recognizer test the
text, the expected number of results, their (start, end) spans and expected scores or score ranges.
Also writes the IBAN per-country formats of iban_patterns.py as
assay-core/src/main/resources/dev/assay/core/pii/iban-formats.properties.
"""
import json
import os
import string
import subprocess
import sys
import types

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TESTS = {"email": "EMAIL_ADDRESS", "credit_card": "CREDIT_CARD", "iban": "IBAN_CODE", "us_ssn": "US_SSN",
         "ip": "IP_ADDRESS", "phone": "PHONE_NUMBER", "date": "DATE_TIME"}


class _Any:
    """Stands for every presidio name a test file imports."""
    LETTERS = {ord(d): str(i) for i, d in enumerate(string.digits + string.ascii_uppercase)}

    def __getattr__(self, name):
        return _Any()

    def __call__(self, *a, **k):
        return _Any()


def _stubs(collected):
    pytest = types.ModuleType("pytest")

    def parametrize(names, values, **_):
        def wrap(fn):
            collected.append({"test": fn.__name__, "names": [n.strip() for n in names.split(",")], "values": values})
            return fn
        return wrap

    def fixture(*a, **k):
        if a and callable(a[0]):
            return a[0]
        return lambda fn: fn

    pytest.mark = types.SimpleNamespace(parametrize=parametrize)
    pytest.fixture = fixture
    pytest.raises = lambda *a, **k: None
    sys.modules["pytest"] = pytest
    tests = types.ModuleType("tests")
    tests.__getattr__ = lambda name: _Any()
    sys.modules["tests"] = tests
    for m in ("presidio_analyzer", "presidio_analyzer.predefined_recognizers", "presidio_analyzer.nlp_engine",
              "presidio_analyzer.predefined_recognizers.generic", "presidio_analyzer.predefined_recognizers.generic.iban_recognizer",
              "presidio_analyzer.predefined_recognizers.generic.phone_recognizer"):
        mod = types.ModuleType(m)
        mod.__getattr__ = lambda name: _Any()
        sys.modules[m] = mod


def _cases(entity, collected):
    out = []
    for block in collected:
        names = block["names"]
        for values in block["values"]:
            row = dict(zip(names, values))
            text = row.get("text", row.get("iban"))
            if text is None or "expected_len" not in row:
                continue
            spans = row.get("expected_positions", row.get("expected_res", ()))
            case = {"entity": entity, "test": block["test"], "text": text, "expected_len": row["expected_len"],
                    "spans": [list(s) for s in spans]}
            if "expected_score_ranges" in row:
                case["score_ranges"] = [[r[0], 1.0 if r[1] == "max" else r[1]] for r in row["expected_score_ranges"]]
            elif "expected_score" in row:
                case["score"] = row["expected_score"]
            elif "score" in row:
                case["score"] = row["score"]
            if "leniency" in row:
                case["leniency"] = row["leniency"]
            out.append(case)
    return out


def main(checkout):
    commit = subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    base = os.path.join(checkout, "presidio-analyzer")
    cases = []
    for name, entity in TESTS.items():
        path = os.path.join(base, "tests", "test_%s_recognizer.py" % name)
        collected = []
        _stubs(collected)
        with open(path) as f:
            exec(compile(f.read(), path, "exec"), {"__name__": "presidio_test"})
        found = _cases(entity, collected)
        for c in found:
            c["source"] = "presidio-analyzer/tests/test_%s_recognizer.py" % name
        cases += found
    out = os.path.join(ROOT, "assay-core", "src", "test", "resources", "golden", "pii", "presidio_cases.json")
    with open(out, "w") as f:
        json.dump({"presidio_commit": commit, "cases": cases}, f, indent=1)
    patterns = {}
    with open(os.path.join(base, "presidio_analyzer", "predefined_recognizers", "generic", "iban_patterns.py")) as f:
        exec(f.read(), patterns)
    res = os.path.join(ROOT, "assay-core", "src", "main", "resources", "dev", "assay", "core", "pii", "iban-formats.properties")
    with open(res, "w") as f:
        f.write("# IBAN formats per country, from microsoft/presidio %s\n" % commit)
        f.write("# presidio-analyzer/presidio_analyzer/predefined_recognizers/generic/iban_patterns.py (MIT licence)\n")
        for cc in sorted(patterns["regex_per_country"]):
            f.write("%s=%s\n" % (cc, patterns["regex_per_country"][cc].replace("\\", "\\\\")))
    print(len(cases), "cases,", len(patterns["regex_per_country"]), "IBAN formats")


if __name__ == "__main__":
    main(sys.argv[1])
