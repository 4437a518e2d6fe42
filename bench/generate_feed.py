#!/usr/bin/env python3
"""Writes one large RSS 2.0 feed of French articles to stdout, the same bytes for the same seed.

Items look like a French WordPress site's: an escaped HTML excerpt in <description>, the full article
as HTML in a CDATA <content:encoded>, Dublin Core author, categories, a guid and an RFC 822 date.
"""
import argparse
import random
import sys
from xml.sax.saxutils import escape

WORDS = ("le la les un une des du de à au aux et ou mais donc or ni car que qui quoi dont où "
         "Québec Montréal Lévis Sherbrooke Gatineau Saguenay numérique logiciel libre communauté "
         "développeuse développeur réseau sécurité données ouverture conférence atelier rencontre "
         "café matinée soirée bénévole été hiver automne printemps écosystème entreprise étudiant "
         "étudiante université cégep école apprentissage accessibilité français langue québécoise "
         "interface terminal serveur nuage hébergement façon événement première dernière réglementation "
         "élève créativité protégé déjà très où même ça voilà d’abord aujourd’hui l’équipe qu’on s’inscrire").split()
TAGS = ["Logiciel libre", "Événements", "Sécurité", "Données ouvertes", "Accessibilité", "Communauté", "Éducation"]
AUTHORS = ["Léa Tremblay", "Émile Gagnon", "Chloé Bouchard", "François Côté", "Zoé Pelletier", "Hélène Lévesque"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def sentence(rng, low=8, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", "\u00a0!", "\u00a0?", "\u00a0: « " + rng.choice(WORDS) + "\u00a0»."])


def paragraph(rng):
    parts = []
    for _ in range(rng.randint(3, 6)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.15:
            s = f'<a href="https://exemple.qc.ca/{rng.choice(WORDS)}/{rng.randint(1, 9999)}">{s}</a>'
        elif roll < 0.25:
            s = f"<strong>{s}</strong>"
        elif roll < 0.32:
            s = f"<em>{s}</em>"
        parts.append(s)
    return "<p>" + " ".join(parts) + "</p>"


def article(rng, target):
    blocks = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.1:
            block = "<ul>" + "".join(f"<li>{sentence(rng, 3, 8)}</li>" for _ in range(rng.randint(2, 5))) + "</ul>"
        elif roll < 0.15:
            block = f"<blockquote><p>{sentence(rng)}</p></blockquote>"
        elif roll < 0.2:
            block = (f'<figure><img src="https://exemple.qc.ca/images/{rng.randint(1, 99999)}.jpg" alt="{sentence(rng, 3, 6)}"/>'
                     f"<figcaption>{sentence(rng, 4, 9)}</figcaption></figure>")
        elif roll < 0.25:
            block = f"<h2>{sentence(rng, 3, 7)}</h2>"
        else:
            block = paragraph(rng)
        blocks.append(block)
        size += len(block.encode("utf-8"))
    return "\n".join(blocks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--body-bytes", type=int, default=3250)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
              "<title>Québec numérique — banc d’essai</title>\n<link>https://exemple.qc.ca/</link>\n"
              '<atom:link rel="self" type="application/rss+xml" href="https://exemple.qc.ca/feed/"/>\n'
              "<description>Nouvelles des communautés technologiques du Québec</description>\n"
              "<language>fr-CA</language>\n")
    for number in range(args.items, 0, -1):
        title = sentence(rng, 4, 10).rstrip(".")
        body = article(rng, args.body_bytes)
        excerpt = paragraph(rng)
        day = 1 + number % 28
        date = f"{DAYS[number % 7]}, {day:02d} {MONTHS[number % 12]} {2000 + number % 25} {number % 24:02d}:{number % 60:02d}:00 -0500"
        out.write(f"<item>\n<title>{escape(title)}</title>\n"
                  f"<link>https://exemple.qc.ca/{number}/</link>\n"
                  f"<dc:creator><![CDATA[{rng.choice(AUTHORS)}]]></dc:creator>\n"
                  f"<pubDate>{date}</pubDate>\n"
                  f"<category><![CDATA[{rng.choice(TAGS)}]]></category>\n"
                  f'<guid isPermaLink="false">https://exemple.qc.ca/?p={number}</guid>\n'
                  f"<description>{escape(excerpt)}</description>\n"
                  f"<content:encoded><![CDATA[{body}]]></content:encoded>\n</item>\n")
    out.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
