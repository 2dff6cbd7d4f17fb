"""Paper: the PDF report and the printable kit, laid out with reportlab and the bundled font.

Why reportlab rather than fpdf2 (measured on this machine, shared, on the kit-like
pages of the flagship scenario quartier_des_tilleuls: 138 pages of character and
action texts in Atkinson Hyperlegible, two runs each):

    reportlab 5.1.0: import 71–79 ms, generation 66–67 ms, 115 KiB
    fpdf2 2.8.9:     import 262–284 ms, generation 231–331 ms, 100 KiB

Both embed a subset of the TrueType font, write French accents right and keep the
text selectable (pdftotext reads it back). reportlab imports about 3.5 times faster
and lays out about 4 times faster, and its platypus flowables give what the kit
needs: `KeepTogether` so that no card or chart is cut by a page, and `wrap()`
sizes that the tests can check without drawing. fpdf2 also pulls fontTools and
Pillow at import. reportlab is imported only by `coop report --format pdf` and
`coop kit`, never by the game window or the other reports.
"""
