"""The words of the layout corpus: sentences, headings, notes and works cited, written for this corpus.

Everything here was written for diplo-edition's conformance corpus and is released with the project. The
people named in running heads and the works in the reference lists are invented; the events are the
ordinary matter of Soviet diplomacy of the 1920s-1930s, told in general terms. Sentences are combined at
random (a seeded generator per document) so that every paragraph has its own first and last words.
"""

# ruff: noqa: E501  (the sentences are text, one to a line)
from __future__ import annotations

import random

SENTENCES = {
    "ru": [
        "Весной 1924 г. Народный комиссариат иностранных дел подготовил обширную записку о положении на Дальнем Востоке.",
        "Авторы записки подчеркивали, что торговые интересы нередко опережали политические расчеты Москвы.",
        "Переговоры шли медленно, и каждая сторона стремилась сохранить за собой свободу маневра.",
        "Полпредство в Токио регулярно сообщало о колебаниях японского кабинета и о настроениях в парламенте.",
        "Особое внимание уделялось рыболовному вопросу, который затрагивал интересы тысяч промысловиков.",
        "Советско-японская конвенция 1925 г. открыла путь к восстановлению консульской сети.",
        "Дипломаты старой школы относились к новым методам работы с заметным недоверием.",
        "В инструкциях коллегии наркомата говорилось о необходимости терпеливо разъяснять позицию правительства.",
        "Экономическая блокада постепенно ослабевала, хотя отдельные государства сохраняли ограничения на кредиты.",
        "Генуэзская конференция показала, что европейские державы не готовы к единому фронту против Москвы.",
        "Рапалльский договор стал первым крупным успехом советской внешней политики в Европе.",
        "Телеграммы из Берлина свидетельствовали о растущем интересе германских промышленников к концессиям.",
        "Торговое представительство в Лондоне работало в условиях постоянных обысков и подозрений.",
        "Разрыв дипломатических отношений с Великобританией в 1927 г. вызвал в Москве настоящую военную тревогу.",
        "Историки до сих пор спорят о том, насколько серьезной была угроза интервенции в те месяцы.",
        "Архивные материалы позволяют уточнить хронологию событий и роль отдельных исполнителей.",
        "Многие документы долгое время оставались недоступными для исследователей и публиковались выборочно.",
        "Вопрос о долгах царского правительства неизменно возникал на каждой встрече с западными партнерами.",
        "Советская сторона предлагала признать часть обязательств в обмен на долгосрочные займы.",
        "Франко-советские переговоры о долгах несколько раз прерывались и возобновлялись.",
        "Пакт о ненападении с Польшей был подписан после долгих и трудных консультаций.",
        "Вступление СССР в Лигу Наций в 1934 г. означало заметный поворот в курсе Москвы.",
        "Новая линия на создание системы коллективной безопасности требовала гибкости и настойчивости.",
        "Нарком выступал в Женеве с речами, которые широко обсуждались в европейской печати.",
        "Консульские донесения из Харбина содержали подробные сведения о положении на Китайско-Восточной железной дороге.",
        "Конфликт на КВЖД в 1929 г. поставил под угрозу всю систему отношений с Китаем.",
        "Хабаровский протокол восстановил прежний порядок управления дорогой, но не снял взаимного недоверия.",
        "Продажа дороги Маньчжоу-го в 1935 г. завершила долгую историю советского присутствия в Маньчжурии.",
        "Торговые соглашения с Синьцзяном обеспечивали поставки шерсти, хлопка и скота.",
        "Местные власти провинции умело использовали соперничество великих держав в Центральной Азии.",
        "Переписка уполномоченных с центром отличалась откровенностью и обилием практических подробностей.",
        "В ряде случаев решения принимались без согласования с наркоматом внешней торговли.",
        "Межведомственные споры затягивали подготовку проектов и порождали противоречивые указания.",
        "Политбюро рассматривало наиболее важные вопросы внешней политики на закрытых заседаниях.",
        "Протоколы заседаний сохранили следы острых разногласий между руководителями ведомств.",
        "Исследователи обращали внимание на двойственный характер советской дипломатии этого времени.",
        "С одной стороны, провозглашалась мирная политика, с другой стороны, действовал Коминтерн.",
        "Иностранные правительства видели в деятельности Коминтерна прямое вмешательство во внутренние дела.",
        "Ноты протеста следовали одна за другой, и ответы на них составлялись в Москве очень тщательно.",
        "Подготовка к Гаагской конференции показала слабость экспертной базы наркомата.",
        "Кадровый вопрос оставался острым на протяжении всего десятилетия.",
        "Выпускники новых курсов постепенно занимали места в полпредствах и консульствах.",
        "Знание иностранных языков считалось обязательным, однако на практике встречались исключения.",
        "Дипломатическая почта доставлялась курьерами, маршруты которых держались в строгой тайне.",
        "Шифрованные телеграммы порой приходили с большим опозданием и искажениями.",
        "Советско-германские военные контакты долгое время оставались тайной для общественности.",
        "Берлинский договор 1926 г. подтвердил курс на нейтралитет и взаимное доверие.",
        "Признание СССР со стороны Соединенных Штатов в 1933 г. сопровождалось оживленной полемикой.",
        "Американские деловые круги рассчитывали на крупные заказы, которые так и не последовали.",
        "В итоге внешнеполитический курс десятилетия сложился из множества частных решений.",
    ],
    "en": [
        "In the spring of 1924 the People's Commissariat for Foreign Affairs drafted a long memorandum on the Far East.",
        "Its authors stressed that commercial interests often ran ahead of political calculation in Moscow.",
        "The negotiations moved slowly, and each side tried to keep its freedom of manoeuvre.",
        "The embassy in Tokyo reported regularly on the hesitations of the Japanese cabinet.",
        "The fisheries question touched the livelihood of thousands of seasonal workers on the coast.",
        "The convention of 1925 opened the way to the restoration of the consular network.",
        "Diplomats of the old school regarded the new methods of work with visible distrust.",
        "The instructions of the collegium insisted on patient explanation of the government's position.",
        "The economic blockade weakened gradually, although several governments still restricted credit.",
        "The Genoa conference showed that the European powers were unable to form a united front.",
        "The Rapallo treaty was the first major success of Soviet foreign policy in Europe.",
        "Telegrams from Berlin revealed the growing interest of German industrialists in concessions.",
        "The trade delegation in London worked under constant suspicion and occasional police raids.",
        "The rupture of relations with Britain in 1927 produced a genuine war scare in Moscow.",
        "Historians still disagree about how serious the threat of intervention really was.",
        "Archival materials allow us to refine the chronology and the part played by individual officials.",
        "Many documents remained closed to scholars for decades and were published only selectively.",
        "The question of tsarist debts arose at nearly every meeting with Western partners.",
        "Soviet negotiators offered to recognise part of the obligations in exchange for long-term loans.",
        "The Franco-Soviet talks on debts were broken off and resumed several times.",
        "Entry into the League of Nations in 1934 marked a visible turn in Moscow's course.",
        "The new line of collective security demanded both flexibility and persistence.",
        "Consular reports from Harbin described the situation on the Chinese Eastern Railway in detail.",
        "The conflict of 1929 endangered the whole system of relations with China.",
        "The Politburo discussed the most important questions of foreign policy behind closed doors.",
        "Foreign governments saw the activity of the Comintern as plain interference in their affairs.",
        "Notes of protest followed one another, and the replies were drafted with great care.",
        "Recognition by the United States in 1933 was accompanied by a lively public debate.",
        "American business circles counted on large orders that never materialised.",
        "In the end the foreign policy of the decade was made of many small practical decisions.",
        "Cipher telegrams sometimes arrived late and in a badly garbled state.",
        "Graduates of the new courses gradually took up posts in embassies and consulates.",
    ],
    "fr": [
        "Au printemps 1924, le commissariat du peuple aux Affaires étrangères rédigea un long mémoire sur l'Extrême-Orient.",
        "Ses auteurs soulignaient que les intérêts commerciaux devançaient souvent le calcul politique.",
        "Les négociations avançaient lentement, et chaque partie cherchait à garder sa liberté de manœuvre.",
        "L'ambassade à Tokyo rendait compte régulièrement des hésitations du cabinet japonais.",
        "La convention de 1925 ouvrit la voie au rétablissement du réseau consulaire.",
        "Les diplomates de l'ancienne école considéraient les nouvelles méthodes avec une méfiance visible.",
        "Le blocus économique s'affaiblit peu à peu, bien que plusieurs gouvernements limitassent encore le crédit.",
        "La conférence de Gênes montra que les puissances européennes ne pouvaient former un front commun.",
        "Le traité de Rapallo fut le premier grand succès de la politique extérieure soviétique en Europe.",
        "Les télégrammes de Berlin révélaient l'intérêt croissant des industriels allemands pour les concessions.",
        "La rupture avec la Grande-Bretagne en 1927 provoqua à Moscou une véritable alerte de guerre.",
        "Les historiens discutent encore de la gravité réelle de la menace d'intervention.",
        "Les archives permettent de préciser la chronologie et le rôle de chacun des exécutants.",
        "La question des dettes tsaristes revenait à presque chaque rencontre avec les partenaires occidentaux.",
        "Les pourparlers franco-soviétiques sur les dettes furent rompus puis repris à plusieurs reprises.",
        "L'entrée dans la Société des Nations en 1934 marqua un tournant visible de la politique de Moscou.",
        "La nouvelle ligne de sécurité collective exigeait à la fois de la souplesse et de la persévérance.",
        "Les rapports consulaires de Harbin décrivaient en détail la situation du chemin de fer de l'Est chinois.",
        "Le conflit de 1929 mit en danger tout le système des relations avec la Chine.",
        "Le Bureau politique examinait les questions les plus importantes à huis clos.",
        "Les gouvernements étrangers voyaient dans l'activité du Komintern une ingérence caractérisée.",
        "Les notes de protestation se succédaient, et les réponses étaient rédigées avec un soin extrême.",
        "La reconnaissance par les États-Unis en 1933 suscita un débat public animé.",
        "Les milieux d'affaires américains comptaient sur des commandes importantes qui ne vinrent jamais.",
        "En définitive, la politique extérieure de la décennie naquit d'une multitude de décisions pratiques.",
        "Les télégrammes chiffrés arrivaient parfois en retard et dans un état fort altéré.",
        "Les diplômés des nouveaux cours occupèrent peu à peu des postes dans les ambassades.",
        "Les ménagements diplomatiques cédaient souvent la place à des échanges d'une grande franchise.",
        "Le gouvernement français hésitait entre la méfiance idéologique et l'intérêt économique.",
        "Les conversations de Paris aboutirent en 1932 à un pacte de non-agression.",
    ],
}

