"""The demo's generated files: an item's `document` as .docx, .odt or .pdf, and stand-in portraits.

A document is a title, an intro, a few fields to fill in and sections, each a heading with prompts,
in the item's own language (see `document` in content/shareable-templates/*.yaml).
"""

import io
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, List, ListItem, P
from PIL import Image, ImageDraw


def docx_file(document):
    docx = DocxDocument()
    docx.add_heading(document["title"], level=1)
    for line in [document["intro"], *document["fields"]]:
        docx.add_paragraph(line)
    for section in document["sections"]:
        docx.add_heading(section["heading"], level=2)
        for prompt in section["prompts"]:
            docx.add_paragraph(prompt, style="List Bullet")
        docx.add_paragraph("")
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def odt_file(document):
    odt = OpenDocumentText()
    bold = Style(name="Heading", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold", fontsize="14pt"))
    odt.styles.addElement(bold)
    odt.text.addElement(H(outlinelevel=1, stylename=bold, text=document["title"]))
    for line in [document["intro"], *document["fields"]]:
        odt.text.addElement(P(text=line))
    for section in document["sections"]:
        odt.text.addElement(H(outlinelevel=2, stylename=bold, text=section["heading"]))
        prompts = List()
        for prompt in section["prompts"]:
            item = ListItem()
            item.addElement(P(text=prompt))
            prompts.addElement(item)
        odt.text.addElement(prompts)
        odt.text.addElement(P(text=""))
    buffer = io.BytesIO()
    odt.write(buffer)
    return buffer.getvalue()


def pdf_file(document):
    # The built-in Helvetica covers Latin-1, which holds every letter of the five languages.
    pdf = FPDF(format="A4")
    pdf.set_title(document["title"])
    pdf.add_page()
    # (space above, font style, font size, line height, text)
    lines = [(0, "B", 18, 10, document["title"]), (0, "", 11, 6, document["intro"])]
    for section in document["sections"]:
        lines.append((4, "B", 13, 8, section["heading"]))
        lines += [(0, "", 11, 6, f"- {prompt}") for prompt in section["prompts"]]
    for space, style, size, height, line in lines:
        if space:
            pdf.ln(space)
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build(filename, document):
    """The file's bytes, in the format its name ends with."""
    return {".docx": docx_file, ".odt": odt_file, ".pdf": pdf_file}[Path(filename).suffix](document)


def portrait_png(name, colour):
    """A plain coloured square with the person's initials: a stand-in portrait, no real face."""
    image = Image.new("RGB", (240, 240), colour)
    initials = "".join(part[0] for part in name.split() if part[0].isupper())[:2]
    ImageDraw.Draw(image).text((120, 120), initials, fill="white", anchor="mm", font_size=96)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
