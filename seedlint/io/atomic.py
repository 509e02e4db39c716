"""The atomic writer: every file seedlint writes is replaced whole, never through a link.

A write goes to a temporary file ``.NAME.XXXXXXXX.tmp`` in the target's folder (NAME cut
short on a character boundary so that the whole name fits in 255 bytes), created
exclusively and never through a link. It is flushed and synced, given the old file's mode
bits, owner (when running as root) and extended attributes, then renamed over the target,
and the folder is synced: a reader, a crash or a SIGKILL sees the old file or the new one,
never a mix. On any error, KeyboardInterrupt included, the temporary file is removed and
the old file is left as it was. A new file gets the usual permissions: 0o666 less the umask.

There are two ways to name the target:

- with ``root`` (copies into an output folder): ``root`` is the folder the user asked for,
  resolved once since it may itself be a link. The target must lie inside it lexically,
  and every folder below it is opened relative to its parent without following a link
  (and created when missing). A link anywhere below ``root``, the file name included,
  raises ``UnsafePath`` before anything is written: whatever a cloned tree plants in the
  output folder, nothing outside it is ever written.
- without ``root`` (in place: the user named the file): its folder is used as named, but
  the file itself must not be a link.

Only a regular file is ever replaced: a device, pipe or socket under the target's name
raises ``UnsafePath`` (renaming over /dev/null would make it a regular file for every
program on the machine). A report, page or baseline the user sends to one ("-o
/dev/null", a pipe) is written into it as it stands instead (``named_output``).

Renaming gives the name a new inode, as ``sed -i`` does: a file with other hard links stops
sharing its content with them, and they keep the old content. ``link_count`` lets the
caller say so before writing.

A killed run can leave a temporary file behind. ``TEMPORARY`` matches those names (so
they are never read as input) and ``remove_stale_temporaries`` removes those of one file
name. It cannot tell them from the temporary file of another run writing the same file
at the same moment, which it removes too (that run then fails to rename and says so).

POSIX only: it relies on O_NOFOLLOW, O_DIRECTORY and calls relative to a folder's
descriptor.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import string
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import msgspec

MAX_NAME_BYTES = 255  # the longest file name common file systems hold, in bytes
SUFFIX_LENGTH = 8
SUFFIX_ALPHABET = string.ascii_lowercase + string.digits + "_"
# the dot before the name, the dot before the suffix, the suffix and ".tmp"
NAME_OVERHEAD = 1 + 1 + SUFFIX_LENGTH + len(".tmp")
# names tried before giving up: two clashes in a row are already one chance in 37**16
ATTEMPTS = 100
TEMPORARY = re.compile(r"\.(?P<prefix>.+)\.[a-z0-9_]{8}\.tmp\Z", re.DOTALL)

NEW_FILE_MODE = 0o666  # less the umask, as any program creating a file
NEW_FOLDER_MODE = 0o777
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
# how open() says the last component is a link when O_NOFOLLOW is given: Linux says
# ENOTDIR with O_DIRECTORY and ELOOP without, FreeBSD says EMLINK
LINK_ERRORS = (errno.ENOTDIR, errno.ELOOP, errno.EMLINK)
OUTPUT_LINK = "seedlint never writes through links in its output folder"
IN_PLACE_LINK = "in-place fixing does not write through links"
OUTPUT_FILE_LINK = "name the file itself (seedlint replaces no file through a link)"


class UnsafePath(Exception):
    """A target that would be written through a link or outside the output folder; str()
    is a one-line message starting with the path."""


class ChangedMeanwhile(Exception):
    """The file changed after it was read; writing would lose that change."""


class FileState(msgspec.Struct, frozen=True):
    """What identifies a file's content as it was read: a later write, a replacement or
    a removal changes at least one of these."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileState:
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)

    @classmethod
    def read(cls, path: Path) -> FileState | None:
        """The state of ``path`` itself (a link is not followed); None when it is missing."""
        try:
            return cls.of(os.lstat(path))
        except (FileNotFoundError, NotADirectoryError):
            return None


def link_count(path: Path) -> int:
    """How many names ``path`` has (a link is not followed); 0 when it is missing. More
    than one means an in-place write separates this name from the others."""
    try:
        return os.lstat(path).st_nlink
    except (FileNotFoundError, NotADirectoryError):
        return 0


@contextlib.contextmanager
def named_output(path: Path) -> Iterator[BinaryIO]:
    """A stream for output the user named (a report, a page, a baseline): written into the
    file as it stands when ``path`` is a device, pipe or socket ("-o /dev/null", a named
    pipe; through a link too, since nothing is replaced), else ``atomic_replace``."""
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir()
    except OSError:
        special = False  # missing (a new file), or unreadable: the atomic writer says why
    if not special:
        if path.is_symlink():  # as the atomic writer refuses it, in the words of an output
            raise UnsafePath(f"{path}: is a symbolic link to a file; {OUTPUT_FILE_LINK}")
        with atomic_replace(path) as stream:
            yield stream
        return
    with open(path, "wb") as stream:
        yield stream


