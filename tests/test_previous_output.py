"""A rebuild links a file from the previous output only when the same cache entry made it and it is as the
last build left it; all of an entry's files or none."""

from __future__ import annotations

from diplo_edition.files import stat_tree
from diplo_edition.previous_output import previous_output, record_written


def _output(tmp_path):
    project, out, new = tmp_path / "project", tmp_path / "site", tmp_path / "new"
    (out / "documents" / "a").mkdir(parents=True)
    (out / "documents" / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (out / "a.json").write_text("{}", encoding="utf-8")
    new.mkdir()
    record_written(project, out, {"documents/a/index.html": "key-a", "a.json": "key-a"}, stat_tree(out))
    return project, out, new


def test_an_unchanged_file_of_the_same_entry_is_linked(tmp_path):
    project, out, new = _output(tmp_path)
    previous = previous_output(project, out)
    assert previous is not None
    assert previous.link(["documents/a/index.html", "a.json"], "key-a", new)
    old, linked = out / "documents" / "a" / "index.html", new / "documents" / "a" / "index.html"
    assert linked.stat().st_ino == old.stat().st_ino and linked.read_text(encoding="utf-8") == "<p>a</p>"


def test_another_key_a_changed_file_or_a_missing_one_is_not_linked(tmp_path):
    project, out, new = _output(tmp_path)
    previous = previous_output(project, out)
    assert not previous.link(["a.json"], "key-b", new)  # another entry made it
    assert not previous.link(["documents/a/index.html", "b.json"], "key-a", new)  # b.json was not recorded
    assert list(new.iterdir()) == []  # all or none: nothing was linked
    (out / "a.json").write_text("{} ", encoding="utf-8")  # edited in place since the build
    assert not previous.link(["a.json"], "key-a", new)
    assert not (new / "a.json").exists()


def test_no_record_no_previous_output(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    assert previous_output(tmp_path / "project", out) is None
