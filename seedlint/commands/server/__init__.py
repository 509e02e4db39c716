"""``seedlint server``: a Language Server Protocol server on standard input and output.

Built on pygls and lsprotocol, which come with the ``server`` extra
(``pip install 'seedlint[server]'``); without them the command says so in one line.
``service`` holds the server; ``folders``, ``linting``, ``convert`` and ``positions`` what
it is made of.
"""

from __future__ import annotations

import argparse

from seedlint.commands.common import UsageError


def run_server(args: argparse.Namespace) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError(
            "seedlint server needs pygls and lsprotocol: pip install 'seedlint[server]'"
        ) from None
    from seedlint.commands.server.service import serve

    serve()
    return 0
