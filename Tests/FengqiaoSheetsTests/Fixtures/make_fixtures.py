#!/usr/bin/env python3
"""Generates the fixture files of FengqiaoSheetsTests. Run once; the outputs are committed.

    python3 -m pip install openpyxl xlsxwriter   # openpyxl 3.1.5, XlsxWriter 3.3.1 were used
    python3 make_fixtures.py

- openpyxl_residents.xlsx: written by openpyxl (inline strings, as openpyxl 3.1 writes them): a rich-text
  cell, 13800138000 stored as a number, an empty column in the middle (C), a date cell, a float, a boolean, a
  formula without cached value, and a second sheet.
- xlsxwriter_residents.xlsx: written by XlsxWriter (pandas' default engine), which uses shared strings like
  Excel: a rich-text shared string, 13800138000 as a number, an empty column in the middle, a date, a formula
  with a cached value, and a second sheet.
- handmade.xlsx: parts written by hand to cover what openpyxl does not write: prefixed element names,
  inline strings, str/b/e cell types, cells without references, "1.3800138E10" number text, a custom Chinese
  date format, _x000D_ escapes, phonetic runs, absolute relationship targets and a chart sheet listed first.
- bomb.xlsx / bomb_lying_size.xlsx: a workbook whose sheet inflates to 20 MB of spaces from ~20 KB; the second
  declares 1,000 bytes in its zip headers (tests read them with a 1 MB budget).
- gbk.csv: Chinese CSV in GB18030/GBK as Chinese Excel saves it, with a quoted comma and a quoted line break.
"""
import datetime
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont


def openpyxl_residents():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "居民"
    ws.append(["姓名", "身份证号", None, "电话", "出生日期", "面积", "党员", "合计", "备注"])
    ws.append(["张三", "11010519491231002X", None, 13800138000, datetime.date(1949, 12, 31), 3.0, True,
               "=1+1", "0012"])
    ws.append(["李四", "110105199001011234", None, "13900139000", datetime.date(1990, 1, 1), 85.5, False,
               None, None])
    rich = CellRichText(TextBlock(InlineFont(b=True), "重点"), "关注对象")
    ws.append([rich, None, None, None, None, None, None, None, "备注 有空格 "])
    ws["H2"] = "=1+1"  # a real formula: openpyxl stores no cached value
    second = wb.create_sheet("统计")
    second.append(["社区", "户数"])
    second.append(["枫桥社区", 1280])
    wb.save("openpyxl_residents.xlsx")


def xlsxwriter_residents():
    wb = xlsxwriter.Workbook("xlsxwriter_residents.xlsx")
    ws = wb.add_worksheet("居民")
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"font_color": "red"})
    date = wb.add_format({"num_format": "yyyy/m/d"})
    ws.write_row(0, 0, ["姓名", "电话", None, "身份证号", "出生日期", "合计"])
    ws.write_row(1, 0, ["张三", 13800138000, None, "11010519491231002X"])
    ws.write_datetime(1, 4, datetime.datetime(1990, 1, 1), date)
    ws.write_formula(1, 5, "=1+1", None, 2)
    ws.write_rich_string(2, 0, bold, "重点", red, "人员", "甲")
    ws.write_string(2, 1, "0012")
    ws.write_number(2, 3, 1.5)
    ws.write_string(3, 0, "张三")  # repeated: the same shared string index as A2
    second = wb.add_worksheet("统计")
    second.write_row(0, 0, ["社区", "户数"])
    second.write_row(1, 0, ["枫桥社区", 1280])
    wb.close()


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:sheets>
<x:sheet name="图表" sheetId="2" r:id="rId9"/>
<x:sheet name="数据" sheetId="1" r:id="rId1"/>
</x:sheets>
</x:workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/" TargetMode="External"/>
</Relationships>"""

SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<x:si><x:t>姓名</x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>手机</x:t></x:r><x:r><x:t xml:space="preserve"> 号码</x:t></x:r><x:rPh sb="0" eb="1"><x:t>しゅ</x:t></x:rPh></x:si>
<x:si><x:t>第一行_x000D_
第二行 &amp; &lt;特殊&gt;</x:t></x:si>
<x:si><x:t>王五</x:t></x:si>
</x:sst>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="22"/><xf numFmtId="10"/></cellXfs>
</styleSheet>"""

SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>生日</x:t></x:is></x:c><x:c r="E2" t="inlineStr"><x:is><x:r><x:t>登记</x:t></x:r><x:r><x:t>时间</x:t></x:r></x:is></x:c><x:c r="F2" t="str"><x:f>"比"&amp;"例"</x:f><x:v>比例</x:v></x:c><x:c r="G2" t="inlineStr"><x:is><x:t>说明</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="s"><x:v>3</x:v></x:c><x:c r="B3"><x:v>1.3800138E10</x:v></x:c><x:c r="C3" s="1"><x:v>45413</x:v></x:c><x:c r="E3" s="2"><x:v>45413.5</x:v></x:c><x:c r="F3" s="3"><x:v>0.30000000000000004</x:v></x:c><x:c r="G3" t="s"><x:v>2</x:v></x:c></x:row>
<x:row r="4"/>
<x:row r="5"><x:c r="A5" t="b"><x:v>1</x:v></x:c><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c><x:c r="C5"><x:f>A1</x:f></x:c></x:row>
</x:sheetData>
</x:worksheet>"""


def handmade():
    with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", SHARED)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/worksheets/data.xml", SHEET)


def bomb():
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + " " * (20 * 1024 * 1024) + "</sheetData></worksheet>")
    content_types = CONTENT_TYPES.replace("/xl/worksheets/data.xml", "/xl/worksheets/sheet1.xml")
    workbook = WORKBOOK.replace('<x:sheet name="图表" sheetId="2" r:id="rId9"/>', "")
    rels = WORKBOOK_RELS.replace("/xl/worksheets/data.xml", "worksheets/sheet1.xml")
    with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    data = bytearray(open("bomb.xlsx", "rb").read())
    size = len(sheet).to_bytes(4, "little")
    lie = (1000).to_bytes(4, "little")
    # Local header: uncompressed size at +22; central directory entry: at +24.
    for signature, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + field:start + field + 4] == size:
                data[start + field:start + field + 4] = lie
            start += 4
    open("bomb_lying_size.xlsx", "wb").write(bytes(data))


def gbk_csv():
    text = '姓名,电话,地址\r\n张三,13800138000,北京市朝阳区\r\n朱镕基,,"上海市,浦东新区"\r\n李喆,"010-1234",\r\n王䶮,,"第一行\r\n第二行"\r\n'
    with open("gbk.csv", "wb") as handle:
        handle.write(text.encode("gb18030"))


if __name__ == "__main__":
    openpyxl_residents()
    xlsxwriter_residents()
    handmade()
    bomb()
    gbk_csv()
