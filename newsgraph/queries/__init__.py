"""Competency queries shipped with newsgraph (SPARQL files, run with `newsgraph query OUT NAME`)."""
