"""``seedlint server`` end to end: the real server as a subprocess on stdio, driven by a
real LSP client (pytest-lsp, on pygls) with the capabilities of real editors.

Positions in these tests are worked out here, from the text, independently of the
server's own conversions: lines split at LF, CRLF and CR, columns counted in the code
units the client and server agreed on.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from conftest import ROOT, SAMPLE, run_seedlint, seed
from helpers import write_pattern_pack

pytestmark = pytest.mark.e2e

SAFE = (ROOT / "tests" / "golden" / "000_427d24922044e314.safe.txt").read_text(encoding="utf-8")
WAIT = 60  # seconds: a slow shared machine, never a measured target
EDITORS = ("visual-studio-code", "neovim", "emacs")
BREAK = re.compile(r"\r\n|\r|\n")


# -- an LSP client that keeps every diagnostics notification ---------------------------


# pygls hands the client to a handler whose first parameter is named ``ls``
def _record_diagnostics(ls: Any, params: types.PublishDiagnosticsParams) -> None:
    ls.published.append(params)
    ls.diagnostics[params.uri] = params.diagnostics


def _register_capability(ls: Any, params: types.RegistrationParams) -> None:
    ls.registrations.extend(params.registrations)


def _new_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_diagnostics
    features[types.CLIENT_REGISTER_CAPABILITY] = _register_capability
    register_lsp_features(client, features)
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    return client


class Session:
    """A started server, initialised for some workspace folders, and its client."""

    def __init__(self, client: LanguageClient, encoding: str) -> None:
        self.client = client
        self.encoding = encoding
        self.versions: dict[str, int] = {}

    @property
    def published(self) -> list[types.PublishDiagnosticsParams]:
        return self.client.published  # type: ignore[attr-defined,no-any-return]

    def open(self, path: Path | str, text: str | None = None) -> str:
        uri = path if isinstance(path, str) else path.as_uri()
        if text is None:
            assert isinstance(path, Path)
            text = path.read_text(encoding="utf-8")
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        version = self.versions[uri]
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))
        return version

    async def diagnostics(
        self, uri: str, version: int | None = None, after: int = 0
    ) -> types.PublishDiagnosticsParams:
        """The first diagnostics for ``uri`` (of ``version``) published after the first
        ``after`` notifications."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            await asyncio.sleep(0.02)
        raise AssertionError(f"no diagnostics for {uri} version {version}: {self.published}")

    async def actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        context = types.CodeActionContext(diagnostics=[], only=only)
        document = types.TextDocumentIdentifier(uri=uri)
        params = types.CodeActionParams(text_document=document, range=where, context=context)
        found = await self.client.text_document_code_action_async(params)
        assert found is not None
        assert all(isinstance(a, types.CodeAction) for a in found)
        return list(found)  # type: ignore[arg-type]


def _capabilities(editor: str, encoding: str | None = None) -> types.ClientCapabilities:
    capabilities = client_capabilities(editor)
    if encoding is not None:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=[encoding])
    return capabilities


async def _start(
    folders: list[Path], editor: str = "visual-studio-code", encoding: str | None = None
) -> Session:
    client = _new_client()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    await client.start_io(sys.executable, "-m", "seedlint", "server", cwd=folders[0], env=env)
    capabilities = _capabilities(editor, encoding)
    workspace = [types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders]
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities, workspace_folders=workspace, root_uri=folders[0].as_uri()
        )
    )
    agreed = result.capabilities.position_encoding or "utf-16"
    return Session(client, str(getattr(agreed, "value", agreed)))


@pytest_asyncio.fixture
async def sessions() -> AsyncIterator[list[Session]]:
    """Sessions a test starts; each is shut down (shutdown, exit) when it ends."""
    started: list[Session] = []
    yield started
    for session in started:
        await session.client.shutdown_session()
        await session.client.stop()


# -- positions, worked out independently of the server ---------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's text, without its break."""
    spans, start = [], 0
    for match in BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return sum(2 if ord(c) > 0xFFFF else 1 for c in text)
    return len(text)


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    start, end = _lines(text)[position.line]
    units = 0
    for index in range(start, end):
        if units >= position.character:
            return index
        units += _units(text[index], encoding)
    return end