def write_named(path: Path, data: bytes) -> None:
    """``data`` written to output the user named (see ``named_output``)."""
    with named_output(path) as stream:
        stream.write(data)


def write_atomic(
    path: Path, data: bytes, *, root: Path | None = None, expected: FileState | None = None
) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new one."""
    with atomic_replace(path, root=root, expected=expected) as stream:
        stream.write(data)


@contextlib.contextmanager
def atomic_replace(
    path: Path, *, root: Path | None = None, expected: FileState | None = None
) -> Iterator[BinaryIO]:
    """A stream whose content replaces ``path`` when the block ends without an error.

    With ``expected`` (the state when the file was read), a file that has changed or gone
    since is left alone and ``ChangedMeanwhile`` raised. The stream must not be closed in
    the block (detach a text wrapper rather than closing it)."""
    folder, name = _open_folder(path, root, create=True)
    try:
        _check_target(folder, name, path, root, expected)
        temporary: str | None = None
        try:
            with _signals_held():
                descriptor = -1  # set with the name, which stays None if no name is free
                for candidate in _temporary_names(name):
                    # named before the file exists: an interrupt raised as soon as it does
                    # (a signal another thread of the process took while this one held
                    # it) finds the name to remove
                    temporary = candidate
                    try:
                        descriptor = os.open(
                            candidate, TEMPORARY_FLAGS, NEW_FILE_MODE, dir_fd=folder
                        )
                        break
                    except FileExistsError:
                        temporary = None  # another writer's: never removed
                if temporary is None:
                    raise FileExistsError(errno.EEXIST, "no free temporary file name", name)
            with os.fdopen(descriptor, "wb") as stream:
                yield stream
                stream.flush()
                _keep_metadata(folder, name, descriptor)
                os.fsync(descriptor)
            if expected is not None:
                _check_unchanged(folder, name, path, expected)
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary, dir_fd=folder)
            raise
        # the new content is in place; a file system that cannot sync a folder (some
        # network ones) is no reason to report the write as failed
        with contextlib.suppress(OSError):
            os.fsync(folder)
    finally:
        os.close(folder)


class StaleTemporaries:
    """Removes the temporary files a killed run left beside the files written now. A run
    writes many files into one folder, so each folder is listed once."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, int], dict[str, list[str]]] = {}

    def remove(self, path: Path, *, root: Path | None = None) -> int:
        """Remove those of ``path``'s name; how many were removed. ``root`` as for
        ``atomic_replace``: the folder is reached without following a link."""
        try:
            folder, name = _open_folder(path, root, create=False)
        except FileNotFoundError:
            return 0  # no folder yet, so nothing left in it
        try:
            status = os.fstat(folder)
            key = (status.st_dev, status.st_ino)
            if key not in self._found:
                self._found[key] = _list_temporaries(folder)
            stale = self._found[key].pop(_temporary_prefix(name), [])
            return sum(_remove_if_regular(folder, temporary) for temporary in stale)
        finally:
            os.close(folder)


def remove_stale_temporaries(path: Path, *, root: Path | None = None) -> int:
    """Remove the temporary files a killed run left for ``path``'s name; how many. Only
    regular files are removed, never through a link (see ``StaleTemporaries`` to list
    each folder once when sweeping for many files)."""
    return StaleTemporaries().remove(path, root=root)


def _open_folder(path: Path, root: Path | None, *, create: bool) -> tuple[int, str]:
    """A descriptor of the folder ``path`` goes in, and its name in that folder."""
    if root is None:
        _check_name(path.name, path)
        return os.open(path.parent, FOLDER_FLAGS), path.name
    parts = _parts_below(path, root)
    real_root = os.path.realpath(root)
    if create:
        os.makedirs(real_root, NEW_FOLDER_MODE, exist_ok=True)
    folder = os.open(real_root, FOLDER_FLAGS)
    for depth, part in enumerate(parts[:-1], 1):
        folder = _descend(folder, part, root.joinpath(*parts[:depth]), path, create)
    return folder, parts[-1]


def _check_name(name: str, path: Path) -> None:
    if name in ("", ".", ".."):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))


def _parts_below(path: Path, root: Path) -> tuple[str, ...]:
    """The components of ``path`` below ``root``, compared lexically after normalising
    both (``root`` as named, or resolved)."""
    target = Path(os.path.normpath(os.path.abspath(path)))
    for base in (Path(os.path.normpath(os.path.abspath(root))), Path(os.path.realpath(root))):
        if target == base:
            raise UnsafePath(f"{path}: is the output folder itself, not a file in it")
        if target.is_relative_to(base):
            return target.relative_to(base).parts
    raise UnsafePath(f"{path}: outside the output folder {root}; not written")


