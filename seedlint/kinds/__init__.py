"""Rule kinds: one module per kind, each exposing ``KIND``, an instance of
``seedlint.engine.kind.Kind``; imported only when a rule of that kind is loaded. Helpers
that only kinds use start with an underscore (``_text``, ``_wordlists``)."""
