"""The language server: documents in, diagnostics and fixes out, the editor never kept
waiting.

Diagnostics are published when a document opens, when it is saved, and after it changes
once typing pauses (``DEBOUNCE_SECONDS``). Linting runs in worker threads, never on the
thread that talks to the editor, so a large document does not hold up anything else. Each
document has at most one lint running: a change marks the running one stale (it stops at
the next rule, and its result is dropped) and the latest text is linted when it is done.
Results are published only for the version they were computed from.

Documents are synchronised whole (``TextDocumentSyncKind.Full``): incremental changes
would be applied with ``str.splitlines``, which breaks lines at U+2028, U+0085 and form
feeds where LSP does not, and damaged text is full of those.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import msgspec
from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from seedlint import __version__
from seedlint.commands.server.convert import (
    FIX_ALL_KIND,
    FIX_ALL_TITLE,
    fix_action,
    lsp_diagnostic,
    whole_text_edit,
    workspace_edit,
)
from seedlint.commands.server.folders import Folders, SetupError
from seedlint.commands.server.linting import Cancelled, Linted, Snapshot, fix_all, lint
from seedlint.commands.server.positions import LineIndex
from seedlint.engine.diagnostics import Applicability
from seedlint.engine.fixer import FixDidNotConverge
from seedlint.ruleset.config import CONFIG_FILES
from seedlint.ruleset.explain import explain

DEBOUNCE_SECONDS = 0.3  # a pause in typing this long starts a lint
LINT_THREADS = 2  # documents linted at once; the editor's messages are read meanwhile
# files whose change may change the settings: configurations and rule files
WATCHED = (*CONFIG_FILES, "*.yaml", "*.yml")


class Published(msgspec.Struct):
    """A document's diagnostics for one version, as seedlint and as LSP sees them."""

    linted: Linted
    index: LineIndex
    lsp: list[types.Diagnostic]


class Runs(msgspec.Struct):
    """The lint work of one open document."""

    timer: asyncio.TimerHandle | None = None
    task: asyncio.Task[None] | None = None
    running: int | None = None  # the version the running lint is for
    cancel: threading.Event = msgspec.field(default_factory=threading.Event)
    again: bool = False  # the document changed while a lint ran: lint once more after
    published: Published | None = None
    fixed: tuple[int | None, str] | None = None  # (version, text with the safe fixes)


class SeedlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "seedlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.folders = Folders()
        self.lint_pool = ThreadPoolExecutor(LINT_THREADS, thread_name_prefix="seedlint-lint")
        self.runs: dict[str, Runs] = {}
        self.shown_errors: dict[Path, str] = {}  # per folder, the configuration error shown

    # -- documents --------------------------------------------------------------------

    def is_open(self, uri: str) -> bool:
        return uri in self.workspace.text_documents

    def snapshot(self, uri: str) -> Snapshot:
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or "") if uri.startswith("file:") else None
        return Snapshot(uri, document.version, document.source, path)

    def can(self, capability: str) -> bool:
        """Whether the client has a capability (a dotted path, as pygls names it)."""
        return bool(get_capability(self.client_capabilities, capability, False))

    def encoding(self) -> str:
        """The position encoding agreed with the client ("utf-16" unless it offered
        another)."""
        encoding = self.workspace.position_encoding or "utf-16"
        return str(getattr(encoding, "value", encoding))

    def update_folders(self) -> None:
        paths = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
        if not paths and self.workspace.root_path:
            paths = [self.workspace.root_path]
        self.folders.set_folders([Path(p).resolve() for p in paths if p])

    # -- scheduling -------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint the document after ``delay`` seconds; a lint already running for an
        older version is cancelled."""
        runs = self.runs.setdefault(uri, Runs())
        if runs.timer is not None:
            runs.timer.cancel()
        if runs.task is not None and not self.is_current(uri, runs.running):
            runs.cancel.set()
        loop = asyncio.get_running_loop()
        runs.timer = loop.call_later(delay, self.start, uri)

    def start(self, uri: str) -> None:
        runs = self.runs.get(uri)
        if runs is None or not self.is_open(uri):
            return
        runs.timer = None
        if runs.task is not None:  # one at a time: this one runs when that one ends
            runs.again = True
            return
        snapshot = self.snapshot(uri)
        runs.cancel, runs.running = threading.Event(), snapshot.version
        runs.task = asyncio.get_running_loop().create_task(self.run(uri, runs, snapshot))

    async def run(self, uri: str, runs: Runs, snapshot: Snapshot) -> None:
        try:
            published = await self.compute(snapshot, runs.cancel)
        finally:
            runs.task = runs.running = None
        if published is not None and self.is_current(uri, snapshot.version):
            runs.published = published
            self.publish(uri, published)
        if runs.again and self.is_open(uri):
            runs.again = False
            self.start(uri)

    def is_current(self, uri: str, version: int | None) -> bool:
        return self.is_open(uri) and self.workspace.get_text_document(uri).version == version

    async def compute(
        self, snapshot: Snapshot, cancel: threading.Event | None = None
    ) -> Published | None:
        """The snapshot's diagnostics, worked out in a worker thread; None when the run
        was cancelled or the configuration cannot be used (which is shown once)."""
        loop = asyncio.get_running_loop()
        cancel = cancel or threading.Event()
        try:
            published = await loop.run_in_executor(self.lint_pool, self.lint_job, snapshot, cancel)
        except Cancelled:
            return None
        except SetupError as error:
            self.show_error(self.folders.folder_of(snapshot.path), str(error))
            return Published(Linted(snapshot.version, snapshot.text), LineIndex(""), [])
        except Exception as error:  # a fault in a rule must not take the server down
            self.log(f"{snapshot.uri}: {type(error).__name__}: {error}", types.MessageType.Error)
            return None
        self.shown_errors.pop(self.folders.folder_of(snapshot.path), None)
        if published.linted.problem is not None:
            self.log(published.linted.problem, types.MessageType.Warning)
        return published

    def lint_job(self, snapshot: Snapshot, cancel: threading.Event) -> Published:
        """In a worker thread: lint, and turn the diagnostics into LSP's."""
        linted = lint(self.folders, snapshot, cancel)
        index = LineIndex(snapshot.text, self.encoding())
        links = bool(
            get_capability(
                self.client_capabilities,
                "text_document.publish_diagnostics.code_description_support",
                False,
            )
        )
        lsp = [
            lsp_diagnostic(d, index, linted.rules.get(d.code), links) for d in linted.diagnostics
        ]
        return Published(linted, index, lsp)

    async def current(self, uri: str) -> Published | None:
        """The diagnostics of the document as it is now, linted now if need be."""
        if not self.is_open(uri):
            return None
        runs = self.runs.setdefault(uri, Runs())
        snapshot = self.snapshot(uri)
        if runs.published is not None and runs.published.linted.version == snapshot.version:
            return runs.published
        published = await self.compute(snapshot)
        if published is not None and self.is_current(uri, snapshot.version):
            runs.published = published
            self.publish(uri, published)
        return published

    # -- to the editor ----------------------------------------------------------------

    def publish(self, uri: str, published: Published) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=published.lsp, version=published.linted.version
            )
        )

    def clear(self, uri: str) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def log(self, message: str, level: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=level, message=f"seedlint: {message}"))

    def show_error(self, folder: Path, message: str) -> None:
        """A configuration error, shown once (until it changes) and logged."""
        self.log(message, types.MessageType.Error)
        if self.shown_errors.get(folder) != message:
            self.shown_errors[folder] = message
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Error, message=f"seedlint: {message}"
                )
            )

    def close(self, uri: str) -> None:
        runs = self.runs.pop(uri, None)
        if runs is not None:
            if runs.timer is not None:
                runs.timer.cancel()
            runs.cancel.set()
        self.clear(uri)

    def stop_work(self) -> None:
        for runs in self.runs.values():
            if runs.timer is not None:
                runs.timer.cancel()
            runs.cancel.set()
        self.lint_pool.shutdown(wait=False, cancel_futures=True)

    # -- fixes ------------------------------------------------------------------------

    async def fixed_text(self, uri: str) -> tuple[Snapshot, str] | None:
        """The document with every safe fix applied (computed once per version)."""
        if not self.is_open(uri):
            return None
        runs = self.runs.setdefault(uri, Runs())
        snapshot = self.snapshot(uri)
        if runs.fixed is not None and runs.fixed[0] == snapshot.version:
            return snapshot, runs.fixed[1]
        loop = asyncio.get_running_loop()
        try:
            text = await loop.run_in_executor(self.lint_pool, fix_all, self.folders, snapshot)
        except SetupError as error:
            self.show_error(self.folders.folder_of(snapshot.path), str(error))
            return None
        except (FixDidNotConverge, TimeoutError) as error:
            self.log(str(error), types.MessageType.Warning)
            self.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Warning, message=f"seedlint: {error}"
                )
            )
            return None
        runs.fixed = (snapshot.version, text)
        return snapshot, text

    def versioned_edits(self) -> bool:
        return self.can("workspace.workspace_edit.document_changes")

    async def fix_all_edit(self, uri: str) -> types.WorkspaceEdit | None:
        found = await self.fixed_text(uri)
        if found is None:
            return None
        snapshot, text = found
        index = LineIndex(snapshot.text, self.encoding())
        edits = whole_text_edit(snapshot.text, text, index)
        return workspace_edit(uri, snapshot.version, edits, self.versioned_edits())

    def fix_all_action(self, uri: str, published: Published) -> types.CodeAction | None:
        safe = [
            d
            for d in published.linted.diagnostics
            if d.fix is not None and d.fix.applicability is Applicability.SAFE
        ]
        if not safe:
            return None
        return types.CodeAction(
            title=FIX_ALL_TITLE,
            kind=FIX_ALL_KIND,
            data={"uri": uri, "version": published.linted.version},
        )


