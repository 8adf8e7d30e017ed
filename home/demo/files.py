"""Generated demo files: meeting templates as .docx and .odt, guides as PDF, portraits as PNG.

Each generator returns (file name, bytes). The text is the template's own, in its language.
"""

import io

from docx import Document as DocxDocument
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, List, ListItem, P
from PIL import Image, ImageDraw

# A template is a title, an intro line and a list of sections, each a heading with prompts under it.
BEFORE_MEETING = {
    "title": "Før mødet",
    "intro": "Udfyld skabelonen sammen, senest dagen før mødet.",
    "fields": ["Møde:", "Dato:", "Deltagere fra os:"],
    "sections": [
        ("Målet med mødet", ["Hvad vil vi opnå?", "Hvad er det mindste, vi kan acceptere?"]),
        ("Strategi og forhandlingsteknik", ["Hvordan åbner vi?", "Hvilke argumenter forventer vi fra modparten?"]),
        ("Mandat", ["Hvad må vi aftale uden at gå tilbage til lederen?"]),
        ("Roller", ["Hvem fører ordet?", "Hvem tager noter?"]),
        ("Erfaringer fra sidste møde", ["Hvad lærte vi sidst, som vi bruger nu?"]),
    ],
}
AFTER_MEETING = {
    "title": "Efter mødet",
    "intro": "Saml op inden for en uge, mens detaljerne er friske.",
    "fields": ["Møde:", "Dato:", "Udfyldt af:"],
    "sections": [
        ("Hvad skete der?", ["Nåede vi målet?", "Hvad blev aftalt?"]),
        ("Hvad gik godt?", ["Hvad vil vi gøre igen?"]),
        ("Hvad kan vi lære?", ["Hvad overraskede os?", "Hvad ville vi gøre anderledes?"]),
        ("Afsæt for næste møde", ["Hvad tager vi med, og hvem deler det på torsdagsmødet?"]),
    ],
}
PROGRESS_PLAN = {
    "title": "Framdriftsplan",
    "intro": "Fylles ut av teamet etter hver samling og deles med leder.",
    "fields": ["Kommune:", "Team:", "Innsatsområde:"],
    "sections": [
        ("Mål", ["Hva vil vi oppnå innen neste samling?"]),
        ("Tiltak", ["Hva skal vi teste, hvem har ansvaret og når er fristen?"]),
        ("Måling", ["Hvordan ser vi at endringen er en forbedring?"]),
        ("Støtte fra ledelsen", ["Hvilken tid og hvilke ressurser trenger teamet?"]),
    ],
}
REFLECTION_GUIDE = {
    "title": "Samtalsguide: utvecklande reflektion",
    "intro": "Använd guiden direkt efter en aktivitet. Alla kan lära, alla delar med sig.",
    "fields": [],
    "sections": [
        ("1. Vad gör vi bäst när det här händer?", ["Beskriv vad som fungerade och varför."]),
        ("2. Vad kan vi lära?", ["Vilka perspektiv och erfarenheter kom fram?"]),
        ("3. Vad ska vi ta vara på eller utveckla?", ["Skriv ner ett eller två arbetssätt att använda framöver."]),
        ("Tips till den som leder", ["Låt alla komma till tals. Tänk framåt, inte bakåt. Ha kunden i fokus."]),
    ],
}
HANDBOOK = {
    "title": "Handleiding lerend netwerk",
    "intro": "Een korte gids voor wie een lerend netwerk wil opstarten en begeleiden.",
    "fields": [],
    "sections": [
        ("Stap 1. Samenstellen", ["Nodig deelnemers uit met een duidelijk doel en praktische afspraken."]),
        ("Stap 2. Startbijeenkomst", ["Kennismaken, vragen en verwachtingen verzamelen, afspraken maken."]),
        ("Stap 3. Onderhouden", ["Ervaringen uitwisselen en kennis van buiten binnenbrengen."]),
        ("Stap 4. Afronden", ["Evalueren wat werkte en wat beter kan."]),
    ],
}


def docx_file(template):
    document = DocxDocument()
    document.add_heading(template["title"], level=1)
    document.add_paragraph(template["intro"])
    for field in template["fields"]:
        document.add_paragraph(field)
    for heading, prompts in template["sections"]:
        document.add_heading(heading, level=2)
        for prompt in prompts:
            document.add_paragraph(prompt, style="List Bullet")
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_file(template):
    document = OpenDocumentText()
    bold = Style(name="Heading", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold", fontsize="14pt"))
    document.styles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, stylename=bold, text=template["title"]))
    document.text.addElement(P(text=template["intro"]))
    for field in template["fields"]:
        document.text.addElement(P(text=field))
    for heading, prompts in template["sections"]:
        document.text.addElement(H(outlinelevel=2, stylename=bold, text=heading))
        prompt_list = List()
        for prompt in prompts:
            item = ListItem()
            item.addElement(P(text=prompt))
            prompt_list.addElement(item)
        document.text.addElement(prompt_list)
        document.text.addElement(P(text=""))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def pdf_file(template):
    # The built-in Helvetica covers Latin-1, which holds every letter of the five languages.
    pdf = FPDF(format="A4")
    pdf.set_title(template["title"])
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.multi_cell(0, 10, template["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, template["intro"], new_x="LMARGIN", new_y="NEXT")
    for heading, prompts in template["sections"]:
        pdf.ln(4)
        pdf.set_font("Helvetica", style="B", size=13)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for prompt in prompts:
            pdf.multi_cell(0, 6, f"- {prompt}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


# Document key -> (title, file name, generator, template). Titles identify documents on a second run.
DOCUMENTS = {
    "before_meeting_docx": ("Skabelon: før mødet (Word)", "skabelon-foer-moedet.docx", docx_file, BEFORE_MEETING),
    "before_meeting_odt": ("Skabelon: før mødet (ODF)", "skabelon-foer-moedet.odt", odt_file, BEFORE_MEETING),
    "after_meeting_docx": ("Skabelon: efter mødet (Word)", "skabelon-efter-moedet.docx", docx_file, AFTER_MEETING),
    "after_meeting_odt": ("Skabelon: efter mødet (ODF)", "skabelon-efter-moedet.odt", odt_file, AFTER_MEETING),
    "reflection_guide_pdf": (
        "Samtalsguide: utvecklande reflektion (PDF)",
        "samtalsguide-utvecklande-reflektion.pdf",
        pdf_file,
        REFLECTION_GUIDE,
    ),
    "progress_plan_docx": ("Mal for framdriftsplan (Word)", "mal-framdriftsplan.docx", docx_file, PROGRESS_PLAN),
    "handbook_pdf": ("Handleiding lerend netwerk (PDF)", "handleiding-lerend-netwerk.pdf", pdf_file, HANDBOOK),
}


def build_document(key):
    title, filename, generator, template = DOCUMENTS[key]
    return title, filename, generator(template)


PORTRAIT_COLOURS = ["#1f5f8b", "#2e7d5b", "#8a4f9e", "#a5522b", "#3d5a80", "#6b7b2c"]


def portrait_png(name, index):
    """A plain coloured square with the person's initials: a stand-in portrait, no real face."""
    image = Image.new("RGB", (240, 240), PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)])
    draw = ImageDraw.Draw(image)
    initials = "".join(part[0] for part in name.split() if part[0].isupper())[:2]
    draw.text((120, 120), initials, fill="white", anchor="mm", font_size=96)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
