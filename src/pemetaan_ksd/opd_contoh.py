"""Example lists of perangkat daerah for new profiles: examples to edit, not official lists.

Codes follow the unit-code shape of Permendagri 90/2019 (the first bidang urusan, the second
and third or 0.00, unit 01, sub unit 0000), as the OPD know them from SIPD.
"""

from __future__ import annotations

# (name, bidang urusan handled)
_KABUPATEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Dinas Pendidikan dan Kebudayaan", ("1.01", "2.22")),
    ("Dinas Kesehatan", ("1.02",)),
    ("Rumah Sakit Umum Daerah", ("1.02",)),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", ("1.03",)),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", ("1.04", "2.10")),
    ("Satuan Polisi Pamong Praja", ("1.05",)),
    ("Badan Penanggulangan Bencana Daerah", ("1.05",)),
    ("Dinas Sosial", ("1.06",)),
    ("Dinas Tenaga Kerja dan Transmigrasi", ("2.07", "3.32")),
    (
        "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
        "Perlindungan Anak",
        ("2.14", "2.08"),
    ),
    ("Dinas Ketahanan Pangan", ("2.09",)),
    ("Dinas Lingkungan Hidup", ("2.11",)),
    ("Dinas Kependudukan dan Pencatatan Sipil", ("2.12",)),
    ("Dinas Pemberdayaan Masyarakat dan Desa", ("2.13",)),
    ("Dinas Perhubungan", ("2.15",)),
    ("Dinas Komunikasi, Informatika, Statistik dan Persandian", ("2.16", "2.20", "2.21")),
    ("Dinas Koperasi dan Usaha Mikro", ("2.17",)),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ("2.18",)),
    ("Dinas Pemuda dan Olahraga", ("2.19",)),
    ("Dinas Perpustakaan dan Kearsipan", ("2.23", "2.24")),
    ("Dinas Perikanan", ("3.25",)),
    ("Dinas Pariwisata", ("3.26",)),
    ("Dinas Tanaman Pangan dan Hortikultura", ("3.27",)),
    ("Dinas Perkebunan dan Peternakan", ("3.27",)),
    ("Dinas Perdagangan dan Perindustrian", ("3.30", "3.31")),
    ("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", ("5.01", "5.05")),
    ("Badan Keuangan dan Aset Daerah", ("5.02",)),
    ("Sekretariat Daerah (Bagian Pemerintahan)", ("4.01",)),
)


def _unit_code(bidang: tuple[str, ...], unit: int) -> str:
    parts = [*bidang[:3], *(["0.00"] * (3 - len(bidang[:3])))]
    return f"{'.'.join(parts)}.{unit:02d}.0000"


# Units that coordinate across sectors: their usulan may be of any bidang (KSD414).
_LINTAS_BIDANG = frozenset({
    "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "Sekretariat Daerah (Bagian Pemerintahan)",
})


def contoh_perangkat_daerah() -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(kode, nama, bidang, lintas_bidang) of an example OPD list; units of the same bidang get
    01, 02..."""
    seen: dict[str, int] = {}
    out: list[tuple[str, str, tuple[str, ...], bool]] = []
    for nama, bidang in _KABUPATEN:
        key = ".".join(bidang[:3])
        seen[key] = seen.get(key, 0) + 1
        out.append((_unit_code(bidang, seen[key]), nama, bidang, nama in _LINTAS_BIDANG))
    return out
