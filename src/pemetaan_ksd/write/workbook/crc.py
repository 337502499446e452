"""CRC-32 of two byte strings joined, from the CRC of each (zlib's crc32_combine, which
Python's zlib does not offer): a part deflated by another process joins the zip with its
CRC, without its bytes passing through this process again.

The arithmetic is zlib's own (crc32.c, 1.2.12 and later): polynomials over GF(2), reflected,
modulo the CRC-32 polynomial.
"""

from __future__ import annotations

_POLYNOMIAL = 0xEDB88320  # CRC-32, reflected
_X0 = 1 << 31  # the polynomial 1 (x^0), reflected


def _times(a: int, b: int) -> int:
    """a(x) * b(x) modulo the polynomial."""
    product, bit = 0, _X0
    while bit:
        if a & bit:
            product ^= b
        bit >>= 1
        b = (b >> 1) ^ _POLYNOMIAL if b & 1 else b >> 1
    return product


def _powers() -> list[int]:
    """x^(2^k) modulo the polynomial, for k = 0..31 (x^(2^k) for k >= 32 repeats these)."""
    out = [_X0 >> 1]  # x^1
    for _ in range(31):
        out.append(_times(out[-1], out[-1]))
    return out


_X_TO_2K = _powers()


def _x_to_8n(n: int) -> int:
    """x^(8n) modulo the polynomial: what n zero bytes do to a CRC."""
    power, k = _X0, 3
    while n:
        if n & 1:
            power = _times(_X_TO_2K[k & 31], power)
        n >>= 1
        k += 1
    return power


def crc32_combine(first: int, second: int, second_size: int) -> int:
    """The CRC-32 of A + B, from crc32(A), crc32(B) and len(B)."""
    return _times(_x_to_8n(second_size), first) ^ second
