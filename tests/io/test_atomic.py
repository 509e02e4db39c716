"""The atomic writer on real files, folders, symbolic links and hard links: nothing is ever
written through a link or outside the output folder, and an interrupted write leaves the
old file as it was."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import seed
from helpers import temporaries
from seedlint.io.atomic import (
    MAX_NAME_BYTES,
    TEMPORARY,
    ChangedMeanwhile,
    FileState,
    StaleTemporaries,
    UnsafePath,
    atomic_replace,
    link_count,
    remove_stale_temporaries,
    write_atomic,
    write_named,
)
from seedlint.io.discovery import TEMPORARY as DISCOVERY_SKIPS
from seedlint.io.reading import read_with_state

VICTIM = b"the victim's own content\n"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file away")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """out/ (the output folder), outside/victim.txt and seeds/a.txt (an input file)."""
    (tmp_path / "out").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.txt").write_bytes(VICTIM)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_bytes(b"input\n")
    return tmp_path


def snapshot(top: Path) -> dict[str, tuple[str, bytes | str, int]]:
    """Every entry below ``top``: its kind, content (or link target) and mode bits."""
    found: dict[str, tuple[str, bytes | str, int]] = {}
    for folder, folders, files in os.walk(top):
        for name in folders + files:
            path = Path(folder) / name
            status = path.lstat()
            mode = stat.S_IMODE(status.st_mode)
            if path.is_symlink():
                found[str(path.relative_to(top))] = ("link", os.readlink(path), mode)
            elif path.is_dir():
                found[str(path.relative_to(top))] = ("folder", b"", mode)
            else:
                found[str(path.relative_to(top))] = ("file", path.read_bytes(), mode)
    return found


# --- writing into an output folder ---------------------------------------------------


def test_writes_a_new_file_with_the_usual_permissions(tree: Path) -> None:
    target = tree / "out" / "a.txt"
    write_atomic(target, b"fixed\n", root=tree / "out")
    assert target.read_bytes() == b"fixed\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0o600
    assert temporaries(tree / "out") == []


def test_creates_missing_folders_below_the_root_with_the_usual_permissions(tree: Path) -> None:
    target = tree / "out" / "new" / "deeper" / "a.txt"
    write_atomic(target, b"x", root=tree / "out")
    assert target.read_bytes() == b"x"
    assert stat.S_IMODE((tree / "out" / "new").stat().st_mode) == 0o755
    assert stat.S_IMODE((tree / "out" / "new" / "deeper").stat().st_mode) == 0o755


def test_creates_the_root_when_missing(tmp_path: Path) -> None:
    write_atomic(tmp_path / "made" / "a.txt", b"x", root=tmp_path / "made")
    assert (tmp_path / "made" / "a.txt").read_bytes() == b"x"


def test_a_link_as_the_file_name_is_refused_and_its_target_kept(tree: Path) -> None:
    (tree / "out" / "a.txt").symlink_to(Path("..") / "outside" / "victim.txt")
    before = snapshot(tree)
    with pytest.raises(UnsafePath) as caught:
        write_atomic(tree / "out" / "a.txt", b"attack\n", root=tree / "out")
    assert str(caught.value) == (
        f"{tree / 'out' / 'a.txt'}: is a symbolic link; "
        "seedlint never writes through links in its output folder"
    )
    assert snapshot(tree) == before
    assert (tree / "outside" / "victim.txt").read_bytes() == VICTIM


def test_a_dangling_link_as_the_file_name_is_refused_and_nothing_created(tree: Path) -> None:
    (tree / "out" / "a.txt").symlink_to(Path("..") / "outside" / "new.txt")
    before = snapshot(tree)
    with pytest.raises(UnsafePath):
        write_atomic(tree / "out" / "a.txt", b"attack\n", root=tree / "out")
    assert snapshot(tree) == before
    assert not (tree / "outside" / "new.txt").exists()


def test_a_link_to_an_input_file_is_refused_and_the_input_kept(tree: Path) -> None:
    (tree / "out" / "a.txt").symlink_to(tree / "seeds" / "a.txt")
    before = snapshot(tree)
    with pytest.raises(UnsafePath):
        write_atomic(tree / "out" / "a.txt", b"fixed\n", root=tree / "out")
    assert snapshot(tree) == before


def test_a_linked_subfolder_is_refused_and_nothing_written_through_it(tree: Path) -> None:
    (tree / "out" / "sub").symlink_to(Path("..") / "outside")
    before = snapshot(tree)
    with pytest.raises(UnsafePath) as caught:
        write_atomic(tree / "out" / "sub" / "victim.txt", b"attack\n", root=tree / "out")
    message = str(caught.value)
    assert message.startswith(f"{tree / 'out' / 'sub' / 'victim.txt'}: ")
    assert f"{tree / 'out' / 'sub'} is a symbolic link" in message
    assert "\n" not in message
    with pytest.raises(UnsafePath):  # nor a new file or folder made in the link's target
        write_atomic(tree / "out" / "sub" / "new" / "b.txt", b"attack\n", root=tree / "out")
    assert snapshot(tree) == before


def test_a_link_deep_below_the_root_is_refused(tree: Path) -> None:
    (tree / "out" / "a" / "b").mkdir(parents=True)
    (tree / "out" / "a" / "b" / "c").symlink_to(tree / "outside")
    before = snapshot(tree)
    with pytest.raises(UnsafePath, match="is a symbolic link"):
        write_atomic(tree / "out" / "a" / "b" / "c" / "d" / "e.txt", b"x", root=tree / "out")
    assert snapshot(tree) == before


def test_a_path_escaping_the_root_is_refused(tree: Path) -> None:
    before = snapshot(tree)
    for target in (
        tree / "out" / ".." / "outside" / "victim.txt",
        tree / "out" / "sub" / ".." / ".." / "outside" / "new.txt",
        tree / "outside" / "victim.txt",
        Path("/") / "victim.txt",
    ):
        with pytest.raises(UnsafePath, match=r"outside the output folder"):
            write_atomic(target, b"attack\n", root=tree / "out")
    with pytest.raises(UnsafePath, match="output folder itself"):
        write_atomic(tree / "out" / "sub" / "..", b"attack\n", root=tree / "out")
    assert snapshot(tree) == before


def test_dot_dot_that_stays_inside_the_root_is_normalised(tree: Path) -> None:
    write_atomic(tree / "out" / "sub" / ".." / "a.txt", b"x", root=tree / "out")
    assert (tree / "out" / "a.txt").read_bytes() == b"x"
    assert not (tree / "out" / "sub").exists()


def test_a_root_that_is_a_link_is_followed_once(tree: Path) -> None:
    (tree / "real-out").mkdir()
    (tree / "linked-out").symlink_to("real-out")
    write_atomic(tree / "linked-out" / "a.txt", b"one", root=tree / "linked-out")
    assert (tree / "real-out" / "a.txt").read_bytes() == b"one"
    # the caller may name the file under the root resolved, or as the user wrote it
    write_atomic(tree / "real-out" / "b.txt", b"two", root=tree / "linked-out")
    assert (tree / "real-out" / "b.txt").read_bytes() == b"two"


def test_a_relative_path_and_root_are_taken_from_the_working_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    write_atomic(Path("out/sub/a.txt"), b"x", root=Path("out"))
    assert (tree / "out" / "sub" / "a.txt").read_bytes() == b"x"
    with pytest.raises(UnsafePath):
        write_atomic(Path("outside/victim.txt"), b"attack", root=Path("out"))
    assert (tree / "outside" / "victim.txt").read_bytes() == VICTIM


def test_a_hard_link_to_an_input_gets_a_new_inode_and_the_input_is_kept(tree: Path) -> None:
    os.link(tree / "seeds" / "a.txt", tree / "out" / "a.txt")
    assert link_count(tree / "out" / "a.txt") == 2
    write_atomic(tree / "out" / "a.txt", b"fixed\n", root=tree / "out")
    assert (tree / "out" / "a.txt").read_bytes() == b"fixed\n"
    assert (tree / "seeds" / "a.txt").read_bytes() == b"input\n"
    assert link_count(tree / "seeds" / "a.txt") == 1


def test_a_file_where_a_folder_should_be_is_an_os_error(tree: Path) -> None:
    (tree / "out" / "sub").write_bytes(b"a file\n")
    with pytest.raises(NotADirectoryError) as caught:
        write_atomic(tree / "out" / "sub" / "a.txt", b"x", root=tree / "out")
    assert caught.value.filename == str(tree / "out" / "sub")
    assert (tree / "out" / "sub").read_bytes() == b"a file\n"


def test_a_folder_where_the_file_should_be_is_an_os_error(tree: Path) -> None:
    (tree / "out" / "a.txt").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tree / "out" / "a.txt", b"x", root=tree / "out")
    with pytest.raises(IsADirectoryError):
        write_atomic(tree / "out" / "a.txt", b"x")
    assert (tree / "out" / "a.txt").is_dir()
    assert temporaries(tree / "out") == []


def test_a_link_swapped_in_while_writing_is_replaced_not_followed(tree: Path) -> None:
    target = tree / "out" / "a.txt"
    target.write_bytes(b"old\n")
    with atomic_replace(target, root=tree / "out") as stream:
        stream.write(b"new\n")
        target.unlink()
        target.symlink_to(tree / "outside" / "victim.txt")
    assert not target.is_symlink()
    assert target.read_bytes() == b"new\n"
    assert (tree / "outside" / "victim.txt").read_bytes() == VICTIM


# --- writing in place ------------------------------------------------------------------


def test_in_place_a_link_is_refused_and_its_target_kept(tree: Path) -> None:
    (tree / "seeds" / "link.txt").symlink_to(tree / "outside" / "victim.txt")
    before = snapshot(tree)
    with pytest.raises(UnsafePath) as caught:
        write_atomic(tree / "seeds" / "link.txt", b"fixed\n")
    assert str(caught.value) == (
        f"{tree / 'seeds' / 'link.txt'}: is a symbolic link; "
        "in-place fixing does not write through links"
    )
    assert snapshot(tree) == before


def test_in_place_the_folder_is_used_as_named_even_through_a_link(tree: Path) -> None:
    (tree / "linked-seeds").symlink_to("seeds")
    write_atomic(tree / "linked-seeds" / "a.txt", b"fixed\n")
    assert (tree / "seeds" / "a.txt").read_bytes() == b"fixed\n"
    assert (tree / "linked-seeds").is_symlink()


def test_in_place_a_hard_linked_file_gets_a_new_inode(tree: Path) -> None:
    os.link(tree / "seeds" / "a.txt", tree / "seeds" / "b.txt")
    inode = (tree / "seeds" / "a.txt").stat().st_ino
    assert link_count(tree / "seeds" / "a.txt") == 2
    write_atomic(tree / "seeds" / "a.txt", b"fixed\n")
    assert (tree / "seeds" / "a.txt").stat().st_ino != inode
    assert (tree / "seeds" / "b.txt").read_bytes() == b"input\n"
    assert link_count(tree / "seeds" / "a.txt") == 1


def test_link_count_of_a_missing_file_is_zero(tmp_path: Path) -> None:
    assert link_count(tmp_path / "missing.txt") == 0
    assert link_count(tmp_path / "missing" / "a.txt") == 0


# --- what a replaced file keeps ------------------------------------------------------


def test_replacing_keeps_the_mode_bits(tmp_path: Path) -> None:
    for mode in (0o600, 0o640, 0o751, 0o444):
        target = tmp_path / f"mode-{mode:o}.txt"
        target.write_bytes(b"old")
        target.chmod(mode)
        write_atomic(target, b"new")
        assert target.read_bytes() == b"new"
        assert stat.S_IMODE(target.stat().st_mode) == mode


@ROOT_ONLY
def test_replacing_keeps_the_owner_when_running_as_root(tmp_path: Path) -> None:
    target = tmp_path / "owned.txt"
    target.write_bytes(b"old")
    os.chown(target, 12345, 23456)
    target.chmod(0o2750)  # set-group-ID survives the change of owner on the new file
    write_atomic(target, b"new")
    status = target.stat()
    assert (status.st_uid, status.st_gid) == (12345, 23456)
    assert stat.S_IMODE(status.st_mode) == 0o2750


def test_replacing_keeps_extended_attributes(tmp_path: Path) -> None:
    target = tmp_path / "attributes.txt"
    target.write_bytes(b"old")
    try:
        os.setxattr(target, "user.seedlint.origin", b"wikinews")
    except (AttributeError, OSError) as error:
        if isinstance(error, OSError) and error.errno not in (errno.ENOTSUP, errno.EPERM):
            raise
        pytest.skip(f"no user extended attributes here: {error}")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.getxattr(target, "user.seedlint.origin") == b"wikinews"


# --- temporary files -------------------------------------------------------------------


def test_the_temporary_file_is_short_hidden_exclusive_and_matched(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    with atomic_replace(target) as stream:
        stream.write(b"x")
        [name] = os.listdir(tmp_path)
        assert TEMPORARY.match(name)
        assert DISCOVERY_SKIPS.match(name)  # discovery never reads it as input
        assert name.startswith(".a.txt.") and name.endswith(".tmp")
        assert len(name) == len(".a.txt.") + 8 + len(".tmp")
        assert stat.S_IMODE((tmp_path / name).lstat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["a.txt"]


@pytest.mark.parametrize(
    "name",
    [
        "a" * 238 + ".txt",  # 242 bytes
        "b" * 251 + ".txt",  # 255 bytes, the most a name can have
        "é" * 125 + ".txt",  # 254 bytes in two-byte characters
        "€" * 83 + "ab.t",  # 253 bytes in three-byte characters
        "😀" * 62 + "abc.txt",  # 255 bytes in four-byte characters
    ],
)
def test_long_file_names_are_writable(tmp_path: Path, name: str) -> None:
    assert len(name.encode()) <= MAX_NAME_BYTES
    target = tmp_path / name
    with atomic_replace(target) as stream:
        stream.write(b"x")
        [temporary] = os.listdir(tmp_path)
        assert len(temporary.encode()) <= MAX_NAME_BYTES
        match = TEMPORARY.match(temporary)
        assert match is not None and name.startswith(match["prefix"])
    assert target.read_bytes() == b"x"
    target.write_bytes(b"old")
    write_atomic(target, b"again", root=tmp_path)
    assert target.read_bytes() == b"again"
    assert os.listdir(tmp_path) == [name]


def test_an_error_in_the_block_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    for error in (ValueError("bad"), KeyboardInterrupt()):
        with pytest.raises(type(error)), atomic_replace(target) as stream:
            stream.write(b"half of the new content")
            raise error
        assert target.read_bytes() == b"old"
        assert os.listdir(tmp_path) == ["a.txt"]


def test_an_interrupt_the_moment_the_temporary_file_exists_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C taken by another thread of the process (a worker pool's) is raised in the
    # writing thread at once, though it holds the signal: here, as os.open returns
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    real_open = os.open

    def open_then_interrupt(path: str, *args: object, **kwargs: object) -> int:
        descriptor = real_open(path, *args, **kwargs)  # type: ignore[arg-type]
        if TEMPORARY.match(os.path.basename(path)):
            os.close(descriptor)
            raise KeyboardInterrupt
        return descriptor

    monkeypatch.setattr(os, "open", open_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_an_error_writing_a_new_file_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_replace(tmp_path / "new.txt") as stream:
        stream.write(b"half")
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


# --- a file changed since it was read --------------------------------------------------


def test_an_unchanged_file_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    state = FileState.read(target)
    assert state == FileState.of(os.lstat(target))
    write_atomic(target, b"new", expected=state)
    assert target.read_bytes() == b"new"


def test_a_file_changed_before_writing_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    state = FileState.read(target)
    target.write_bytes(b"someone else's edit")
    with pytest.raises(ChangedMeanwhile, match=r"a\.txt: changed since it was read"):
        write_atomic(target, b"new", expected=state)
    assert target.read_bytes() == b"someone else's edit"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_file_replaced_by_another_of_the_same_size_and_time_is_noticed(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    status = target.stat()
    state = FileState.read(target)
    (tmp_path / "other").write_bytes(b"odd")
    os.utime(tmp_path / "other", ns=(status.st_atime_ns, status.st_mtime_ns))
    os.replace(tmp_path / "other", target)
    with pytest.raises(ChangedMeanwhile):
        write_atomic(target, b"new", expected=state)
    assert target.read_bytes() == b"odd"


def test_a_file_changed_while_writing_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    state = FileState.read(target)
    with pytest.raises(ChangedMeanwhile), atomic_replace(target, expected=state) as stream:
        stream.write(b"new")
        with target.open("ab") as other:
            other.write(b" and an edit made meanwhile")
    assert target.read_bytes() == b"old and an edit made meanwhile"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_file_removed_since_it_was_read_is_not_written_again(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    state = FileState.read(target)
    target.unlink()
    with pytest.raises(ChangedMeanwhile, match="removed since it was read"):
        write_atomic(target, b"new", expected=state)
    assert os.listdir(tmp_path) == []
    assert FileState.read(target) is None


# --- readers, interruptions and what a killed run leaves -------------------------------


def test_a_reader_sees_the_old_file_or_the_new_one_never_a_mix(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    versions = [b"A" * 200_000, b"B" * 300_000]
    target.write_bytes(versions[0])
    seen: set[bytes] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(target.read_bytes())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for round_number in range(60):
            write_atomic(target, versions[round_number % 2])
    finally:
        done.set()
        reader.join()
    assert seen <= set(versions)
    assert seen


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from seedlint.io.atomic import atomic_replace
    with atomic_replace(Path(sys.argv[1]), root=Path(sys.argv[2])) as stream:
        stream.write(b"half of the new content")
        stream.flush()
        print("writing", flush=True)
        time.sleep(60)
    """
)


