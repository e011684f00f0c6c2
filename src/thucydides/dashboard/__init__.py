"""The dashboard's static pages, scripts and bundled JavaScript libraries (in static/)."""
