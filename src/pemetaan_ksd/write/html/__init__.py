"""The HTML report (CONTRACT section 4: `validasi --html F`, `gabung --html F`, `proses`'s
`index.html`): one self-contained page, from the same report as every other output.

`page` turns a run (Report, Konsolidasi, status, the outputs written beside it, the ledger's
last runs) into plain values; `charts` lays out the inline SVG bar charts; `render` fills the
Jinja2 templates in `templates/` (autoescaped: text from submissions is never markup) and
stages the file with the run's other outputs. Nothing here counts anything again: every
figure is a field of `Report.totals()`, `Report.by_code()`, `status.ringkasan`, the
konsolidasi's `Rekonsiliasi` and `rekap_urusan`, or of the JSON report's per-file entry.

Only the commands that write a page import this package (jinja2 is not loaded for `--help`).
"""
