"""Readers for the officer's input files: announcements (YAML/CSV) and TTHC changes (CSV/XLSX/JSON).

Reading is pure: a file becomes a list of validated records or one ImportDataError that names
the file, row and field of every problem. Writing to the database is the caller's job.
"""
