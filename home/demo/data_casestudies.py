"""Three case studies, from seeds 001 (sv), 002 (nb) and 004 (da). Organisations are fictional."""

from home.demo.text import Tx

CASE_STUDIES = {
    "pensionsnavet": {
        "locale": "sv",
        "title": Tx("Utvecklande reflektion på Pensionsnavet", "Developing reflection at Pensionsnavet"),
        "slug": Tx("utvecklande-reflektion-pensionsnavet", "developing-reflection-pensionsnavet"),
        "summary": Tx(
            "Ett fyrtiotal rådgivare lärde sig reflektera tillsammans efter kundärenden, helt på distans.",
            "Some forty advisers learned to reflect together after customer cases, entirely at a distance.",
        ),
        "organisations": ["pensionsnavet", "reflekta"],
        "network": None,
        "context": [
            Tx(
                "Pensionsnavet hjälper anställda och arbetsgivare att förstå tjänstepension och försäkringar i "
                "olika kollektivavtal. Kunskapen finns, men den sitter hos ett fåtal specialister.",
                "Pensionsnavet helps employees and employers understand occupational pensions and insurance under "
                "different collective agreements. The knowledge is there, but it sits with a few specialists.",
            )
        ],
        "challenge": [
            Tx(
                "Hur får fler medarbetare tillgång till specialisternas kunskap, när alla arbetar utspridda i landet "
                "och många inte ännu känner varandra?",
                "How can more employees draw on the specialists' knowledge when everyone works spread across the "
                "country and many do not yet know each other?",
            )
        ],
        "methods": ["utvecklande-reflektion"],
        "what_was_done": [
            Tx(
                "Enheten anlitade en extern konsult och anpassade tillsammans en modell för reflektion efter "
                "aktiviteter.",
                "The unit hired an external consultancy and together they adapted a model for reflecting after "
                "activities.",
            ),
            Tx(
                "Medarbetarna tränade i små grupper på verkliga fall vid tre digitala utbildningstillfällen.",
                "Staff practised in small groups on real cases at three online training sessions.",
            ),
        ],
        "results": [
            Tx(
                "Reflektionen används nu regelbundet, även efter svåra ärenden som inte gick som väntat.",
                "Reflection is now used regularly, even after difficult cases that did not go as expected.",
            )
        ],
        "lesson_best": [
            Tx("Vi delar kunskap direkt när ärendet är färskt.", "We share knowledge while the case is fresh.")
        ],
        "lesson_learn": [
            Tx(
                "Ett gemensamt språk gör det lättare att ta upp det som skaver.",
                "A shared language makes it easier to raise what is not working.",
            )
        ],
        "lesson_keep": [
            Tx(
                "Vi behåller de tre frågorna och utvecklar hur slutsatserna sprids till hela enheten.",
                "We keep the three questions and develop how conclusions reach the whole unit.",
            )
        ],
        "quote_text": Tx(
            "Att alla står på samma grund när vi samtalar har varit det mest värdefulla.",
            "Having everyone stand on the same ground when we talk has been the most valuable part.",
        ),
        "quote_role": Tx("Chef för enheten Kunskap och stöd", "Head of the Knowledge and Support unit"),
        "quote_organisation": "Pensionsnavet",
        "contacts": ["karin-ekholm"],
        "templates": ["reflection-guide"],
        "period": ("2025-09-01", "2026-02-28"),
        "topics": ["reflection", "knowledge-sharing"],
        "owner": "karin-ekholm",
    },
    "fjordvik-digitalt-tilsyn": {
        "locale": "nb",
        "title": Tx("Digitalt nattilsyn i Fjordvik", "Digital night-time supervision in Fjordvik"),
        "slug": Tx("digitalt-nattilsyn-fjordvik", "digital-night-supervision-fjordvik"),
        "summary": Tx(
            "Hjemmetjenesten i Fjordvik erstattet noen nattbesøk med sensorer, og brukerne sov bedre.",
            "Fjordvik home care replaced some night visits with sensors, and users slept better.",
        ),
        "organisations": ["fjordvik"],
        "network": "velferdsteknologi-nordvest",
        "context": [
            Tx(
                "Hjemmetjenesten gjorde mange nattbesøk for å sjekke at brukerne hadde det bra. Besøkene vekket "
                "ofte dem de skulle passe på.",
                "Home care made many night visits to check that users were well. The visits often woke the people "
                "they were meant to look after.",
            )
        ],
        "challenge": [
            Tx(
                "Kan digitalt tilsyn gi samme trygghet med færre forstyrrelser?",
                "Can digital supervision give the same safety with fewer disturbances?",
            )
        ],
        "methods": ["lerend-netwerk"],
        "what_was_done": [
            Tx(
                "Et tverrfaglig team på fire valgte ut ti brukere sammen med pårørende.",
                "An interdisciplinary team of four chose ten users together with their relatives.",
            ),
            Tx(
                "Teamet testet sensorene i tre måneder og målte søvn og antall utrykninger.",
                "The team tested the sensors for three months and measured sleep and call-outs.",
            ),
        ],
        "results": [
            Tx(
                "Nattbesøkene ble halvert, og de fleste brukerne rapporterte bedre søvn.",
                "Night visits were halved, and most users reported better sleep.",
            )
        ],
        "lesson_best": [
            Tx(
                "Vi er gode til å involvere pårørende tidlig.",
                "We are good at involving relatives early.",
            )
        ],
        "lesson_learn": [
            Tx(
                "Leder må være med fra starten for at tiltaket skal bli varig.",
                "The manager must be involved from the start for the change to last.",
            )
        ],
        "lesson_keep": [
            Tx(
                "Vi viderefører målingene og deler dem på personalmøtene.",
                "We continue the measurements and share them at staff meetings.",
            )
        ],
        "quote_text": Tx(
            "Brukerne sover bedre, og vi bruker natten der den trengs mest.",
            "Users sleep better, and we spend the night where it is needed most.",
        ),
        "quote_role": Tx("Fagutviklingssykepleier", "Clinical development nurse"),
        "quote_organisation": "Fjordvik kommune",
        "contacts": ["rune-aasvik"],
        "templates": ["progress-plan"],
        "period": ("2025-10-01", "2026-05-31"),
        "topics": ["welfare-technology", "quality-improvement"],
        "owner": "rune-aasvik",
    },
    "havbjerg-personale": {
        "locale": "da",
        "title": Tx("Struktureret videndeling i Personale", "Structured knowledge sharing in HR"),
        "slug": Tx("struktureret-videndeling-personale", "structured-knowledge-sharing-hr"),
        "summary": Tx(
            "Kontoret Personale i Havbjerg Kommune fik en fast rytme for før- og eftermøder og delte viden fra "
            "det personalejuridiske netværk.",
            "The HR office in Havbjerg Kommune got a steady rhythm of before- and after-meetings and shared "
            "knowledge from the employment-law network.",
        ),
        "organisations": ["havbjerg"],
        "network": None,
        "context": [
            Tx(
                "Kontoret består af teams med meget forskellige opgaver, fra juridisk rådgivning til lønforhandling.",
                "The office consists of teams with very different tasks, from legal advice to pay negotiations.",
            )
        ],
        "challenge": [
            Tx(
                "Hvordan deler vi viden på tværs uden hverken at overinformere eller underinformere hinanden?",
                "How do we share knowledge across teams without either over- or under-informing each other?",
            )
        ],
        "methods": ["for-og-eftermoder"],
        "what_was_done": [
            Tx(
                "Dagsordener fra netværket blev sendt rundt til kommentering før møderne og referater efter.",
                "Agendas from the network were circulated for comment before meetings, and minutes afterwards.",
            ),
            Tx(
                "Teamet indførte skabeloner til før- og eftermøder ved vigtige forhandlinger.",
                "The team introduced templates for before- and after-meetings around important negotiations.",
            ),
        ],
        "results": [
            Tx(
                "Forhandlingerne bygger nu på erfaringerne fra sidste møde, og flere kan træde til.",
                "Negotiations now build on the experience of the last meeting, and more people can step in.",
            )
        ],
        "lesson_best": [Tx("Vi forbereder os grundigt sammen.", "We prepare thoroughly together.")],
        "lesson_learn": [
            Tx(
                "Opsamlingen skal ske hurtigt, ellers bliver den ikke til noget.",
                "The follow-up has to happen quickly, or it will not happen at all.",
            )
        ],
        "lesson_keep": [
            Tx(
                "Vi vil dokumentere sagsgange og give plads til sparring på torsdagsmøderne.",
                "We want to document procedures and make room for sparring at the Thursday meetings.",
            )
        ],
        "quote_text": Tx(
            "Skabelonerne gav os et fælles billede af målet, før vi gik ind til forhandlingen.",
            "The templates gave us a shared picture of the goal before we went into the negotiation.",
        ),
        "quote_role": Tx("Ressourceperson", "Resource person"),
        "quote_organisation": "Havbjerg Kommune",
        "contacts": ["mette-kjaergaard", "jonas-vestergaard"],
        "templates": ["before-meeting", "after-meeting"],
        "period": ("2025-01-01", "2025-12-31"),
        "topics": ["meeting-practice", "knowledge-sharing"],
        "owner": "jonas-vestergaard",
    },
}
