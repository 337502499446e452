"""The blank template each perangkat daerah fills (CONTRACT.md section 1): names and writing.

`write_templates` is what `pemetaan-ksd template` calls. The sheets are built in
`template_sheets` (the `Usulan` sheet in `template_usulan`), the dropdowns in `dropdowns`,
which the feedback copy shares.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from pemetaan_ksd.errors import TemplateExistsError, UnknownOpdError
from pemetaan_ksd.kerja_sama_berlaku import CONTOH
from pemetaan_ksd.profile import PerangkatDaerah, Profil, load_profile
from pemetaan_ksd.write.atomic import atomic_write_bytes, atomic_write_with
from pemetaan_ksd.write.dropdowns import install_dropdowns
from pemetaan_ksd.write.template_sheets import (
    IDENTITAS_FIRST_ROW,
    base_workbook,
    build_template,
    personalize,
    template_column_letters,
)
from pemetaan_ksd.write.template_usulan import LAST_DATA_ROW

__all__ = [
    "CONTOH", "GENERIC_CREATED", "IDENTITAS_FIRST_ROW", "LAST_DATA_ROW", "TemplateExistsError",
    "UnknownOpdError", "base_workbook", "build_template", "contoh_bytes", "install_dropdowns",
    "personalize", "template_column_letters", "template_filename", "write_generic_template",
    "write_template", "write_templates",
]

# The committed generic template is regenerated with this creation time, so it never drifts
# by the clock alone.
GENERIC_CREATED = datetime(2025, 1, 2, 8, 0, tzinfo=UTC)
GENERIC_SLUG = "templat"
_SLUG_MAX = 60






# --- file names and writing -------------------------------------------------------------------


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    return slug


def template_filename(profil: Profil, opd: PerangkatDaerah | None) -> str:
    """`usulan_ksd_2025_dinas-kesehatan.xlsx`; the generic one `usulan_ksd_2025_templat.xlsx`."""
    name = GENERIC_SLUG if opd is None else (_slug(opd.nama) or _slug(opd.kode) or "opd")
    return f"usulan_ksd_{profil.tahun}_{name}.xlsx"


def write_template(path: Path, profil: Profil, opd: PerangkatDaerah | None,
                   created: datetime | None = None) -> Path:
    """Write one template to `path`, whole or not at all (temporary file, then rename)."""
    workbook = build_template(profil, opd, created or datetime.now().astimezone())
    return atomic_write_with(path, workbook.save)


def write_templates(out_dir: Path, profil: Profil, kode_opd: list[str] | None, semua: bool,
                    created: datetime | None = None, timpa: bool = False, *,
                    contoh_kerja_sama: bool = False) -> list[Path]:
    """Write the templates asked for into `out_dir` and return their paths.

    `semua`: one per OPD of the profile; `kode_opd`: those OPD (the same code twice gives one
    file); neither: one generic template (also for `semua` when the profile lists no OPD),
    whose Identitas the OPD fills in. Codes are checked even with `semua`, which covers them.
    `contoh_kerja_sama`: the example register of agreements (KSD417) is written beside them,
    its path last. Raises UnknownOpdError for a code the profile does not list, and, unless
    `timpa`, TemplateExistsError when a file of the same name is already there (a template
    perhaps filled in and sent back by the OPD, a register that is no longer the example);
    either before writing anything.
    """
    chosen = list(dict.fromkeys(_find_opd(profil, kode) for kode in kode_opd or []))
    units: list[PerangkatDaerah | None]
    if semua:
        units = list(profil.perangkat_daerah) or [None]
    elif chosen:
        units = list(chosen)
    else:
        units = [None]
    names = _distinct_names(profil, units)
    contoh = contoh_bytes() if contoh_kerja_sama else None
    if not timpa:
        _refuse_existing(out_dir, names)
        if contoh is not None:
            _refuse_changed_contoh(out_dir, contoh)
    stamp = created or datetime.now().astimezone()
    workbook = base_workbook(profil)  # built once; only the OPD's own cells change per file
    paths = []
    for name, opd in zip(names, units, strict=True):
        personalize(workbook, profil, opd, stamp)
        paths.append(atomic_write_with(out_dir / name, workbook.save))
    if contoh is not None:
        paths.append(atomic_write_bytes(out_dir / CONTOH, contoh))
    return paths


def contoh_bytes() -> bytes:
    """The example register of agreements in force shipped with the package."""
    return resources.files("pemetaan_ksd").joinpath("data", CONTOH).read_bytes()


def _refuse_changed_contoh(out_dir: Path, contoh: bytes) -> None:
    """An example register left as shipped is written again; one that was edited (perhaps
    into the secretariat's real register) is kept."""
    path = out_dir / CONTOH
    if not path.exists() or (path.is_file() and path.read_bytes() == contoh):
        return
    raise TemplateExistsError(
        f"Folder {out_dir} sudah berisi {CONTOH} yang berbeda dari contohnya: mungkin daftar "
        "kerja sama berlaku yang sudah diisi sekretariat TKKSD. Tidak ada yang ditulis. Pilih "
        "folder lain dengan -o, pindahkan berkas itu, atau pakai --timpa untuk menggantinya "
        "dengan contoh."
    )


_NAMED_AT_MOST = 5


def _refuse_existing(out_dir: Path, names: list[str]) -> None:
    existing = [name for name in names if (out_dir / name).exists()]
    if not existing:
        return
    listed = ", ".join(existing[:_NAMED_AT_MOST])
    if len(existing) > _NAMED_AT_MOST:
        listed += f", dan {len(existing) - _NAMED_AT_MOST} berkas lainnya"
    raise TemplateExistsError(
        f"Folder {out_dir} sudah berisi {len(existing)} berkas dengan nama templat yang sama: "
        f"{listed}. Berkas itu mungkin sudah diisi perangkat daerah. Tidak ada yang ditulis. "
        "Pilih folder lain dengan -o, pindahkan berkas itu, atau pakai --timpa untuk "
        "menggantinya dengan templat kosong."
    )


def _find_opd(profil: Profil, kode: str) -> PerangkatDaerah:
    found = profil.opd(kode)
    if found is not None:
        return found
    where = profil.sumber if profil.bawaan else f"profil {profil.sumber}"
    known = [f"{o.kode} ({o.nama})" for o in profil.perangkat_daerah]
    if not known:
        raise UnknownOpdError(
            f'Kode perangkat daerah "{kode}" tidak dikenal: {where} belum memuat daftar '
            "perangkat daerah. Tambahkan [[perangkat_daerah]] pada profil."
        )
    sample = "; ".join(known[:3]) + (f"; dan {len(known) - 3} lainnya" if len(known) > 3 else "")
    raise UnknownOpdError(
        f'Kode perangkat daerah "{kode}" tidak ada dalam {where}. Kode yang tersedia, '
        f"misalnya: {sample}. Gunakan --semua untuk membuat templat semua perangkat daerah."
    )


def _distinct_names(profil: Profil, units: list[PerangkatDaerah | None]) -> list[str]:
    names = [template_filename(profil, opd) for opd in units]
    counts = Counter(names)
    return [
        name if counts[name] == 1 or opd is None
        else name.removesuffix(".xlsx") + f"_{_slug(opd.kode)}.xlsx"
        for name, opd in zip(names, units, strict=True)
    ]


def write_generic_template(out_dir: Path) -> Path:
    """The committed generic template: built-in profile, no OPD, fixed creation time."""
    profil = load_profile(None)
    return write_template(out_dir / template_filename(profil, None), profil, None,
                          GENERIC_CREATED)
