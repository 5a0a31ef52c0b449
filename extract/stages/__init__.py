"""Pipeline stages: each a plain function `run(state)` that adds its own layer."""
