"""The reload benchmarks' corpus: FEEDS RSS 2.0 feeds of ITEMS French articles each, the same bytes for the same
arguments (seeded), written once under WORK/feeds. Used by reload_bench.py and parse_corpus.sh."""
import os, random, shutil, sys

WORDS = ("Québec numérique communauté logiciel libre développeuse bénévoles atelier données ouvertes "
         "accessibilité rencontre projet contribution été hiver cégep université bibliothèque quartier "
         "Saint-Roch Limoilou Sainte-Foy Lévis café écran clavier réseau serveur français traduction "
         "événement conférence entreprise jeune pousse innovation citoyen municipalité").split()

def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize()

def generate(work, feeds, items):
    corpus = os.path.join(work, "feeds")
    marker = os.path.join(corpus, f".done-{feeds}x{items}")
    if os.path.exists(marker):
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    rng = random.Random(4)
    for f in range(feeds):
        out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
               f'<title>Flux {f:03d} — {sentence(rng, 3)}</title>\n<link>https://flux{f:03d}.exemple.qc.ca/</link>\n'
               f'<description>{sentence(rng, 8)}</description>\n<language>fr-CA</language>\n']
        for i in range(items):
            day = 1 + (i % 28)
            paragraphs = "".join(f"<p>{sentence(rng, 40)} « {sentence(rng, 6)} » ; l’{rng.choice(WORDS)} !</p>" for _ in range(3))
            out.append(f'<item>\n<title>{sentence(rng, 7)}</title>\n<link>https://flux{f:03d}.exemple.qc.ca/{i}</link>\n'
                       f'<guid>flux{f:03d}-article-{i}</guid>\n<pubDate>Mon, {day:02d} Nov 2026 {i % 24:02d}:00:00 -0500</pubDate>\n'
                       f'<description>{sentence(rng, 20)}</description>\n'
                       f'<content:encoded><![CDATA[{paragraphs}<p><a href="https://exemple.qc.ca/{f}/{i}">Lire la suite</a></p>]]></content:encoded>\n</item>\n')
        out.append("</channel>\n</rss>\n")
        with open(os.path.join(corpus, f"feed-{f:03d}.xml"), "w", encoding="utf-8") as fh:
            fh.write("".join(out))
    open(marker, "w").close()
    return corpus


if __name__ == "__main__":
    # reload_corpus.py WORK FEEDS ITEMS: prints the corpus directory.
    print(generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
