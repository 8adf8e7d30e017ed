"""Twelve invented resource persons. Mail goes to example.* domains only; phone numbers are
from Sweden's range reserved for fiction (070-174 06 05–99) or plainly dummy (zeros)."""

from home.demo.text import Tx, same

# key -> dict. `user` names the demo account (create_demo_users) the profile belongs to.
PEOPLE = {
    "frida-holmquist": {
        "locale": "sv",
        "name": "Frida Holmquist",
        "job_title": Tx("Kursledare och utvecklingsledare", "Course leader and development lead"),
        "organisation": "solglantan",
        "unit": Tx("Utvecklingsenheten, vård och omsorg", "Development unit, care and support"),
        "ask_me_about": Tx(
            "Hur man leder nätverksträffar där deltagarna själva formulerar exemplen, och hur exemplen tas hem "
            "till arbetsgruppen.",
            "How to lead network meetings where participants write the examples themselves, and how those "
            "examples are carried home to the work group.",
        ),
        "bio": [
            Tx(
                "Frida har arbetat som sjuksköterska i tolv år och leder i dag kommunens nätverk för "
                "erfarenhetsinventering inom äldreomsorgen.",
                "Frida worked as a nurse for twelve years and now leads the municipality's experience-inventory "
                "network in elderly care.",
            )
        ],
        "summary": Tx(
            "Kursledare för erfarenhetsnätverket i Norrvik.", "Course leader of the Norrvik experience network."
        ),
        "email": "frida.holmquist@example.org",
        "phone": "+46 70 174 06 11",
        "location": Tx("Solgläntan, plan 2", "Solgläntan, second floor"),
        "languages": ["sv", "en", "nb"],
        "topics": ["learning-networks", "care", "knowledge-sharing"],
        "user": "facilitator",
    },
    "johan-berglund": {
        "locale": "sv",
        "name": "Johan Berglund",
        "job_title": Tx("Undersköterska", "Assistant nurse"),
        "organisation": "solglantan",
        "unit": Tx("Avdelning Björken", "Björken ward"),
        "ask_me_about": Tx(
            "Oro och förvirring på kvällstid, och hur vi lugnar en boende utan att ta till mediciner.",
            "Evening restlessness and confusion, and how we calm a resident without reaching for medication.",
        ),
        "bio": [
            Tx(
                "Johan är ett av avdelningens två språkrör i erfarenhetsnätverket.",
                "Johan is one of the ward's two spokespersons in the experience network.",
            )
        ],
        "summary": Tx("Språkrör för avdelning Björken.", "Spokesperson for the Björken ward."),
        "email": "johan.berglund@example.org",
        "phone": "+46 70 174 06 12",
        "location": Tx("Solgläntan, avdelning Björken", "Solgläntan, Björken ward"),
        "languages": ["sv"],
        "topics": ["care"],
    },
    "amira-haddad": {
        "locale": "sv",
        "name": "Amira Haddad",
        "job_title": Tx("Sjuksköterska", "Nurse"),
        "organisation": "solglantan",
        "unit": Tx("Avdelning Björken", "Björken ward"),
        "ask_me_about": Tx(
            "Samtal med anhöriga i svåra lägen och hur vi dokumenterar det som fungerade.",
            "Talking with relatives in hard situations, and how we write down what worked.",
        ),
        "bio": [
            Tx(
                "Amira delar språkrörsuppdraget på Björken och samlar avdelningens exempel inför varje träff.",
                "Amira shares the spokesperson role on Björken and gathers the ward's examples before each meeting.",
            )
        ],
        "summary": Tx("Språkrör för avdelning Björken.", "Spokesperson for the Björken ward."),
        "email": "amira.haddad@example.org",
        "phone": "+46 70 174 06 13",
        "location": Tx("Solgläntan, avdelning Björken", "Solgläntan, Björken ward"),
        "languages": ["sv", "ar", "en"],
        "topics": ["care", "reflection"],
    },
    "sara-nystrom": {
        "locale": "sv",
        "name": "Sara Nyström",
        "job_title": Tx("Samordnare i hemtjänsten", "Home care coordinator"),
        "organisation": "hemtjanst-norrvik",
        "unit": Tx("Hemtjänstgrupp Väst", "Home care team West"),
        "ask_me_about": Tx(
            "Planering av besök när en brukare plötsligt blir sämre, och överlämningar mellan skiften.",
            "Planning visits when a client suddenly gets worse, and handovers between shifts.",
        ),
        "bio": [
            Tx(
                "Sara har arbetat i hemtjänsten sedan 2014 och är gruppens språkrör i nätverket.",
                "Sara has worked in home care since 2014 and is her team's spokesperson in the network.",
            )
        ],
        "summary": Tx("Språkrör för hemtjänstgrupp Väst.", "Spokesperson for home care team West."),
        "email": "sara.nystrom@example.org",
        "phone": "+46 70 174 06 14",
        "location": Tx("Hemtjänstens lokaler, Storgatan", "Home care office, Storgatan"),
        "languages": ["sv", "fi"],
        "topics": ["care", "knowledge-sharing"],
    },
    "elias-rantanen": {
        "locale": "sv",
        "name": "Elias Rantanen",
        "job_title": Tx("Stödassistent", "Support worker"),
        "organisation": "ekbacken",
        "unit": Tx("Personalgruppen Ekbacken", "Ekbacken staff group"),
        "ask_me_about": Tx(
            "Tydlig struktur i vardagen för boende med autism, och bildstöd som faktiskt används.",
            "Clear daily structure for residents with autism, and picture support that actually gets used.",
        ),
        "bio": [
            Tx(
                "Elias representerar Ekbacken i nätverket och har byggt upp gruppbostadens pärm med exempel.",
                "Elias represents Ekbacken in the network and has built up the group home's binder of examples.",
            )
        ],
        "summary": Tx("Språkrör för Ekbackens gruppbostad.", "Spokesperson for the Ekbacken group home."),
        "email": "elias.rantanen@example.org",
        "phone": "+46 70 174 06 15",
        "location": same("Ekbacken"),
        "languages": ["sv", "fi"],
        "topics": ["care"],
    },
    "karin-ekholm": {
        "locale": "sv",
        "name": "Karin Ekholm",
        "job_title": Tx("Chef för enheten Kunskap och stöd", "Head of the Knowledge and Support unit"),
        "organisation": "pensionsnavet",
        "unit": Tx("Kunskap och stöd", "Knowledge and Support"),
        "ask_me_about": Tx(
            "Hur man inför gemensam reflektion efter aktiviteter i en grupp som arbetar på distans.",
            "How to introduce shared reflection after activities in a team that works remotely.",
        ),
        "bio": [
            Tx(
                "Karin tog initiativet till att hela enheten fick träning i utvecklande reflektion.",
                "Karin took the initiative to train the whole unit in developing reflection.",
            )
        ],
        "summary": Tx(
            "Införde utvecklande reflektion på Pensionsnavet.", "Introduced developing reflection at Pensionsnavet."
        ),
        "email": "karin.ekholm@example.com",
        "phone": "+46 70 174 06 16",
        "location": Tx("Distans, med kontor i Stockholm", "Remote, with an office in Stockholm"),
        "languages": ["sv", "en"],
        "topics": ["reflection", "knowledge-sharing"],
    },
    "ingrid-solbakken": {
        "locale": "nb",
        "name": "Ingrid Solbakken",
        "job_title": Tx("Rådgiver for tjenesteinnovasjon", "Adviser on service innovation"),
        "organisation": "utviklingssenter-nordvest",
        "unit": Tx("Fagavdelingen", "Professional development department"),
        "ask_me_about": Tx(
            "Å planlegge samlinger i et læringsnettverk, og å skrive framdriftsplan og sluttrapport.",
            "Planning the gatherings of a learning network, and writing a progress plan and final report.",
        ),
        "bio": [
            Tx(
                "Ingrid har ledet fire læringsnettverk i velferdsteknologi og er med i planleggingen av "
                "erfaringskonferansen.",
                "Ingrid has led four learning networks in welfare technology and helps plan the experience conference.",
            )
        ],
        "summary": Tx(
            "Prosessleder for læringsnettverket i velferdsteknologi.",
            "Process lead of the welfare technology learning network.",
        ),
        "email": "ingrid.solbakken@example.org",
        "phone": "+47 400 00 101",
        "location": same("Ålesund"),
        "languages": ["nb", "en", "sv"],
        "topics": ["learning-networks", "welfare-technology", "quality-improvement"],
    },
    "rune-aasvik": {
        "locale": "nb",
        "name": "Rune Aasvik",
        "job_title": Tx("Fagutviklingssykepleier", "Clinical development nurse"),
        "organisation": "fjordvik",
        "unit": Tx("Hjemmetjenesten", "Home care services"),
        "ask_me_about": Tx(
            "Digitalt tilsyn om natten: hvordan vi valgte brukere, snakket med pårørende og målte effekten.",
            "Digital night-time supervision: how we chose users, talked with relatives and measured the effect.",
        ),
        "bio": [
            Tx(
                "Rune ledet teamet fra Fjordvik i læringsnettverket og skrev kommunens prosjektrapport.",
                "Rune led the Fjordvik team in the learning network and wrote the municipality's project report.",
            )
        ],
        "summary": Tx("Teamleder for Fjordvik i læringsnettverket.", "Team lead for Fjordvik in the learning network."),
        "email": "rune.aasvik@example.org",
        "phone": "+47 400 00 102",
        "location": Tx("Fjordvik helsehus", "Fjordvik health centre"),
        "languages": ["nb", "en"],
        "topics": ["welfare-technology", "care", "quality-improvement"],
        "user": "resource",
    },
    "tobias-hegge": {
        "locale": "nb",
        "name": "Tobias Hegge",
        "job_title": Tx("Ergoterapeut", "Occupational therapist"),
        "organisation": "kystlia",
        "unit": Tx("Tildelingskontoret", "Needs assessment office"),
        "ask_me_about": Tx(
            "Elektroniske medisindispensere og opplæring av brukere og ansatte.",
            "Electronic medicine dispensers and training for users and staff.",
        ),
        "bio": [
            Tx(
                "Tobias var talsperson for det tverrfaglige teamet fra Kystlia.",
                "Tobias was the spokesperson for Kystlia's interdisciplinary team.",
            )
        ],
        "summary": Tx("Talsperson for Kystlia kommune.", "Spokesperson for Kystlia municipality."),
        "email": "tobias.hegge@example.org",
        "phone": "+47 400 00 103",
        "location": Tx("Rådhuset i Kystlia", "Kystlia town hall"),
        "languages": ["nb"],
        "topics": ["welfare-technology"],
    },
    "mette-kjaergaard": {
        "locale": "da",
        "name": "Mette Kjærgaard",
        "job_title": Tx("Ressourceperson, personalejura", "Resource person, employment law"),
        "organisation": "havbjerg",
        "unit": Tx("Kontoret Personale", "HR office"),
        "ask_me_about": Tx(
            "Forberedelse af forhandlingsmøder, mandat og opsamling bagefter, og det personalejuridiske netværk.",
            "Preparing negotiation meetings, mandates and follow-up afterwards, and the employment-law network.",
        ),
        "bio": [
            Tx(
                "Mette har udviklet kontorets skabeloner til før- og eftermøder.",
                "Mette developed the office's templates for before- and after-meetings.",
            )
        ],
        "summary": Tx("Ressourceperson for videndeling i Personale.", "Resource person for knowledge sharing in HR."),
        "email": "mette.kjaergaard@example.com",
        "phone": "+45 00 00 01 21",
        "location": Tx("Rådhuset, 3. sal", "Town hall, third floor"),
        "languages": ["da", "en", "sv"],
        "topics": ["meeting-practice", "knowledge-sharing"],
    },
    "jonas-vestergaard": {
        "locale": "da",
        "name": "Jonas Vestergaard",
        "job_title": Tx("Kontorchef", "Head of office"),
        "organisation": "havbjerg",
        "unit": Tx("Kontoret Personale", "HR office"),
        "ask_me_about": Tx(
            "Hvordan en leder skaber tid og rammer til systematisk videndeling i hverdagen.",
            "How a manager makes time and room for systematic knowledge sharing in everyday work.",
        ),
        "bio": [
            Tx(
                "Jonas leder kontoret og står for torsdagsmøderne.",
                "Jonas leads the office and runs the Thursday meetings.",
            )
        ],
        "summary": Tx("Leder af kontoret Personale.", "Head of the HR office."),
        "email": "jonas.vestergaard@example.com",
        "phone": "+45 00 00 01 22",
        "location": Tx("Rådhuset, 3. sal", "Town hall, third floor"),
        "languages": ["da", "en"],
        "topics": ["meeting-practice"],
    },
    "sanne-de-wit": {
        "locale": "nl",
        "name": "Sanne de Wit",
        "job_title": Tx("Adviseur competentieontwikkeling", "Adviser on competence development"),
        "organisation": "samen-leren",
        "unit": Tx("Team Leren op de werkplek", "Workplace learning team"),
        "ask_me_about": Tx(
            "Een lerend netwerk opstarten, een goede startbijeenkomst en een eerlijke eindevaluatie.",
            "Starting a learning network, a good kick-off meeting and an honest final evaluation.",
        ),
        "bio": [
            Tx(
                "Sanne begeleidt lerende netwerken van zorg- en welzijnsorganisaties.",
                "Sanne supports learning networks of care and welfare organisations.",
            )
        ],
        "summary": Tx("Begeleidt lerende netwerken.", "Supports learning networks."),
        "email": "sanne.dewit@example.net",
        "phone": "+31 6 0000 0131",
        "location": same("Gent"),
        "languages": ["nl", "en", "fr"],
        "topics": ["learning-networks", "knowledge-sharing"],
    },
}
