"""The trainer's demo: build the worked example and run the whole flow, one step at a time.

`langkah_demo` does the work of each step and then yields what a trainer would say about it;
the CLI renders the narration (and pauses between steps when asked). Nothing here prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from collections import Counter
from collections.abc import Generator, Iterator
from pathlib import Path

from pemetaan_ksd import api
from pemetaan_ksd.contract import BUILTIN_DAERAH, BUILTIN_TAHUN
from pemetaan_ksd.demo.build import write_submissions
from pemetaan_ksd.demo.contoh import CONTOH, DINKES, Contoh
from pemetaan_ksd.demo.langkah import Langkah
from pemetaan_ksd.errors import FolderNotEmptyError, FolderNotWritableError
from pemetaan_ksd.kerja_sama_berlaku import CONTOH as BERLAKU
from pemetaan_ksd.kerja_sama_berlaku import muat
from pemetaan_ksd.model import FileResult, FileStatus, Severity
from pemetaan_ksd.profile import Profil, load_profile
from pemetaan_ksd.report import Report
from pemetaan_ksd.rules.registry import CODES
from pemetaan_ksd.write.atomic import atomic_write_bytes
from pemetaan_ksd.write.template import contoh_bytes, write_templates

WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
# A fixed clock makes the example reproducible: the same folder every run.
DEMO_CLOCK = dt.datetime(2025, 3, 3, 9, 0, tzinfo=WITA)
TEMPLATES_MADE = dt.datetime(2025, 1, 27, 8, 0, tzinfo=WITA)

PROFIL = "ksd.toml"
TEMPLAT = "templat"
MASUK = "masuk"
CATATAN = "catatan"
LAPORAN = "laporan_validasi.json"
HTML = "laporan.html"
OWNED = (PROFIL, BERLAKU, TEMPLAT, MASUK, CATATAN, LAPORAN, HTML)
# The profile `init` writes names the register in a comment only; the demo's names it.
_BERLAKU_KOMENTAR = f'# berkas = "{BERLAKU}"'


def daftar_name(tahun: int) -> str:
    return f"daftar_rencana_{tahun}.xlsx"


def prepare_folder(folder: Path, timpa: bool) -> None:
    """Refuse a non-empty folder unless `timpa`, and one that cannot be written (wrong use,
    not a fault of the program); then clear only what the demo writes."""
    if folder.exists() and not folder.is_dir():
        raise FolderNotEmptyError(f"{folder} adalah berkas, bukan folder. Pilih folder lain.")
    try:
        if folder.is_dir() and any(folder.iterdir()):
            _clear_owned(folder, timpa)
        folder.mkdir(parents=True, exist_ok=True)
        _probe_writable(folder)
    except OSError as exc:
        raise FolderNotWritableError(
            f"Folder {folder} tidak dapat dibuat atau ditulisi{_why(folder, exc)}. Pilih folder "
            "lain yang dapat Anda tulisi, misalnya di dalam folder Dokumen Anda."
        ) from exc


def _why(folder: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return ": Anda tidak berhak menulis di sana"
    blocking = next((p for p in (folder, *folder.parents) if p.is_file()), None)
    return f": {blocking} adalah berkas, bukan folder" if blocking is not None else ""


def _clear_owned(folder: Path, timpa: bool) -> None:
    if not timpa:
        raise FolderNotEmptyError(
            f"Folder {folder} tidak kosong. Pilih folder lain, atau pakai --timpa untuk "
            "menulis ulang contoh di dalamnya."
        )
    for name in (*OWNED, daftar_name(BUILTIN_TAHUN)):
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def _probe_writable(folder: Path) -> None:
    """Create and remove a file: a folder that exists may still refuse writing."""
    with tempfile.TemporaryFile(dir=folder, prefix=".pemetaan-ksd-"):
        pass


def langkah_demo(folder: Path, timpa: bool = False) -> Iterator[Langkah]:
    """Build the example in `folder` step by step, yielding the narration after each step."""
    prepare_folder(folder, timpa)
    profil = yield from _step_profile(folder)
    yield _step_templates(folder, profil)
    yield _step_submissions(folder, profil)
    options = api.RunOptions(created=DEMO_CLOCK, base=folder)
    validation = api.validate([folder / MASUK], profil, report_path=folder / LAPORAN,
                              feedback_dir=folder / CATATAN, options=options)
    yield _step_validation(validation.report)
    merged = api.merge([folder / MASUK], folder / daftar_name(profil.tahun), profil,
                       pilih_terbaru=True, feedback_dir=folder / CATATAN,
                       html_path=folder / HTML, options=options)
    yield _step_merge(merged, profil)
    yield _step_html(merged)
    yield _step_end(profil)


def _step_profile(folder: Path) -> Generator[Langkah, None, Profil]:
    path = api.init_profile(BUILTIN_DAERAH, BUILTIN_TAHUN, folder / PROFIL, timpa=True)
    _name_register(path)
    atomic_write_bytes(folder / BERLAKU, contoh_bytes())
    profil = dataclasses.replace(load_profile(path), sumber=PROFIL)  # shown relative to the folder
    yield Langkah(
        1,
        "Profil daerah",
        f"Profil {PROFIL} menyebut daerah yang memetakan ({profil.daerah.nama_lengkap}), tahun "
        f"pemetaan {profil.tahun}, daerah yang berbatasan, {len(profil.perangkat_daerah)} "
        "perangkat daerah yang diminta mengisi usulan beserta bidang urusan tugasnya (daftar "
        f"contoh untuk diubah), dan daftar kerja sama yang sedang berlaku ({BERLAKU}).",
        "Pemetaan urusan yang akan dikerjasamakan dikoordinasikan oleh unit kerja sama bersama "
        "perencana daerah (Permendagri 22/2020 Pasal 5 ayat 2). Kerja sama wajib hanya dengan "
        "daerah yang berbatasan (PP 28/2018 Pasal 3 ayat 2).",
        [f"Daerah berbatasan: {', '.join(d.nama_lengkap for d in profil.tetangga)}.",
         _register_line(profil)],
        [PROFIL, BERLAKU],
    )
    return profil


def _name_register(path: Path) -> None:
    """Make the profile name the example register, which init leaves as a comment."""
    text = path.read_text(encoding="utf-8")
    if text.count(_BERLAKU_KOMENTAR) != 1:
        raise RuntimeError(f"profil {path.name} tanpa baris {_BERLAKU_KOMENTAR!r}")
    named = text.replace(_BERLAKU_KOMENTAR, _BERLAKU_KOMENTAR.removeprefix("# "))
    atomic_write_bytes(path, named.encode("utf-8"))


def _register_line(profil: Profil) -> str:
    if profil.kerja_sama_berlaku is None:
        raise RuntimeError(f"profil {PROFIL} tidak menyebut {BERLAKU}")
    daftar = muat(profil.kerja_sama_berlaku, profil.referensi().wilayah, profil.provinsi.kode,
                  profil.sumber)
    berlaku = sum(1 for p in daftar.perjanjian if p.berlaku_pada(profil.tahun))
    return (f"Daftar kerja sama berlaku (contoh): {len(daftar.perjanjian)} KB/PKS, {berlaku} "
            f"di antaranya masih berlaku pada {profil.tahun}.")


def _step_templates(folder: Path, profil: Profil) -> Langkah:
    kodes = list(dict.fromkeys(c.kode_opd for c in CONTOH))
    names = [p.name for p in write_templates(folder / TEMPLAT, profil, kodes, False,
                                             TEMPLATES_MADE)]
    return Langkah(
        2,
        "Templat untuk perangkat daerah",
        f"Setiap perangkat daerah menerima satu templat Excel dengan identitasnya sudah terisi "
        f"({len(names)} templat untuk contoh ini). Lembar Petunjuk menjelaskan setiap kolom; "
        "kolom pilihan memakai daftar pilihan; baris judul terkunci.",
        "Usulan harus memuat potensi dan karakteristik daerah, kebutuhan nyata, manfaat bagi "
        "kedua pihak, dan skala prioritas (PP 28/2018 Pasal 5 ayat 1; Permendagri 22/2020 "
        "Pasal 5 ayat 3).",
        [f"{len(names)} templat ditulis ke folder {TEMPLAT}/."],
        [f"{TEMPLAT}/{names[0]}"],
    )


def _step_submissions(folder: Path, profil: Profil) -> Langkah:
    write_submissions(folder / MASUK, profil, CONTOH, TEMPLATES_MADE)
    rows = sum(len(c.rows) for c in CONTOH)
    clean = [c.nama_opd for c in CONTOH if not _has_intended_galat(c)]
    return Langkah(
        3,
        "Usulan masuk",
        f"{len(CONTOH)} berkas dari {len({c.kode_opd for c in CONTOH})} perangkat daerah "
        f"({rows} usulan) masuk ke folder {MASUK}/. Berkas {_dan(clean)} terisi tanpa "
        "galat. Yang lain memuat kesalahan yang biasa terjadi: mitra kerja sama wajib yang tidak "
        "berbatasan, manfaat bagi mitra ditulis \"-\", kode kegiatan provinsi, pilihan salah "
        "ketik, tahun terbalik, anggaran ditulis dengan huruf, bidang penunjang, RSUD milik "
        "daerah sendiri sebagai mitra. Beberapa usulan perlu dilihat analis: pengadaan perahu "
        "wisata sebagai objek, jalan yang diusulkan Dinas Lingkungan Hidup padahal tugas Dinas "
        "PUPR, festival kesenian dengan Kabupaten Tapin yang kesepakatan bersamanya masih "
        "berlaku. Dinas Kesehatan mengirim dua kali.",
        "Setiap usulan harus saling menguntungkan (PP 28/2018 Pasal 1 angka 1), menunjukkan "
        "kebutuhan nyata, dan tercantum dalam dokumen perencanaan atau memiliki alasan yang sah "
        "(Pasal 4 ayat 3).",
        [f"{len(CONTOH)} berkas usulan siap diperiksa."],
        [f"{MASUK}/{DINKES.berkas}"],
    )


def _dan(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"


def _has_intended_galat(contoh: Contoh) -> bool:
    duplicated_opd = sum(1 for c in CONTOH if c.kode_opd == contoh.kode_opd) > 1
    galat = [code for code, _, _ in contoh.sengaja if CODES[code].severity is Severity.GALAT]
    return duplicated_opd or bool(galat)


def _file_line(fr: FileResult) -> str:
    codes = Counter(f.code for f in fr.findings)
    listed = ", ".join(f"{code}×{n}" if n > 1 else code for code, n in sorted(codes.items()))
    verdict = {
        FileStatus.VALID: "dapat diterima",
        FileStatus.TIDAK_VALID: "perlu perbaikan",
        FileStatus.TIDAK_TERBACA: "tidak terbaca",
    }[fr.status]
    return f"{fr.display_path}: {verdict}" + (f" ({listed})" if listed else "")


def _step_validation(report: Report) -> Langkah:
    s = report.summary()
    buka = [f"{CATATAN}/{Path(DINKES.berkas).stem}.catatan.xlsx"]
    return Langkah(
        4,
        "Validasi dan umpan balik",
        "Program memeriksa setiap baris terhadap aturan KSD101-KSD504, termasuk yang dalam "
        "praktik ditolak TKKSD: mitra dari unit pemerintah daerah sendiri, pengadaan barang/jasa, "
        "bidang di luar tugas perangkat daerah, dan mitra yang kerja samanya pada bidang itu "
        f"sudah berlaku ({BERLAKU}). Untuk setiap berkas ditulis salinan umpan balik di folder "
        f"{CATATAN}/: sel yang salah berwarna merah dan diberi catatan, lembar pertama berisi "
        "semua temuan dengan tautan ke selnya. Laporan lengkap untuk tugas terjadwal ada di "
        f"{LAPORAN}.",
        "Objek kerja sama hanya urusan kewenangan daerah sendiri (PP 28/2018 Pasal 4 ayat 1); "
        "kabupaten/kota hanya mengerjakan kegiatan kewenangan kabupaten/kota; kerja sama wajib "
        "butuh eksternalitas lintas daerah dan efisiensi layanan (UU 23/2014 Pasal 364). Kerja "
        "sama daerah adalah usaha bersama dengan daerah lain, pihak ketiga atau lembaga luar "
        "negeri (PP 28/2018 Pasal 1 angka 1); setiap perangkat daerah memetakan sesuai tugas "
        "dan kewenangannya; kerja sama yang sudah berlaku dilanjutkan menurut tahapannya "
        "(Pasal 6 ayat 1).",
        [
            f"{s['files']} berkas, {s['valid']} dapat diterima; {s['rows']} usulan: "
            f"{s['rows_accepted']} diterima, {s['rows_rejected']} perlu perbaikan; "
            f"{s['counts']['galat']} galat, {s['counts']['peringatan']} peringatan, "
            f"{s['counts']['info']} info.",
            *(_file_line(fr) for fr in report.files),
        ],
        [*buka, LAPORAN],
    )


def _step_merge(run: api.MergeRun, profil: Profil) -> Langkah:
    from pemetaan_ksd.peta import peta_kerja_sama

    r = run.konsolidasi.rekonsiliasi
    chosen = [fr.display_path for fr in run.report.files if fr.chosen_over]
    peta = peta_kerja_sama(run.konsolidasi, profil)
    return Langkah(
        5,
        "Daftar rencana tahunan",
        f"Usulan tanpa galat yang jangka waktunya mencakup tahun {profil.tahun} digabung menjadi "
        "daftar rencana program dan kegiatan, diurutkan menurut bidang urusan, program, "
        "kegiatan dan prioritas, dengan rekap per urusan, per perangkat daerah dan per mitra, "
        "siap dicetak untuk rapat pleno. Lembar Rekap Mitra memuat peta kerja sama: daerah ini, "
        "tetangganya dan setiap daerah mitra usulan yang diterima, diarsir menurut jumlah "
        f"usulan; peta yang sama ada di {HTML}. Dengan --pilih-terbaru, dari dua berkas Dinas "
        "Kesehatan hanya yang terbaru yang dipakai; salinan umpan balik di folder "
        f"{CATATAN}/ ditulis ulang menurut pilihan itu (berkas yang lama tertulis diganti "
        "kiriman terbaru).",
        "Hasil pemetaan adalah daftar rencana program dan kegiatan per urusan, per tahun, "
        "menurut jangka waktu dan skala prioritas (Permendagri 22/2020 Pasal 5 ayat 3). "
        "Rencana yang membebani masyarakat atau belum dianggarkan perlu persetujuan DPRD "
        "(PP 28/2018 Pasal 6 ayat 2).",
        [
            f"{r.baris_dibaca} baris dibaca = {r.diterima_tahun_ini} masuk daftar {profil.tahun}"
            f" + {r.diterima_luar_tahun} diterima untuk tahun lain + {r.ditolak} perlu "
            f"perbaikan + {r.bukan_usulan} bukan usulan + {r.diganti} dari berkas yang "
            "diganti kiriman terbaru.",
            *(f"Berkas terbaru yang dipakai: {c}." for c in chosen),
            peta.keterangan,
        ],
        [daftar_name(profil.tahun)],
    )


def _step_html(run: api.MergeRun) -> Langkah:
    s = api.ringkasan(run.konsolidasi.status)
    return Langkah(
        6,
        "Laporan HTML untuk pimpinan dan ruang rapat",
        f"Halaman {HTML} merangkum seluruh pemeriksaan dalam satu berkas yang dapat dibuka di "
        "peramban mana pun tanpa jaringan, dibagikan, ditayangkan, atau dicetak pada kertas A4: "
        "status pengumpulan setiap perangkat daerah dalam profil (dapat diurutkan, dan disaring "
        "bila skrip peramban aktif), hasil dan temuan setiap berkas dengan tautan ke salinan "
        "umpan baliknya dan ke buku kerja gabungan, rekonsiliasi baris, serta grafik rekap per "
        "bidang urusan dan per jenis kerja sama. Semua angkanya sama dengan laporan di layar, "
        "laporan JSON dan buku kerja gabungan.",
        "Penyusunan pemetaan adalah tugas Tim Koordinasi Kerja Sama Daerah (Permendagri 22/2020 "
        "Pasal 46 ayat 2 huruf b) yang dikoordinasikan unit kerja sama bersama perencana daerah "
        "(Pasal 5 ayat 2): halaman ini memberi semua pihak gambaran yang sama.",
        [f"{s['terkirim']} dari {s['perangkat_daerah']} perangkat daerah sudah mengirim: "
         f"{s['valid']} valid, {s['perlu_perbaikan']} perlu perbaikan; {s['belum_mengirim']} "
         "belum mengirim.",
         "Perintah yang sama untuk daerah Anda: pemetaan-ksd gabung masuk/ -o daftar.xlsx "
         "--anotasi catatan/ --html laporan.html; tugas terjadwal (proses) menulis index.html "
         "di folder keluarannya setiap kali berjalan."],
        [HTML],
    )


def _step_end(profil: Profil) -> Langkah:
    return Langkah(
        7,
        "Selanjutnya",
        "Kirim salinan umpan balik kepada perangkat daerah yang usulannya perlu perbaikan, "
        "terima berkas perbaikannya, lalu jalankan lagi validasi dan penggabungan. Untuk daerah "
        "Anda sendiri: pemetaan-ksd init --daerah KODE, ubah daftar perangkat daerahnya, lalu "
        "pemetaan-ksd template --semua.",
        "Daftar rencana dibahas dalam rapat pleno Tim Koordinasi Kerja Sama Daerah yang "
        "menetapkan prioritas (Permendagri 22/2020 Pasal 46 ayat 2 huruf b).",
        [],
        [HTML, daftar_name(profil.tahun), CATATAN + "/"],
    )