def wants(only: Any, kind: str) -> bool:
    """Whether a code action request restricted to kinds ``only`` takes ``kind``."""
    if not only:
        return True
    return any(kind == k or kind.startswith(f"{k}.") for k in only)


def register(server: SeedlintServer) -> None:
    """The LSP methods the server answers."""

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        server.update_folders()
        if server.can("workspace.did_change_watched_files.dynamic_registration"):
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{p}") for p in WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(
                id="seedlint-settings",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=options,
            )
            await server.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        for uri in list(server.runs):  # the settings may have changed: check again
            server.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders_changed(params: types.DidChangeWorkspaceFoldersParams) -> None:
        server.update_folders()
        for uri in list(server.runs):
            server.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        runs = server.runs.get(params.text_document.uri)
        if runs is not None:
            runs.fixed = None
        server.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        # linted again even when unchanged: the settings may have changed on disk
        if params.text_document.uri in server.runs:
            server.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.close(params.text_document.uri)

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        server.stop_work()

    register_actions(server)


# Over 60 lines on purpose: pygls registers handlers as decorated closures over the server;
# the code-action, resolve and hover handlers share it and read best together.
def register_actions(server: SeedlintServer) -> None:
    """Code actions (a quick fix per fix, and fix all) and hover explanations."""
    options = types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True
    )

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        capabilities = server.client_capabilities
        if not get_capability(
            capabilities, "text_document.code_action.code_action_literal_support"
        ):
            return None  # a client that takes only commands: nothing to offer it
        uri = params.text_document.uri
        published = await server.current(uri)
        if published is None:
            return None
        index, only = published.index, params.context.only
        low, high = index.offset(params.range.start), index.offset(params.range.end)
        actions = []
        if wants(only, types.CodeActionKind.QuickFix):
            versioned = server.versioned_edits()
            version = published.linted.version
            preferred = get_capability(
                capabilities, "text_document.code_action.is_preferred_support"
            )
            for diagnostic, lsp in zip(published.linted.diagnostics, published.lsp, strict=True):
                if diagnostic.start <= high and low <= diagnostic.end:
                    action = fix_action(diagnostic, lsp, index, uri, version, versioned)
                    if action is not None:
                        action.is_preferred = action.is_preferred if preferred else None
                        actions.append(action)
        fix_all = server.fix_all_action(uri, published) if wants(only, FIX_ALL_KIND) else None
        if fix_all is not None:
            resolve_support = get_capability(
                capabilities, "text_document.code_action.resolve_support"
            )
            resolvable = resolve_support is not None and "edit" in resolve_support.properties
            if not resolvable:  # the edit now, since the client cannot ask for it later
                fix_all.edit = await server.fix_all_edit(uri)
            if resolvable or fix_all.edit is not None:
                actions.append(fix_all)
        return actions

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve(action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        if action.edit is None and isinstance(data.get("uri"), str):
            action.edit = await server.fix_all_edit(data["uri"])
        return action

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        runs = server.runs.get(uri)
        if runs is None or runs.published is None:
            return None
        published = runs.published
        if not server.is_current(uri, published.linted.version):
            return None  # offsets of an older text: wait for the current diagnostics
        offset = published.index.offset(params.position)
        pages = []
        for diagnostic in published.linted.diagnostics:
            rule = published.linted.rules.get(diagnostic.code)
            if rule is not None and diagnostic.start <= offset <= diagnostic.end:
                page = explain(rule)
                if page not in pages:
                    pages.append(page)
        if not pages:
            return None
        formats = get_capability(
            server.client_capabilities, "text_document.hover.content_format", []
        )
        if types.MarkupKind.Markdown in formats:
            value = "\n".join(f"```text\n{page}```\n" for page in pages)
            return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, value))
        return types.Hover(types.MarkupContent(types.MarkupKind.PlainText, "\n".join(pages)))


def serve() -> None:
    """Serve on standard input and output until the client says exit; then end at once,
    without waiting for a rule still running on a stale text in a worker thread."""
    server = SeedlintServer()
    register(server)
    with contextlib.suppress(KeyboardInterrupt):
        server.start_io()
    server.stop_work()
    # LSP: exit code 0 after a shutdown request, 1 when the client exits without one
    code = 0 if getattr(server.protocol, "_shutdown", False) else 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
