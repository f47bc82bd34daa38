"""Printable documents made with typst: data in, PDF bytes out, no database and no web.

``slips`` prints a round's voting-code slips (design.md, "Anonymity, sealing and verification").
The typst templates live in ``templates/`` beside this package and take their data as JSON through
``sys.inputs``, so nothing the user typed is ever read as typst markup.
"""
