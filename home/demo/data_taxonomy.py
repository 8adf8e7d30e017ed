"""Topics, organisations and the index pages every locale gets."""

# Topics: key -> {locale: (name, description)}. English is the source; wagtail-localize makes the rest.
TOPICS = {
    "knowledge-sharing": {
        "en": ("Knowledge sharing", "Passing on what individuals and teams know, so that more people can do more."),
        "sv": ("Kunskapsdelning", "Att föra vidare det som enskilda och arbetslag kan, så att fler kan mer."),
        "nb": ("Kunnskapsdeling", "Å gi videre det enkeltpersoner og team kan, slik at flere kan mer."),
        "da": ("Videndeling", "At give det videre, som den enkelte og teamet ved, så flere kan mere."),
        "nl": ("Kennisdeling", "Doorgeven wat mensen en teams weten, zodat meer mensen meer kunnen."),
    },
    "learning-networks": {
        "en": ("Learning networks", "Workplaces that meet regularly to learn from each other's practice."),
        "sv": ("Lärande nätverk", "Arbetsplatser som träffas regelbundet för att lära av varandras vardag."),
        "nb": ("Læringsnettverk", "Arbeidsplasser som møtes jevnlig for å lære av hverandres praksis."),
        "da": ("Lærende netværk", "Arbejdspladser, der mødes jævnligt for at lære af hinandens praksis."),
        "nl": ("Lerende netwerken", "Organisaties die geregeld samenkomen om van elkaars praktijk te leren."),
    },
    "reflection": {
        "en": ("Reflection", "Stopping after a task to ask together what worked and what to change."),
        "sv": ("Reflektion", "Att stanna upp efter en uppgift och tillsammans fråga vad som fungerade."),
        "nb": ("Refleksjon", "Å stoppe opp etter en oppgave og sammen spørre hva som virket."),
        "da": ("Refleksion", "At standse op efter en opgave og sammen spørge, hvad der virkede."),
        "nl": ("Reflectie", "Na een taak samen stilstaan bij wat werkte en wat anders kan."),
    },
    "welfare-technology": {
        "en": ("Welfare technology", "Digital aids and sensors that help people live safely and independently."),
        "sv": ("Välfärdsteknik", "Digitala hjälpmedel och sensorer som gör vardagen tryggare och friare."),
        "nb": ("Velferdsteknologi", "Digitale hjelpemidler og sensorer som gir trygghet og selvstendighet."),
        "da": ("Velfærdsteknologi", "Digitale hjælpemidler og sensorer, der giver tryghed og selvstændighed."),
        "nl": ("Zorgtechnologie", "Digitale hulpmiddelen en sensoren voor een veilig en zelfstandig leven."),
    },
    "care": {
        "en": ("Care and support", "Elderly care, home care and support for people with disabilities."),
        "sv": ("Vård och omsorg", "Äldreomsorg, hemtjänst och stöd till personer med funktionsnedsättning."),
        "nb": ("Helse og omsorg", "Eldreomsorg, hjemmetjenester og tjenester til personer med funksjonsnedsettelse."),
        "da": ("Pleje og omsorg", "Ældrepleje, hjemmepleje og støtte til borgere med handicap."),
        "nl": ("Zorg en ondersteuning", "Ouderenzorg, thuiszorg en ondersteuning van mensen met een beperking."),
    },
    "meeting-practice": {
        "en": ("Meeting practice", "Preparing meetings well and following them up, so that they lead somewhere."),
        "sv": ("Mötespraktik", "Att förbereda möten väl och följa upp dem, så att de leder någonstans."),
        "nb": ("Møtepraksis", "Å forberede møter godt og følge dem opp, slik at de fører til noe."),
        "da": ("Mødepraksis", "At forberede møder godt og følge op på dem, så de fører til noget."),
        "nl": ("Vergaderpraktijk", "Vergaderingen goed voorbereiden en opvolgen, zodat ze iets opleveren."),
    },
    "quality-improvement": {
        "en": (
            "Quality improvement",
            "Small, measured changes at one's own workplace, tried out and kept if they work.",
        ),
        "sv": (
            "Kvalitetsutveckling",
            "Små, uppföljda förändringar på den egna arbetsplatsen som behålls om de fungerar.",
        ),
        "nb": ("Kvalitetsforbedring", "Små, målte endringer på egen arbeidsplass som beholdes hvis de virker."),
        "da": ("Kvalitetsudvikling", "Små, målte forandringer på egen arbejdsplads, som bevares, hvis de virker."),
        "nl": (
            "Kwaliteitsverbetering",
            "Kleine, gemeten veranderingen op de eigen werkplek die blijven als ze werken.",
        ),
    },
}

