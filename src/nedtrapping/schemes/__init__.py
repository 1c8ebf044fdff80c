"""One module per grant scheme; each registers its rule sets in :mod:`nedtrapping.registry`.

Adding a scheme means adding one module here (plus its tests): the registry
discovers the modules of this package by itself.
"""
