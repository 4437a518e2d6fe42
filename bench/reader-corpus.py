#!/usr/bin/env python3
"""Writes a deterministic corpus of RSS 2.0 files for the reader benchmark: ARTICLES items spread over
FEEDS feeds, French titles and bodies. Usage: reader-corpus.py DIR ARTICLES FEEDS"""
import os
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

directory, total, feeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(directory, exist_ok=True)
words = ["Québec", "numérique", "logiciel", "libre", "données", "ouvertes", "développeurs", "Lévis",
         "conférence", "été", "hiver", "école", "réseau", "sécurité", "accessibilité", "Montréal"]
start = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
per_feed = total // feeds
for f in range(feeds):
    items = []
    for i in range(per_feed):
        n = f * per_feed + i
        title = " ".join(words[(n * 7 + k) % len(words)] for k in range(6))
        body = " ".join(words[(n * 3 + k) % len(words)] for k in range(80))
        date = format_datetime(start - timedelta(minutes=n * 7))
        items.append(f"<item><guid>urn:bench:{f}:{i}</guid><title>« {title} » n° {n}</title>"
                     f"<link>https://bench{f}.example/{i}</link><pubDate>{date}</pubDate>"
                     f"<description>&lt;p&gt;{body}&lt;/p&gt;</description></item>")
    with open(os.path.join(directory, f"feed{f:03}.xml"), "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                  f"<title>Fil de banc d’essai {f}</title><link>https://bench{f}.example/</link>"
                  + "".join(items) + "</channel></rss>\n")
