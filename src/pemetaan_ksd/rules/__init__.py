"""The rules (CONTRACT section 2) and the engine that runs them.

- registry.py: how a rule is declared (kinds, owns, outranks, yields, stops) and findings made
- messages.py: the message table, every code's severity, title, legal basis and templates
- catalog.py: the rules run, in order, and the engine built from them (ENGINE)
- engine.py: runs the list and decides which rule speaks
- columns.py, context.py, mitra.py: what rules read (values by column, the run, the partner)
- placement.py, usulan.py: where row findings land; a row normalised into an Usulan
- struktur.py, isian.py, kode.py, hukum.py, lintas_berkas.py: the rules, KSD1xx to KSD5xx
"""
