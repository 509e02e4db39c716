"""The kept digests (``io/digests.py``): a base read in place, with the changes since,
behaves as the dictionary of what is kept now, whatever the changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seedlint.io.digests import DIGEST_BYTES, Digests

KEYS = [f"{name}.txt" for name in "abcdefgh"]


def digest(number: int) -> bytes:
    return bytes([number]) * DIGEST_BYTES


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(KEYS), unique=True),
    st.lists(
        st.tuples(st.sampled_from(["set", "discard"]), st.sampled_from(KEYS), st.integers(0, 255))
    ),
)
def test_digests_are_the_dictionary_of_what_is_kept(
    base: list[str], changes: list[tuple[str, str, int]]
) -> None:
    blob = memoryview(b"".join(digest(row) for row in range(len(base))))
    digests = Digests({key: row for row, key in enumerate(base)}, blob)
    model = {key: digest(row) for row, key in enumerate(base)}
    for change, key, number in changes:
        if change == "set":
            digests.set(key, digest(number))
            model[key] = digest(number)
        else:
            digests.discard(key)
            model.pop(key, None)
    assert dict(digests) == model and len(digests) == len(model)
    assert sorted(digests) == sorted(model)
    keys = sorted(model)
    assert digests.joined(keys) == b"".join(model[key] for key in keys)


def test_digests_without_a_base() -> None:
    digests = Digests()
    digests.set("a.txt", digest(1))
    assert dict(digests) == {"a.txt": digest(1)} and digests.joined(["a.txt"]) == digest(1)
    digests.discard("a.txt")
    assert len(digests) == 0 and list(digests) == []
