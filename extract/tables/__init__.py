"""Tables: each flattened form's own code cuts its region into printed cells, the rest is shared.

regions.py finds them; rebuild_cells.py (tabbed cells or rows), rebuild_flat.py (PDF words),
rebuild_bare.py (one untabbed cell per line), rebuild_numbered.py (numbered names), records.py
(key:value records), markdown.py (pipe and HTML tables) cut them; stream.py assembles the
one-cell-per-line blocks (header, width, rows), assign.py places a row's cells on the columns by
what they are; every form gives a grid.Grid, which grid.finish turns into a clean table;
classify.py knows the header vocabulary.
"""
