"""Whole numbers typed by someone: a page number, an id in a link or in a form's hidden field.

str.isdigit() is true for "²" and "①", which int() refuses, and int() takes "٣", " 3", "3_0" and
strings of thousands of digits only to refuse them (or the database does). No link or form of Erfa's
writes anything but ASCII digits, so anything else is no number: the caller's answer for a wrong value.
"""

# More digits than any id or count has (a signed 64-bit id has 19); int() refuses over 4,300 of them.
MAX_DIGITS = 19


def whole_number(value, default=None):
    """`value` (text, or an int) as a whole number of ASCII digits, or `default` for anything else."""
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return default