QUOTES = {
    "ru": "Мы не можем рассчитывать на быстрый успех, однако каждая уступка противной стороны должна быть "
    "закреплена письменно и немедленно сообщена в Москву, чтобы избежать недоразумений в дальнейшем.",
    "en": "We cannot count on a quick success; every concession of the other side must be put in writing and "
    "reported to Moscow at once, so that no misunderstanding may arise later.",
    "fr": "Nous ne pouvons compter sur un succès rapide ; chaque concession de l'autre partie doit être "
    "consignée par écrit et communiquée aussitôt à Moscou, afin d'éviter tout malentendu.",
}

NOTE_TEXTS = {
    "ru": [
        "Подробнее см. переписку полпредства за этот год.",
        "Цит. по копии, хранящейся в деле без подписи.",
        "Текст телеграммы опубликован с сокращениями.",
        "Дата документа установлена по содержанию.",
        "Сведения о численности делегации расходятся.",
    ],
    "en": [
        "See the correspondence of the embassy for that year.",
        "Quoted from an unsigned copy kept in the file.",
        "The telegram was published with cuts.",
        "The date is established from the contents.",
    ],
    "fr": [
        "Voir la correspondance de l'ambassade pour cette année.",
        "Cité d'après une copie non signée conservée dans le dossier.",
        "Le télégramme a été publié avec des coupures.",
        "La date est établie d'après le contenu.",
    ],
}

