#!/usr/bin/env python3
"""Dumps a .docx or .xlsx as plain text lines for the report's golden tests.

xlsx: "## <sheet>" then one line per row, cells "|"-separated; numbers as n(<value>;<format>).
docx: one line per paragraph "[<style>] <text>", tables as "TABLE <caption>" and rows,
pictures as "PICTURE <description>". Exits 3 when python-docx or openpyxl is missing.
"""
import sys


def dump_xlsx(path):
    try:
        import openpyxl
    except ImportError:
        sys.exit(3)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        print("## " + ws.title)
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.value is None:
                    cells.append("")
                elif isinstance(c.value, (int, float)):
                    v = int(c.value) if float(c.value).is_integer() else c.value
                    cells.append("n(%s;%s)" % (v, c.number_format))
                else:
                    cells.append(str(c.value))
            while cells and cells[-1] == "":
                cells.pop()
            print("|".join(cells))


def dump_docx(path):
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError:
        sys.exit(3)
    d = docx.Document(path)
    body = d.element.body
    tables = iter(d.tables)
    paragraphs = iter(d.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            p = next(paragraphs)
            for pic in child.iter(qn("wp:docPr")):
                print("PICTURE " + pic.get("descr", ""))
            print("[%s] %s" % (p.style.name, p.text))
        elif child.tag == qn("w:tbl"):
            t = next(tables)
            caption = child.find(qn("w:tblPr")).find(qn("w:tblCaption"))
            header = t.rows[0]._tr.find(qn("w:trPr"))
            repeats = header is not None and header.find(qn("w:tblHeader")) is not None
            print("TABLE %s (header repeats: %s)" % (caption.get(qn("w:val")), repeats))
            for row in t.rows:
                print("|".join(c.text for c in row.cells))


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    dump_xlsx(path) if kind == "xlsx" else dump_docx(path)
