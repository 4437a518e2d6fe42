// The French demo feed, shipped inside the binary as one literal so the binary needs no resource files.
// Original writing for qnread; every person and event in it is imagined. French typography: no-break spaces
// (U+00A0 before « : » and inside « », U+202F before ; ! ?) are real characters here, not entities.

extension DemoFeed {
    static let xml = #"""
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Démo qnread — la communauté numérique de Québec</title>
<link>https://qnread.github.io/demo/</link>
<description>Un flux de démonstration livré avec qnread, lisible sans réseau : des nouvelles (imaginaires) de la communauté numérique de Québec.</description>
<language>fr-CA</language>
<lastBuildDate>Sat, 14 Nov 2026 10:00:00 -0500</lastBuildDate>
<item>
<title>Retour sur la première Nuit du code ouvert au Hub de Saint-Roch</title>
<link>https://qnread.github.io/demo/nuit-du-code-ouvert</link>
<guid isPermaLink="false">demo-nuit-du-code-ouvert</guid>
<dc:creator>Maude Tremblay-Caron</dc:creator>
<pubDate>Sat, 14 Nov 2026 10:00:00 -0500</pubDate>
<category>Événements</category>
<category>Logiciel libre</category>
<description>Plus de cent vingt personnes ont passé la nuit à contribuer à des logiciels libres utiles à la région : retour sur une première édition réussie.</description>
<content:encoded><![CDATA[<p>Samedi dernier, plus de cent vingt personnes ont rempli le Hub de Saint-Roch pour la toute première <strong>Nuit du code ouvert</strong> de Québec, une rencontre organisée par des bénévoles de la communauté numérique de la capitale. De 18 h à l’aube, développeuses, étudiants, designers, bibliothécaires et simples curieux se sont relayés autour de longues tables couvertes de portables, de câbles et de cafés refroidis. L’objectif était simple : contribuer, ensemble, à des logiciels libres utiles à la région.</p>
<p>Pourquoi tant d’engouement ? Parce que l’idée de départ touchait une corde sensible. « Nous avons tous, un jour, buté sur un outil mal traduit, un site municipal illisible sur téléphone ou des données publiques enfermées dans un PDF », résume Maude Tremblay-Caron, l’une des instigatrices de l’événement. « Ce soir, on arrête de s’en plaindre et on ouvre nos éditeurs. »</p>
<figure><img src="https://qnread.github.io/demo/nuit-du-code-hub-saint-roch.jpg" alt="Les tables du Hub de Saint-Roch pendant la Nuit du code ouvert" width="1200" height="675"><figcaption>Vers minuit, au Hub de Saint-Roch : une quinzaine d’équipes travaillent encore.</figcaption></figure>
<h2>Quatre chantiers, une seule nuit</h2>
<p>Les participants avaient le choix entre quatre chantiers, présentés en ouverture par leurs responsables :</p>
<ul>
<li><strong>La traduction française</strong> de deux outils de gestion de bénévoles, utilisés par plusieurs organismes communautaires de Limoilou et de Saint-Sauveur ;</li>
<li><strong>Les données ouvertes</strong> : transformer les horaires des bibliothèques et des piscines publiques en fichiers réutilisables, publiés sur <a href="https://www.donneesquebec.ca/">Données Québec</a> ;</li>
<li><strong>L’accessibilité</strong> d’un gabarit de site pour les petites municipalités, testé avec des lecteurs d’écran par des membres de l’INCA ;</li>
<li><strong>La documentation</strong>, parent pauvre de bien des projets, avec un atelier d’écriture animé par une rédactrice technique de Lévis.</li>
</ul>
<p>Chaque équipe comptait au moins une personne qui contribuait pour la première fois à un projet libre. « C’était la règle d’or de la soirée », explique Jérôme Bélanger, bénévole au <a href="https://webaquebec.org/">Web à Québec</a>. « Un projet ouvert ne vit que s’il accueille du monde. Si tu repars d’ici avec ta première contribution acceptée, on a gagné. »</p>
<h2>Des résultats concrets</h2>
<p>Au petit matin, le bilan dépassait les attentes : 37 contributions proposées, dont 29 déjà acceptées par les mainteneurs, plus de 2 400 chaînes traduites et un premier jeu de données sur les heures d’ouverture des piscines intérieures. L’équipe de l’accessibilité a, pour sa part, corrigé une vingtaine de problèmes de contraste et de navigation au clavier, et rédigé un guide de vérification en français, qu’elle souhaite maintenant proposer à d’autres municipalités.</p>
<blockquote><p>« J’ai longtemps cru que le logiciel libre, c’était pour les experts. Cette nuit, j’ai corrigé la traduction d’un bouton que je vois tous les jours au travail. C’est petit, mais c’est à moi. »</p><p>— Amélie, technicienne en documentation et nouvelle contributrice</p></blockquote>
<p>Les organisateurs ont filmé les présentations de fin de nuit ; la <a href="https://www.youtube.com/watch?v=QnR3adD3m0s">vidéo des présentations</a> est en ligne, et le dépôt qui rassemble les notes, les diapositives et la liste des contributions est ouvert à tous sur <a href="https://github.com/qnread/qnread">GitHub</a>.</p>
<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/QnR3adD3m0s" title="Nuit du code ouvert — les présentations" allowfullscreen></iframe>
<h2>Et ensuite ?</h2>
<p>Fort de ce succès, le comité souhaite faire de la Nuit du code ouvert un rendez-vous trimestriel, en alternance entre Saint-Roch, Sainte-Foy et la Rive-Sud. Il est aussi question d’un « fonds de contribution » qui rembourserait les frais de déplacement des étudiants des cégeps de la région, et d’un parrainage entre mainteneurs d’expérience et nouvelles recrues. Les entreprises présentes — une dizaine, dont plusieurs jeunes pousses issues des incubateurs de la ville — ont d’ailleurs promis de libérer des employés pour la prochaine édition.</p>
<p>Vous voulez vous joindre au mouvement ? Inscrivez-vous à l’infolettre de <a href="https://quebecnumerique.com/">Québec numérique</a>, ou passez simplement le prochain samedi de pleine lune au Hub : il y aura du café, des rallonges électriques et, promis, des beignes encore chauds à 3 h du matin.</p>]]></content:encoded>
</item>
<item>
<title>Québec, capitale numérique ? Les chiffres d’une communauté qui grandit</title>
<link>https://qnread.github.io/demo/quebec-capitale-numerique</link>
<guid isPermaLink="false">demo-quebec-capitale-numerique</guid>
<dc:creator>Karim Ouellet-Nadeau</dc:creator>
<pubDate>Thu, 12 Nov 2026 08:30:00 -0500</pubDate>
<category>Québec</category>
<category>Économie</category>
<description>Plus de 1 200 entreprises, 20 000 emplois et un défi : retenir les diplômés.</description>
<content:encoded><![CDATA[<p>Québec n’a pas à rougir devant Montréal : avec ses incubateurs, ses cégeps et son Université Laval, la capitale nationale compte aujourd’hui plus de 1 200 entreprises du numérique et près de 20 000 emplois dans le secteur, selon les chiffres compilés par les organismes de développement économique de la région.</p>
<p>Ce qui frappe, à Québec, c’est la proximité : on croise la même développeuse au café du quartier Saint-Roch, à la rencontre mensuelle de <em>Québec.js</em> et au conseil d’administration d’un organisme communautaire. « Ici, tout le monde se connaît, et c’est une force », glisse Karim Ouellet-Nadeau, fondateur d’une jeune pousse en santé numérique installée dans Saint-Sauveur.</p>
<p>Reste un défi de taille : retenir les diplômés. Plusieurs voix réclament une véritable stratégie régionale du numérique, qui miserait sur le logiciel libre, les données ouvertes et la formation continue. Le débat est lancé ; il se poursuivra au prochain <a href="https://webaquebec.org/">Web à Québec</a>.</p>]]></content:encoded>
</item>
<item>
<title>Atelier : votre premier flux RSS avec qnread</title>
<link>https://qnread.github.io/demo/atelier-premier-flux</link>
<guid isPermaLink="false">demo-atelier-premier-flux</guid>
<dc:creator>L’équipe qnread</dc:creator>
<pubDate>Tue, 10 Nov 2026 19:00:00 -0500</pubDate>
<category>Guide</category>
<description>S’abonner, tout récupérer, et où vivent vos abonnements.</description>
<content:encoded><![CDATA[<p>Vous lisez ces lignes dans qnread, un lecteur de flux pour le terminal. Un flux RSS ou Atom, c’est un simple fichier que publie un site et qui liste ses derniers articles : aucun algorithme, aucune publicité, aucun compte à créer.</p>
<p>Pour vous abonner, tapez <code>qnread feeds add https://exemple.qc.ca/</code> : qnread trouve tout seul le flux annoncé par la page. Pour tout récupérer, <code>qnread reload</code>. Vos abonnements vivent dans un fichier texte, <code>~/.config/qnread/feeds</code>, au même format que celui de newsboat : une adresse par ligne, suivie d’étiquettes et d’un titre entre guillemets, comme <code>"~Mon titre"</code>.</p>
<p>Besoin d’aide ? Appuyez sur <kbd>?</kbd> à n’importe quel écran.</p>]]></content:encoded>
</item>
<item>
<title>Les raccourcis à connaître dans qnread</title>
<link>https://qnread.github.io/demo/raccourcis</link>
<guid isPermaLink="false">demo-raccourcis</guid>
<dc:creator>L’équipe qnread</dc:creator>
<pubDate>Mon, 09 Nov 2026 12:00:00 -0500</pubDate>
<category>Guide</category>
<description>j, k, Entrée, q, n, / et o : l’essentiel tient en sept touches.</description>
<content:encoded><![CDATA[<p>Quelques touches à retenir pour bien commencer :</p>
<ul><li><kbd>j</kbd> et <kbd>k</kbd> pour descendre et monter ;</li><li><kbd>Entrée</kbd> pour ouvrir, <kbd>q</kbd> pour revenir ;</li><li><kbd>n</kbd> pour l’article non lu suivant ;</li><li><kbd>/</kbd> pour chercher — la recherche ignore les accents, si bien que « quebec » trouve « Québec » ;</li><li><kbd>o</kbd> pour ouvrir l’article dans votre navigateur.</li></ul>
<p>Bonne lecture !</p>]]></content:encoded>
</item>
<item>
<title>Appel aux bénévoles : ateliers numériques pour les aînés</title>
<link>https://qnread.github.io/demo/appel-benevoles</link>
<guid isPermaLink="false">demo-appel-benevoles</guid>
<dc:creator>Jérôme Bélanger</dc:creator>
<pubDate>Fri, 06 Nov 2026 16:45:00 -0500</pubDate>
<category>Communauté</category>
<description>Deux soirées par mois pour aider les aînés des bibliothèques de quartier à apprivoiser le numérique.</description>
<content:encoded><![CDATA[<p>La communauté numérique de Québec cherche des bénévoles pour sa prochaine série d’ateliers d’initiation à la programmation, destinés aux personnes aînées des bibliothèques de quartier. Aucune expérience en enseignement n’est requise : il suffit d’être patient, d’aimer expliquer et d’avoir deux soirées libres par mois.</p>
<p>Les ateliers porteront sur la sécurité en ligne, les courriels frauduleux et la création d’un premier site personnel. Écrivez-nous ; on vous offre le café et la formation.</p>]]></content:encoded>
</item>
</channel>
</rss>
"""#
}
