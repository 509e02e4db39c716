"""Output formats: one module per format, each reading diagnostics and writing a report."""
