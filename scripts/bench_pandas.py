"""The pandas equivalent of `duban report`, for scripts/bench.sh: read each workbook with
read_excel (openpyxl), find the header row, concatenate, count statuses per category and
per unit, and write the result with to_excel. Usage: bench_pandas.py OUT.xlsx DIR"""
import glob
import os
import sys

import pandas as pd

ALIASES = {"事项内容": ["事项内容", "议定事项", "工作任务", "任务内容", "督办事项", "批示内容", "工作事项", "具体事项"],
           "落实状态": ["落实状态", "办理状态", "完成情况", "办理情况", "状态", "进度状态"],
           "类别": ["类别", "事项类别", "会议类型", "来源类别", "事项来源", "督办类型"],
           "牵头单位": ["牵头单位", "责任单位", "承办单位", "主办单位"]}
CANON = {a: c for c, al in ALIASES.items() for a in al}


def read(path):
    raw = pd.read_excel(path, header=None, dtype=str)
    for i in range(min(10, len(raw))):
        names = [str(v).replace(" ", "").replace("\n", "").lstrip("*＊") for v in raw.iloc[i]]
        if sum(n in CANON for n in names) >= 2:
            df = raw.iloc[i + 1:].copy()
            df.columns = [CANON.get(n, n) for n in names]
            df = df.loc[:, ~df.columns.duplicated()]
            return df.dropna(subset=["事项内容"])
    return pd.DataFrame()


def main():
    out, folder = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(folder, "**", "*.xlsx"), recursive=True))
    all_rows = pd.concat([read(f) for f in files], ignore_index=True)
    by_cat = all_rows.groupby(["类别", "落实状态"]).size().unstack(fill_value=0)
    by_unit = all_rows.groupby(["牵头单位", "落实状态"]).size().unstack(fill_value=0)
    with pd.ExcelWriter(out) as w:
        by_cat.to_excel(w, sheet_name="汇总")
        by_unit.to_excel(w, sheet_name="单位统计")
        all_rows.to_excel(w, sheet_name="事项明细", index=False)
    print(f"pandas: {len(files)} files, {len(all_rows)} rows")


if __name__ == "__main__":
    main()
