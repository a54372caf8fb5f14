"""Adapters that run textrepair inside other corpus tools.

Each lives in its own module and needs that tool installed (an optional extra):
``textrepair.integrations.datatrove`` (``pip install 'textrepair[datatrove]'``).
"""