def start_writer(target: Path, root: Path) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "writing\n"
    return writer


@pytest.mark.e2e
def test_an_interrupted_run_removes_its_temporary_file(tree: Path) -> None:
    target = tree / "out" / "a.txt"
    target.write_bytes(b"old")
    writer = start_writer(target, tree / "out")
    assert len(temporaries(tree / "out")) == 1
    writer.send_signal(signal.SIGINT)
    _, errors = writer.communicate(timeout=30)
    assert "KeyboardInterrupt" in errors
    assert target.read_bytes() == b"old"
    assert os.listdir(tree / "out") == ["a.txt"]


@pytest.mark.e2e
def test_a_killed_run_leaves_a_temporary_file_that_the_next_one_removes(tree: Path) -> None:
    target = tree / "out" / "a.txt"
    target.write_bytes(b"old")
    writer = start_writer(target, tree / "out")
    writer.kill()
    writer.communicate(timeout=30)
    assert target.read_bytes() == b"old"
    assert len(temporaries(tree / "out")) == 1
    assert remove_stale_temporaries(target, root=tree / "out") == 1
    assert os.listdir(tree / "out") == ["a.txt"]


def test_only_regular_temporaries_of_that_name_are_removed(tree: Path) -> None:
    out = tree / "out"
    (out / "a.txt").write_bytes(b"a")
    (out / ".a.txt.abcdefgh.tmp").write_bytes(b"stale")
    (out / ".a.txt.0123456_.tmp").write_bytes(b"stale")
    (out / ".b.txt.abcdefgh.tmp").write_bytes(b"another file's")
    (out / ".a.txt.abcdefgh.tmp.x").write_bytes(b"not a temporary name")
    (out / ".a.txt.ABCDEFGH.tmp").write_bytes(b"not a temporary name")
    (out / ".a.txt.zzzzzzzz.tmp").symlink_to(tree / "outside" / "victim.txt")
    (out / ".a.txt.yyyyyyyy.tmp").mkdir()
    assert remove_stale_temporaries(out / "a.txt", root=out) == 2
    assert sorted(os.listdir(out)) == [
        ".a.txt.ABCDEFGH.tmp",
        ".a.txt.abcdefgh.tmp.x",
        ".a.txt.yyyyyyyy.tmp",
        ".a.txt.zzzzzzzz.tmp",
        ".b.txt.abcdefgh.tmp",
        "a.txt",
    ]
    assert (tree / "outside" / "victim.txt").read_bytes() == VICTIM
    assert (out / ".a.txt.zzzzzzzz.tmp").is_symlink()


