"""Reading settings from the environment: the parsing helpers portal/settings.py uses.

They say what is wrong with a value instead of failing later with a stack trace.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_choice(name, choices, default):
    """The key the variable `name` names in `choices` (a dict), and its value; empty means `default`."""
    key = os.environ.get(name, "").strip().lower() or default
    if key not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {key!r}.")
    return key, choices[key]
