"""What every rule sees besides the submission: the profile, its reference data, the target year."""

from __future__ import annotations

from dataclasses import dataclass

from pemetaan_ksd.kerja_sama_berlaku import DaftarKerjaSama, muat
from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah, Referensi


@dataclass(frozen=True)
class Context:
    """The run's profile, reference data and the year being consolidated (picklable)."""

    profil: Profil
    referensi: Referensi
    tahun: int
    # the register of agreements in force the profile names (KSD417), read once per run
    kerja_sama: DaftarKerjaSama | None = None

    @classmethod
    def from_profile(cls, profil: Profil, tahun: int | None = None) -> Context:
        referensi = profil.referensi()
        register = profil.kerja_sama_berlaku
        kerja_sama = (None if register is None else
                      muat(register, referensi.wilayah, profil.provinsi.kode, profil.sumber))
        return cls(profil, referensi, tahun if tahun is not None else profil.tahun, kerja_sama)

    @property
    def daerah(self) -> Daerah:
        return self.profil.daerah

    @property
    def versi(self) -> str:
        return self.referensi.nomenklatur.versi
