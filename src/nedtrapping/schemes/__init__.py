"""One module per grant scheme; each registers its rule sets in :mod:`nedtrapping.registry`.

Adding a scheme means adding one module here (plus its tests): the registry
discovers the modules of this package by itself. The rules a cost is built from live in
:mod:`nedtrapping.costs`, grant calendars in :mod:`nedtrapping.calendars`.
"""