def position_of(text: str, offset: int, encoding: str) -> types.Position:
    for line, (start, end) in enumerate(_lines(text)):
        if start <= offset <= end:
            return types.Position(line, _units(text[start:offset], encoding))
    raise AssertionError(offset)


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str, encoding: str) -> str:
    """A workspace edit applied as an editor applies it (all ranges refer to the text
    before the edit)."""
    if edit.document_changes is not None:
        edits = [e for change in edit.document_changes for e in change.edits]  # type: ignore[union-attr]
        assert all(change.text_document.uri == uri for change in edit.document_changes)  # type: ignore[union-attr]
    else:
        assert edit.changes is not None and list(edit.changes) == [uri]
        edits = list(edit.changes[uri])
    spans = [
        (offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e)
        for e in edits
    ]
    for start, end, e in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
        text = text[:start] + e.new_text + text[end:]
    return text


def whole(text: str) -> types.Range:
    return types.Range(types.Position(0, 0), position_of(text, len(text), "utf-32"))


# -- the raw sample seed, end to end ---------------------------------------------------


def _check_json(path: Path, text: str | None = None) -> list[dict[str, Any]]:
    """What `seedlint check` reports for the file (or for ``text`` named as the file)."""
    args = ["-", "--stdin-filename", path.name] if text is not None else [path.name]
    result = run_seedlint("check", *args, "--format", "json", cwd=path.parent, input=text)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.asyncio
@pytest.mark.parametrize("editor", EDITORS)
async def test_the_raw_sample_seed_from_diagnostics_to_fixed_text(
    editor: str, tmp_path: Path, sessions: list[Session]
) -> None:
    shutil.copy(SAMPLE, tmp_path / "raw.txt")
    text = SAMPLE.read_text(encoding="utf-8")
    session = await _start([tmp_path], editor)
    sessions.append(session)
    encoding = session.encoding
    uri = session.open(tmp_path / "raw.txt")

    published = await session.diagnostics(uri, 1)
    expected = _check_json(tmp_path / "raw.txt")
    got = published.diagnostics
    assert [d.code for d in got] == [e["code"] for e in expected]
    for diagnostic, finding in zip(got, expected, strict=True):
        start = (finding["location"]["row"] - 1, finding["location"]["column"] - 1)
        assert (diagnostic.range.start.line, diagnostic.range.start.character) == start
        assert diagnostic.source == "seedlint"
        assert diagnostic.message == f"{finding['message']} [{finding['name']}]"
        level = {"error": 1, "warning": 2, "info": 3}[finding["severity"]]
        assert diagnostic.severity == types.DiagnosticSeverity(level)
    typo = next(d for d in got if d.code == "SL201")
    links = client_capabilities(editor).text_document.publish_diagnostics.code_description_support
    if links:  # the rule's definition, which documents it
        assert typo.code_description is not None
        href = typo.code_description.href
        assert href.startswith("file://") and re.search(r"rules/[a-z_]+\.yaml#L\d+$", href)
    else:
        assert typo.code_description is None

    # the quick fix of the typo, applied as the editor applies it
    actions = await session.actions(uri, typo.range)
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Replace with 'Minister' (SL201 minister-typo)"]
    assert quick[0].is_preferred is True and list(quick[0].diagnostics or []) == [typo]
    assert quick[0].edit is not None
    text = apply_edit(text, quick[0].edit, uri, encoding)
    assert "Deputy Prime Minister, Oliver Dowden" in text
    version = session.change(uri, text)
    again = await session.diagnostics(uri, version)
    assert "SL201" not in [d.code for d in again.diagnostics]
    assert len(again.diagnostics) == len(got) - 1

    # an unsafe fix is offered, labelled as such and never preferred
    quotes = next(d for d in again.diagnostics if d.code == "SL301")
    unsafe = [a for a in await session.actions(uri, quotes.range) if a.kind == "quickfix"]
    assert [a.title for a in unsafe] == [
        "Unsafe fix: Insert “ at the start of the paragraph (SL301 unbalanced-quotes)"
    ]
    assert unsafe[0].is_preferred is False

    # fix all safe problems: the text `seedlint fix` writes
    fix_all = await session.actions(uri, whole(text), only=["source.fixAll"])
    assert [(a.title, a.kind) for a in fix_all] == [
        ("Fix all safe problems in this file (seedlint)", "source.fixAll.seedlint")
    ]
    action = fix_all[0]
    if action.edit is None:  # the client resolves it when chosen
        action = await session.client.code_action_resolve_async(action)
    assert action.edit is not None
    text = apply_edit(text, action.edit, uri, encoding)
    assert text == SAFE
    version = session.change(uri, text)
    fixed = await session.diagnostics(uri, version)
    remaining = [e["code"] for e in _check_json(tmp_path / "raw.txt", SAFE)]
    assert [d.code for d in fixed.diagnostics] == remaining  # those without a safe fix
    assert "SL011" in remaining and "SL201" not in remaining
    assert await session.actions(uri, whole(text), only=["source.fixAll"]) == []


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_positions_are_counted_in_the_agreed_encoding(
    encoding: str, tmp_path: Path, sessions: list[Session]
) -> None:
    """Wide characters before the finding, and the characters str.splitlines breaks on
    but LSP does not (U+2028, U+0085, form feed) on an earlier line."""
    text = seed(
        "A line\u2028with\x85odd\x0cbreaks that are not line breaks.\r\n\r\n"
        "😀 “Quoted” — the Deputy Prime Minster spoke."
    )
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode("utf-8"))
    session = await _start([tmp_path], encoding=encoding)
    sessions.append(session)
    assert session.encoding == encoding
    uri = session.open(path, text)
    published = await session.diagnostics(uri, 1)
    typo = next(d for d in published.diagnostics if d.code == "SL201")
    start = text.index("Minster")
    assert typo.range.start == position_of(text, start, encoding)
    assert typo.range.end == position_of(text, start + len("Minster"), encoding)
    action = next(a for a in await session.actions(uri, typo.range) if "SL201" in a.title)
    assert action.edit is not None
    assert apply_edit(text, action.edit, uri, encoding) == text.replace("Minster", "Minister")


