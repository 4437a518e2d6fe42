#!/usr/bin/env python3
"""Writes a deterministic corpus of French RSS 2.0 feeds for bench/store.sh.

usage: generate-store-corpus.py OUT_DIR [FEEDS] [ITEMS]
OUT_DIR/feed-0000.xml … (about 500 KB each at 100 items), OUT_DIR/queries.txt (50 searches).
Same seed, same bytes: the corpus is identical on every machine and run.
"""
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

SEED = 20261201
out_dir = sys.argv[1]
feed_count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
item_count = int(sys.argv[3]) if len(sys.argv) > 3 else 100

# Common words first: the sampler below picks low indexes far more often (roughly Zipf).
COMMON = """de la le et les des en un une du à au pour dans sur par avec est sont qui que ce cette
nous vous ils elles son ses leur leurs plus pas mais ou comme aussi très entre après avant depuis tout
tous toute bien sans sous lors encore déjà ainsi""".split()
TOPICAL = """Québec Montréal Sherbrooke Gatineau Lévis Trois-Rivières Saguenay Rimouski numérique logiciel libre
données ouvertes école université cégep étudiants développement développeur développeuse communauté
rencontre conférence atelier programme projet équipe entreprise PME gouvernement ministère sécurité
infonuagique réseau serveur application mobile accessibilité intelligence artificielle apprentissage
automatique modèle langage français francophone traduction caractères accentués Unicode mémoire
performance base recherche index requête transaction journal système Linux Debian Swift Python Rust
JavaScript PostgreSQL SQLite terminal clavier écran lecteur flux nouvelles actualité été hiver automne
printemps neige verglas hockey érable poutine fromage bibliothèque musée festival culture patrimoine
financement subvention incubateur jeune pousse emploi stage formation bénévoles organisme économie
région quartier ville citoyens municipalité transport métro autobus vélo énergie hydroélectricité
environnement climat forêt fleuve Saint-Laurent télétravail bureau café réunion démonstration
prototype version publication sortie correctif vulnérabilité chiffrement authentification mot passe
courriel infolettre balado vidéo diffusion direct compte rendu présentation diapositives questions
réponses inscription gratuit billets salle centre pavillon campus laboratoire chercheurs professeure
doctorat maîtrise baccalauréat thèse article revue scientifique éthique vie privée Loi 25 conformité""".split()
SYLLABLES = "ba bé bi bo bu ca ce ci co cu da dé di do du fa fé fi fo ga gé gi go la lé li lo lu ma mé mi mo mu na né ni no nu pa pé pi po pu ra ré ri ro ru sa sé si so su ta té ti to tu va vé vi vo vu tra tré pro pré con dé".split()
ENTITIES = {"é": "&eacute;", "è": "&egrave;", "à": "&agrave;", "ç": "&ccedil;", "É": "&Eacute;", "ê": "&ecirc;"}

rng = random.Random(SEED)
RARE = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(30000)})
rng.shuffle(RARE)
VOCABULARY = COMMON + TOPICAL + RARE

def word():
    # Power-law index: the first few hundred words carry most of the text, the rare tail gives variety.
    return VOCABULARY[min(len(VOCABULARY) - 1, int(len(VOCABULARY) * rng.random() ** 6))]

def sentence(length):
    words = [word() for _ in range(length)]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice([".", ".", ".", " !", " ?", "…"])

def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def html_text(text):
    # Some feeds write accents as entities, some as UTF-8: search must not care.
    if rng.random() < 0.3:
        text = "".join(ENTITIES.get(c, c) for c in text)
    return text.replace(" :", "&nbsp;:").replace(" ?", "&nbsp;?").replace(" !", "&nbsp;!")

def paragraph():
    parts = []
    for _ in range(rng.randint(3, 6)):
        s = html_text(escape(sentence(rng.randint(8, 22))))
        roll = rng.random()
        if roll < 0.15:
            s = f"<strong>{s}</strong>"
        elif roll < 0.25:
            s = f'« {s} » <a href="https://exemple.qc.ca/{rng.randint(1, 99999)}">lien</a>'
        parts.append(s)
    return "<p>" + " ".join(parts) + "</p>"

os.makedirs(out_dir, exist_ok=True)
start = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
authors = ["Marie-Ève Tremblay", "Jean-François Roy", "Geneviève Côté", "Étienne Gagnon", "Chloé Bélanger",
           "François Lévesque", "Anaïs Pelletier", "Benoît Gauthier"]
for f in range(feed_count):
    city = TOPICAL[f % 8]
    title = f"{rng.choice(['Communauté', 'Groupe', 'Rencontres', 'Blogue', 'Nouvelles'])} {rng.choice(TOPICAL[8:60])} de {city} nº {f}"
    chunks = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
              f"<title>{escape(title)}</title>\n<link>https://flux{f}.exemple.qc.ca/</link>\n"
              f"<description>Les nouvelles de {escape(city)}</description>\n<language>fr-CA</language>\n"]
    for i in range(item_count):
        date = start - timedelta(minutes=(f * 7 + i * 5261) % 525600, seconds=f)
        body = "".join(paragraph() for _ in range(rng.randint(6, 11)))
        chunks.append(
            f"<item>\n<title>{escape(sentence(rng.randint(4, 10)).rstrip('.'))}</title>\n"
            f"<link>https://flux{f}.exemple.qc.ca/{i}</link>\n<guid isPermaLink=\"false\">flux{f}-article{i}</guid>\n"
            f"<pubDate>{format_datetime(date)}</pubDate>\n<dc:creator>{rng.choice(authors)}</dc:creator>\n"
            f"<category>{escape(rng.choice(TOPICAL))}</category>\n"
            f"<description><![CDATA[{body}]]></description>\n</item>\n")
    chunks.append("</channel>\n</rss>\n")
    with open(os.path.join(out_dir, f"feed-{f:04d}.xml"), "w", encoding="utf-8") as handle:
        handle.write("".join(chunks))

# 50 searches of every kind: frequent and rare words, accents left off, prefixes, phrases, exclusions, filters.
queries = ["québec", "quebec", "ecole", "École numérique", "logiciel libre", '"logiciel libre"', '"données ouvertes"',
           "numéri*", "sécur*", "dévelop*", "montreal -hockey", "python -django", "intelligence artificielle",
           '"intelligence artificielle" -éthique', "accessibilite", "SQLITE", "swift linux", "poutine érable",
           "is:unread québec", "conférence is:unread", "vulnérabilité correctif", "chiffrement authentification",
           "« vie privée »", "loi 25 conformité", "Saint-Laurent", "trois-rivières", "hydroelectricite",
           "télétravail café", "apprentissage automatique", "balado", "infolettre inscription", "doctorat thèse",
           "before:2026-06-01 hiver", "after:2026-10-01 automne", "festival -musée"]
for rare in RARE[:15]:
    queries.append(rare if len(queries) % 2 else rare[:4] + "*")
with open(os.path.join(out_dir, "queries.txt"), "w", encoding="utf-8") as handle:
    handle.write("\n".join(queries[:50]) + "\n")
