"""The words each language's home page starts with. Editors change them in the admin afterwards."""

HOME_PAGE_CONTENT = {
    "en": (
        "Welcome to Erfa",
        "<p>Erfa is where our learning networks keep what they have learned. Find a method that has "
        "worked elsewhere, read how another team used it, download a ready-made template, and ask a "
        "colleague who has done it before.</p>",
    ),
    "sv": (
        "Välkommen till Erfa",
        "<p>Erfa är platsen där våra lärande nätverk samlar sina erfarenheter. Hitta en metod som "
        "fungerat på andra arbetsplatser, läs hur ett annat arbetslag använde den, ladda ner en färdig "
        "mall och fråga en kollega som redan har gjort det.</p>",
    ),
    "nb": (
        "Velkommen til Erfa",
        "<p>Erfa er stedet der læringsnettverkene våre tar vare på det de har lært. Finn en metode som "
        "har virket andre steder, les hvordan et annet team tok den i bruk, last ned en ferdig mal og "
        "spør en kollega som har gjort det før.</p>",
    ),
    "da": (
        "Velkommen til Erfa",
        "<p>Erfa er stedet, hvor vores lærende netværk samler deres erfaringer. Find en metode, der har "
        "virket andre steder, læs hvordan et andet team brugte den, hent en færdig skabelon, og spørg "
        "en kollega, der har prøvet det før.</p>",
    ),
    "nl": (
        "Welkom bij Erfa",
        "<p>Erfa is de plek waar onze lerende netwerken bewaren wat ze hebben geleerd. Vind een methode "
        "die elders heeft gewerkt, lees hoe een ander team ermee aan de slag ging, download een kant-en-"
        "klaar sjabloon en vraag het een collega die het al eens heeft gedaan.</p>",
    ),
}
