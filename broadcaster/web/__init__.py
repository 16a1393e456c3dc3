"""The web app (`broadcaster web`): the CLI's work on server-rendered pages, in Vietnamese.

A thin adapter over the same library functions as the CLI; see app.py for the security model.
"""