def test_stale_temporaries_of_a_long_name_are_found_by_its_cut_prefix(tmp_path: Path) -> None:
    name = "é" * 125 + ".txt"  # 254 bytes: cut to 120 characters, 240 bytes, in temporaries
    with pytest.raises(KeyboardInterrupt), atomic_replace(tmp_path / name) as stream:
        stream.write(b"x")
        [temporary] = os.listdir(tmp_path)
        assert temporary.startswith("." + "é" * 120 + ".")
        raise KeyboardInterrupt
    (tmp_path / f".{'é' * 120}.abcdefgh.tmp").write_bytes(b"as a kill leaves it")
    (tmp_path / f".{'é' * 119}.abcdefgh.tmp").write_bytes(b"another file's")
    assert remove_stale_temporaries(tmp_path / name) == 1
    assert os.listdir(tmp_path) == [f".{'é' * 119}.abcdefgh.tmp"]


def test_stale_temporaries_are_not_looked_for_through_a_link(tree: Path) -> None:
    (tree / "outside" / ".victim.txt.abcdefgh.tmp").write_bytes(VICTIM)
    (tree / "out" / "sub").symlink_to(tree / "outside")
    with pytest.raises(UnsafePath):
        remove_stale_temporaries(tree / "out" / "sub" / "victim.txt", root=tree / "out")
    assert (tree / "outside" / ".victim.txt.abcdefgh.tmp").read_bytes() == VICTIM


