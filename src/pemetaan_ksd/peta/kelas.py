"""The shading classes: how many usulan name a partner, in a few steps of one hue.

Fixed steps (1, 2, 3-4, 5-9, 10 or more), so that the maps of two years or two daerah read
alike. The colours are ColorBrewer's sequential "Blues" (Cynthia Brewer, Penn State), five of
its six steps: one hue getting darker, so the order survives grey print and every kind of
colour blindness; labels sit on a white halo, readable on the darkest step too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kelas:
    nomor: int  # 1 .. 5
    paling_sedikit: int
    paling_banyak: int | None  # None: no upper bound
    warna: str

    @property
    def keterangan(self) -> str:
        """The legend's text: "1 usulan", "3-4 usulan", "10 usulan atau lebih"."""
        if self.paling_banyak is None:
            return f"{self.paling_sedikit} usulan atau lebih"
        if self.paling_banyak == self.paling_sedikit:
            return f"{self.paling_sedikit} usulan"
        return f"{self.paling_sedikit}\u2013{self.paling_banyak} usulan"

    def memuat(self, jumlah: int) -> bool:
        return jumlah >= self.paling_sedikit and (
            self.paling_banyak is None or jumlah <= self.paling_banyak)


KELAS = (
    Kelas(1, 1, 1, "#c6dbef"),
    Kelas(2, 2, 2, "#9ecae1"),
    Kelas(3, 3, 4, "#6baed6"),
    Kelas(4, 5, 9, "#3182bd"),
    Kelas(5, 10, None, "#08519c"),
)


def kelas_of(jumlah: int) -> Kelas:
    """The class of a partner named by `jumlah` (at least 1) usulan."""
    return next(k for k in KELAS if k.memuat(max(jumlah, 1)))


def kelas_shown(counts: list[int]) -> tuple[Kelas, ...]:
    """The classes the legend lists: every step up to the one of the largest count."""
    top = kelas_of(max(counts)).nomor if counts else 1
    return KELAS[:top]
