"""Extraction stages: dates, people, organizations, places, events."""

from .people import extract_people

__all__ = ["extract_people"]
