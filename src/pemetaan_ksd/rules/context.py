"""What every rule sees besides the submission: the profile, its reference data, the target year."""

from __future__ import annotations

from dataclasses import dataclass

from pemetaan_ksd.profile import Profil
from pemetaan_ksd.reference import Daerah, Referensi


@dataclass(frozen=True)
class Context:
    """The run's profile, reference data and the year being consolidated (picklable)."""

    profil: Profil
    referensi: Referensi
    tahun: int

    @classmethod
    def from_profile(cls, profil: Profil, tahun: int | None = None) -> Context:
        return cls(profil, profil.referensi(), tahun if tahun is not None else profil.tahun)

    @property
    def daerah(self) -> Daerah:
        return self.profil.daerah

    @property
    def versi(self) -> str:
        return self.referensi.nomenklatur.versi
