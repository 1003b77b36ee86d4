"""Extraction stages: dates, people, organizations, places, events."""
