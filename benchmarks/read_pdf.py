"""PDF reading speed, against a baseline measured in the same run.

The baseline opens each PDF with PDFium and takes its text in one call
(``get_text_range``): the least any reader of the text layer must do.  banmian's
reader (``stages/read_pdf.py``) also asks every character for its size and box and
cuts lines and blocks itself; the ratio says what that costs.  Then the whole parse
of the PDFs (read + the text stages) in pages/s.

    python benchmarks/read_pdf.py [--pdfs DIR] [--repeat 3]

``--pdfs``: a folder of PDFs, e.g. the rendered silver pages cached by
``scripts/eval_rendered.py`` (~/.cache/banmian/rendered); default: the test fixture.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium

from banmian.pipeline import parse_text
from banmian.stages.read_pdf import pdf_to_text
from parse import timed  # best of --repeat passes, as benchmarks/parse.py times them

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "pdf" / "qinghe-20240514-01.pdf"


def baseline(blobs: list[bytes]) -> int:
    n = 0
    for data in blobs:
        pdf = pdfium.PdfDocument(data)
        for k in range(len(pdf)):
            n += len(pdf[k].get_textpage().get_text_range())
        pdf.close()
    return n


def read_all(blobs: list[bytes]) -> int:
    return sum(len(pdf_to_text(data)) for data in blobs)


def parse_all(blobs: list[bytes]) -> int:
    return sum(len(parse_text(pdf_to_text(data), "p.pdf").articles) for data in blobs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdfs", type=Path, help="folder of PDFs (default: the test fixture, 20 times)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.pdfs.glob("*.pdf")) if args.pdfs else [FIXTURE] * 20
    blobs = [f.read_bytes() for f in files]
    chars = baseline(blobs)
    t_base = timed(baseline, blobs, args.repeat)
    t_read = timed(read_all, blobs, args.repeat)
    t_parse = timed(parse_all, blobs, args.repeat)
    n = len(blobs)
    print(f"PDFs: {n} ({chars / n:.0f} characters of text each)")
    print(f"baseline PDFium get_text_range: {n / t_base:8.1f} PDFs/s")
    print(f"banmian read_pdf:               {n / t_read:8.1f} PDFs/s  ({t_read / t_base:.1f}x the baseline's time)")
    print(f"banmian read_pdf + parse:       {n / t_parse:8.1f} PDFs/s")


if __name__ == "__main__":
    main()