def test_no_folder_means_no_stale_temporaries(tree: Path) -> None:
    assert remove_stale_temporaries(tree / "out" / "new" / "a.txt", root=tree / "out") == 0
    assert remove_stale_temporaries(tree / "missing" / "a.txt") == 0
    assert not (tree / "out" / "new").exists()


def test_a_sweep_over_many_files_lists_each_folder_once(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / f".{name}.abcdefgh.tmp").write_bytes(b"stale")
    sweeper = StaleTemporaries()
    assert sweeper.remove(tmp_path / "a.txt") == 1
    (tmp_path / ".a.txt.later___.tmp").write_bytes(b"made after the folder was listed")
    assert sweeper.remove(tmp_path / "b.txt") == 1
    assert sweeper.remove(tmp_path / "a.txt") == 0  # each name is swept once per run
    assert os.listdir(tmp_path) == [".a.txt.later___.tmp"]


def test_a_file_changed_during_an_in_place_fix_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(seed("The goverment agreed."), encoding="utf-8")
    _, state = read_with_state(path)
    path.write_text("edited meanwhile\n", encoding="utf-8")
    with pytest.raises(ChangedMeanwhile):
        write_atomic(path, seed("The government agreed.").encode("utf-8"), expected=state)
    assert path.read_text(encoding="utf-8") == "edited meanwhile\n"
    assert temporaries(tmp_path) == []


