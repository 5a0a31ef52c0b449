"""The reader types live in extract/raw.py (beside the model); kept importable here for readers."""
from ..raw import Block, RawDocument, RawLine, RawTable

__all__ = ["Block", "RawDocument", "RawLine", "RawTable"]