ABSTRACT = {
    "ru": "В статье рассматриваются переговоры 1924–1926 гг. на основе документов архива. Показано, что "
    "решения, принятые после событий 1905 г., продолжали влиять на позицию сторон.",
    "en": "The article examines the negotiations of 1924-1926 on the basis of archival documents and shows "
    "that decisions taken after 1905 still shaped the positions of both sides.",
    "fr": "L'article examine les négociations de 1924-1926 à partir des archives et montre que les "
    "décisions prises après 1905 pesaient encore sur la position des deux parties.",
}
KEYWORDS = {
    "ru": "СССР, Япония, конвенция 1925 г., революция 1905 г., дипломатия",
    "en": "USSR, Japan, convention of 1925, revolution of 1905, diplomacy",
    "fr": "URSS, Japon, convention de 1925, révolution de 1905, diplomatie",
}

AUTHORS = {
    "ru": ["Верховцев А. С.", "Лозинская Е. Н.", "Граубе П. Р.", "Сухоруков Д. М.", "Этингер В. Л."],
    "en": ["Ashworth, M.", "Callender, J.", "Dunmore, R.", "Pembridge, T."],
    "fr": ["Aubertin, L.", "Delorme, C.", "Marchais, H.", "Vérilhac, P."],
}
WORK_TITLES = {
    "ru": [
        "Дипломатия признания: СССР и Европа",
        "Восточная политика Москвы",
        "Торговые договоры и политика",
        "Полпредства и консульства",
        "Проблема долгов в международных отношениях",
        "Коллективная безопасность",
    ],
    "en": ["Diplomacy of Recognition", "Moscow and the Far East", "Trade and Politics", "The Debt Question"],
    "fr": ["La diplomatie de la reconnaissance", "Moscou et l'Extrême-Orient", "Commerce et politique"],
}
PUBLISHERS = {
    "ru": [("М.", "Наука"), ("Л.", "Изд-во ЛГУ"), ("М.", "Международные отношения")],
    "en": [("London", "Macmillan"), ("Cambridge", "Cambridge University Press")],
    "fr": [("Paris", "Armand Colin"), ("Paris", "Presses universitaires de France")],
}
ARCHIVES_RU = ["АВП РФ", "РГАСПИ", "ГАРФ"]


