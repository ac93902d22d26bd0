"""Writes ROWS rows of synthetic customer records with identifiers for the PII scan benchmark.

Columns: id, email, phone, card (Luhn-valid half the time), iban (valid German IBANs), ip, note (free text
that mentions an e-mail or a phone number in one row of five), amount. Seeded, so every run scans the same file.
Usage: make_pii_data.py ROWS OUT.csv
"""
import csv
import random
import sys

NAMES = ["anna", "ben", "carla", "dieter", "eva", "farid", "greta", "hans", "ines", "jon"]


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def iban(rng):
    bban = "%08d%010d" % (rng.randrange(10 ** 8), rng.randrange(10 ** 10))
    num = int(bban + "1314" + "00")  # D=13, E=14
    return "DE%02d%s" % (98 - num % 97, bban)


def main(rows, out):
    rng = random.Random(42)
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "email", "phone", "card", "iban", "ip", "note", "amount"])
        for i in range(rows):
            name = rng.choice(NAMES)
            email = "%s.%d@mail%d.example.com" % (name, i, rng.randrange(50))
            phone = "+49 30 %07d" % rng.randrange(10 ** 7) if i % 2 else "(415) 555-%04d" % rng.randrange(10 ** 4)
            body = "4" + "%014d" % rng.randrange(10 ** 14)
            card = body + (luhn_digit(body) if i % 2 else "0")
            ip = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            k = i % 5
            note = ("please write to %s" % email) if k == 0 else ("call me on %s" % phone) if k == 1 else \
                "order %d shipped" % rng.randrange(10 ** 6)
            w.writerow([i, email, phone, card, iban(rng), ip, note, "%.2f" % (rng.random() * 1000)])


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
