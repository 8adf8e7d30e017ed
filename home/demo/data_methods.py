"""Three methods (from seeds 001, 003 and 004), each in the language it was first described in."""

from home.demo.text import Tx

METHODS = {
    "lerend-netwerk": {
        "locale": "nl",
        "title": Tx("Lerend netwerk", "Learning network"),
        "slug": Tx("lerend-netwerk", "learning-network"),
        "summary": Tx(
            "Mensen uit verschillende organisaties wisselen doelbewust kennis en ervaring uit rond een gedeelde "
            "vraag, en bouwen zo samen aan nieuwe oplossingen.",
            "People from different organisations deliberately exchange knowledge and experience around a shared "
            "question, and so build new solutions together.",
        ),
        "description": [
            Tx(
                "Een lerend netwerk brengt mensen samen die met dezelfde soort vragen worstelen, maar in een andere "
                "organisatie werken. Ze komen een aantal keer bij elkaar, brengen hun eigen praktijkcase mee en "
                "zoeken samen naar werkwijzen die beter werken.",
                "A learning network brings together people who wrestle with the same kind of questions but work in "
                "different organisations. They meet several times, bring a case from their own practice and look "
                "together for ways of working that work better.",
            ),
            Tx(
                "Door de eigen case aan anderen voor te leggen, ontstaat afstand. Dat maakt het makkelijker om er "
                "kritisch en open naar te kijken.",
                "Putting one's own case to others creates distance. That makes it easier to look at it critically "
                "and openly.",
            ),
        ],
        "motives_for_organisation": [
            Tx(
                "Kennis stroomt binnen en buiten de organisatie en zorgt voor kruisbestuiving.",
                "Knowledge flows inside and outside the organisation and cross-pollinates.",
            ),
            Tx(
                "Medewerkers leren omgaan met onverwachte problemen en verandering.",
                "Employees learn to deal with unexpected problems and change.",
            ),
        ],
        "motives_for_employees": [
            Tx(
                "Frisse ideeën en nieuwe contacten buiten het eigen team.",
                "Fresh ideas and new contacts outside one's own team.",
            ),
            Tx(
                "Een veilige plek om twijfels te delen en kritiek te vragen.",
                "A safe place to share doubts and ask for criticism.",
            ),
        ],
        "steps": [
            (
                Tx("Het netwerk samenstellen", "Put the network together"),
                [
                    Tx(
                        "Schrijf een uitnodiging die uitlegt wat deelname oplevert, wat het doel is en hoeveel "
                        "bijeenkomsten er komen. Zeg meteen wat je van deelnemers verwacht.",
                        "Write an invitation that explains what taking part gives, what the aim is and how many "
                        "meetings there will be. Say straight away what you expect of participants.",
                    )
                ],
                Tx("twee tot vier weken", "two to four weeks"),
            ),
            (
                Tx("De startbijeenkomst", "The kick-off meeting"),
                [
                    Tx(
                        "Laat de deelnemers kennismaken, breng hun vragen en verwachtingen in kaart en maak samen "
                        "afspraken over het verdere verloop.",
                        "Let participants get to know each other, map their questions and expectations, and agree "
                        "together on how the process will continue.",
                    )
                ],
                Tx("een halve dag", "half a day"),
            ),
            (
                Tx("Het netwerk onderhouden", "Keep the network going"),
                [
                    Tx(
                        "Leg in de volgende bijeenkomsten de nadruk op het uitwisselen van ervaring. Breng ook kennis "
                        "van buiten binnen; zowel de begeleider als de deelnemers dragen daaraan bij.",
                        "In the following meetings, put the weight on exchanging experience. Bring in knowledge from "
                        "outside as well; both the facilitator and the participants contribute.",
                    )
                ],
                Tx("drie tot zes bijeenkomsten", "three to six meetings"),
            ),
            (
                Tx("Het netwerk afronden", "Close the network"),
                [
                    Tx(
                        "Evalueer wat goed ging, wat beter kan en welke werkvormen het meest werkten, zodat een "
                        "volgend netwerk nog beter loopt.",
                        "Evaluate what went well, what could be better and which ways of working helped most, so that "
                        "the next network runs even better.",
                    )
                ],
                Tx("één bijeenkomst", "one meeting"),
            ),
        ],
        "facilitator_role": Tx(
            "Bereidt de bijeenkomsten voor, bewaakt de afspraken en brengt waar nodig kennis van buiten in.",
            "Prepares the meetings, keeps track of agreements and brings in outside knowledge where needed.",
        ),
        "participants_role": Tx(
            "Brengen een eigen praktijkcase mee en vertellen hun team wat ze leerden.",
            "Bring a case from their own practice and tell their team what they learned.",
        ),
        "group_size": Tx("8–15 deelnemers", "8–15 participants"),
        "duration": Tx("zes tot twaalf maanden", "six to twelve months"),
        "category": "methodology",
        "cost": "free",
        "cost_note": None,
        "topics": ["learning-networks", "knowledge-sharing"],
        "owner": "sanne-de-wit",
        "handbook": Tx("Handleiding lerend netwerk", "Learning network handbook"),
    },
    "utvecklande-reflektion": {
        "locale": "sv",
        "title": Tx("Utvecklande reflektion", "Developing reflection"),
        "slug": Tx("utvecklande-reflektion", "developing-reflection"),
        "summary": Tx(
            "Efter en aktivitet samlas laget en kort stund och resonerar sig fram till vad som fungerar bäst "
            "nästa gång – utan att leta skyldiga.",
            "After an activity the team takes a short moment to reason out what will work best next time – "
            "without looking for someone to blame.",
        ),
        "description": [
            Tx(
                "Metoden bygger på tre frågor som laget ställer sig direkt efter en verklig aktivitet: Vad gör vi "
                "bäst när det här händer? Vad kan vi lära? Vad ska vi ta vara på eller utveckla?",
                "The method rests on three questions the team asks right after a real activity: What do we do best "
                "when this happens? What can we learn? What should we keep or develop?",
            ),
            Tx(
                "Alla deltar på samma villkor. Blicken är riktad framåt och mot kundens bästa, inte mot vad som "
                "borde ha gjorts annorlunda.",
                "Everyone takes part on equal terms. The gaze points forward and towards what is best for the "
                "customer, not at what should have been done differently.",
            ),
        ],
        "motives_for_organisation": [
            Tx(
                "Specialisternas kunskap sprids till fler medarbetare.",
                "The specialists' knowledge spreads to more employees.",
            ),
            Tx(
                "Arbetssätt blir gemensamma i stället för personliga.",
                "Ways of working become shared instead of personal.",
            ),
        ],
        "motives_for_employees": [
            Tx(
                "Ett tryggt sätt att gå igenom det som inte blev som tänkt.",
                "A safe way to go through what did not turn out as planned.",
            ),
            Tx("Man får och ger insikter i varje samtal.", "You both gain and give insight in every conversation."),
        ],
        "steps": [
            (
                Tx("Välj aktiviteten", "Choose the activity"),
                [
                    Tx(
                        "Bestäm vilken aktivitet ni ska reflektera över, helst samma dag som den ägde rum.",
                        "Decide which activity you will reflect on, ideally on the day it took place.",
                    )
                ],
                Tx("5 minuter", "5 minutes"),
            ),
            (
                Tx("Gå igenom de tre frågorna", "Work through the three questions"),
                [
                    Tx(
                        "Låt alla komma till tals på varje fråga innan ni drar slutsatser.",
                        "Let everyone speak on each question before you draw conclusions.",
                    )
                ],
                Tx("20–30 minuter", "20–30 minutes"),
            ),
            (
                Tx("Skriv ner vad ni tar med er", "Write down what you take with you"),
                [
                    Tx(
                        "Anteckna ett eller två konkreta arbetssätt och vem som delar dem med resten av enheten.",
                        "Note one or two concrete ways of working and who shares them with the rest of the unit.",
                    )
                ],
                Tx("10 minuter", "10 minutes"),
            ),
        ],
        "facilitator_role": Tx(
            "Håller tiden, ser till att alla hörs och att samtalet blir framåtriktat.",
            "Keeps time, makes sure everyone is heard and that the conversation looks forward.",
        ),
        "participants_role": Tx(
            "Delar sina erfarenheter öppet och lyssnar på andras perspektiv.",
            "Share their experience openly and listen to other perspectives.",
        ),
        "group_size": Tx("3–12 personer", "3–12 people"),
        "duration": Tx("30–45 minuter per tillfälle", "30–45 minutes each time"),
        "category": "competence_development",
        "cost": "paid",
        "cost_note": Tx(
            "Introduktionsutbildning hos extern konsult; därefter fritt att använda.",
            "Introductory training from an external consultancy; free to use afterwards.",
        ),
        "topics": ["reflection", "knowledge-sharing"],
        "owner": "karin-ekholm",
        "handbook": None,
    },
    "for-og-eftermoder": {
        "locale": "da",
        "title": Tx("Før- og eftermøder", "Before- and after-meetings"),
        "slug": Tx("foer-og-eftermoeder", "before-and-after-meetings"),
        "summary": Tx(
            "En fast rytme, hvor teamet forbereder vigtige møder sammen og samler op bagefter, så erfaringerne "
            "bliver afsæt for det næste møde.",
            "A steady rhythm in which the team prepares important meetings together and follows them up, so the "
            "experience becomes the starting point for the next meeting.",
        ),
        "description": [
            Tx(
                "Før et møde aftaler teamet mål, strategi og mandat. Efter mødet samler I op på, hvad der skete, og "
                "hvad I tager med til næste gang.",
                "Before a meeting the team agrees on goals, strategy and mandate. After the meeting you sum up what "
                "happened and what you take along to the next one.",
            ),
            Tx(
                "Dagsordener og referater fra eksterne netværk sendes bredt rundt, så alle kan kommentere og stille "
                "spørgsmål.",
                "Agendas and minutes from external networks are shared widely, so everyone can comment and ask "
                "questions.",
            ),
        ],
        "motives_for_organisation": [
            Tx("Et fælles billede af opgaven og mandatet.", "A shared picture of the task and the mandate."),
            Tx(
                "Viden bliver i kontoret, også når folk skifter job.",
                "Knowledge stays in the office even when people move on.",
            ),
        ],
        "motives_for_employees": [
            Tx("Man går bedre forberedt ind til svære møder.", "You go into difficult meetings better prepared."),
            Tx("Man lærer af kollegernes forhandlingserfaring.", "You learn from colleagues' negotiating experience."),
        ],
        "steps": [
            (
                Tx("Før mødet", "Before the meeting"),
                [
                    Tx(
                        "Udfyld før-skabelonen sammen: mål, strategi, forhandlingsteknik og mandat.",
                        "Fill in the before-template together: goal, strategy, negotiating technique and mandate.",
                    )
                ],
                Tx("30 minutter", "30 minutes"),
            ),
            (
                Tx("Efter mødet", "After the meeting"),
                [
                    Tx(
                        "Saml op med efter-skabelonen inden for en uge: hvad skete der, og hvad tager vi med?",
                        "Follow up with the after-template within a week: what happened, and what do we take along?",
                    )
                ],
                Tx("20 minutter", "20 minutes"),
            ),
            (
                Tx("Del og gem", "Share and keep"),
                [
                    Tx(
                        "Læg skabelonerne i den fælles mappe og nævn det vigtigste på torsdagsmødet.",
                        "Put the templates in the shared folder and mention the key points at the Thursday meeting.",
                    )
                ],
                Tx("5 minutter", "5 minutes"),
            ),
        ],
        "facilitator_role": Tx(
            "Ressourcepersonen minder om rytmen og holder skabelonerne opdaterede.",
            "The resource person keeps the rhythm going and keeps the templates up to date.",
        ),
        "participants_role": Tx(
            "Alle, der deltager i mødet, bidrager til både forberedelse og opsamling.",
            "Everyone who attends the meeting contributes to both preparation and follow-up.",
        ),
        "group_size": Tx("2–8 personer", "2–8 people"),
        "duration": Tx("løbende, omkring en time pr. møde", "ongoing, about an hour per meeting"),
        "category": "work_organisation",
        "cost": "free",
        "cost_note": None,
        "topics": ["meeting-practice", "knowledge-sharing"],
        "owner": "mette-kjaergaard",
        "handbook": None,
    },
}

