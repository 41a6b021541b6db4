#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Import an Anki export with the official Anki library and report what Anki made of it.

The file is imported into a fresh collection in a temporary folder with the `anki` package
from PyPI (the Rust backend of Anki desktop, version pinned in tests/anki/requirements.txt),
then every card is rendered. The report is one JSON object on stdout.

    validate_anki.py deck.apkg                 # an .apkg deck package
    validate_anki.py notes.txt                 # an Anki text-import file (#separator:, ... headers)
    validate_anki.py v1.apkg --then v2.apkg    # import v2 into the same collection afterwards:
                                               # it must update v1's notes, not duplicate them
options:
    --samples N|all   notes described in full under "sample_notes" (default 3)
    --keep DIR        copy the collection folder (collection.anki2, media) to DIR

Exit status: 0 when Anki imported the file(s) and nothing in "errors", 1 when "errors" lists
problems, 2 on a usage error.

Report keys: file, anki_version, package (static look at an .apkg: zip members, schema,
raw notes/cards), mode ("apkg" or "text"), import_log (counts of Anki's import log),
csv_metadata (text files: what Anki read from the file's headers), then (the second import:
file, import_log, notes_before, notes_after), notes, cards, cloze_cards, note_types, decks,
sample_notes (guid, note_type, tags, fields, cards with ord, template, deck and the rendered
question and answer as plain text), empty_cards, media, check_database, warnings, errors, ok.
"""

import argparse
import html
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile

from anki.buildinfo import version as anki_version
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition, ImportCsvRequest

TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")
LOG_KEYS = ("new", "updated", "duplicate", "conflicting", "first_field_match",
            "missing_notetype", "missing_deck", "empty_first_field")
# Import-log entries that mean notes did not arrive as written.
LOG_PROBLEMS = ("missing_notetype", "missing_deck", "empty_first_field", "conflicting")
NOTETYPE_CLOZE = 1
# How Anki renders a gap (the question's <style> names the class too, hence the tag).
CLOZE_SPAN = re.compile(r"<span [^>]*class=\"?cloze\b")


def plain(fragment):
    """What a learner reads: scripts and styles dropped, each tag a space, entities decoded,
    runs of whitespace as one space."""
    fragment = re.sub(r"<(style|script)\b.*?</\1\s*>", " ", fragment, flags=re.S | re.I)
    fragment = re.sub(r"<[^>]*>", " ", fragment)
    return " ".join(html.unescape(fragment).split())


def is_text_file(path):
    return path.lower().endswith(TEXT_SUFFIXES)


def look_at_package(path, errors):
    """The .apkg as a zip, before Anki reads it: a writer bug the importer would repair
    silently (duplicate GUIDs, a note of an unknown note type, a wrong field count) is an error."""
    try:
        package = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        errors.append(f"{path}: not a readable zip file: {e}")
        return {}
    members = package.namelist()
    collections = [m for m in ("collection.anki21b", "collection.anki21", "collection.anki2")
                   if m in members]
    out = {"zip_entries": len(members), "collection_files": collections}
    if not collections:
        errors.append(f"{path}: no collection.anki2, .anki21 or .anki21b in the package")
        return out
    if "media" in members:
        try:
            media = json.loads(package.read("media"))
            out["media_files"] = sorted(media.values())
            absent = sorted(k for k in media if k not in members)
            if absent:
                errors.append(f"{path}: the media map names absent zip members {absent[:10]}")
        except (UnicodeDecodeError, ValueError):
            out["media_files"] = "not JSON (newer package format)"
    if collections[0] == "collection.anki21b":
        return out  # zstd-compressed; only Anki's importer reads it
    with tempfile.TemporaryDirectory(prefix="kernsatz-apkg-") as tmp:
        db_path = os.path.join(tmp, "collection.sqlite")
        with open(db_path, "wb") as f:
            f.write(package.read(collections[0]))
        db = sqlite3.connect(db_path)
        try:
            (out["legacy_schema_ver"],) = db.execute("SELECT ver FROM col").fetchone()
            (models_json,) = db.execute("SELECT models FROM col").fetchone()
            models = json.loads(models_json or "{}")
            notes = db.execute("SELECT guid, mid, flds FROM notes").fetchall()
            out["raw_notes"] = len(notes)
            (out["raw_cards"],) = db.execute("SELECT count(*) FROM cards").fetchone()
        finally:
            db.close()
    guids = [guid for guid, _, _ in notes]
    if len(set(guids)) != len(guids):
        errors.append(f"{path}: {len(guids) - len(set(guids))} duplicate note GUIDs")
    for guid, mid, fields in notes:
        model = models.get(str(mid))
        if model is None:
            errors.append(f"{path}: note {guid} has the unknown note type id {mid}")
        elif len(fields.split("\x1f")) != len(model["flds"]):
            errors.append(f"{path}: note {guid} has {len(fields.split(chr(31)))} fields, "
                          f"its note type {model['name']!r} {len(model['flds'])}")
    return out


def text_file_headers(path):
    """The `#key:value` lines that open an Anki text-import file."""
    headers = {}
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            m = re.fullmatch(r"#([a-z ]+):(.*)", line.rstrip("\r\n"))
            if m is None:
                break
            headers[m.group(1).strip()] = m.group(2).strip()
    return headers


def import_file(col, path, update):
    """Anki's own importer on `path`; returns (mode, import log, extra report keys)."""
    if is_text_file(path):
        metadata = col.get_csv_metadata(path, None)
        read = {
            "headers_in_file": text_file_headers(path),
            "is_html": metadata.is_html,
            "notetype": (col.models.get(metadata.global_notetype.id) or {}).get("name")
            if metadata.HasField("global_notetype") else None,
            "notetype_column": metadata.notetype_column,
            "deck_column": metadata.deck_column,
            "guid_column": metadata.guid_column,
            "tags_column": metadata.tags_column,
            "column_labels": list(metadata.column_labels),
        }
        result = col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
        return "text", result.log, {"csv_metadata": read}
    condition = getattr(ImportAnkiPackageUpdateCondition,
                        "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_" + update.upper())
    options = ImportAnkiPackageOptions(
        merge_notetypes=True, with_scheduling=False, with_deck_configs=False,
        update_notes=condition, update_notetypes=condition)
    result = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=os.path.abspath(path), options=options))
    return "apkg", result.log, {}


