"""Pipeline stages: each a plain function `run(state)` that adds its own layer."""

# The stage names in order, "read" first: the CLI's --dump-stage choices. Kept here, away from
# the pipeline, so that `plan-extract --help` imports no stage, model or library.
STAGE_NAMES = ["read", "normalize", "segment", "tables", "indicators", "projects", "tasks", "meta"]
