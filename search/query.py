"""Cleaning what a reader typed into something every backend can search for."""

import re

from django.utils.html import strip_tags

MAX_QUERY_LENGTH = 200
# Characters with a meaning in the engines' or PostgreSQL's query syntax; a reader means words.
SYNTAX = re.compile(r"[\"'`&|!():*<>\[\]{}^~\\/+=;#@$%?]")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """Plain words: no markup, no query syntax, single spaces, at most 200 characters."""
    text = strip_tags(CONTROL.sub(" ", raw or ""))
    text = SYNTAX.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    return [term for term in query.lower().split() if len(term) > 1]