def paragraph(lang: str, rng: random.Random, pool: list[str], n: int) -> list[str]:
    """n sentences, drawn without repetition from pool (refilled, shuffled, when it runs out)."""
    out: list[str] = []
    while len(out) < n:
        if not pool:
            pool.extend(rng.sample(SENTENCES[lang], len(SENTENCES[lang])))
        s = pool.pop()
        if s not in out:
            out.append(s)
    return out


def shelfmark(rng: random.Random, latin: bool = False) -> str:
    fond = rng.choice(["08", "04", "0100", "146", "495"])
    folio = f"{rng.randint(3, 240)}{rng.choice(['', '', 'об', 'а'])}"
    if latin:
        return f"AVP RF, f. {fond}, op. {rng.randint(1, 30)}, p. {rng.randint(1, 90)}, d. {rng.randint(1, 400)}, l. {folio.replace('об', 'ob').replace('а', 'a')}"
    arch = rng.choice(ARCHIVES_RU)
    return f"{arch}. Ф. {fond}. Оп. {rng.randint(1, 30)}. Д. {rng.randint(1, 400)}. Л. {folio}"


def reference_entry(lang: str, rng: random.Random, author: str, title: str) -> str:
    place, publisher = rng.choice(PUBLISHERS[lang])
    year = rng.randint(1958, 2012)
    pages = rng.randint(120, 480)
    if lang == "ru":
        return f"{author} {title}. {place}: {publisher}, {year}. {pages} с."
    if lang == "fr":
        return f"{author} {title}. {place} : {publisher}, {year}. {pages} p."
    return f"{author} {title}. {place}: {publisher}, {year}. {pages} pp."
