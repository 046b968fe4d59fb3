#!/usr/bin/env python3
"""Writes N order or consent rows (semicolon CSV, UTF-8, decimal commas) for measuring `import orders` / `import consents`.

    python3 bench/import/generate_orders_consents.py orders 100000 /tmp/orders-100k.csv [customers]
    python3 bench/import/generate_orders_consents.py consents 100000 /tmp/consents-100k.csv [customers]

Every row names a customer of generate_customers.py (EXT-00000001 up to the given count, 100,000 by default), so import
those customers first. About 2 % of the orders are large (over 5,000 EUR) and 1 % are large deposits, so some fire the
offer triggers; consents alternate grants and withdrawals over the purposes and channels, each statement on its own date.
"""
import datetime
import random
import sys

PRODUCTS = [("SKU-001", ""), ("SKU-007", ""), ("SKU-010", "Accessories"), ("SKU-016", ""), ("SKU-020", ""), ("DEP-100", "Deposits")]
CURRENCIES = ["EUR"]  # the default configuration has rates for nothing else (Tiers:ExchangeRates)
PURPOSES = ["Marketing", "Profiling", "Service"]
CHANNELS = ["Email", "Phone", "Sms", "Chat", "Post"]
SOURCES = ["web form", "signed contract", "call with rep", "formulario web", "contrato firmado"]
START = datetime.date(2024, 12, 1)


def amount(rng, product):
    roll = rng.random()
    if product[1] == "Deposits":
        value = rng.uniform(10_000, 60_000) if roll < 0.5 else rng.uniform(500, 9_000)
    elif roll < 0.02:
        value = rng.uniform(5_000, 20_000)
    else:
        value = rng.uniform(10, 3_000)
    return f"{value:.2f}".replace(".", ",")


def orders(rng, count, customers, out):
    out.write("externalId;customerExternalId;productCode;category;amount;currency;placedAt\n")
    for i in range(1, count + 1):
        product = PRODUCTS[-1] if rng.random() < 0.02 else rng.choice(PRODUCTS[:-1])
        placed = START + datetime.timedelta(days=rng.randrange(700))
        out.write(f"ORD-{i:08d};EXT-{rng.randrange(1, customers + 1):08d};{product[0]};{product[1]};{amount(rng, product)};"
                  f"{rng.choice(CURRENCIES)};{placed.isoformat()}\n")


def consents(rng, count, customers, out):
    out.write("externalId;customerExternalId;purpose;channel;status;source;recordedAt\n")
    for i in range(1, count + 1):
        recorded = START + datetime.timedelta(days=rng.randrange(700), minutes=rng.randrange(24 * 60))
        out.write(f"CON-{i:08d};EXT-{rng.randrange(1, customers + 1):08d};{rng.choice(PURPOSES)};{rng.choice(CHANNELS)};"
                  f"{'granted' if rng.random() < 0.6 else 'withdrawn'};{rng.choice(SOURCES)};{recorded.strftime('%Y-%m-%dT%H:%M:00Z')}\n")


def main(kind, count, path, customers):
    rng = random.Random(20261207)
    with open(path, "w", encoding="utf-8", newline="") as out:
        (orders if kind == "orders" else consents)(rng, count, customers, out)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 100_000)
