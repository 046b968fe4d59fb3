#!/usr/bin/env python3
"""Writes N realistic customer rows (semicolon CSV, UTF-8, accents) for measuring `import customers`.

    python3 bench/import/generate_customers.py 1000000 /tmp/customers-1m.csv

Owners are the demo directory's e-mails (run `seed --customers 1` or import a users file first), so each row resolves an owner.
"""
import random
import sys
import unicodedata

FIRST = ["María", "José", "Begoña", "Íñigo", "Núria", "Álvaro", "Sofía", "Ramón", "Lucía", "Martín", "Emily", "Oliver", "Charlotte", "James"]
LAST = ["Núñez", "Muñoz", "Peña", "Ibáñez", "Castañeda", "Ordóñez", "García", "Martínez", "Carter", "Bennett", "Hughes", "O'Neill"]
COMPANIES = ["Construcciones Peñalara, S.L.", "Cafés del Sur", "Bodegas Añón", "Acme Ltd", "Northwind Traders", "", "", ""]
OWNERS = ["javier.munoz@chatcrm.example", "begona.nunez@chatcrm.example", "emily.carter@chatcrm.example", "oliver.bennett@chatcrm.example"]


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower().replace("'", "")


def main(count, path):
    rng = random.Random(20261206)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("externalId;name;company;country;language;owner;email;phone;loyaltyNumber\n")
        for i in range(1, count + 1):
            first, last = rng.choice(FIRST), f"{rng.choice(LAST)} {rng.choice(LAST)}"
            company = rng.choice(COMPANIES)
            company = f'"{company}"' if ";" in company else company
            email = f"{fold(first)}.{fold(last).replace(' ', '.')}.{i}@example.com"
            phone = f"+34 6{i // 1000000 % 100:02d} {i // 1000 % 1000:03d} {i % 1000:03d}"
            out.write(f"EXT-{i:08d};{first} {last};{company};ES;es;{rng.choice(OWNERS)};{email};{phone};LY{i:09d}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
