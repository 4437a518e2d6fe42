#!/usr/bin/env bash
# Renders a ~100 KB French article at 80 columns with qnread and with w3m, in the same run.
# Usage: bench/render.sh path/to/qnread   (make bench passes the release binary)
# Prints what was compared, how many runs, medians and ratios. Never asserts a time.
set -euo pipefail
qnread=${1:?usage: bench/render.sh QNREAD_BINARY}
runs=${RUNS:-21}
repeat=${REPEAT:-200}
sections=66   # about 100 KB
dir=.build/bench/render
mkdir -p "$dir"
article="$dir/article-100k.html"

# The corpus: sections cycled from a few French paragraphs, numbered so no two are identical.
{
    printf '<html><head><meta charset="utf-8"><title>Rapport annuel de la communauté numérique</title></head><body>\n'
    for i in $(seq "$sections"); do
        printf '<h2>Section %d&nbsp;: la communauté numérique de Québec</h2>\n' "$i"
        printf '<p>Le %d novembre dernier, les bénévoles du <a href="https://webaquebec.example.org/section/%d">Web à Québec</a> ont reçu «&nbsp;toute la communauté&nbsp;» au <strong>Hub de Saint-Roch</strong>. Pourquoi tant d’engouement ? Parce que l’accessibilité, ça nous concerne tous&nbsp;: près de 20&nbsp;%% des gens vivent avec une limitation qui change leur façon de naviguer&nbsp;!</p>\n' "$i" "$i"
        printf '<p>Les <em>présentations</em> ont porté sur les lecteurs d’écran, le contraste et les appels d’offres&#8239;; une période de questions a suivi, où l’on a parlé de <code>rem</code>, de sous-titres et de <a href="/ateliers/%d">la page des ateliers</a>. Le rapport complet est en ligne à https://donnees.example.qc.ca/accessibilite/rapports/2025/etude-%d-des-sites-web-quebecois.pdf.</p>\n' "$i" "$i"
        printf '<ul><li>débrancher la souris pendant une heure&#8239;;</li><li>lire la page avec un lecteur d’écran&#8239;;<ul><li>NVDA</li><li>VoiceOver</li></ul></li><li>passer un vérificateur automatique.</li></ul>\n'
        printf '<blockquote><p>On ne fait pas de l’accessibilité pour une minorité. On la fait pour nous tous, à un moment ou l’autre de notre vie&nbsp;!</p></blockquote>\n'
        printf '<table><tr><th>Critère</th><th>Sites conformes</th></tr><tr><td>Texte alternatif</td><td>%d&nbsp;%%</td></tr><tr><td>Contraste</td><td>47&nbsp;%%</td></tr></table>\n' "$((i % 100))"
        printf '<p><img src="/images/photo-%d.jpg" alt="Photo %d de la soirée"> Merci au <em>Guide Entrepreneur</em> pour les photos.</p>\n' "$i" "$i"
    done
    printf '</body></html>\n'
} > "$article"
bytes=$(wc -c < "$article")

# Wall time of one whole process (fork, exec, dynamic loading, read, render, write to /dev/null), median of $runs, in
# µs: hyperfine without a shell (-N), so no process of the bench's own is counted (timing `date` around each run
# added about 10 ms to both sides and hid a 1 ms difference).
time_process() {
    hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$dir/time.json" -- "$*" > /dev/null 2>&1
    python3 -c 'import json, sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"] * 1e6))' "$dir/time.json"
}

qn_us=$(time_process "$qnread" show --file "$article" --width 80 --color never)
w3m_us=$(time_process w3m -dump -cols 80 -T text/html "$article")
start_us=$(time_process "$qnread" --version)
xmllint_us=$(time_process xmllint --html --noout --repeat "$article")

inprocess=$("$qnread" show --file "$article" --width 80 --color never --repeat "$repeat" 2>&1 >/dev/null)
render_ms=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' <<< "$inprocess")

echo "render: $article ($bytes bytes), 80 columns"
echo "  per process, median of $runs runs (includes process start, reading the file, parse, layout, output):"
awk -v q="$qn_us" -v w="$w3m_us" 'BEGIN {
    printf "    qnread show --color never        %8.2f ms\n", q / 1000
    printf "    w3m -dump -cols 80 -T text/html  %8.2f ms\n", w / 1000
    printf "    ratio qnread / w3m               %8.2f\n", q / w }'
awk -v s="$start_us" -v x="$xmllint_us" 'BEGIN {
    printf "    for scale: qnread --version (start-up alone) %.2f ms; libxml2 parse alone (xmllint --html --repeat, per parse) %.2f ms\n", s / 1000, x / 100000 }'
echo "  in process, qnread only (parse + layout, no start-up, no output), $repeat renders:"
echo "    $inprocess"
awk -v r="$render_ms" -v w="$w3m_us" 'BEGIN {
    printf "    ratio in-process render / w3m whole process %.3f (w3m has no in-process figure; its time includes start-up)\n", r * 1000 / w
    printf "    target: under 2 ms per render at 80 columns\n" }'