def test_a_pipe_or_device_is_never_replaced(tmp_path: Path) -> None:
    # what seedlint keeps (cache, index, copies, in-place fixes) is only ever a regular file
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(UnsafePath, match="not a regular file"):
        write_atomic(pipe, b"new")
    with pytest.raises(UnsafePath, match="not a regular file"):
        write_atomic(pipe, b"new", root=tmp_path)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert temporaries(tmp_path) == []


def test_output_the_user_names_goes_into_a_pipe_as_it_stands(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "link"
    link.symlink_to(pipe)
    for target in (pipe, link):  # a link to a pipe replaces nothing either (/dev/stdout)
        received: list[bytes] = []

        def read() -> None:
            with open(pipe, "rb") as stream:
                received.append(stream.read())  # noqa: B023 - joined before the next round

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        write_named(target, b"the report\n")
        reader.join(timeout=30)
        assert received == [b"the report\n"]
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    # a regular file is still replaced whole, and a link to one still refused
    regular = tmp_path / "report.txt"
    write_named(regular, b"one")
    write_named(regular, b"two")
    assert regular.read_bytes() == b"two"
    (tmp_path / "to-report").symlink_to(regular)
    with pytest.raises(UnsafePath, match="is a symbolic link to a file; name the file itself"):
        write_named(tmp_path / "to-report", b"three")
    assert regular.read_bytes() == b"two"
