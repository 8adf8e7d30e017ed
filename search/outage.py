"""Which errors mean "the search engine is not answering", as opposed to a bug.

Only an outage (no connection, a timeout, an engine that says it is overloaded or
unavailable) sends the search page into its degraded mode. Anything else, such as
a TypeError in Erfa's code or a query the engine rejects, is a programming error
and must surface as one instead of looking like a down engine.
"""

import sqlite3

import elasticsearch
import opensearchpy
import urllib3.exceptions
from django.db import OperationalError

# The engine answered, but says it cannot serve now: too many requests, bad gateway, unavailable, timeout.
UNAVAILABLE_STATUSES = {429, 502, 503, 504}
# PostgreSQL's SQLSTATE classes for a lost or refused connection (08), exhausted resources (53)
# and operator intervention such as a cancelled statement or a shutdown (57).
DATABASE_OUTAGE_CLASSES = {"08", "53", "57"}

TRANSPORT_ERRORS = (
    opensearchpy.ConnectionError,  # includes ConnectionTimeout
    elasticsearch.ConnectionError,
    elasticsearch.ConnectionTimeout,
    urllib3.exceptions.HTTPError,  # the connection pool's own errors, if a client lets one through
    ConnectionError,  # the socket's own (refused, reset), a subclass of OSError
    TimeoutError,
)


def is_database_outage(error):
    """An OperationalError from a database that is unreachable or stopped the statement; not a bad query."""
    cause = error.__cause__
    if hasattr(cause, "sqlstate"):  # psycopg
        # A connection that broke before the server said why carries no SQLSTATE.
        return cause.sqlstate is None or cause.sqlstate[:2] in DATABASE_OUTAGE_CLASSES
    if isinstance(cause, sqlite3.OperationalError):
        # "database is locked" is SQLite's busy timeout; "no such table" and the like are bugs.
        return cause.sqlite_errorname in {"SQLITE_BUSY", "SQLITE_LOCKED"}
    return False


def is_engine_outage(error):
    if isinstance(error, TRANSPORT_ERRORS):
        return True
    if isinstance(error, opensearchpy.TransportError):
        return error.status_code in UNAVAILABLE_STATUSES
    if isinstance(error, elasticsearch.ApiError):
        return error.status_code in UNAVAILABLE_STATUSES
    if isinstance(error, OperationalError):
        return is_database_outage(error)
    return False
