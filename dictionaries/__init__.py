"""Data files of textrepair, installed as ``textrepair.dictionaries``.

Each file is built by a script in ``scripts/`` and starts with ``#`` header
lines naming its format, generator, sources and columns; read them through
:func:`textrepair.resources.load_table`.
"""
