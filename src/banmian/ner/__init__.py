"""Named entities (PER / ORG / LOC) in Chinese news text: a shipped CRF tagger."""

from .tagger import Entity, Tagger, tag

__all__ = ["Entity", "Tagger", "tag"]
