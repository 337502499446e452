"""The consolidated workbook (CONTRACT section 5), one module per sheet.

`table` lays out a print-ready table, `formats` holds the XlsxWriter formats; the entry point
is `writer.write_workbook`.
"""
