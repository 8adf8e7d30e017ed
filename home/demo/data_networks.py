"""Two networks: an experience-inventory network in care (seed 000, Swedish) and a regional
learning network in welfare technology (seed 002, Norwegian). Places and people are invented."""

from home.demo.text import Tx, same

NETWORKS = {
    "erfarenhetsnatverket-norrvik": {
        "locale": "sv",
        "title": Tx("Erfarenhetsnätverket Norrvik", "The Norrvik experience network"),
        "slug": Tx("erfarenhetsnatverket-norrvik", "norrvik-experience-network"),
        "summary": Tx(
            "Tre närliggande verksamheter i vård och omsorg bygger tillsammans en bank av konkreta exempel på "
            "svåra situationer och hur de löstes.",
            "Three nearby care workplaces build a shared bank of concrete examples of difficult situations and "
            "how they were handled.",
        ),
        "purpose": [
            Tx(
                "Ingen arbetsgrupp har erfarenhet av allt. Det som saknas hos oss finns ofta hos grannverksamheten, "
                "och tvärtom.",
                "No work group has experience of everything. What we lack is often found next door, and the other "
                "way round.",
            ),
            Tx(
                "Varje grupp skickar två språkrör till nätverkets kursträffar. Där skrivs lärande exempel fram, som "
                "språkrören sedan går igenom med sin egen grupp.",
                "Each group sends two spokespersons to the network's course meetings. Learning examples are written "
                "there, and the spokespersons then go through them with their own group.",
            ),
        ],
        "region": "Norrvik",
        "number_of_gatherings": 4,
        "team_size": Tx("2 språkrör per arbetsgrupp", "2 spokespersons per work group"),
        "duration": Tx("ett år", "one year"),
        "topics": ["learning-networks", "care", "knowledge-sharing"],
        "owner": "frida-holmquist",
        "facilitators": [("frida-holmquist", Tx("Kursledare", "Course leader"))],
        "members": [
            ("solglantan", Tx("Avdelning Björken", "Björken ward")),
            ("hemtjanst-norrvik", Tx("Hemtjänstgrupp Väst", "Home care team West")),
            ("ekbacken", Tx("Personalgruppen", "Staff group")),
        ],
        "spokespersons": [
            ("johan-berglund", "solglantan"),
            ("amira-haddad", "solglantan"),
            ("sara-nystrom", "hemtjanst-norrvik"),
            ("elias-rantanen", "ekbacken"),
        ],
        "gatherings": [
            {
                "title": Tx("Start: vad kan vi, vad saknar vi?", "Kick-off: what do we know, what do we lack?"),
                "start": "2026-09-15T09:00",
                "end": "2026-09-15T15:00",
                "place": Tx("Solgläntan, samlingssalen", "Solgläntan, main hall"),
                "online_link": "",
                "agenda": [
                    Tx("Presentation av arbetsgrupperna.", "The work groups introduce themselves."),
                    Tx("Vad är ett lärande exempel?", "What is a learning example?"),
                ],
                "assignment": [
                    Tx(
                        "Samla två situationer från er grupp där ni kände att erfarenheten inte räckte till.",
                        "Collect two situations from your group where you felt your experience was not enough.",
                    )
                ],
            },
            {
                "title": Tx("Att skriva ett lärande exempel", "Writing a learning example"),
                "start": "2026-10-20T09:00",
                "end": "2026-10-20T15:00",
                "place": Tx("Hemtjänstens lokaler, Storgatan", "Home care office, Storgatan"),
                "online_link": "",
                "agenda": [Tx("Språkrören berättar om sina situationer.", "Spokespersons present their situations.")],
                "assignment": [
                    Tx(
                        "Gå igenom exemplen på ett arbetsplatsmöte och anteckna gruppens egna erfarenheter.",
                        "Go through the examples at a staff meeting and note your group's own experience.",
                    )
                ],
            },
            {
                "title": Tx("Exempelbanken växer", "The bank of examples grows"),
                "start": "2026-12-08T09:00",
                "end": "2026-12-08T12:00",
                "place": same("Ekbacken"),
                "online_link": "https://meet.example.org/norrvik-natverket",
                "agenda": [Tx("Vi ordnar exemplen efter tema.", "We sort the examples by theme.")],
                "assignment": [
                    Tx(
                        "Pröva ett exempel från en annan verksamhet och berätta nästa gång hur det gick.",
                        "Try out an example from another workplace and report next time how it went.",
                    )
                ],
            },
            {
                "title": Tx("Avslutning och fortsättning", "Closing and next steps"),
                "start": "2027-02-02T09:00",
                "end": "2027-02-02T15:00",
                "place": Tx("Solgläntan, samlingssalen", "Solgläntan, main hall"),
                "online_link": "",
                "agenda": [Tx("Vad tar vi med oss?", "What do we take with us?")],
                "assignment": [],
            },
        ],
        "expectations": [
            (Tx("lära av varandra", "learn from each other"), 7),
            (Tx("konkreta exempel", "concrete examples"), 6),
            (Tx("tryggare i svåra lägen", "more confident in hard situations"), 5),
            (Tx("nya kontakter", "new contacts"), 3),
            (Tx("tid att reflektera", "time to reflect"), 2),
        ],
        "documents": [],
        "updates": [],
    },
    "velferdsteknologi-nordvest": {
        "locale": "nb",
        "title": Tx("Læringsnettverk i velferdsteknologi Nordvest", "Welfare technology learning network North-West"),
        "slug": Tx("velferdsteknologi-nordvest", "welfare-technology-north-west"),
        "summary": Tx(
            "Tverrfaglige team fra kommunene i regionen tar i bruk velferdsteknologi på egen arbeidsplass, med "
            "tre samlinger og en erfaringskonferanse.",
            "Interdisciplinary teams from the region's municipalities introduce welfare technology at their own "
            "workplace, with three gatherings and an experience conference.",
        ),
        "purpose": [
            Tx(
                "Læringsnettverket er en metode for kvalitetsforbedring. Teamene lærer verktøy på samlingene og "
                "setter tiltak ut i livet hjemme mellom samlingene.",
                "The learning network is a method for quality improvement. The teams learn tools at the gatherings "
                "and put actions into practice at home between them.",
            ),
            Tx(
                "Ledelsen i hver kommune sørger for at teamet får tid og ressurser, og for at tiltakene blir en del "
                "av driften.",
                "The management of each municipality makes sure the team gets time and resources, and that the "
                "actions become part of everyday operations.",
            ),
        ],
        "region": "Møre og Romsdal",
        "number_of_gatherings": 3,
        "team_size": Tx("3–5 per kommune", "3–5 per municipality"),
        "duration": Tx("høst og vår, ett skoleår", "autumn and spring, one school year"),
        "topics": ["welfare-technology", "learning-networks", "quality-improvement"],
        "owner": "ingrid-solbakken",
        "facilitators": [("ingrid-solbakken", Tx("Prosessleder", "Process lead"))],
        "members": [
            ("fjordvik", Tx("Tverrfaglig team i hjemmetjenesten", "Interdisciplinary home care team")),
            ("kystlia", Tx("Team for medisinhåndtering", "Medication management team")),
        ],
        "spokespersons": [("rune-aasvik", "fjordvik"), ("tobias-hegge", "kystlia")],
        "gatherings": [
            {
                "title": Tx("Samling 1: innsatsområde og mål", "Gathering 1: focus area and goals"),
                "start": "2025-10-14T10:00",
                "end": "2025-10-15T15:00",
                "place": Tx("Kulturhuset i Fjordvik", "Fjordvik arts centre"),
                "online_link": "",
                "agenda": [
                    Tx("Hva er et læringsnettverk?", "What is a learning network?"),
                    Tx("Teamene velger innsatsområde.", "The teams choose their focus area."),
                ],
                "assignment": [
                    Tx(
                        "Lag en framdriftsplan og forankre den hos leder.",
                        "Draw up a progress plan and get your manager's backing.",
                    )
                ],
            },
            {
                "title": Tx("Samling 2: forbedringsverktøy og målinger", "Gathering 2: improvement tools and measures"),
                "start": "2026-01-20T10:00",
                "end": "2026-01-20T15:30",
                "place": same("Ålesund"),
                "online_link": "",
                "agenda": [Tx("Små tester av endring.", "Small tests of change.")],
                "assignment": [
                    Tx(
                        "Gjennomfør minst én test og mål resultatet.",
                        "Carry out at least one test and measure the result.",
                    )
                ],
            },
            {
                "title": Tx("Samling 3: erfaringskonferanse", "Gathering 3: experience conference"),
                "start": "2026-05-28T09:30",
                "end": "2026-05-28T16:00",
                "place": same("Ålesund"),
                "online_link": "https://meet.example.org/erfaringskonferanse",
                "agenda": [
                    Tx("Kommunene presenterer prosjektrapportene.", "The municipalities present their project reports.")
                ],
                "assignment": [
                    Tx(
                        "Skriv sluttrapporten og avtal med leder hvordan arbeidet skal videreføres.",
                        "Write the final report and agree with your manager how the work will continue.",
                    )
                ],
            },
        ],
        "expectations": [
            (Tx("dele erfaringer", "share experience"), 9),
            (Tx("lære av hverandre", "learn from each other"), 8),
            (Tx("konkrete verktøy", "concrete tools"), 5),
            (Tx("nettverk", "network"), 4),
            (Tx("motivasjon", "motivation"), 3),
            (Tx("ledelsesforankring", "management backing"), 2),
        ],
        "documents": [("progress_plan_docx", "progress_plan")],
        "updates": [
            {
                "title": Tx("Fra erfaringskonferansen i Ålesund", "From the experience conference in Ålesund"),
                "slug": Tx("erfaringskonferansen-alesund", "experience-conference-alesund"),
                "summary": Tx(
                    "Kommunene delte resultater og læring fra et år med velferdsteknologi.",
                    "The municipalities shared results and lessons from a year of welfare technology.",
                ),
                "date": "2026-05-29",
                "kind": "conference_blog_post",
                "paragraphs": [
                    Tx(
                        "Rundt seksti deltakere fra kommunene i nettverket møttes for å dele det de har lært.",
                        "About sixty participants from the network's municipalities met to share what they have "
                        "learned.",
                    ),
                    Tx(
                        "Flere team fortalte at støtte fra leder var avgjørende for å få tid til arbeidet.",
                        "Several teams said that support from their manager was crucial to getting time for the work.",
                    ),
                ],
                "quote": (
                    Tx(
                        "Vi lærte mest av de andre kommunenes feil – og av våre egne.",
                        "We learned most from the other municipalities' mistakes – and from our own.",
                    ),
                    Tx("Sykepleier, Fjordvik kommune", "Nurse, Fjordvik municipality"),
                ),
            }
        ],
    },
}