# Shareable templates. `files` name generators in home.demo.files.
TEMPLATES = {
    "before-meeting": {
        "locale": "da",
        "title": Tx("Skabelon: før mødet", "Template: before the meeting"),
        "slug": Tx("skabelon-foer-moedet", "template-before-the-meeting"),
        "summary": Tx(
            "Et ark til at forberede et vigtigt møde sammen: mål, strategi, mandat og roller.",
            "A sheet for preparing an important meeting together: goal, strategy, mandate and roles.",
        ),
        "purpose": [
            Tx(
                "Brug skabelonen, når teamet skal til et møde, hvor meget står på spil, fx en forhandling.",
                "Use the template when the team is heading into a meeting where a lot is at stake, such as a "
                "negotiation.",
            )
        ],
        "when_to_use": "before_meeting",
        "files": ["before_meeting_docx", "before_meeting_odt"],
        "file_format": "text_document",
        "language": "da",
        "publisher": "mette-kjaergaard",
        "method": "for-og-eftermoder",
        "version_note": Tx("Version 2, efter første år", "Version 2, after the first year"),
        "licence": Tx("Fri til brug og tilpasning internt.", "Free to use and adapt internally."),
        "topics": ["meeting-practice"],
    },
    "after-meeting": {
        "locale": "da",
        "title": Tx("Skabelon: efter mødet", "Template: after the meeting"),
        "slug": Tx("skabelon-efter-moedet", "template-after-the-meeting"),
        "summary": Tx(
            "Et ark til opsamling efter mødet, så erfaringerne bliver afsæt for næste gang.",
            "A sheet for following up after the meeting, so the experience becomes the starting point next time.",
        ),
        "purpose": [
            Tx(
                "Udfyld den inden for en uge efter mødet, mens detaljerne stadig er friske.",
                "Fill it in within a week of the meeting, while the details are still fresh.",
            )
        ],
        "when_to_use": "after_meeting",
        "files": ["after_meeting_docx", "after_meeting_odt"],
        "file_format": "text_document",
        "language": "da",
        "publisher": "mette-kjaergaard",
        "method": "for-og-eftermoder",
        "version_note": Tx("Version 2, efter første år", "Version 2, after the first year"),
        "licence": Tx("Fri til brug og tilpasning internt.", "Free to use and adapt internally."),
        "topics": ["meeting-practice", "reflection"],
    },
    "reflection-guide": {
        "locale": "sv",
        "title": Tx("Samtalsguide för utvecklande reflektion", "Conversation guide for developing reflection"),
        "slug": Tx("samtalsguide-utvecklande-reflektion", "developing-reflection-guide"),
        "summary": Tx(
            "En guide på en sida med de tre frågorna och tips för den som leder samtalet.",
            "A one-page guide with the three questions and tips for whoever leads the conversation.",
        ),
        "purpose": [
            Tx(
                "Skriv ut guiden eller visa den på skärmen när laget reflekterar efter en aktivitet.",
                "Print the guide or show it on screen when the team reflects after an activity.",
            )
        ],
        "when_to_use": "reflection",
        "files": ["reflection_guide_pdf"],
        "file_format": "pdf",
        "language": "sv",
        "publisher": "karin-ekholm",
        "method": "utvecklande-reflektion",
        "version_note": Tx("Första versionen", "First version"),
        "licence": Tx("Får delas fritt med angivande av källa.", "May be shared freely with attribution."),
        "topics": ["reflection"],
    },
    "progress-plan": {
        "locale": "nb",
        "title": Tx("Mal for framdriftsplan", "Progress plan template"),
        "slug": Tx("mal-framdriftsplan", "progress-plan-template"),
        "summary": Tx(
            "En mal for teamets framdriftsplan mellom samlingene i et læringsnettverk.",
            "A template for the team's progress plan between the gatherings of a learning network.",
        ),
        "purpose": [
            Tx(
                "Teamet fyller inn tiltak, ansvarlig, frist og hvordan effekten skal måles.",
                "The team fills in actions, who is responsible, the deadline and how the effect will be measured.",
            )
        ],
        "when_to_use": "planning",
        "files": ["progress_plan_docx"],
        "file_format": "text_document",
        "language": "nb",
        "publisher": "ingrid-solbakken",
        "method": "lerend-netwerk",
        "version_note": Tx("Versjon 1", "Version 1"),
        "licence": Tx("Fritt til bruk i kommunene i nettverket.", "Free to use in the network's municipalities."),
        "topics": ["learning-networks", "quality-improvement"],
    },
}
