"""Input and output: sources of documents, the atomic writer, the results cache."""
