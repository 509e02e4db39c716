"""The engine: text in, diagnostics and fixed text out. It reads no file and prints nothing.

    text -> Document -> each rule's kind -> Findings -> Diagnostics -> fixer (edits applied)

``Linter`` holds the configured rules; ``fix_document`` applies their fixes.
"""