def log_counts(log):
    counts = {key: len(getattr(log, key)) for key in LOG_KEYS}
    counts["found_notes"] = log.found_notes
    return counts


def check_log(path, counts, errors, warnings=None, kept=False):
    """Problems in an import log are errors; with `kept` (a second import that left the note
    count unchanged), notes Anki calls conflicting were left as they are: a warning."""
    for key in LOG_PROBLEMS:
        if counts[key]:
            where = warnings if kept and key == "conflicting" else errors
            where.append(f"{path}: Anki's import log lists {counts[key]} notes as {key}")
    imported = counts["new"] + counts["updated"] + counts["duplicate"]
    if imported == 0 and not (kept and counts["conflicting"]):
        errors.append(f"{path}: Anki imported no note")


def describe_collection(col, samples, warnings, errors):
    """Counts, note types, decks, every card rendered (sampled notes in full), Anki's checks."""
    out = {"notes": col.note_count(), "cards": col.card_count()}
    note_types = []
    cloze_cards = 0
    for mid, notes, cards in col.db.all(
            "SELECT n.mid, count(DISTINCT n.id), count(c.id) FROM notes n "
            "JOIN cards c ON c.nid = n.id GROUP BY n.mid ORDER BY n.mid"):
        nt = col.models.get(mid)
        cloze = nt["type"] == NOTETYPE_CLOZE
        cloze_cards += cards if cloze else 0
        note_types.append({
            "name": nt["name"], "id": mid, "kind": "cloze" if cloze else "standard",
            "fields": [f["name"] for f in nt["flds"]],
            "templates": [t["name"] for t in nt["tmpls"]],
            "notes": notes, "cards": cards,
        })
    out["note_types"] = note_types
    out["cloze_cards"] = cloze_cards
    decks = []
    for deck in col.decks.all_names_and_ids():
        cards = col.db.scalar("SELECT count() FROM cards WHERE did = ?", deck.id)
        if cards:
            decks.append({"name": deck.name, "id": deck.id, "cards": cards})
    out["decks"] = decks

    sampled = []
    for i, nid in enumerate(col.find_notes("")):
        note = col.get_note(nid)
        nt = note.note_type()
        cards = note.cards()
        if not cards:
            errors.append(f"note {note.guid} ({nt['name']}) has no cards")
        if nt["type"] == NOTETYPE_CLOZE:
            numbers = sorted({int(n) for f in note.fields for n in CLOZE_NUMBER.findall(f)})
            ords = sorted(c.ord + 1 for c in cards)
            if not numbers:
                errors.append(f"cloze note {note.guid} has no {{{{cN::...}}}} deletion")
            elif ords != numbers:
                errors.append(f"cloze note {note.guid}: deletions {numbers}, cards {ords}")
        rendered = []
        for card in cards:
            question_html = card.question()
            question, answer = plain(question_html), plain(card.answer())
            where = f"note {note.guid} card {card.ord}"
            if not question and "<img" not in question_html and "[sound:" not in question_html:
                errors.append(f"{where}: the question is empty")
            if nt["type"] == NOTETYPE_CLOZE and not CLOZE_SPAN.search(question_html):
                errors.append(f"{where}: the question shows no cloze gap: {question[:80]!r}")
            rendered.append({"ord": card.ord, "template": card.template()["name"],
                             "deck": col.decks.name(card.did),
                             "question": question, "answer": answer})
        if samples is None or i < samples:
            sampled.append({"guid": note.guid, "note_type": nt["name"], "tags": note.tags,
                            "fields": dict(zip(col.models.field_names(nt), note.fields)),
                            "cards": rendered})
    out["sample_notes"] = sampled

    empty = col.get_empty_cards()
    out["empty_cards"] = sum(len(n.card_ids) for n in empty.notes)
    if out["empty_cards"]:
        warnings.append(f"{out['empty_cards']} empty cards: {empty.report[:300]}")
    media = col.media.check()
    out["media"] = {"missing": list(media.missing), "unused": list(media.unused)}
    if media.missing:
        warnings.append(f"fields refer to media that is not in the collection: "
                        f"{list(media.missing)[:10]}")
    problems, ok = col.fix_integrity()
    out["check_database"] = {"ok": ok, "report": problems.strip()}
    if not ok:
        errors.append(f"Check Database failed: {problems.strip()[:300]}")
    elif problems.strip() and "rebuilt and optimized" not in problems:
        warnings.append(f"Check Database: {problems.strip()[:300]}")
    return out


