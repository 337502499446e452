"""What the `Petunjuk` sheet says, in order, as blocks: headings, paragraphs and tables.

The texts come from petunjuk_content.py, the example from petunjuk_contoh.py, the partners from
mitra_contoh; here they are put in order with what the profile adds (the daerah, the OPD, the
nomenclature's version). Tests read the blocks; petunjuk.py lays them out on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from pemetaan_ksd import contract, reference
from pemetaan_ksd.contract import COLUMNS, Column
from pemetaan_ksd.mitra_contoh import contoh_mitra, daerah_mitra
from pemetaan_ksd.profile import PerangkatDaerah, Profil
from pemetaan_ksd.reference import Daerah
from pemetaan_ksd.write.petunjuk_content import (
    DASAR_HUKUM_ROWS,
    GROUP_TEXT,
    JENIS_KERJA_SAMA_ROWS,
    LANGKAH,
    PERMENDAGRI_22,
    PP_28,
    PRAKTIK_INTRO,
    PRAKTIK_JUDUL,
    kriteria_rows,
    praktik_rows,
)
from pemetaan_ksd.write.petunjuk_contoh import contoh_usulan


@dataclass(frozen=True)
class Heading:
    text: str
    new_page: bool = False  # printed sections that read best starting on a fresh page


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # smaller, grey: a remark rather than an instruction


@dataclass(frozen=True)
class Table:
    header: tuple[str, str, str]  # in columns B, C, D
    rows: tuple[tuple[str, str, str], ...]
    example: bool = False  # the filled example: a pale fill marks it as an illustration


Block = Heading | Subheading | Paragraph | Table


def petunjuk_blocks(profil: Profil, opd: PerangkatDaerah | None) -> list[Block]:
    """Everything the Petunjuk sheet says, in order."""
    versi = profil.referensi().nomenklatur.versi
    langkah = tuple((f"{i}. {step}", where, text.format(baris=contract.PREPARED_ROWS))
                    for i, (step, where, text) in enumerate(LANGKAH, start=1))
    return [
        *_judul(profil, opd),
        Heading("Dasar hukum"),
        Table(("Peraturan", "Pasal yang dirujuk", "Pokok yang diatur"), DASAR_HUKUM_ROWS),
        Heading("Cara mengisi"),
        Table(("Langkah", "Tempat", "Keterangan"), langkah),
        Heading("Kriteria usulan yang dapat diterima"),
        Table(("Kriteria", "Dasar hukum", "Penjelasan"), kriteria_rows(profil)),
        Heading(PRAKTIK_JUDUL, new_page=True),
        Paragraph(PRAKTIK_INTRO),
        Table(("Periksa", "Dasar", "Penjelasan"), praktik_rows(profil, _bidang_opd(profil, opd))),
        Heading("Jenis kerja sama"),
        Table(("Jenis", "Calon mitra", "Keterangan dan dasar hukum"), JENIS_KERJA_SAMA_ROWS),
        *_kolom_blocks(versi, contoh_mitra(profil)),
        *_mitra_blocks(profil),
        *_contoh_blocks(profil),
    ]


def petunjuk_text(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """All the sheet's text as one string (for tests and searching)."""
    parts: list[str] = []
    for block in petunjuk_blocks(profil, opd):
        if isinstance(block, Table):
            parts += [" | ".join(block.header), *(" | ".join(r) for r in block.rows)]
        else:
            parts.append(block.text)
    return "\n".join(parts)


def _judul(profil: Profil, opd: PerangkatDaerah | None) -> list[Block]:
    pemda = f"Pemerintah {profil.daerah.nama_lengkap}"
    unit = opd.nama if opd else "perangkat daerah pengusul"
    intro = (
        "Setiap daerah yang akan bekerja sama terlebih dahulu memetakan urusan pemerintahan "
        "yang akan dikerjasamakan berdasarkan potensi dan karakteristik daerahnya "
        f"({PP_28}, Pasal 5 ayat (1); {PERMENDAGRI_22}, Pasal 5). Hasil pemetaan adalah daftar "
        "rencana program dan kegiatan yang akan dikerjasamakan, per tahun, menurut skala "
        f"prioritas. Formulir ini menghimpun usulan {unit} untuk pemetaan tahun {profil.tahun}; "
        "usulan yang memenuhi kriteria dibahas dalam rapat pleno Tim Koordinasi Kerja Sama "
        "Daerah (TKKSD)."
    )
    blocks: list[Block] = [Paragraph(f"{pemda} · Tahun Pemetaan {profil.tahun}")]
    if opd is not None:
        bidang = ", ".join(opd.bidang)
        suffix = f" (bidang urusan {bidang})" if bidang else ""
        blocks.append(Paragraph(f"Perangkat Daerah: {opd.nama}{suffix}"))
    blocks += [Heading("Maksud formulir"), Paragraph(intro)]
    return blocks