@pytest.mark.asyncio
async def test_fix_all_writes_what_fix_writes_for_a_crlf_document(
    tmp_path: Path, sessions: list[Session]
) -> None:
    text = "date 2024-01-18  A title\r\n\r\nThe Deputy Prime Minster spoke ,  twice.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    cli = subprocess.run(
        [sys.executable, "-m", "seedlint", "fix", "-", "--stdin-filename", "crlf.txt"],
        input=text.encode("utf-8"), capture_output=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    expected = cli.stdout.decode("utf-8")
    assert expected != text  # line breaks too: the edit must not end inside a CRLF
    session = await _start([tmp_path], "emacs")  # no resolve support: the edit comes at once
    sessions.append(session)
    uri = session.open(path, text)
    await session.diagnostics(uri, 1)
    [action] = await session.actions(uri, whole(text), only=["source.fixAll.seedlint"])
    assert action.edit is not None
    assert apply_edit(text, action.edit, uri, session.encoding) == expected


# -- configuration, as the command line finds it ---------------------------------------


@pytest.mark.asyncio
async def test_each_workspace_folder_has_its_own_configuration(
    tmp_path: Path, sessions: list[Session]
) -> None:
    typo = seed("The Deputy Prime Minster spoke.")
    quiet, loud, loose = tmp_path / "quiet", tmp_path / "loud", tmp_path / "loose"
    for folder in (quiet, loud, loose / "deep"):
        folder.mkdir(parents=True)
    (quiet / "seedlint.yaml").write_text(
        'exclude: ["drafts/"]\nper-file-ignores: {"notes/*": [minister-typo]}\n', "utf-8"
    )
    (loud / "pyproject.toml").write_text('[tool.seedlint]\nseverity = {SL201 = "info"}\n', "utf-8")
    (loose / "seedlint.yaml").write_text("ignore: [SL2]\n", "utf-8")
    for relative in ("quiet/a.txt", "quiet/notes/b.txt", "quiet/drafts/c.txt", "loud/d.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(typo, "utf-8")
    (loose / "deep" / "e.txt").write_text(typo, "utf-8")

    session = await _start([quiet, loud])
    sessions.append(session)
    found = {}
    for relative in ("quiet/a.txt", "quiet/notes/b.txt", "quiet/drafts/c.txt", "loud/d.txt"):
        uri = session.open(tmp_path / relative)
        found[relative] = {d.code: d.severity for d in (await session.diagnostics(uri)).diagnostics}
    # outside every workspace folder: configured as `seedlint check` run in its folder
    uri = session.open(loose / "deep" / "e.txt")
    found["loose"] = {d.code: d.severity for d in (await session.diagnostics(uri)).diagnostics}

    assert found["quiet/a.txt"] == {"SL201": types.DiagnosticSeverity.Error}
    assert found["quiet/notes/b.txt"] == {}  # per-file-ignores
    assert found["quiet/drafts/c.txt"] == {}  # exclude, as --force-exclude applies it
    assert found["loud/d.txt"] == {"SL201": types.DiagnosticSeverity.Information}
    assert found["loose"] == {}
    for relative in ("quiet/a.txt", "quiet/notes/b.txt", "quiet/drafts/c.txt", "loud/d.txt"):
        folder = tmp_path / relative.split("/")[0]
        cli = run_seedlint(
            "check", relative.split("/", 1)[1], "--force-exclude", "--format", "json", cwd=folder
        )
        assert sorted(d["code"] for d in json.loads(cli.stdout)) == sorted(found[relative])


@pytest.mark.asyncio
async def test_a_bad_configuration_is_shown_with_its_line_until_it_is_repaired(
    tmp_path: Path, sessions: list[Session]
) -> None:
    config = tmp_path / "seedlint.yaml"
    config.write_text("select: [ALL]\nfail-on: loud\n", "utf-8")
    path = tmp_path / "a.txt"
    path.write_text(seed("The Deputy Prime Minster spoke."), "utf-8")
    session = await _start([tmp_path])
    sessions.append(session)
    uri = session.open(path)
    assert list((await session.diagnostics(uri, 1)).diagnostics) == []
    shown = [m.message for m in session.client.messages]
    assert len(shown) == 1 and f"{config}:2: 'fail-on' must be one of" in shown[0]
    assert session.client.messages[0].type == types.MessageType.Error

    version = session.change(uri, seed("The Deputy Prime Minster spoke again."))
    await session.diagnostics(uri, version)
    assert len(session.client.messages) == 1  # shown once, not on every change

    config.write_text("select: [ALL]\nfail-on: error\n", "utf-8")
    count = len(session.published)
    session.client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    repaired = await session.diagnostics(uri, version, after=count)
    assert [d.code for d in repaired.diagnostics] == ["SL201"]


@pytest.mark.asyncio
async def test_a_settings_change_on_disk_applies_on_save_and_is_watched(
    tmp_path: Path, sessions: list[Session]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(seed("The Deputy Prime Minster spoke."), "utf-8")
    session = await _start([tmp_path])  # VS Code: registers watchers dynamically
    sessions.append(session)
    uri = session.open(path)
    assert [d.code for d in (await session.diagnostics(uri, 1)).diagnostics] == ["SL201"]
    registered = session.client.registrations  # type: ignore[attr-defined]
    assert [r.method for r in registered] == ["workspace/didChangeWatchedFiles"]
    patterns = [w["globPattern"] for w in registered[0].register_options["watchers"]]
    assert "**/seedlint.yaml" in patterns and "**/pyproject.toml" in patterns

    (tmp_path / "seedlint.yaml").write_text("ignore: [minister-typo]\n", "utf-8")
    count = len(session.published)
    config_uri = (tmp_path / "seedlint.yaml").as_uri()
    event = types.FileEvent(uri=config_uri, type=types.FileChangeType.Created)
    session.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([event]))
    assert list((await session.diagnostics(uri, 1, after=count)).diagnostics) == []


# -- the editor is never kept waiting --------------------------------------------------


# Rules whose time grows in step with the text: a large document then takes seconds, not
# however long the slowest rule of the day takes.
LINEAR_RULES = "select: [SL001, SL010, SL011, SL201, SL211, SL301, SL302, SL303, SL310]\n"


def _large(paragraphs: int) -> str:
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 2)[2]
    return seed("\n\n".join([body] * paragraphs))


