"""The very common words ("the", "och", "og", "de") that the search engines leave out of a query.

PostgreSQL's text search configurations and OpenSearch's and Elasticsearch's language analyzers drop a
language's stop words from what a reader types, so a search of nothing else matched nothing: the reader
read "Nothing found", as if the portal had nothing on it. Across all languages it was worse, and differed
by backend: PostgreSQL parses the query with every language's rules and OpenSearch indexes every page in
every language's sub-field, so "the" stayed a word in Swedish and matched pages that only happen to hold
it; SQLite's FTS5 drops nothing and found every page that says "the". Erfa therefore leaves these words
out itself, alike on every backend (search.query.only_common_words and without_common_words).

The lists are the Snowball project's, as PostgreSQL ships them (tsearch_data/<language>.stop). For
Swedish, Norwegian, Danish and Dutch OpenSearch's analyzers use the very same lists; its English analyzer
drops 33 of these words only, all of them in the English list here.
"""

from functools import cache

from portal.languages import CODES

WORDS = {
    "en": (
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers "
        "herself it its itself they them their theirs themselves what which who whom this that these those am is "
        "are was were be been being have has had having do does did doing a an the and but if or because as until "
        "while of at by for with about against between into through during before after above below to from up "
        "down in out on off over under again further then once here there when where why how all any both each "
        "few more most other some such no nor not only own same so than too very s t can will just don should now"
    ),
    "sv": (
        "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du "
        "henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp "
        "vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv "
        "detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan "
        "vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt "
        "våra ert era vilkas"
    ),
    "nb": (
        "og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi "
        "min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv "
        "sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned "
        "skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir samme "
        "hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik vært båe "
        "begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe henne hennar "
        "hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan mi mine mykje no "
        "nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte vort varte vart"
    ),
    "da": (
        "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde "
        "ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne "
        "ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden "
        "hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi "
        "jer sådan"
    ),
    "nl": (
        "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou "
        "of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben "
        "deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben "
        "zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na "
        "reeds wil kon niets uw iemand geweest andere"
    ),
}


@cache
def common_words(language):
    """The very common words of ``language``; for any other value (search.backends.languages.ALL), those of
    every language: a search across all languages reads each page with every language's rules."""
    if language in WORDS:
        return frozenset(WORDS[language].split())
    return frozenset(word for code in CODES for word in WORDS[code].split())
