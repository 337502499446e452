"""Which daerah a form offers and names as partners: the Calon Mitra list and the example mitra.

One place for both choices, so that the template's Petunjuk, its dropdown and the messages of the
rules (KSD402: "tulis nama resminya, misalnya ...") name the same daerah.
"""

from __future__ import annotations

from pemetaan_ksd import reference
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah


def daerah_mitra(profil: Profil) -> list[Daerah]:
    """Daerah offered in the Calon Mitra dropdown.

    For a kab/kota: its provinsi, the other kab/kota of the provinsi, then bordering daerah of
    other provinsi. For a provinsi: the bordering provinsi, then its own kab/kota.
    """
    wilayah = reference.load().wilayah
    own = profil.daerah
    if own.is_provinsi:
        first = [d for d in profil.tetangga if d.is_provinsi]
        rest = wilayah.kabkota_in(own.kode)
    else:
        first = [profil.provinsi, *wilayah.kabkota_in(own.kode_provinsi)]
        rest = [d for d in profil.tetangga if d.kode_provinsi != own.kode_provinsi]
    seen: set[str] = {own.kode}
    out: list[Daerah] = []
    for d in [*first, *rest]:
        if d.kode not in seen:
            seen.add(d.kode)
            out.append(d)
    return out


def contoh_mitra(profil: Profil) -> Daerah:
    """A bordering partner to name as an example (a kerja sama wajib must border).

    For a provinsi: the first bordering provinsi, else its first kab/kota. For a kab/kota: the
    last (by code) bordering kota of its own provinsi, else the last bordering kab/kota of its
    provinsi, else its provinsi. For Kabupaten Banjar: Kota Banjarbaru.
    """
    own = profil.daerah
    if own.is_provinsi:
        provinsi = [d for d in profil.tetangga if d.is_provinsi]
        return provinsi[0] if provinsi else reference.load().wilayah.kabkota_in(own.kode)[0]
    local = [d for d in profil.tetangga
             if not d.is_provinsi and d.kode_provinsi == own.kode_provinsi]
    kota = [d for d in local if d.jenis.startswith("Kota")]
    return (kota or local or [profil.provinsi])[-1]
