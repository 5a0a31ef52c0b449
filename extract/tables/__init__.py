"""Table rebuilders: one module per way a converter flattens a table, one shared grid.

regions.py finds them; rebuild_cells.py (tabbed cells or rows), rebuild_flat.py (PDF words),
rebuild_bare.py (one untabbed cell per line), markdown.py (pipe and HTML tables) each produce a
grid.Grid; grid.finish turns a grid into a clean table; classify.py knows the header vocabulary.
"""