def _descend(parent: int, part: str, shown: Path, path: Path, create: bool) -> int:
    """The folder ``part`` in ``parent``, opened without following a link (and made when
    missing and ``create``); ``parent`` is closed."""
    try:
        for _ in range(2):  # a folder removed between mkdir and open is not made again
            try:
                return os.open(part, FOLDER_FLAGS | os.O_NOFOLLOW, dir_fd=parent)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, NEW_FOLDER_MODE, dir_fd=parent)
            except OSError as error:
                if error.errno not in LINK_ERRORS:
                    raise
                if _is_link(parent, part):
                    raise UnsafePath(f"{path}: {shown} is a symbolic link; {OUTPUT_LINK}") from None
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(shown)) from None
        raise FileNotFoundError(errno.ENOENT, "removed while being created", str(shown))
    finally:
        os.close(parent)


def _is_link(folder: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except FileNotFoundError:
        return False


def _check_target(
    folder: int, name: str, path: Path, root: Path | None, expected: FileState | None
) -> None:
    """Refuse a target that is a link or a folder, or that changed since it was read."""
    try:
        status: os.stat_result | None = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISLNK(status.st_mode):
        raise UnsafePath(
            f"{path}: is a symbolic link; {OUTPUT_LINK if root is not None else IN_PLACE_LINK}"
        )
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise UnsafePath(f"{path}: is not a regular file (a device, pipe or socket); not replaced")
    if expected is not None:
        _compare(status, path, expected)


def _check_unchanged(folder: int, name: str, path: Path, expected: FileState) -> None:
    try:
        status: os.stat_result | None = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        status = None
    _compare(status, path, expected)


def _compare(status: os.stat_result | None, path: Path, expected: FileState) -> None:
    if status is None:
        raise ChangedMeanwhile(f"{path}: removed since it was read; not written")
    if FileState.of(status) != expected:
        raise ChangedMeanwhile(f"{path}: changed since it was read; left as it is")


def _temporary_prefix(name: str) -> str:
    """``name`` cut on a character boundary so that ``.PREFIX.XXXXXXXX.tmp`` fits in
    MAX_NAME_BYTES bytes."""
    budget = MAX_NAME_BYTES - NAME_OVERHEAD
    size = 0
    for index, character in enumerate(name):
        size += len(os.fsencode(character))
        if size > budget:
            return name[:index]
    return name


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and termination held by this thread until the block ends, so that the
    temporary file is created whole. Another thread of the process (a worker pool's) may
    still take the signal and have it raised here at once: the caller names the file
    before it exists, so the clean-up finds it either way."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # no signal masks here, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _temporary_names(name: str) -> Iterator[str]:
    """Up to ATTEMPTS random names ``.NAME.XXXXXXXX.tmp`` for a temporary file of ``name``."""
    prefix = _temporary_prefix(name)
    for _ in range(ATTEMPTS):
        # os.urandom, not secrets: a unique name needs no cryptography, and importing
        # secrets (hmac, random) costs a pre-commit run more than the whole write
        suffix = "".join(
            SUFFIX_ALPHABET[byte % len(SUFFIX_ALPHABET)] for byte in os.urandom(SUFFIX_LENGTH)
        )
        yield f".{prefix}.{suffix}.tmp"


def _keep_metadata(folder: int, name: str, temporary: int) -> None:
    """Give the temporary file the old file's owner, extended attributes and mode bits
    (in that order: a change of owner clears the set-user-ID bit)."""
    try:
        old = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return  # a new file keeps the permissions it was created with
    if not stat.S_ISREG(old.st_mode):
        return
    new = os.fstat(temporary)
    if (old.st_uid, old.st_gid) != (new.st_uid, new.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(temporary, old.st_uid, old.st_gid)
    _copy_attributes(folder, name, temporary)
    os.fchmod(temporary, stat.S_IMODE(old.st_mode))


def _copy_attributes(folder: int, name: str, temporary: int) -> None:
    """Copy the extended attributes of ``name`` to the temporary file, as far as the
    platform, the file system and our permissions allow."""
    if not hasattr(os, "listxattr"):
        return
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        source = os.open(name, flags, dir_fd=folder)
    except OSError:
        return  # not readable by us: its attributes cannot be read either
    try:
        if not stat.S_ISREG(os.fstat(source).st_mode):
            return
        with contextlib.suppress(OSError):
            for attribute in os.listxattr(source):
                with contextlib.suppress(OSError):  # e.g. security.* without privilege
                    os.setxattr(temporary, attribute, os.getxattr(source, attribute))
    finally:
        os.close(source)


def _list_temporaries(folder: int) -> dict[str, list[str]]:
    """The temporary-file names in ``folder``, by the prefix they were made from."""
    found: dict[str, list[str]] = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        match = TEMPORARY.match(name)
        if match:
            found.setdefault(match["prefix"], []).append(name)
    return found


def _remove_if_regular(folder: int, name: str) -> bool:
    """Remove ``name`` when it is a regular file. A link put there under that name is left
    (and unlink, should it be swapped in meanwhile, removes the link, never its target)."""
    try:
        if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            return False
        os.unlink(name, dir_fd=folder)
    except FileNotFoundError:
        return False
    return True
