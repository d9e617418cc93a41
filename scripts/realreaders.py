#!/usr/bin/python3
"""Reads what duban wrote with programs nobody here wrote, and checks they all agree.

usage:
  realreaders.py report REPORT.xlsx STDOUT.txt AS_OF CSV_DIR PDF
  realreaders.py checkfile CHECK.xlsx REPORT.xlsx
  realreaders.py template TEMPLATE.xlsx PDF

report: openpyxl, pandas and LibreOffice (one CSV per sheet in CSV_DIR) must read the same value
in every cell of every sheet; 汇总's two tables (督查事项 with 按期办结率, and 建议提案, SPEC §7,
§9.5) must equal the tables and narrative duban printed on stdout and the figures recomputed from
事项明细, which lists the 建议提案 too (its rows = 合计 事项数 + 建议提案 件数); 逾期事项 must hold
exactly the 逾期 items of 事项明细 (建议提案 included) with 逾期天数 = AS_OF − 完成时限; the XML
must have sorted <col> entries, no formulas, valid sheet names and few cell styles; the PDF
LibreOffice printed must be A4 landscape with 汇总 on one page, and no labelled column dropped: a
sheet too wide for one page prints in parts, consecutive pages of the same rows each repeating the
key columns, every label on some page of each row range and every row in exactly one range.
checkfile: the clerk's check file (SPEC §7) holds 报送情况, 校验问题 and 事项明细 with 来源, openpyxl
and pandas agree on every cell, and its 事项明细 holds exactly the report's items.
template: openpyxl and pandas read every sheet; the XML checks; every page A4 and all the text of
the instructions sheet printed (nothing cut off at the page edge).

Prints one line per failed check (FAIL: …) and ends with `N passed, M failed`; exits 1 on failure.
"""
import csv
import datetime as dt
import math
import os
import re
import subprocess
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
import pandas as pd

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
SUMMARY = "汇总"
OVERDUE = "逾期事项"
DETAIL = "事项明细"
SUMMARY_COLS = ["类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "落实率", "按期办结率"]
SUMMARY_INTS = SUMMARY_COLS[1:8]
# 建议提案 (SPEC §9.5): their own table on 汇总, not in the 督查事项 合计.
SUGGEST_COLS = ["类别", "件数", "已办复", "办复率", "A类", "B类", "C类", "D类", "满意", "基本满意", "不满意", "满意率"]
SUGGEST_INTS = ["件数", "已办复", "A类", "B类", "C类", "D类", "满意", "基本满意", "不满意"]
OVERDUE_COLS = ["序号", "类别", "会议", "事项内容", "牵头单位", "责任领导", "完成时限", "逾期天数",
                "落实状态", "进展情况"]
# What identifies an item across the report's sheets (the report carries no 来源: that is in the
# clerk's check file, SPEC §7).
ITEM_KEY = ["类别", "会议", "事项内容", "牵头单位"]
MAX_CELL_STYLES = 100

failures = []
passed = 0
label = ""


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL: {label}: {what}")
    return ok


def squash(s):
    return re.sub(r"\s+", "", str(s))


# ---------------------------------------------------------------------------------------------
# One canonical form per cell, so the three readers can be compared: a CSV has no types, so a
# number and a text that reads as that number are the same, and so are a date and its ISO text.

NUM = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")


def canon(v):
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        if (v.hour, v.minute, v.second) == (0, 0, 0):
            return "d:" + v.strftime("%Y-%m-%d")
        return "t:" + v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return "d:" + v.strftime("%Y-%m-%d")
    if isinstance(v, bool):
        return "b:" + str(v).upper()
    if isinstance(v, (int, float)):
        return "n:" + format(float(v), ".12g")
    s = str(v).replace("\r\n", "\n")
    if s == "":
        return ""
    if NUM.match(s):
        return "n:" + format(float(s), ".12g")
    if s.endswith("%") and NUM.match(s[:-1]):
        return "n:" + format(float(s[:-1]) / 100, ".12g")
    m = ISO_DATE.match(s)
    if m:
        return "d:" + "-".join(m.groups())
    if s in ("TRUE", "FALSE"):
        return "b:" + s
    return "s:" + s


def trim(grid):
    grid = [list(r) for r in grid]
    for r in grid:
        while r and r[-1] == "":
            r.pop()
    while grid and not grid[-1]:
        grid.pop()
    return grid


def grid_openpyxl(ws):
    return trim([[canon(v) for v in row] for row in ws.iter_rows(values_only=True)])


def grid_pandas(df, first_row):
    # pandas drops the empty rows above the first used row; put them back.
    rows = [[] for _ in range(first_row - 1)]
    rows += [[canon(v) for v in row] for row in df.itertuples(index=False, name=None)]
    return trim(rows)


def grid_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return trim([[canon(v) for v in row] for row in csv.reader(f)])


def compare_grids(sheet, name_a, a, name_b, b):
    diffs = []
    for r in range(max(len(a), len(b))):
        ra = a[r] if r < len(a) else []
        rb = b[r] if r < len(b) else []
        for c in range(max(len(ra), len(rb))):
            va = ra[c] if c < len(ra) else ""
            vb = rb[c] if c < len(rb) else ""
            if va != vb:
                diffs.append(f"{openpyxl.utils.get_column_letter(c + 1)}{r + 1}: {name_a} {va!r} ≠ {name_b} {vb!r}")
    check(not diffs, f"{sheet}: {name_a} and {name_b} read different values ({len(diffs)} cells): "
          + "; ".join(diffs[:5]))
    return not diffs


def load_openpyxl(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path)
    for w in caught:
        print(f"note: {label}: openpyxl warns: {w.message}")
    return wb


def load_pandas(path):
    try:
        return pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    except Exception as e:  # noqa: BLE001 — any exception is the finding
        check(False, f"pandas cannot read the workbook: {type(e).__name__}: {e}")
        return {}


# ---------------------------------------------------------------------------------------------
# XML facts, read from the zip without any spreadsheet library.

BAD_SHEET_CHARS = set(':\\/?*[]')


def check_xml(path, formulas_allowed):
    z = zipfile.ZipFile(path)
    check(z.testzip() is None, "zip entries pass their checksums")
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    names = [s.get("name") for s in wbx.findall("m:sheets/m:sheet", NS)]
    for n in names:
        check(0 < len(n) <= 31 and not (set(n) & BAD_SHEET_CHARS) and n[0] != "'" and n[-1] != "'",
              f"sheet name {n!r} is valid in Excel (1–31 characters, none of :\\/?*[], no edge ')")
    check(len({n.lower() for n in names}) == len(names), f"sheet names are unique: {names}")
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    parts = []
    for s in wbx.findall("m:sheets/m:sheet", NS):
        t = target[s.get(rid)].lstrip("/")
        part = t if t.startswith("xl/") else "xl/" + t
        root = ET.fromstring(z.read(part))
        sv = root.find("m:sheetViews/m:sheetView", NS)
        parts.append(sv if sv is not None else ET.Element("sheetView"))
        cols = [(int(c.get("min")), int(c.get("max"))) for c in root.findall("m:cols/m:col", NS)]
        ok = all(lo <= hi for lo, hi in cols) and all(cols[i][1] < cols[i + 1][0] for i in range(len(cols) - 1))
        check(ok, f"{s.get('name')}: <col> entries sorted by min and not overlapping: {cols}")
        if not formulas_allowed:
            nf = len(root.findall(".//m:f", NS))
            check(nf == 0, f"{s.get('name')}: no <f> formula elements (found {nf})")
    styles = ET.fromstring(z.read("xl/styles.xml"))
    xfs = styles.find("m:cellXfs", NS)
    n = len(xfs) if xfs is not None else 0
    check(n < MAX_CELL_STYLES, f"styles are reused: {n} cellXfs (want < {MAX_CELL_STYLES})")
    # A <font> without <name>/<sz> is left to each program's default: LibreOffice prints such cells
    # in a serif face beside the Calibri ones, at its own default size.
    fonts = styles.findall("m:fonts/m:font", NS)
    bare = [i for i, f in enumerate(fonts) if f.find("m:name", NS) is None or f.find("m:sz", NS) is None]
    check(not bare, f"every font in styles.xml names its typeface and size (fonts {bare} of {len(fonts)} do not)")
    # Exactly one selected tab, the active one: otherwise Excel opens with sheets grouped.
    view = wbx.find("m:bookViews/m:workbookView", NS)
    active = int(view.get("activeTab", "0")) if view is not None else 0
    selected = [i for i, p in enumerate(parts) if p.get("tabSelected") in ("1", "true")]
    check(selected == [active], f"the active sheet ({names[active]}) is the only selected tab: {selected}")
    print(f"info: {label}: {len(names)} sheets, {n} cell styles (cellXfs)")
    return names


# ---------------------------------------------------------------------------------------------
# The PDF LibreOffice printed.

def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
    sizes = [tuple(float(x) for x in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    texts = []
    for p in range(1, len(sizes) + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                           capture_output=True, text=True, check=True).stdout
        texts.append(squash(t))
    return sizes, texts


def pdf_layout_texts(pdf):
    """Per page, the text in pdftotext's layout order (each printed line left to right), squashed."""
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return [squash(p) for p in out.split("\f")]


def is_a4(w, h, landscape=None):
    a, b = 841.89, 595.28
    land = abs(w - a) < 2 and abs(h - b) < 2
    port = abs(w - b) < 2 and abs(h - a) < 2
    return land if landscape is True else port if landscape is False else land or port


def sheet_starts(wb, texts):
    """The page each sheet starts on, found by a text of the sheet's first rows seen nowhere earlier."""
    starts = {}
    seen_strings = set()
    page = 0
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        marks = []
        for row in ws.iter_rows(max_row=3, values_only=True):
            marks += [squash(v) for v in row if isinstance(v, str) and len(squash(v)) >= 4]
        marks = [m for m in marks if not any(m in s for s in seen_strings)]
        found = None
        for m in marks:
            for p in range(page, len(texts)):
                if m in texts[p]:
                    found = p
                    break
            if found is not None:
                break
        check(found is not None, f"{ws.title}: found its first page in the PDF (by {marks[:1]})")
        if found is None:
            return None
        starts[ws.title] = found
        page = found
        for row in ws.iter_rows(values_only=True):
            seen_strings.update(squash(v) for v in row if isinstance(v, str))
    return starts


def page_ranges(starts, n):
    names = list(starts)
    return {s: range(starts[s], starts[names[i + 1]] if i + 1 < len(names) else n) for i, s in enumerate(names)}


# ---------------------------------------------------------------------------------------------
# report

def find_header(rows, must):
    for i, row in enumerate(rows):
        labels = [squash(v) if v is not None else "" for v in row]
        if all(m in labels for m in must):
            return i, {l: j for j, l in enumerate(labels) if l}
    return None, None


def stdout_table(lines, first, ints):
    """The rows of a table duban printed under the header whose first words are `first`: name →
    the integers (a blank first one is None when the row has one fewer), then the percentages (a
    blank last one is None). Stops after 合计."""
    start = next((i for i, l in enumerate(lines) if l.split()[:len(first)] == first), None)
    if start is None:
        return None
    table = {}
    for l in lines[start + 1:]:
        f = l.split()
        if not f:
            break
        nums = [x for x in f[1:] if not x.endswith("%")]
        pcts = [x for x in f[1:] if x.endswith("%")]
        if not all(x.isdigit() for x in nums) or len(nums) not in (ints - 1, ints) or not 1 <= len(pcts) <= 2:
            break
        vals = [int(x) for x in nums]
        if len(vals) < ints:
            vals = [None] + vals
        table[f[0]] = vals + pcts + [None] * (2 - len(pcts))
        if f[0] == "合计":
            break
    return table


def parse_stdout(text):
    """duban's own view: the category table, the 建议提案 table, the 按期办结率 line and the narrative."""
    lines = text.splitlines()
    table = stdout_table(lines, ["类别", "会议次数"], len(SUMMARY_INTS))
    suggest = stdout_table(lines, ["类别", "件数"], len(SUGGEST_INTS))
    m = next((re.match(r"按期办结率([\d.]+%)（按期办结(\d+)项，应办结(\d+)项）", l) for l in lines
              if l.startswith("按期办结率")), None)
    on_time = (m.group(1), int(m.group(2)), int(m.group(3))) if m else None
    narrative = next((l.strip() for l in lines if l.startswith("截至")), None)
    return table, suggest, on_time, narrative


def read_table(rows, hi, col, cols):
    """The rows of a table on 汇总 under its header row hi, up to and including 合计: name → {column: value}."""
    table = {}
    for row in rows[hi + 1:]:
        name = row[col[cols[0]]]
        if name is None:
            break
        table[squash(name)] = {c: row[col[c]] for c in cols[1:]}
        if squash(name) == "合计":
            break
    return table


def compare_stdout_rows(what, book, table, cols, ints, rates):
    """Each row of a table on 汇总 equals the row duban printed: the integers as integers, each rate
    the exact ratio of its two columns and shown as stdout's percentage."""
    pct_cols = [c for c in cols if c not in ints]
    for name, vals in book.items():
        if table is None or name not in table:
            continue
        sv = dict(zip(ints + pct_cols, table[name]))
        for c in ints:
            bv = vals[c]
            check(bv == sv[c] and (bv is None or type(bv) is int), f"{what} {name} {c}: workbook {bv!r} = stdout {sv[c]!r}")
        for c in pct_cols:
            bv = vals[c]
            check(bv is None and sv[c] is None or is_rate(bv) and sv[c] == half_up_pct(bv),
                  f"{what} {name} {c} {bv!r} shows as stdout's {sv[c]}")
        for c, num, den in rates:
            rate, n, d = vals[c], vals[num], vals[den]
            check(is_rate(rate) and d and abs(rate - n / d) < 1e-12, f"{what} {name} {c} {rate!r} = {n}/{d}")


def is_rate(v):
    """A rate cell holds a number (1 for 100% is stored as the integer 1)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1


def result_class(text):
    """The class A–D of a 办理结果 (SPEC §9.5) as 事项明细 shows it: the letter, or its words."""
    t = text.upper()
    if t[:1] in "ABCD":
        return t[:1]
    for cls, words in (("A", ("已解决", "采纳")), ("B", ("正在解决", "列入计划")), ("C", ("列入规划", "逐步解决")),
                       ("D", ("留作参考", "不能解决"))):
        if any(w in text for w in words):
            return cls
    return "?" + text


def check_on_time(name, rate, in_time, due):
    """按期办结率 on 汇总 = 按期办结 / 应办结 recomputed from 事项明细; blank when nothing is due."""
    if due == 0:
        check(rate is None, f"{SUMMARY} {name} 按期办结率 {rate!r} blank when 应办结 is 0")
    else:
        check(is_rate(rate) and abs(rate - in_time / due) < 1e-12,
              f"{SUMMARY} {name} 按期办结率 {rate!r} = 按期办结 {in_time} / 应办结 {due} recomputed from {DETAIL}")


def half_up_pct(x):
    # one decimal of a percentage, half-up, on the exact ratio (SPEC §7.9)
    return f"{math.floor(x * 1000 + 0.5 + 1e-9) / 10:.1f}%"


def check_report(xlsx, stdout_path, as_of, csv_dir, pdf):
    as_of = dt.date.fromisoformat(as_of)
    names = check_xml(xlsx, formulas_allowed=False)
    wb = load_openpyxl(xlsx)
    check(wb.sheetnames[:1] == [SUMMARY], f"the workbook opens on {SUMMARY}: {wb.sheetnames}")
    frames = load_pandas(xlsx)
    check(sorted(frames) == sorted(names), f"pandas reads every sheet: {sorted(frames)}")
    base = os.path.splitext(os.path.basename(xlsx))[0]

    # Three readers, every cell of every sheet.
    for ws in wb.worksheets:
        og = grid_openpyxl(ws)
        first = next((i + 1 for i, r in enumerate(og) if r), 1)
        if ws.title in frames:
            compare_grids(ws.title, "openpyxl", og, "pandas", grid_pandas(frames[ws.title], first))
        csv_path = os.path.join(csv_dir, f"{base}-{ws.title}.csv")
        if check(os.path.exists(csv_path), f"{ws.title}: LibreOffice exported it as CSV ({csv_path})"):
            compare_grids(ws.title, "openpyxl", og, "LibreOffice", grid_csv(csv_path))

    # 汇总 against stdout and against 事项明细.
    sm = [list(r) for r in wb[SUMMARY].iter_rows(values_only=True)]
    hi, col = find_header(sm, SUMMARY_COLS)
    if not check(hi is not None, f"{SUMMARY}: header row {SUMMARY_COLS}"):
        return
    book = read_table(sm, hi, col, SUMMARY_COLS)
    si, scol = find_header(sm, SUGGEST_COLS)
    suggest_book = read_table(sm, si, scol, SUGGEST_COLS) if si is not None else {}
    with open(stdout_path, encoding="utf-8") as f:
        out = f.read()
    table, suggest, on_time, narrative = parse_stdout(out)
    check(bool(table), "stdout has the category table")
    check(list(book) == list(table or {}), f"{SUMMARY} and stdout list the same categories in the same order: "
          f"{list(book)} vs {list(table or {})}")
    compare_stdout_rows(SUMMARY, book, table, SUMMARY_COLS[1:], SUMMARY_INTS, [("落实率", "已落实", "事项数")])
    check(list(suggest_book) == list(suggest or {}),
          f"{SUMMARY}'s 建议提案 table and stdout's list the same categories: {list(suggest_book)} vs {list(suggest or {})}")
    compare_stdout_rows(SUMMARY + " 建议提案", suggest_book, suggest, SUGGEST_COLS[1:], SUGGEST_INTS,
                        [("办复率", "已办复", "件数")])
    for name, v in suggest_book.items():
        check(v["已办复"] <= v["件数"] and v["A类"] + v["B类"] + v["C类"] + v["D类"] <= v["已办复"]
              and v["满意"] + v["基本满意"] + v["不满意"] <= v["已办复"],
              f"{SUMMARY} 建议提案 {name}: 已办复 ≤ 件数, and the 办理结果 and 满意度 counts within 已办复: {v}")
        rated = v["满意"] + v["基本满意"] + v["不满意"]
        want = (v["满意"] + v["基本满意"]) / rated if rated else None
        check(want is None and v["满意率"] is None or want is not None and abs(v["满意率"] - want) < 1e-12,
              f"{SUMMARY} 建议提案 {name} 满意率 {v['满意率']!r} = (满意 + 基本满意) / 填写满意度 {want!r}")
    for name, tab in ((SUMMARY, book), (SUMMARY + " 建议提案", suggest_book)):
        names = [n for n in tab if n != "合计"]
        if tab:
            sums = {c: sum(tab[n][c] for n in names) for c in tab["合计"] if c not in ("会议次数",) and c in
                    SUMMARY_INTS + SUGGEST_INTS}
            check(all(tab["合计"][c] == v for c, v in sums.items()), f"{name} 合计 adds up the rows: {sums} vs {tab['合计']}")
    rate_cells = [c for r in wb[SUMMARY].iter_rows(min_row=hi + 2, max_row=hi + 1 + len(book),
                                                    min_col=col["落实率"] + 1, max_col=col["按期办结率"] + 1) for c in r]
    check(all("%" in c.number_format for c in rate_cells),
          f"{SUMMARY} 落实率 and 按期办结率 cells formatted as percentages: {sorted({c.number_format for c in rate_cells})}")
    cells = [squash(v) for r in sm for v in r if isinstance(v, str)]
    check(narrative is not None and squash(narrative) in cells,
          f"{SUMMARY} holds the narrative printed on stdout: {narrative!r:.60}")
    suggested = sum(v["件数"] for n, v in suggest_book.items() if n == "合计")
    total = book.get("合计", {})
    m = re.search(r"行数核对：读取(\d+)行 = 明细(\d+)项 \+ 重复合并(\d+)行 \+ 错误排除(\d+)行", out)
    if check(m is not None, "stdout ends with the row-count proof"):
        n, items, dup, bad = map(int, m.groups())
        check(n == items + dup + bad, f"row-count proof adds up: {m.group(0)}")
        check(total.get("事项数", 0) + suggested == items,
              f"合计 事项数 {total.get('事项数')} + 建议提案 件数 {suggested} = 明细{items}项")

    # 事项明细 recomputed independently.
    dr = [list(r) for r in wb[DETAIL].iter_rows(values_only=True)]
    di, dcol = find_header(dr, ["类别", "会议", "落实状态", "预警"])
    if not check(di is not None, f"{DETAIL}: header row"):
        return
    check("来源" not in dcol, f"{DETAIL}: the report for the leaders has no 来源 column (it is in the check file)")
    detail = [r for r in dr[di + 1:] if r[dcol["序号"]] is not None]
    check(len(detail) == total.get("事项数", 0) + suggested,
          f"{DETAIL} has {len(detail)} rows = 合计 事项数 {total.get('事项数')} + 建议提案 件数 {suggested}")
    agg = {}
    due, in_time = {}, {}
    for r in detail:
        cat = squash(r[dcol["类别"]])
        a = agg.setdefault(cat, {"m": set(), "n": 0, "已落实": 0, "推进中": 0, "未启动": 0, "逾期": 0, "临期": 0,
                                 "A": 0, "B": 0, "C": 0, "D": 0})
        a["m"].add(r[dcol["会议"]])
        a["n"] += 1
        a[r[dcol["落实状态"]]] = a.get(r[dcol["落实状态"]], 0) + 1
        if r[dcol["预警"]] in ("逾期", "临期"):
            a[r[dcol["预警"]]] += 1
        result = squash(r[dcol["办理结果"]]) if "办理结果" in dcol and r[dcol["办理结果"]] is not None else ""
        if result:
            a[result_class(result)] = a.get(result_class(result), 0) + 1
        # 按期办结率 (SPEC §7): 应办结 = a deadline, and past or 已落实; 按期 = 已落实 by the deadline.
        dl, done = r[dcol["完成时限"]], r[dcol["落实状态"]] == "已落实"
        if isinstance(dl, dt.datetime) and (dl.date() < as_of or done):
            due[cat] = due.get(cat, 0) + 1
            fin = r[dcol["完成日期"]]
            if done and isinstance(fin, dt.datetime) and fin <= dl:
                in_time[cat] = in_time.get(cat, 0) + 1
    for name, vals in book.items():
        if name == "合计":
            continue
        a = agg.get(name)
        if not check(a is not None, f"{SUMMARY} category {name} occurs in {DETAIL}"):
            continue
        want = [len(a["m"]) if vals["会议次数"] is not None else None, a["n"], a["已落实"], a["推进中"], a["未启动"],
                a["逾期"], a["临期"]]
        got = [vals[c] for c in SUMMARY_INTS]
        check(got == want, f"{SUMMARY} {name} {got} = recomputed from {DETAIL} {want}")
        check_on_time(name, vals["按期办结率"], in_time.get(name, 0), due.get(name, 0))
    for name, vals in suggest_book.items():
        if name == "合计":
            continue
        a = agg.get(name)
        if not check(a is not None, f"{SUMMARY} 建议提案 {name} occurs in {DETAIL}"):
            continue
        want = [a["n"], a["已落实"], a["A"], a["B"], a["C"], a["D"]]
        got = [vals[c] for c in ["件数", "已办复", "A类", "B类", "C类", "D类"]]
        check(got == want, f"{SUMMARY} 建议提案 {name} 件数, 已办复, A–D类 {got} = recomputed from {DETAIL} {want}")
    regular = [n for n in book if n != "合计"]
    check_on_time("合计", total.get("按期办结率"), sum(in_time.get(n, 0) for n in regular),
                  sum(due.get(n, 0) for n in regular))
    if check(on_time is not None, "stdout has the line 按期办结率x%（按期办结N项，应办结M项）"):
        want = (sum(in_time.get(n, 0) for n in regular), sum(due.get(n, 0) for n in regular))
        check(on_time[1:] == want and on_time[0] == half_up_pct(want[0] / want[1]) if want[1] else False,
              f"stdout's 按期办结率 {on_time} = recomputed from {DETAIL} (按期办结, 应办结) {want}")
    check(set(agg) == set(book) - {"合计"} | set(suggest_book) - {"合计"},
          f"{SUMMARY}'s two tables list every category of {DETAIL}: {sorted(agg)}")

    # 逾期事项: exactly the 逾期 items of 事项明细, days recomputed, most overdue first.
    orows = [list(r) for r in wb[OVERDUE].iter_rows(values_only=True)]
    oi, ocol = find_header(orows, OVERDUE_COLS)
    if not check(oi is not None, f"{OVERDUE}: header row {OVERDUE_COLS}"):
        return
    over = [r for r in orows[oi + 1:] if r[ocol["序号"]] is not None]
    late_suggest = sum(agg[n]["逾期"] for n in suggest_book if n in agg)
    check(len(over) == total.get("逾期", 0) + late_suggest,
          f"{OVERDUE} has {len(over)} rows = 合计 逾期 {total.get('逾期')} + overdue 建议提案 {late_suggest}")
    def key(r, col):
        return tuple(squash(r[col[k]]) for k in ITEM_KEY)
    want = sorted(key(r, dcol) for r in detail if r[dcol["预警"]] == "逾期")
    check(sorted(key(r, ocol) for r in over) == want, f"{OVERDUE} holds the 逾期 items of {DETAIL}")
    days = []
    for r in over:
        due, d = r[ocol["完成时限"]], r[ocol["逾期天数"]]
        ok = isinstance(due, dt.datetime) and type(d) is int and d == (as_of - due.date()).days and d > 0
        check(ok, f"{OVERDUE} 序号{r[ocol['序号']]}: 逾期天数 {d!r} = {as_of} − 完成时限 {due!r}")
        check(r[ocol["落实状态"]] != "已落实", f"{OVERDUE} 序号{r[ocol['序号']]} is not 已落实")
        days.append(d if type(d) is int else 0)
    check(days == sorted(days, reverse=True), f"{OVERDUE} most days overdue first")
    check([r[ocol["序号"]] for r in over] == list(range(1, len(over) + 1)), f"{OVERDUE} 序号 runs 1..{len(over)}")

    # Print: A4 landscape everywhere, 汇总 on one page, no labelled column dropped.
    sizes, texts = pdf_pages(pdf)
    check(sizes and all(is_a4(w, h, landscape=True) for w, h in sizes),
          f"every PDF page is A4 landscape (842×595 pt): the report fits A4 (SPEC §7): {sorted(set(sizes))}")
    starts = sheet_starts(wb, texts)
    if starts is None:
        return
    ranges = page_ranges(starts, len(texts))
    print(f"info: {label}: {len(texts)} PDF pages: " + ", ".join(f"{s} {len(r)}" for s, r in ranges.items()))
    first = texts[ranges[SUMMARY][0]]
    missing = [c for c in SUMMARY_COLS + list(book) if c not in first]
    check(not missing, f"{SUMMARY}: the first printed page holds every column and row of the table; missing {missing}")
    summary_text = "".join(texts[p] for p in ranges[SUMMARY])
    cut = [s for s in cells if s not in summary_text]
    check(not cut, f"{SUMMARY}: every text on the sheet is printed in full; not found in the PDF: {cut[:3]}")
    check(is_a4(*sizes[ranges[SUMMARY][0]], landscape=True), f"{SUMMARY} prints on A4 landscape")
    check(len(ranges[SUMMARY]) == 1, f"{SUMMARY} prints on one page (it prints on {len(ranges[SUMMARY])}: "
          "the last holds " + repr(texts[ranges[SUMMARY][-1]][:60]) + "…)")
    words = pdf_words(pdf)
    for ws in wb.worksheets:
        if ws.title in ranges:
            check_columns_printed(ws, [p for p in ranges[ws.title]], texts, words)


def pdf_words(pdf):
    """Per page, the words LibreOffice printed with their boxes: (xMin, yMin, xMax, yMax, text)."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        pages.append([(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def printed_rows(words, first, second):
    """The 序号 printed on a page: the whole numbers in the column of the header word `first`, left
    of the middle between it and the next column's header `second`, below the header."""
    head = [w for w in words if w[4] == first]
    nxt = [w for w in words if w[4] == second]
    if not head or not nxt:
        return None
    h, n = head[0], min(nxt, key=lambda w: abs(w[1] - head[0][1]))
    edge = (h[2] + n[0]) / 2
    return frozenset(int(w[4]) for w in words if w[4].isdigit() and w[1] > h[3] and (w[0] + w[2]) / 2 < edge)


def check_columns_printed(ws, pages, texts, words):
    """SPEC §7: every sheet fits A4 and never drops a labelled column. A list too wide for one page
    prints in parts: pages holding the same rows are one row range, consecutive, each repeating the
    key columns (the print titles, 序号…事项内容); every labelled column is on some page of each range,
    and every row is printed in exactly one range. A sheet that fits is one page wide: each of its
    pages is a range of its own."""
    rows = [list(r) for r in ws.iter_rows(max_row=6, values_only=True)]
    hi = next((i for i, r in enumerate(rows) if sum(isinstance(v, str) for v in r) >= 3), None)
    if hi is None:
        return
    hdr = rows[hi]
    labels = [squash(v) for v in hdr if isinstance(v, str)]
    key = labels
    titles = ws.print_title_cols
    if titles:
        lo, hi_col = (openpyxl.utils.column_index_from_string(c.strip("$")) for c in titles.split(":"))
        key = [squash(v) for v in hdr[lo - 1:hi_col] if isinstance(v, str)]
    pages = [p for p in pages if labels[0] in texts[p]]
    # Row ranges: consecutive pages printing the same 序号 (a sheet without 序号: one page each).
    groups = []
    for p in pages:
        got = printed_rows(words[p], labels[0], labels[1]) if labels[0] == "序号" else None
        if groups and got and groups[-1][0] == got:
            groups[-1][1].append(p)
        else:
            groups.append((got, [p]))
    bad = [[p + 1 for p in ps] for _, ps in groups if any(l not in "".join(texts[p] for p in ps) for l in labels)]
    check(not bad, f"{ws.title}: every labelled column {labels} is printed for every row range "
          f"(pages {bad[:5]} miss some: {[l for l in labels if bad and l not in ''.join(texts[p - 1] for p in bad[0])]})")
    bare = [p + 1 for p in pages if any(k not in texts[p] for k in key)]
    check(not bare, f"{ws.title}: every page repeats the key columns {key} (pages {bare[:10]} do not)")
    if labels[0] != "序号":
        return
    n = sum(1 for r in ws.iter_rows(min_row=hi + 2, max_col=1, values_only=True) if type(r[0]) is int)
    seen = [r for got, _ in groups for r in (got or ())]
    check(sorted(seen) == list(range(1, n + 1)),
          f"{ws.title}: rows 1..{n} each printed in exactly one row range of {len(groups)} "
          f"(missing {sorted(set(range(1, n + 1)) - set(seen))[:10]}, "
          f"twice {sorted(r for r in set(seen) if seen.count(r) > 1)[:10]})")
    parts = sorted({len(ps) for _, ps in groups})
    print(f"info: {label}: {ws.title}: {len(groups)} row ranges printed in {parts} parts")


# ---------------------------------------------------------------------------------------------
# the clerk's check file (SPEC §7)

CHECK_SHEETS = ["报送情况", "校验问题", "事项明细"]


def check_checkfile(xlsx, report):
    names = check_xml(xlsx, formulas_allowed=False)
    wb = load_openpyxl(xlsx)
    frames = load_pandas(xlsx)
    check(sorted(frames) == sorted(names), f"pandas reads every sheet: {sorted(frames)}")
    check(all(n in wb.sheetnames for n in CHECK_SHEETS), f"the check file holds {CHECK_SHEETS}: {wb.sheetnames}")
    for ws in wb.worksheets:
        if ws.title in frames:
            og = grid_openpyxl(ws)
            first = next((i + 1 for i, r in enumerate(og) if r), 1)
            compare_grids(ws.title, "openpyxl", og, "pandas", grid_pandas(frames[ws.title], first))
    if DETAIL not in wb.sheetnames:
        return
    cr = [list(r) for r in wb[DETAIL].iter_rows(values_only=True)]
    ci, ccol = find_header(cr, ITEM_KEY + ["来源"])
    if not check(ci is not None, f"check file {DETAIL}: header row with 来源"):
        return
    checked = [r for r in cr[ci + 1:] if r[ccol["序号"]] is not None]
    check(all(r[ccol["来源"]] for r in checked), f"check file {DETAIL}: every item names its 来源")
    rw = load_openpyxl(report)
    rr = [list(r) for r in rw[DETAIL].iter_rows(values_only=True)]
    ri, rcol = find_header(rr, ITEM_KEY)
    if not check(ri is not None, f"report {DETAIL}: header row"):
        return
    items = [r for r in rr[ri + 1:] if r[rcol["序号"]] is not None]
    check(sorted(tuple(squash(r[rcol[k]]) for k in ITEM_KEY) for r in items)
          == sorted(tuple(squash(r[ccol[k]]) for k in ITEM_KEY) for r in checked),
          f"the check file's {DETAIL} holds exactly the report's {len(items)} items")


# ---------------------------------------------------------------------------------------------
# template

def check_template(xlsx, pdf):
    names = check_xml(xlsx, formulas_allowed=True)
    wb = load_openpyxl(xlsx)
    frames = load_pandas(xlsx)
    check(sorted(frames) == sorted(names), f"pandas reads every sheet: {sorted(frames)}")
    for ws in wb.worksheets:
        if ws.title in frames:
            og = grid_openpyxl(ws)
            first = next((i + 1 for i, r in enumerate(og) if r), 1)
            compare_grids(ws.title, "openpyxl", og, "pandas", grid_pandas(frames[ws.title], first))
    sizes, texts = pdf_pages(pdf)
    check(sizes and all(is_a4(w, h) for w, h in sizes), f"every PDF page is A4: {sizes}")
    starts = sheet_starts(wb, texts)
    if starts is None:
        return
    ranges = page_ranges(starts, len(texts))
    print(f"info: {label}: {len(texts)} PDF pages: " + ", ".join(f"{s} {len(r)}" for s, r in ranges.items()))
    # pdftotext's reading order splits a line at a wide gap (填报单位：…　　类别、…) and puts the
    # column labels below between its parts; its layout order keeps each printed line whole but
    # interleaves wrapped cells. A text printed in full reads whole in one of the two.
    layout = pdf_layout_texts(pdf)
    for ws in wb.worksheets:
        if ws.title not in ranges:
            continue
        printed = "".join(texts[p] for p in ranges[ws.title])
        printed_lines = "".join(layout[p] for p in ranges[ws.title])
        strings = [squash(v) for r in ws.iter_rows(values_only=True) for v in r if isinstance(v, str)]
        cut = [s for s in strings if s not in printed and s not in printed_lines]
        check(not cut, f"{ws.title}: every text on the sheet is printed in full; not found in the PDF: "
              + "; ".join(s[:50] for s in cut[:3]))
    if "台账" in ranges:
        land = [p + 1 for p in ranges["台账"] if not is_a4(*sizes[p], landscape=True)]
        check(not land, f"台账 prints A4 landscape (pages {land} are not)")


def main():
    global label
    if len(sys.argv) >= 2 and sys.argv[1] == "report" and len(sys.argv) == 7:
        label = os.path.basename(sys.argv[2])
        check_report(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "checkfile" and len(sys.argv) == 4:
        label = os.path.basename(sys.argv[2])
        check_checkfile(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "template" and len(sys.argv) == 4:
        label = os.path.basename(sys.argv[2])
        check_template(*sys.argv[2:])
    else:
        sys.exit(__doc__)
    print(f"{label}: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
