"""Shared by the table generators (gen_sam_tables.py, gen_managed_policies.py)."""
import os


def write_if_changed(path, text, repo):
    """Writes `text` to `path` only when it differs, so an unchanged table keeps its timestamp
    and the build does not recompile it; says which, relative to `repo`."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(path, repo)}")
    else:
        print(f"unchanged {os.path.relpath(path, repo)}")
