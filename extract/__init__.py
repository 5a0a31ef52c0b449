"""plan-extract: Chinese government plan documents → structured JSON.

Public API:
    extract_file(path, settings=None) -> Document
    run(path, settings=None) -> Result   (document + every intermediate stage result)
"""
__version__ = "0.1.0"


def __getattr__(name):  # lazy: importing the package must stay cheap (no spaCy/jieba here)
    if name in ("extract_file", "run", "Settings", "Result"):
        from . import pipeline
        return getattr(pipeline, name)
    if name == "Document":
        from .model import Document
        return Document
    raise AttributeError(name)
