"""KSD5xx: what only shows across rows and files: duplicates, several files of one OPD, absences.

These are across rules: each looks at results of files (a `Batch`) and returns findings keyed by
file and row; the engine adds them to new results. `choose_newest` is the run's choice under
`--pilih-terbaru`, made before these rules run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from pemetaan_ksd.model import FileResult, RowResult, Usulan
from pemetaan_ksd.rules.context import Context
from pemetaan_ksd.rules.registry import Batch, Keyed, Position, Scope, across_rule, message
from pemetaan_ksd.values import name_key, word_key

UsulanKey = tuple[str, str, str, str]

KSD501 = message("KSD501")
KSD501_DISISIHKAN = message("KSD501", "disisihkan")
KSD502 = message("KSD502")
KSD503 = message("KSD503")
KSD504 = message("KSD504")


def kunci_usulan(usulan: Usulan) -> UsulanKey | None:
    """Same usulan = same kegiatan code, same partner (daerah code, else name), same kind and
    same object (compared ignoring case, spacing and punctuation: CONTRACT KSD502).

    Two projects under one kegiatan with one partner are two usulan; a row without an object
    (already KSD201) is compared with nothing.
    """
    partner = usulan.kode_wilayah_mitra or _normal_name(usulan.calon_mitra)
    objek = name_key(usulan.objek) if usulan.objek else ""
    if not (usulan.kode_kegiatan and partner and usulan.jenis_kerja_sama and objek):
        return None
    return usulan.kode_kegiatan, partner, usulan.jenis_kerja_sama, objek


def _normal_name(text: str | None) -> str | None:
    return word_key(text) or None if text else None


def _nama_mitra(usulan: Usulan) -> str:
    return usulan.nama_mitra_resmi or usulan.calon_mitra or "-"


OBJEK_MAX = 80


def _objek(usulan: Usulan) -> str:
    """The object as a message quotes it, shortened when long."""
    text = " ".join((usulan.objek or "").split())
    return text if len(text) <= OBJEK_MAX else text[: OBJEK_MAX - 1].rstrip() + "…"


def _row_pos(result: FileResult, row: RowResult) -> Position:
    return Position(result.usulan_sheet, row.first_cell, row.excel_row)


@across_rule("KSD503", scope=Scope.EACH_FILE)
def ulang_dalam_berkas(batch: Batch, ctx: Context) -> Iterator[Keyed]:
    """KSD503 on every later row that repeats an earlier usulan of the same file."""
    for index, result in enumerate(batch.files):
        first: dict[UsulanKey, RowResult] = {}
        for number, row in enumerate(result.rows):
            key = kunci_usulan(row.usulan)
            if key is None:
                continue
            if key not in first:
                first[key] = row
                continue
            found = KSD503(_row_pos(result, row), baris_awal=first[key].excel_row,
                           kegiatan=key[0], mitra=_nama_mitra(row.usulan), jenis=key[2],
                           objek=_objek(first[key].usulan))
            yield Keyed(found, index, number)


def opd_label(result: FileResult) -> str:
    if result.nama_opd and result.kode_opd:
        return f"{result.nama_opd} ({result.kode_opd})"
    return result.nama_opd or result.kode_opd or result.display_path


def _newness(result: FileResult) -> tuple[dt.date, float, str]:
    return result.tanggal_pengisian or dt.date.min, result.mtime, result.display_path


def _reason_chosen(chosen: FileResult, runner_up: FileResult) -> str:
    if chosen.tanggal_pengisian and chosen.tanggal_pengisian != runner_up.tanggal_pengisian:
        return f"Tanggal Pengisian {chosen.tanggal_pengisian.isoformat()}"
    if chosen.mtime != runner_up.mtime:
        stamp = dt.datetime.fromtimestamp(chosen.mtime).strftime("%Y-%m-%d %H:%M")
        return f"waktu simpan berkas {stamp}"
    return "urutan nama berkas, karena tanggal dan waktu simpannya sama"


def _same_opd(files: Sequence[FileResult]) -> list[list[int]]:
    """Indices of the readable files of one OPD and year, for each OPD with several, newest
    first (by Tanggal Pengisian, then file time, then path)."""
    groups: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for index, result in enumerate(files):
        if not result.unreadable and result.kode_opd:
            groups[(result.kode_opd, result.tahun)].append(index)
    return [sorted(group, key=lambda i: _newness(files[i]), reverse=True)
            for group in groups.values() if len(group) > 1]


def choose_newest(files: Sequence[FileResult]) -> list[FileResult]:
    """`--pilih-terbaru`: of several files of one OPD and year the newest is used, the others are
    set aside for it (`set_aside_for`, `chosen_over`); new results, the given ones unchanged."""
    chosen = list(files)
    for newest, *others in _same_opd(files):
        kept = files[newest]
        chosen[newest] = dataclasses.replace(
            kept, chosen_over=[files[i].display_path for i in others])
        for index in others:
            chosen[index] = dataclasses.replace(files[index], set_aside_for=kept.display_path)
    return chosen


@across_rule("KSD501")
def berkas_ganda(batch: Batch, ctx: Context) -> Iterator[Keyed]:
    """KSD501: several readable files of one OPD for one year.

    Without `pilih_terbaru` every file of the group gets a galat. With it, the newest stays
    clean and the others are set aside (choose_newest).
    """
    files = batch.files
    for group in _same_opd(files):
        tahun = files[group[0]].tahun
        if batch.pilih_terbaru:
            chosen = files[group[0]]
            reason = _reason_chosen(chosen, files[group[1]])
            for index in group[1:]:
                yield Keyed(KSD501_DISISIHKAN(opd=opd_label(files[index]), tahun=tahun,
                                              terpilih=chosen.display_path, dasar_pilih=reason),
                            index)
            continue
        in_order = sorted(group)
        berkas = ", ".join(sorted(files[i].display_path for i in group))  # not input order
        for index in in_order:
            yield Keyed(KSD501(opd=opd_label(files[index]), tahun=tahun, berkas=berkas), index)


@across_rule("KSD502")
def sama_antar_opd(batch: Batch, ctx: Context) -> Iterator[Keyed]:
    """KSD502 on every row whose usulan another OPD also sent (files set aside not counted)."""
    seen: dict[UsulanKey, list[tuple[int, int]]] = defaultdict(list)
    for index, result in enumerate(batch.files):
        if result.unreadable or result.set_aside_for is not None:
            continue
        for number, row in enumerate(result.rows):
            key = kunci_usulan(row.usulan)
            if key is not None:
                seen[key].append((index, number))
    for key, entries in seen.items():
        if len(entries) == 1:
            continue  # most usulan: sent once
        by_opd: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, number in entries:
            by_opd[_opd(batch.files[index])].append((index, number))
        if len(by_opd) < 2:
            continue  # the usual case: one OPD only (repeats in one file are KSD503)
        for opd, own in by_opd.items():
            others = sorted((e for other, rows in by_opd.items() if other != opd for e in rows),
                            key=lambda e: _entry_order(batch.files, e))
            text = _others_text(batch.files, others)
            for index, number in own:
                owner = batch.files[index]
                row = owner.rows[number]
                found = KSD502(_row_pos(owner, row), kegiatan=key[0],
                               mitra=_nama_mitra(row.usulan), jenis=key[2], lain=text,
                               objek=_objek(row.usulan))
                yield Keyed(found, index, number)


def _opd(result: FileResult) -> str:
    return result.kode_opd or result.display_path


def _entry_order(files: Sequence[FileResult], entry: tuple[int, int]) -> tuple[str, str, int, str]:
    """The others are named by OPD, file content and row: the same text whatever the order
    of the inputs and their names (which come last, for files of the same bytes)."""
    result = files[entry[0]]
    return (_opd(result), result.sha256, result.rows[entry[1]].excel_row, result.display_path)


MAX_OTHERS_NAMED = 5


def _others_text(files: Sequence[FileResult], others: list[tuple[int, int]]) -> str:
    parts = []
    for index, number in others[:MAX_OTHERS_NAMED]:
        r = files[index]
        parts.append(f"{r.nama_opd or r.kode_opd or 'perangkat daerah lain'} ({r.display_path} "
                     f"baris {r.rows[number].excel_row})")
    rest = len(others) - MAX_OTHERS_NAMED
    return "; ".join(parts) + (f"; dan {rest} usulan lain" if rest > 0 else "")


@across_rule("KSD504")
def belum_mengirim(batch: Batch, ctx: Context) -> Iterator[Keyed]:
    """KSD504 (the run's own, with `absent_opd`) for every OPD of the profile that sent no
    readable file."""
    if not batch.absent_opd:
        return
    sent = {r.kode_opd for r in batch.files if not r.unreadable and r.kode_opd}
    for opd in ctx.profil.perangkat_daerah:
        if opd.kode not in sent:
            yield Keyed(KSD504(Position(value=opd.kode), opd=opd.nama, kode=opd.kode,
                               tahun=ctx.tahun))