def sample_count(value):
    if value == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a count or 'all', not {value!r}")
    return n


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--then", metavar="FILE2")
    parser.add_argument("--samples", type=sample_count, default=3, metavar="N|all")
    parser.add_argument("--keep", metavar="DIR")
    parser.add_argument("--update", choices=("if_newer", "always", "never"), default="if_newer",
                        help="when an .apkg import updates an existing note (default if_newer)")
    args = parser.parse_args()
    for path in filter(None, (args.file, args.then)):
        if path.lower().endswith(".colpkg"):
            parser.error(f"{path}: a .colpkg is a whole collection; validate a deck (.apkg)")
        if not os.path.isfile(path):
            parser.error(f"{path}: no such file")

    warnings, errors = [], []
    report = {"file": args.file, "anki_version": anki_version}
    tmp = tempfile.mkdtemp(prefix="kernsatz-anki-")
    col = Collection(os.path.join(tmp, "collection.anki2"))
    try:
        if not is_text_file(args.file):
            report["package"] = look_at_package(args.file, errors)
        report["mode"], log, extra = import_file(col, args.file, args.update)
        report.update(extra)
        report["import_log"] = log_counts(log)
        check_log(args.file, report["import_log"], errors)
        if args.then:
            then = {"file": args.then}
            if not is_text_file(args.then):
                then["package"] = look_at_package(args.then, errors)
            then["notes_before"] = col.note_count()
            _, log, extra = import_file(col, args.then, args.update)
            then.update(extra)
            then["import_log"] = counts = log_counts(log)
            then["notes_after"] = col.note_count()
            report["then"] = then
            kept = then["notes_after"] == then["notes_before"]
            check_log(args.then, counts, errors, warnings, kept)
            if then["notes_after"] > then["notes_before"] and \
                    counts["updated"] + counts["duplicate"] == 0:
                errors.append(f"{args.then}: the second import only added notes, it updated "
                              "none (the note GUIDs are not stable)")
        report.update(describe_collection(col, args.samples, warnings, errors))
    except Exception as e:  # the backend reports a rejected file as an exception
        errors.append(f"{type(e).__name__}: {e}")
    finally:
        col.close()
    if args.keep:
        shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
    shutil.rmtree(tmp, ignore_errors=True)
    report["warnings"] = warnings
    report["errors"] = errors
    report["ok"] = not errors
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
