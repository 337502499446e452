"""Every large part of a zip deflated in two halves (write/workbook/quickzip.py), on any file:
for tests that read such parts back."""

from __future__ import annotations

import pytest

from pemetaan_ksd.write.workbook import quickzip


def count_halves(monkeypatch: pytest.MonkeyPatch, block: int) -> list[int]:
    """From now on every part is deflated in halves, `block` bytes read at a time; the list
    fills with the size of each block so deflated."""
    halves: list[int] = []
    real = quickzip._InHalves.compress

    def counted(self: quickzip._InHalves, data: bytes) -> bytes:
        halves.append(len(data))
        return real(self, data)

    monkeypatch.setattr(quickzip, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(quickzip, "BLOCK", block)
    monkeypatch.setattr(quickzip._InHalves, "compress", counted)
    return halves
