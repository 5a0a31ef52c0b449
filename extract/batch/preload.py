"""Imported once by the batch's forkserver (engines.worker_context) before it forks any worker:
the pipeline's libraries, patterns and dictionaries are loaded here, once, and every worker
forked afterwards starts with them (copy-on-write pages, nothing re-imported)."""
from .worker import warm_up

warm_up()
