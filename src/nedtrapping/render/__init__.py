"""The output layer: plans, rule sets and the calendar as text, Markdown, CSV, JSON, XLSX and .ics.

Why a layer of its own: the model (plans, calendar entries, rule sets) holds figures
and structured facts; how they look on a screen or in a file is decided only here,
with the words from :mod:`nedtrapping.wording`. Nothing below this package imports
it, so changing how output looks never touches a computation.
"""
