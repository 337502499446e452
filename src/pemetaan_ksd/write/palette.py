"""The look both writers share (openpyxl for the template and feedback copies, XlsxWriter
for the consolidated workbook): fonts, colours, number formats, paper. No library imported
here, so the consolidated workbook does not load openpyxl."""

FONT_NAME = "Arial"  # present on Windows and macOS; LibreOffice maps it to Liberation Sans
FONT_SIZE = 10

# Palette: dark blue for what the form asks, pale blue-grey for what it only offers.
INK = "1F2937"
NAVY = "1F3864"
BLUE_DARK = "1F4E79"
BLUE_PALE = "DDEBF7"
BLUE_BAND = "BDD7EE"
GREY_PALE = "F2F2F2"
GREY_LINE = "A6A6A6"
GREY_TEXT = "595959"
WHITE = "FFFFFF"
EXAMPLE_FILL = "FFF8E1"

NUMBER_FORMAT_TEXT = "@"
NUMBER_FORMAT_RUPIAH = "#,##0"
NUMBER_FORMAT_YEAR = "0"
NUMBER_FORMAT_DATE = "DD/MM/YYYY"

PAPER_F4 = 14  # "Folio 8.5 x 13 in" in Excel's list: the F4 paper of Indonesian offices