# Organisations are fictional. Names are proper nouns and read the same in every locale.
# key -> (original locale, name, kind, region, website)
ORGANISATIONS = {
    "solglantan": ("sv", "Solgläntans äldreboende", "municipal_unit", "Norrvik", "https://solglantan.example.org/"),
    "hemtjanst-norrvik": ("sv", "Hemtjänsten Norrvik centrum", "municipal_unit", "Norrvik", ""),
    "ekbacken": ("sv", "Ekbackens gruppbostad", "municipal_unit", "Norrvik", ""),
    "pensionsnavet": ("sv", "Pensionsnavet", "company", "Stockholm", "https://pensionsnavet.example.com/"),
    "reflekta": ("sv", "Reflekta Konsult", "company", "Göteborg", "https://reflekta.example.net/"),
    "fjordvik": ("nb", "Fjordvik kommune", "municipal_unit", "Møre og Romsdal", "https://fjordvik.example.org/"),
    "kystlia": ("nb", "Kystlia kommune", "municipal_unit", "Møre og Romsdal", "https://kystlia.example.org/"),
    "utviklingssenter-nordvest": (
        "nb",
        "Utviklingssenter Nordvest",
        "regional_body",
        "Møre og Romsdal",
        "https://usnordvest.example.org/",
    ),
    "havbjerg": ("da", "Havbjerg Kommune", "municipal_unit", "Region Midtjylland", "https://havbjerg.example.com/"),
    "samen-leren": (
        "nl",
        "Stichting Samen Leren op het Werk",
        "association",
        "Gent",
        "https://samenleren.example.net/",
    ),
}

# Index pages: model label -> (slug, {locale: (title, intro)}). English is the source.
INDEX_PAGES = {
    "networks.NetworkIndexPage": (
        "networks",
        {
            "en": ("Networks", "Learning networks in which workplaces meet, try things out at home and report back."),
            "sv": ("Nätverk", "Lärande nätverk där arbetsplatser träffas, prövar nytt hemma och berättar om det."),
            "nb": ("Nettverk", "Læringsnettverk der arbeidsplasser møtes, prøver ut noe hjemme og forteller om det."),
            "da": ("Netværk", "Lærende netværk, hvor arbejdspladser mødes, afprøver noget hjemme og fortæller om det."),
            "nl": (
                "Netwerken",
                "Lerende netwerken waarin organisaties samenkomen, thuis iets uitproberen en verslag doen.",
            ),
        },
    ),
    "people.ResourcePersonIndexPage": (
        "people",
        {
            "en": ("Resource persons", "Colleagues who have done it before and are happy to be asked."),
            "sv": ("Resurspersoner", "Kollegor som har gjort det förut och gärna svarar på frågor."),
            "nb": ("Ressurspersoner", "Kolleger som har gjort det før og gjerne svarer på spørsmål."),
            "da": ("Ressourcepersoner", "Kolleger, der har prøvet det før og gerne bliver spurgt."),
            "nl": ("Vraagbaken", "Collega's die het al eens hebben gedaan en graag vragen beantwoorden."),
        },
    ),
    "casestudies.CaseStudyIndexPage": (
        "case-studies",
        {
            "en": ("Case studies", "How teams used a method, what happened and what they would keep."),
            "sv": ("Erfarenheter", "Hur arbetslag använde en metod, vad som hände och vad de vill behålla."),
            "nb": ("Erfaringer", "Hvordan team tok i bruk en metode, hva som skjedde og hva de vil beholde."),
            "da": ("Erfaringer", "Hvordan teams brugte en metode, hvad der skete, og hvad de vil holde fast i."),
            "nl": ("Praktijkverhalen", "Hoe teams een methode gebruikten, wat er gebeurde en wat ze willen behouden."),
        },
    ),
    "methods.MethodIndexPage": (
        "methods",
        {
            "en": ("Methods", "Ways of working that have helped other teams learn together, step by step."),
            "sv": ("Metoder", "Arbetssätt som har hjälpt andra arbetslag att lära tillsammans, steg för steg."),
            "nb": ("Metoder", "Arbeidsmåter som har hjulpet andre team å lære sammen, steg for steg."),
            "da": ("Metoder", "Arbejdsformer, der har hjulpet andre teams med at lære sammen, trin for trin."),
            "nl": ("Methoden", "Werkwijzen die andere teams hielpen om samen te leren, stap voor stap."),
        },
    ),
    "methods.ShareableTemplateIndexPage": (
        "templates",
        {
            "en": ("Templates", "Ready-made templates to download, fill in and adapt to your own team."),
            "sv": ("Mallar", "Färdiga mallar att ladda ner, fylla i och anpassa till det egna arbetslaget."),
            "nb": ("Maler", "Ferdige maler som kan lastes ned, fylles ut og tilpasses eget team."),
            "da": ("Skabeloner", "Færdige skabeloner, der kan hentes, udfyldes og tilpasses jeres eget team."),
            "nl": ("Sjablonen", "Kant-en-klare sjablonen om te downloaden, in te vullen en aan te passen."),
        },
    ),
}

# Each language's address for the index pages, e.g. /sv/natverk/.
INDEX_SLUGS = {
    "networks.NetworkIndexPage": {"sv": "natverk", "nb": "nettverk", "da": "netvaerk", "nl": "netwerken"},
    "people.ResourcePersonIndexPage": {
        "sv": "resurspersoner",
        "nb": "ressurspersoner",
        "da": "ressourcepersoner",
        "nl": "vraagbaken",
    },
    "casestudies.CaseStudyIndexPage": {
        "sv": "erfarenheter",
        "nb": "erfaringer",
        "da": "erfaringer",
        "nl": "praktijkverhalen",
    },
    "methods.MethodIndexPage": {"sv": "metoder", "nb": "metoder", "da": "metoder", "nl": "methoden"},
    "methods.ShareableTemplateIndexPage": {"sv": "mallar", "nb": "maler", "da": "skabeloner", "nl": "sjablonen"},
}