def _bidang_opd(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """The sentence naming the OPD's own bidang urusan (KSD414), or empty for the generic form."""
    if opd is None:
        return ""
    if opd.lintas_bidang:
        return ("Perangkat daerah Anda mengoordinasikan lintas bidang, sehingga usulannya "
                "tidak dibatasi pada satu bidang urusan.")
    if not opd.bidang:
        return ""
    referensi = profil.referensi()
    names = [f"{kode} {b.nama_singkat}" if (b := referensi.bidang(kode)) else kode
             for kode in opd.bidang]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"
    return (f"Menurut daftar sekretariat TKKSD, bidang urusan perangkat daerah Anda adalah "
            f"{listed}.")


def _kolom_blocks(versi: str, mitra: Daerah) -> list[Block]:
    blocks: list[Block] = [
        Heading("Penjelasan kolom lembar Usulan, per kelompok"),
        Paragraph("Kolom bertanda Wajib harus diisi pada setiap usulan; kolom lain wajib bila "
                  "syarat pada penjelasannya berlaku.", note=True),
    ]
    groups: dict[str, list[Column]] = {}
    for col in COLUMNS:
        groups.setdefault(col.group, []).append(col)
    for group, cols in groups.items():
        span = f"kolom ({cols[0].number}) sampai ({cols[-1].number})"
        text = GROUP_TEXT[group].format(versi=versi, mitra=mitra.nama_lengkap,
                                        kode_mitra=mitra.kode)
        blocks.append(Subheading(f"{group}, {span}"))
        blocks.append(Paragraph(text))
        blocks.append(Table(
            ("Kolom", "Wajib", "Penjelasan"),
            tuple((f"{c.number_label} {c.header}", "Wajib" if c.required else "", c.hint)
                  for c in cols),
        ))
    return blocks


def _mitra_blocks(profil: Profil) -> list[Block]:
    wilayah = reference.load().wilayah
    rows = tuple(
        (d.nama_lengkap, d.kode,
         "berbatasan: dapat menjadi mitra KSDD Wajib"
         if wilayah.berbatasan(profil.daerah, d) else "tidak berbatasan: KSDD Sukarela")
        for d in daerah_mitra(profil)
    )
    return [
        Heading("Daerah dalam daftar Calon Mitra"),
        Paragraph(_mitra_intro(profil)),
        Table(("Daerah", "Kode wilayah", "Keterangan"), rows),
    ]


def _mitra_intro(profil: Profil) -> str:
    own = profil.daerah
    scope = ("provinsi yang berbatasan dan kabupaten/kota di provinsi ini" if own.is_provinsi
             else f"{profil.provinsi.nama_lengkap}, kabupaten/kota lain di provinsi ini, dan "
                  "daerah provinsi lain yang berbatasan")
    return (f"Pilihan pada kolom Calon Mitra: {scope}, menurut data wilayah Kemendagri, dengan "
            f"keterangan apakah daerah itu berbatasan langsung dengan {own.nama_lengkap}. "
            "Daerah lain tetap boleh diketik, misalnya untuk KSDD Sukarela.")


def _contoh_blocks(profil: Profil) -> list[Block]:
    contoh = contoh_usulan(profil)
    rows = tuple((f"{col.number_label} {col.header}", "Wajib" if col.required else "",
                  _shown(col, contoh[col.key])) for col in COLUMNS)
    return [
        Heading("Contoh satu usulan lengkap", new_page=True),
        Paragraph("Contoh berikut hanya ilustrasi dengan angka rekaan: tulislah keadaan "
                  "sebenarnya, jangan menyalin contoh ini ke lembar Usulan. Dalam lembar "
                  "Usulan, setiap isian di bawah ditulis pada satu baris, dari kolom (1) "
                  "sampai (34).", note=True),
        Table(("Kolom", "Wajib", "Contoh isian"), rows, example=True),
    ]


def _shown(col: Column, value: object) -> str:
    """How the example shows one value: the amount as it will look, an empty cell said so."""
    if col.key == "anggaran" and isinstance(value, int):
        return f"{value}  (tampil sebagai {value:,})".replace(",", ".")
    return str(value) if value != "" else "(dikosongkan: tidak berlaku untuk usulan ini)"