@pytest.mark.asyncio
async def test_typing_is_debounced_and_stale_results_are_never_published(
    tmp_path: Path, sessions: list[Session]
) -> None:
    path = tmp_path / "a.txt"
    text = seed("The Deputy Prime Minster spoke.")
    path.write_text(text, "utf-8")
    session = await _start([tmp_path])
    sessions.append(session)
    uri = session.open(path)
    await session.diagnostics(uri, 1)
    count = len(session.published)
    for word in ("once", "twice", "thrice", "again", "more"):  # typed in a burst
        version = session.change(uri, seed(f"The Deputy Prime Minster spoke {word}."))
    final = await session.diagnostics(uri, version, after=count)
    await asyncio.sleep(1)  # anything still on its way arrives
    assert [p.version for p in session.published[count:]] == [version]
    assert [d.code for d in final.diagnostics] == ["SL201"]


@pytest.mark.asyncio
async def test_a_large_document_does_not_hold_up_a_small_one(
    tmp_path: Path, sessions: list[Session]
) -> None:
    large, small = tmp_path / "large.txt", tmp_path / "small.txt"
    large.write_text(_large(3000), "utf-8")  # about 7 MB, several seconds of linting
    (tmp_path / "seedlint.yaml").write_text(LINEAR_RULES, "utf-8")
    small.write_text(seed("The Deputy Prime Minster spoke."), "utf-8")
    session = await _start([tmp_path])
    sessions.append(session)
    large_uri = session.open(large)
    await asyncio.sleep(0.2)  # its lint is under way
    version = session.change(large_uri, _large(3000).replace("Minster", "Minister"))
    small_uri = session.open(small)
    await session.diagnostics(small_uri, 1)
    # answered while the large document is still being linted
    hover = await session.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(small_uri), types.Position(2, 20))
    )
    assert hover is not None and "SL201 [minister-typo]" in hover.contents.value
    assert all(p.uri != large_uri for p in session.published)
    done = await session.diagnostics(large_uri)
    assert done.version == version  # the first text's run was dropped, not published
    assert [p.version for p in session.published if p.uri == large_uri] == [version]
    assert "SL201" not in {d.code for d in done.diagnostics}


