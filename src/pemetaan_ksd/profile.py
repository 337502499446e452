"""The TOML profile: which daerah, which year, which perangkat daerah, which nomenclature."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pemetaan_ksd import reference
from pemetaan_ksd.contract import BUILTIN_DAERAH, BUILTIN_TAHUN, TAHUN_MAX, TAHUN_MIN
from pemetaan_ksd.errors import ProfileError
from pemetaan_ksd.opd_contoh import contoh_perangkat_daerah
from pemetaan_ksd.reference import Daerah

DEFAULT_PROFILE_NAME = "ksd.toml"
BUILTIN_LABEL = "profil contoh bawaan (Kabupaten Banjar)"
NOMENKLATUR_BAWAAN = "Kepmendagri 900.1.15.5-1317/2023"




@dataclass(frozen=True)
class PerangkatDaerah:
    kode: str
    nama: str
    bidang: tuple[str, ...] = ()
    # coordinates across sectors (Bappeda, a bagian of the Sekretariat): any bidang (KSD414)
    lintas_bidang: bool = False

    def menangani(self, bidang: str) -> bool:
        """Whether this unit may map an usulan of `bidang` (KSD414): its own, or any when it
        lists none or coordinates across sectors."""
        return self.lintas_bidang or not self.bidang or bidang in self.bidang


@dataclass(frozen=True)
class Profil:
    daerah: Daerah
    provinsi: Daerah
    tahun: int
    perangkat_daerah: tuple[PerangkatDaerah, ...]
    sumber: str  # the file it came from, or BUILTIN_LABEL
    bawaan: bool = False
    nomenklatur_berkas: Path | None = None
    nomenklatur_versi: str | None = None
    tetangga: tuple[Daerah, ...] = field(default=())
    # [alias] short names of daerah this profile adds: {"Kukar": "64.02"}
    alias: tuple[tuple[str, str], ...] = field(default=())
    # [kerja_sama_berlaku] berkas: the register of agreements in force (KSD417)
    kerja_sama_berlaku: Path | None = None

    def opd(self, kode: str) -> PerangkatDaerah | None:
        wanted = kode.strip()
        return next((o for o in self.perangkat_daerah if o.kode == wanted), None)

    def referensi(self) -> reference.Referensi:
        try:
            return reference.load(self.nomenklatur_berkas, self.nomenklatur_versi, self.alias)
        except reference.NomenklaturError as exc:
            raise ProfileError(f"Profil {self.sumber}, kunci nomenklatur.berkas: {exc}") from exc


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_profile(
    kode_daerah: str, tahun: int, opd: list[tuple[str, str, tuple[str, ...], bool]] | None = None
) -> str:
    """The commented TOML text of a new profile for `kode_daerah`."""
    wilayah = reference.load().wilayah
    daerah = wilayah.get(kode_daerah)
    if daerah is None:
        raise ProfileError(
            f"Kode daerah {kode_daerah!r} tidak dikenal. Gunakan kode wilayah Kemendagri, "
            "misalnya 63.03 (Kabupaten Banjar) atau 63 (Provinsi Kalimantan Selatan); "
            "cari dengan: pemetaan-ksd referensi wilayah NAMA"
        )
    provinsi = wilayah.provinsi_of(daerah)
    tetangga = wilayah.tetangga(daerah)
    units = opd if opd is not None else contoh_perangkat_daerah()
    lines = [
        f"# Profil pemetaan-ksd: {daerah.nama_lengkap}, tahun {tahun}",
        "# Ubah sesuai keadaan daerah Anda. Baris yang diawali # adalah keterangan.",
        "",
        "# Tahun pemetaan yang sedang dihimpun.",
        f"tahun = {tahun}",
        "",
        "[daerah]",
        "# Kode wilayah Kemendagri; nama, tingkat dan provinsi hanya untuk dibaca.",
        f"kode = {_quote(daerah.kode)}",
        f"nama = {_quote(daerah.nama_lengkap)}",
        f"tingkat = {_quote(daerah.jenis_tingkat)}",
        f"provinsi = {_quote(provinsi.nama_lengkap)}",
        "# Daerah yang berbatasan (dihitung dari data wilayah paket; hanya untuk diketahui):",
        *[f"#   {d.kode}  {d.nama_lengkap}" for d in tetangga],
        "",
        "[nomenklatur]",
        *(_nomenklatur_provinsi() if daerah.is_provinsi else _nomenklatur_kabkota()),
        "",
        "[kerja_sama_berlaku]",
        "# Daftar kerja sama (KB/PKS) yang sedang berlaku, yang dipegang sekretariat TKKSD:",
        "# berkas CSV/XLSX berkolom nomor, tanggal, jenis (KB/PKS), mitra, bidang_urusan atau",
        "# objek, dan berlaku_sampai. Usulan dengan mitra dan bidang urusan yang sama dengan",
        "# kerja sama yang masih berlaku diberi peringatan KSD417: usulkan tindak lanjutnya.",
        "# Contohnya ada pada folder templat dan demo (kerja_sama_berlaku.csv).",
        '# berkas = "kerja_sama_berlaku.csv"',
        "",
        "# Daftar perangkat daerah yang diminta mengisi templat.",
        "# CONTOH UNTUK DIUBAH, bukan daftar resmi: sesuaikan kode, nama dan bidang urusannya.",
        "# bidang: bidang urusan yang menjadi tugas dan kewenangannya; usulan di luar itu",
        "# diberi peringatan KSD414. lintas_bidang = true untuk unit yang mengoordinasikan",
        "# semua bidang (Bappeda, bagian Sekretariat Daerah): usulannya tidak dibatasi bidang.",
    ]
    for kode, nama, bidang, lintas in units:
        lines += [
            "",
            "[[perangkat_daerah]]",
            f"kode = {_quote(kode)}",
            f"nama = {_quote(nama)}",
            "bidang = [" + ", ".join(_quote(b) for b in bidang) + "]",
        ]
        if lintas:
            lines.append("lintas_bidang = true")
    return "\n".join(lines) + "\n"


def _nomenklatur_kabkota() -> list[str]:
    return [
        f"# Kosongkan untuk memakai nomenklatur bawaan ({NOMENKLATUR_BAWAAN}).",
        "# Untuk nomenklatur yang lebih baru, tunjuk berkas CSV/XLSX berkolom kode dan nama:",
        '# berkas = "nomenklatur_terbaru.xlsx"',
        '# versi = "Kepmendagri 900.1-2850/2025"',
    ]


def _nomenklatur_provinsi() -> list[str]:
    return [
        "# PERHATIAN: daerah ini provinsi. Nomenklatur bawaan paket hanya memuat kegiatan",
        f"# kewenangan kabupaten/kota ({NOMENKLATUR_BAWAAN}, sisi kabupaten/kota), sehingga",
        "# tidak dapat dipakai untuk provinsi: validasi berhenti sampai kunci berkas di bawah",
        "# diisi. Tunjuk berkas CSV/XLSX nomenklatur sisi provinsi (berkolom kode dan nama,",
        "# kegiatan berangka keempat 1), lalu hapus tanda # di depan kedua baris ini:",
        '# berkas = "nomenklatur_provinsi.xlsx"',
        f'# versi = "{NOMENKLATUR_BAWAAN} (provinsi)"',
    ]


def check_nomenklatur(profil: Profil) -> None:
    """A provinsi cannot be checked against the packaged (kab/kota) nomenclature: wrong use.

    Every provincial kegiatan would be unknown (KSD302) and every packaged one of the other
    level (KSD305), so no row could pass; the profile must name a provincial list instead.
    """
    if not profil.daerah.is_provinsi or profil.nomenklatur_berkas is not None:
        return
    raise ProfileError(
        f"Profil {profil.sumber} untuk {profil.daerah.nama_lengkap} memakai nomenklatur bawaan, "
        f"padahal nomenklatur bawaan ({NOMENKLATUR_BAWAAN}) hanya memuat kegiatan kewenangan "
        "kabupaten/kota: tidak satu pun usulan provinsi dapat lolos dengannya. Muat nomenklatur "
        "sisi provinsi: pada bagian [nomenklatur] profil, isi berkas = \"NAMA_BERKAS.xlsx\" "
        "(berkas CSV/XLSX berkolom kode dan nama, dengan kegiatan berangka keempat 1) dan "
        "versi = \"...\" (nama keputusannya), lalu jalankan ulang."
    )


def builtin_text() -> str:
    return render_profile(BUILTIN_DAERAH, BUILTIN_TAHUN)


def find_profile(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """The profile file to use: the one given, else ksd.toml here, else None (built-in)."""
    if explicit is not None:
        return explicit
    candidate = (cwd or Path.cwd()) / DEFAULT_PROFILE_NAME
    return candidate if candidate.is_file() else None


def load_profile(path: Path | None) -> Profil:
    """Load a profile file, or the built-in example when `path` is None."""
    if path is None:
        return parse_profile(builtin_text(), BUILTIN_LABEL, base=Path.cwd(), bawaan=True)
    if not path.is_file():
        raise ProfileError(f"Berkas profil {path} tidak ditemukan. Buat dengan: pemetaan-ksd init")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"Berkas profil {path} tidak dapat dibaca: {exc}") from exc
    return parse_profile(text, str(path), base=path.parent)


def parse_profile(text: str, source: str, base: Path, bawaan: bool = False) -> Profil:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(_toml_message(source, exc)) from exc
    where = _Locator(text, source)
    tahun = data.get("tahun")
    if not isinstance(tahun, int) or not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise ProfileError(where.at("tahun", None, f"harus berupa tahun {TAHUN_MIN}-{TAHUN_MAX}, "
                                    "misalnya 2025"))
    section = data.get("daerah")
    if not isinstance(section, dict) or not isinstance(section.get("kode"), str):
        raise ProfileError(where.at("kode", "daerah", 'wajib diisi, misalnya kode = "63.03"'))
    wilayah = reference.load().wilayah
    daerah = wilayah.get(section["kode"])
    if daerah is None:
        raise ProfileError(
            where.at(
                "kode",
                "daerah",
                f"kode wilayah {section['kode']!r} tidak "
                "dikenal; cari dengan: pemetaan-ksd referensi wilayah NAMA",
            )
        )
    opd = _parse_opd(data.get("perangkat_daerah", []), where)
    nomen = data.get("nomenklatur", {})
    berkas = nomen.get("berkas") if isinstance(nomen, dict) else None
    if berkas is not None and not isinstance(berkas, str):
        raise ProfileError(where.at("berkas", "nomenklatur", "harus berupa nama berkas"))
    versi = nomen.get("versi") if isinstance(nomen, dict) else None
    register = data.get("kerja_sama_berlaku", {})
    register_file = register.get("berkas") if isinstance(register, dict) else None
    if not isinstance(register, dict) or (register_file is not None
                                          and not isinstance(register_file, str)):
        raise ProfileError(where.at("berkas", "kerja_sama_berlaku", "harus berupa nama berkas, "
                                    'misalnya berkas = "kerja_sama_berlaku.csv"'))
    return Profil(
        daerah=daerah,
        provinsi=wilayah.provinsi_of(daerah),
        tahun=tahun,
        perangkat_daerah=opd,
        sumber=source,
        bawaan=bawaan,
        nomenklatur_berkas=(base / berkas) if berkas else None,
        nomenklatur_versi=str(versi) if versi else None,
        tetangga=tuple(wilayah.tetangga(daerah)),
        alias=_parse_alias(data.get("alias", {}), where),
        kerja_sama_berlaku=(base / register_file) if register_file else None,
    )


def _parse_alias(entries: Any, where: _Locator) -> tuple[tuple[str, str], ...]:
    """[alias] "Kukar" = "64.02": short names of daerah, each a known code."""
    if not isinstance(entries, dict):
        raise ProfileError(where.at("alias", None, 'harus berupa bagian [alias], misalnya '
                                    '[alias] lalu "Kukar" = "64.02"'))
    wilayah = reference.load().wilayah
    out: list[tuple[str, str]] = []
    for nama, kode in entries.items():
        if not isinstance(kode, str) or wilayah.get(kode) is None:
            raise ProfileError(where.at(
                f'"{nama}"', "alias", f"harus berupa kode wilayah Kemendagri yang dikenal, "
                f'misalnya "{nama}" = "64.02"; cari dengan: pemetaan-ksd referensi wilayah NAMA'))
        out.append((nama, kode.strip()))
    return tuple(out)


def _parse_opd(entries: Any, where: _Locator) -> tuple[PerangkatDaerah, ...]:
    if not isinstance(entries, list):
        raise ProfileError(where.at("perangkat_daerah", None, "harus berupa [[perangkat_daerah]]"))
    out: list[PerangkatDaerah] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        for key in ("kode", "nama"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ProfileError(where.at(key, "perangkat_daerah", "wajib diisi dengan teks", i))
        kode = entry["kode"].strip()
        if kode in seen:
            raise ProfileError(
                where.at("kode", "perangkat_daerah", f"kode {kode!r} dipakai lebih dari sekali", i)
            )
        seen.add(kode)
        bidang = entry.get("bidang", [])
        if not isinstance(bidang, list) or not all(isinstance(b, str) for b in bidang):
            raise ProfileError(
                where.at("bidang", "perangkat_daerah", 'harus berupa daftar, misalnya ["1.02"]', i)
            )
        lintas = entry.get("lintas_bidang", False)
        if not isinstance(lintas, bool):
            raise ProfileError(
                where.at("lintas_bidang", "perangkat_daerah", "harus berupa true atau false", i))
        out.append(PerangkatDaerah(kode, entry["nama"].strip(), tuple(b.strip() for b in bidang),
                                   lintas))
    return tuple(out)


def _toml_message(source: str, exc: tomllib.TOMLDecodeError) -> str:
    match = re.search(r"line (\d+), column (\d+)", str(exc))
    where = f" baris {match.group(1)} kolom {match.group(2)}" if match else ""
    return (
        f"Profil {source} tidak dapat dibaca:{where} penulisan TOML tidak sah ({exc}). "
        "Periksa tanda kutip, tanda = dan tanda kurung di baris itu."
    )


class _Locator:
    """Finds the line of a key in the profile text, for messages."""

    def __init__(self, text: str, source: str):
        self.lines = text.splitlines()
        self.source = source

    def line_of(self, key: str, section: str | None, index: int = 0) -> int | None:
        start = 0
        if section is not None:
            headers = [
                i
                for i, line in enumerate(self.lines)
                if line.strip() in (f"[{section}]", f"[[{section}]]")
            ]
            if len(headers) <= index:
                return None
            start = headers[index] + 1
        for i in range(start, len(self.lines)):
            stripped = self.lines[i].strip()
            if section is not None and stripped.startswith("[") and i > start:
                break
            if re.match(rf"{re.escape(key)}\s*=", stripped):
                return i + 1
        return None

    def at(self, key: str, section: str | None, problem: str, index: int = 0) -> str:
        line = self.line_of(key, section, index)
        name = f"{section}.{key}" if section else key
        if section == "perangkat_daerah":
            name = f"perangkat_daerah ke-{index + 1}, kunci {key}"
        where = f" (baris {line})" if line else ""
        return f"Profil {self.source}: kunci {name}{where} {problem}."
