"""A plan or report version as PDF or .docx, for the municipality's own archive.

The headings are in the version's own language, so the file reads as one document. The PDF embeds
DejaVu Sans (Debian's fonts-dejavu-core) so that every letter survives; where that font is missing it
falls back to the built-in Helvetica, which covers Latin-1 (all letters of Erfa's five languages, not
every name people type), and says so in the log.
"""

import io
import logging
from pathlib import Path

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from fpdf import FPDF

from networks.models.plans import PLAN_FIELDS, REPORT_FIELDS, TeamPlan, shown_actions

logger = logging.getLogger(__name__)
# fpdf2 subsets the embedded font with fontTools, which logs every glyph table at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}


def outline(version):
    """{"title", "meta": [lines], "sections": [(heading, [paragraphs] or None, [action rows] or None)]}."""
    plan = version.plan
    field = {f.name: f for f in TeamPlan._meta.get_fields() if hasattr(f, "verbose_name")}
    with translation.override(version.language):
        sections = []
        for name in PLAN_FIELDS if plan.kind == "plan" else REPORT_FIELDS:
            heading = str(field[name].verbose_name).capitalize()
            value = version.content.get(name)
            if name == "actions":
                actions = shown_actions(version.content, version.language)
                rows = [(row.get("action", ""), row.get("owner", ""), row["due"]) for row in actions]
                sections.append((heading, None, rows))
            else:
                sections.append((heading, [part for part in (value or "").splitlines() if part.strip()], None))
        return {
            "title": f"{plan.get_kind_display()}: {plan.team.name}",
            "meta": [
                f"{_('Unit')}: {plan.team.organisation.name}",
                f"{_('Version')} {version.number}, {version.get_state_display().lower()}, "
                + date_format(version.created, "DATE_FORMAT"),
            ],
            "action_headings": (_("Planned action"), _("Responsible"), _("Due")),
            "sections": sections,
        }


def docx_bytes(version):
    data = outline(version)
    document = DocxDocument()
    document.add_heading(data["title"], level=1)
    for line in data["meta"]:
        document.add_paragraph(line)
    for heading, paragraphs, rows in data["sections"]:
        document.add_heading(heading, level=2)
        if rows is not None:
            table = document.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, data["action_headings"], strict=True):
                cell.text = text
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = str(text)
        for paragraph in paragraphs or []:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_font(pdf):
    if all(path.exists() for path in FONTS.values()):
        for style, path in FONTS.items():
            pdf.add_font("DejaVu", style=style, fname=str(path))
        return "DejaVu", str
    logger.warning("DejaVu Sans not found in %s: the PDF uses Helvetica (Latin-1 only).", FONT_DIR)
    return "Helvetica", lambda text: str(text).encode("latin-1", "replace").decode("latin-1")


def pdf_bytes(version):
    data = outline(version)
    pdf = FPDF(format="A4")
    family, text = _pdf_font(pdf)
    pdf.set_title(text(data["title"]))
    pdf.add_page()

    def write(line, style="", size=11, height=6, space=0):
        if space:
            pdf.ln(space)
        pdf.set_font(family, style=style, size=size)
        pdf.multi_cell(0, height, text(line), new_x="LMARGIN", new_y="NEXT")

    write(data["title"], "B", 16, 9)
    for line in data["meta"]:
        write(line, size=10)
    for heading, paragraphs, rows in data["sections"]:
        write(heading, "B", 13, 8, space=4)
        if rows is not None:
            pdf.set_font(family, size=10)
            with pdf.table(col_widths=(60, 25, 15)) as table:
                for row in [data["action_headings"], *rows]:
                    cells = table.row()
                    for value in row:
                        cells.cell(text(value))
        for paragraph in paragraphs or []:
            write(paragraph)
    return bytes(pdf.output())


EXPORTS = {
    "pdf": ("application/pdf", pdf_bytes),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_bytes),
}