@pytest.mark.asyncio
async def test_closing_clears_and_shutdown_stops_promptly(
    tmp_path: Path, sessions: list[Session]
) -> None:
    # a house rule whose search takes minutes on this text (up to its ten-minute limit):
    # what the bundled rules take on a text changes as they get faster
    write_pattern_pack(tmp_path, "a*a*a*a*b", "time-limit: 600")
    path = tmp_path / "large.txt"
    path.write_text(seed("a" * 20000 + "!b."), "utf-8")
    session = await _start([tmp_path])
    uri = session.open(path)
    await asyncio.sleep(0.5)
    session.client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    cleared = await session.diagnostics(uri)
    assert list(cleared.diagnostics) == [] and cleared.version is None
    session.open(path)
    await asyncio.sleep(0.5)  # a lint of the large text is running
    # the server ends without waiting for the rule it is running (generous bound: the
    # lint itself would take minutes)
    await asyncio.wait_for(session.client.shutdown_session(), timeout=WAIT)
    server = session.client._server
    assert server is not None and server.returncode == 0
    await session.client.stop()


# -- documentation and set-up ----------------------------------------------------------


@pytest.mark.asyncio
async def test_hover_explains_the_rules_under_the_cursor(
    tmp_path: Path, sessions: list[Session]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(seed("The Deputy Prime Minster spoke."), "utf-8")
    session = await _start([tmp_path], "emacs")
    sessions.append(session)
    uri = session.open(path)
    typo = next(d for d in (await session.diagnostics(uri, 1)).diagnostics)
    hover = await session.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), typo.range.start)
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    explained = run_seedlint("explain", "SL201").stdout
    assert explained in hover.contents.value
    elsewhere = await session.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    assert elsewhere is None


def test_without_the_server_extra_the_command_says_what_to_install() -> None:
    """pygls made unimportable, as in an installation without the extra."""
    program = (
        "import sys; sys.modules['pygls'] = None; "
        "from seedlint.commands.cli import main; sys.exit(main(['server']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr == (
        "seedlint: error: seedlint server needs pygls and lsprotocol: "
        "pip install 'seedlint[server]'\n"
    )
    assert result.stdout == ""
