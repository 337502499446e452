"""The look of the map's shapes by role, shared by the map and its legend."""

from __future__ import annotations

from pemetaan_ksd.peta.adegan import LATAR, MITRA, PROVINSI, PROVINSI_LAIN, SENDIRI, TETANGGA

HATCH_ID = "peta-kerja-sama-arsir"  # this daerah: orange hatching, dark in grey print too
FILL = {SENDIRI: f"url(#{HATCH_ID})", TETANGGA: "#ffffff", LATAR: "#f5f5f5",
        PROVINSI_LAIN: "#e0e0e0", PROVINSI: "none"}
STROKE = {SENDIRI: ("#1a1a1a", 1.8), MITRA: ("#404040", 0.8), TETANGGA: ("#404040", 1.0),
          LATAR: ("#a0a0a0", 0.5), PROVINSI_LAIN: ("#a0a0a0", 0.5), PROVINSI: ("#262626", 1.6)}
PARTNER_PROVINSI_STROKE = ("#262626", 3.2)  # this daerah's provinsi when it is a partner
