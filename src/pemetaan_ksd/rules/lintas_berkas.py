"""KSD5xx: what only shows across rows and files: duplicates, several files of one OPD, absences."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from pemetaan_ksd.model import FileResult, Finding, RowResult, Usulan
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.rules.registry import Posisi, finding, sort_findings

UsulanKey = tuple[str, str, str]


def kunci_usulan(usulan: Usulan) -> UsulanKey | None:
    """Same usulan = same kegiatan code, same partner (daerah code, else name) and same kind."""
    partner = usulan.kode_wilayah_mitra or _normal_name(usulan.calon_mitra)
    if not (usulan.kode_kegiatan and partner and usulan.jenis_kerja_sama):
        return None
    return usulan.kode_kegiatan, partner, usulan.jenis_kerja_sama


def _normal_name(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split()) or None


def _nama_mitra(usulan: Usulan) -> str:
    return usulan.nama_mitra_resmi or usulan.calon_mitra or "-"


def _row_pos(result: FileResult, row: RowResult) -> Posisi:
    return Posisi(result.usulan_sheet, row.first_cell, row.excel_row)


def _add(row: RowResult, found: Finding) -> None:
    row.findings = sort_findings([*row.findings, found])


def ulang_dalam_berkas(result: FileResult) -> None:
    """KSD503 on every later row that repeats an earlier usulan of the same file."""
    first: dict[UsulanKey, RowResult] = {}
    for row in result.rows:
        key = kunci_usulan(row.usulan)
        if key is None:
            continue
        if key not in first:
            first[key] = row
            continue
        _add(row, finding("KSD503", _row_pos(result, row), baris_awal=first[key].excel_row,
                          kegiatan=key[0], mitra=_nama_mitra(row.usulan), jenis=key[2]))


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


def berkas_ganda(results: list[FileResult], pilih_terbaru: bool) -> None:
    """KSD501: several readable files of one OPD for one year.

    Without `pilih_terbaru` every file of the group gets a galat. With it, the newest (by
    Tanggal Pengisian, then file time, then path) stays clean and the others are set aside.
    """
    groups: dict[tuple[str, int | None], list[FileResult]] = defaultdict(list)
    for result in results:
        if not result.unreadable and result.kode_opd:
            groups[(result.kode_opd, result.tahun)].append(result)
    for (_, tahun), group in groups.items():
        if len(group) < 2:
            continue
        if pilih_terbaru:
            _set_aside(sorted(group, key=_newness, reverse=True), tahun)
            continue
        berkas = ", ".join(r.display_path for r in group)
        for result in group:
            result.file_findings.append(finding("KSD501", opd=opd_label(result), tahun=tahun,
                                                berkas=berkas))


def _set_aside(newest_first: list[FileResult], tahun: int | None) -> None:
    chosen, others = newest_first[0], newest_first[1:]
    reason = _reason_chosen(chosen, others[0])
    chosen.chosen_over = [r.display_path for r in others]
    for result in others:
        result.set_aside_for = chosen.display_path
        result.file_findings.append(finding(
            "KSD501", variant="disisihkan", opd=opd_label(result), tahun=tahun,
            terpilih=chosen.display_path, dasar_pilih=reason))


def sama_antar_opd(results: list[FileResult]) -> None:
    """KSD502 on every row whose usulan another OPD also sent (files set aside not counted)."""
    seen: dict[UsulanKey, list[tuple[FileResult, RowResult]]] = defaultdict(list)
    for result in results:
        if result.unreadable or result.set_aside_for is not None:
            continue
        for row in result.rows:
            key = kunci_usulan(row.usulan)
            if key is not None:
                seen[key].append((result, row))
    for key, entries in seen.items():
        by_opd: dict[str, list[tuple[FileResult, RowResult]]] = defaultdict(list)
        for result, row in entries:
            by_opd[_opd(result)].append((result, row))
        if len(by_opd) < 2:
            continue  # the usual case: one OPD only (repeats in one file are KSD503)
        for opd, own in by_opd.items():
            others = [e for other, rows in by_opd.items() if other != opd for e in rows]
            text = _others_text(others)
            for owner, row in own:
                _add(row, finding("KSD502", _row_pos(owner, row), kegiatan=key[0],
                                  mitra=_nama_mitra(row.usulan), jenis=key[2], lain=text))


def _opd(result: FileResult) -> str:
    return result.kode_opd or result.display_path


MAX_OTHERS_NAMED = 5


def _others_text(others: list[tuple[FileResult, RowResult]]) -> str:
    parts = [f"{r.nama_opd or r.kode_opd or 'perangkat daerah lain'} ({r.display_path} baris "
             f"{w.excel_row})" for r, w in others[:MAX_OTHERS_NAMED]]
    rest = len(others) - MAX_OTHERS_NAMED
    return "; ".join(parts) + (f"; dan {rest} usulan lain" if rest > 0 else "")


def missing_opd(results: list[FileResult], profil: Profil, tahun: int | None = None
                ) -> list[Finding]:
    """KSD504 for every OPD of the profile that sent no readable file."""
    sent = {r.kode_opd for r in results if not r.unreadable and r.kode_opd}
    year = tahun if tahun is not None else profil.tahun
    return [finding("KSD504", Posisi(value=opd.kode), opd=opd.nama, kode=opd.kode, tahun=year)
            for opd in profil.perangkat_daerah if opd.kode not in sent]
