"""Answers with exact citations, built on the index."""
