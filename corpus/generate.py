#!/usr/bin/env python3
"""Generate the patdex sample corpus (invented patent documents in USPTO XML).

Everything written by this script -- titles, abstracts, descriptions, claims,
names of people, companies, universities, law firms and examiners, and all
document, application and citation numbers -- is invented for the patdex
project.  Only the structure (USPTO Red Book XML, DTD us-patent-grant v4.5 and
us-patent-application v4.4 / v4.5) and the CPC / IPC / USPC classification
symbols are real.

Outputs (next to this file):
  ipg_patdex_sample.xml  grants concatenated like a weekly ipgYYMMDD.xml file
  ipa_patdex_sample.zip  one member, ipa_patdex_sample.xml: the applications

Python 3.11 standard library only.  The output is deterministic: no clock, no
random module, no dict-order or hash-seed dependence (pseudo-random choices are
derived from SHA-256 of fixed strings).  Run:  python3 corpus/generate.py
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import re
import sys
import zipfile

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
GRANT_FILE = "ipg_patdex_sample.xml"
APP_ZIP = "ipa_patdex_sample.zip"
APP_MEMBER = "ipa_patdex_sample.xml"
ZIP_TIME = (2025, 7, 1, 0, 0, 0)

GRANT_DTD = "us-patent-grant-v45-2014-04-03.dtd"
APP_DTD_V44 = "us-patent-application-v44-2014-04-03.dtd"
APP_DTD_V45 = "us-patent-application-v45-2021-08-30.dtd"

D = _dt.date


# --------------------------------------------------------------------------
# deterministic helpers
# --------------------------------------------------------------------------

def hnum(*parts, mod: int) -> int:
    """Deterministic pseudo-random integer in [0, mod)."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % mod


def pick(seq, *parts):
    return seq[hnum(*parts, mod=len(seq))]


def ymd(d: _dt.date) -> str:
    return d.strftime("%Y%m%d")


def ym00(d: _dt.date) -> str:
    return d.strftime("%Y%m") + "00"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    """n-th (1-based) weekday (Mon=0) of a month."""
    first = D(year, month, 1)
    return first + _dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def next_weekday(d: _dt.date, weekday: int) -> _dt.date:
    return d + _dt.timedelta(days=(weekday - d.weekday()) % 7)


def interp(table, d: _dt.date) -> float:
    """Piecewise-linear interpolation of (date, value) anchors."""
    for (d0, v0), (d1, v1) in zip(table, table[1:]):
        if d0 <= d < d1:
            return v0 + (v1 - v0) * (d - d0).days / (d1 - d0).days
    raise ValueError(f"date {d} outside anchor table")


def inverse_interp(table, v: float) -> _dt.date:
    for (d0, v0), (d1, v1) in zip(table, table[1:]):
        if v0 <= v < v1:
            return d0 + _dt.timedelta(days=int((v - v0) / (v1 - v0) * (d1 - d0).days))
    raise ValueError(f"value {v} outside anchor table")


def month_name(d: _dt.date) -> str:
    return ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.",
            "Oct.", "Nov.", "Dec."][d.month - 1] + f" {d.day}, {d.year}"


# approximate first utility patent number issued in a week (real-world ranges,
# used only to make invented numbers plausible for their dates)
GRANT_ANCHORS = [
    (D(1988, 1, 5), 4716000), (D(1990, 1, 2), 4890000), (D(1995, 1, 3), 5377000),
    (D(2000, 1, 4), 6009000), (D(2001, 1, 2), 6167000), (D(2002, 1, 1), 6334000),
    (D(2003, 1, 7), 6502000), (D(2004, 1, 6), 6671000), (D(2005, 1, 4), 6836000),
    (D(2006, 1, 3), 6981000), (D(2007, 1, 2), 7155000), (D(2008, 1, 1), 7313000),
    (D(2009, 1, 6), 7472000), (D(2010, 1, 5), 7640000), (D(2011, 1, 4), 7861000),
    (D(2012, 1, 3), 8087000), (D(2013, 1, 1), 8341000), (D(2014, 1, 7), 8621000),
    (D(2015, 1, 6), 8925000), (D(2016, 1, 5), 9226000), (D(2017, 1, 3), 9532000),
    (D(2018, 1, 2), 9854000), (D(2019, 1, 1), 10165000), (D(2020, 1, 7), 10524000),
    (D(2021, 1, 5), 10881000), (D(2022, 1, 4), 11212000), (D(2023, 1, 3), 11540000),
    (D(2024, 1, 2), 11856000), (D(2025, 1, 7), 12185000), (D(2026, 1, 6), 12520000),
]
DESIGN_ANCHORS = [(D(2005, 1, 4), 499000), (D(2010, 1, 5), 607000), (D(2012, 1, 3), 651000),
                  (D(2015, 1, 6), 719000), (D(2018, 1, 2), 806000), (D(2021, 1, 5), 906000),
                  (D(2024, 1, 2), 1009000), (D(2026, 1, 6), 1100000)]
REISSUE_ANCHORS = [(D(2005, 1, 4), 38600), (D(2010, 1, 5), 41000), (D(2015, 1, 6), 45300),
                   (D(2018, 1, 2), 46700), (D(2020, 1, 7), 47900), (D(2022, 1, 4), 48900),
                   (D(2026, 1, 6), 50600)]
# (first filing date of a series, series code)
SERIES = [(D(1997, 12, 1), 9), (D(2001, 12, 1), 10), (D(2004, 12, 1), 11), (D(2007, 12, 1), 12), (D(2011, 1, 1), 13),
          (D(2013, 12, 20), 14), (D(2015, 12, 20), 15), (D(2018, 1, 5), 16), (D(2020, 1, 1), 17),
          (D(2022, 12, 1), 18), (D(2024, 6, 1), 19), (D(2026, 12, 1), 20)]
PROV_SERIES = [(D(2000, 1, 1), 60), (D(2007, 10, 1), 61), (D(2014, 4, 1), 62), (D(2020, 3, 1), 63),
               (D(2026, 12, 1), 64)]
DESIGN_APPL = [(D(2003, 1, 1), 170000), (D(2008, 1, 1), 300000), (D(2012, 1, 1), 410000),
               (D(2016, 1, 1), 550000), (D(2020, 1, 1), 720000), (D(2024, 1, 1), 920000),
               (D(2026, 1, 1), 990000)]


def serial_number(series_table, d: _dt.date, *salt) -> tuple[int, str]:
    """(series code, 8-digit application number) for a filing date."""
    for (d0, s), (d1, _) in zip(series_table, series_table[1:]):
        if d0 <= d < d1:
            frac = (d - d0).days / (d1 - d0).days
            n = int(frac * 985000) + hnum("appl", *salt, mod=9000)
            return s, f"{s:02d}{min(n, 999999):06d}"
    raise ValueError(d)


# --------------------------------------------------------------------------
# text escaping and light markup
# --------------------------------------------------------------------------

def esc(s: str) -> str:
    """XML-escape text the way USPTO files do: numeric character references
    (lower-case hex) for '&', '<', '>' and for every non-ASCII character."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "&":
            out.append("&#x26;")
        elif ch == "<":
            out.append("&#x3c;")
        elif ch == ">":
            out.append("&#x3e;")
        elif o > 126:
            out.append("&#x%x;" % o)
        elif o < 32 and ch not in "\n\t":
            raise ValueError(f"control character in text: {s!r}")
        else:
            out.append(ch)
    return "".join(out)


FIG_RE = re.compile(r"FIGS?\. \d+[A-Z]?(?:(?:, | and | to | through |-)\d+[A-Z]?)*")
_MARKS = [("[b]", "<b>"), ("[/b]", "</b>"), ("[i]", "<i>"), ("[/i]", "</i>")]


def rich(s: str, figs: bool = False) -> str:
    """Escape, then apply the corpus markup:
    _{x} -> <sub>x</sub>, ^{x} -> <sup>x</sup>, #12 -> <b>12</b>,
    [b]..[/b], [i]..[/i]; with figs=True "FIG. 3" becomes a <figref>."""
    t = esc(s)
    t = re.sub(r"_\{([^}]*)\}", r"<sub>\1</sub>", t)
    t = re.sub(r"\^\{([^}]*)\}", r"<sup>\1</sup>", t)
    t = re.sub(r"(?<![&\w])#(\d+[a-z]?)\b", r"<b>\1</b>", t)
    for a, b in _MARKS:
        t = t.replace(a, b)
    if figs:
        t = FIG_RE.sub(lambda m: '<figref idref="DRAWINGS">%s</figref>' % m.group(0), t)
    return t


def plain(s: str) -> str:
    """Text with the markup removed (for word counts)."""
    s = re.sub(r"[_^]\{([^}]*)\}", r"\1", s)
    s = re.sub(r"(?<![&\w])#(\d+[a-z]?)\b", r"\1", s)
    for a, _ in _MARKS:
        s = s.replace(a, "")
    return s


def words(s: str) -> int:
    return len(plain(s).split())


# --------------------------------------------------------------------------
# classification symbols
# --------------------------------------------------------------------------

# CPC symbols that are not IPC symbols -> IPC symbol used in classifications-ipcr
CPC_TO_IPC = {
    "H01M 4/386": "H01M 4/38", "H01M 4/366": "H01M 4/36", "H01M 4/382": "H01M 4/38",
    "H01M 4/5825": "H01M 4/58", "H01M 4/625": "H01M 4/62", "H01M 10/0481": "H01M 10/04",
    "H01M 10/446": "H01M 10/44", "H01M 2/1686": "H01M 2/16", "H01M 2/166": "H01M 2/16",
    "H01L 31/022441": "H01L 31/0224", "H01L 31/022425": "H01L 31/0224",
    "H01L 31/02168": "H01L 31/0216", "H01L 31/1804": "H01L 31/18",
    "H01L 31/02363": "H01L 31/0236", "H01L 31/0682": "H01L 31/068",
    "A61M 25/0662": "A61M 25/06", "A61M 25/0043": "A61M 25/00", "A61M 25/0054": "A61M 25/00",
    "A61M 25/0012": "A61M 25/00", "A61M 25/104": "A61M 25/10", "A61M 25/0147": "A61M 25/01",
    "A61M 25/09041": "A61M 25/09", "A61B 18/1492": "A61B 18/14", "A61B 5/6852": "A61B 5/00",
    "A61B 5/02154": "A61B 5/0215", "A61B 5/0538": "A61B 5/053", "A61B 17/320725": "A61B 17/3207",
    "C12N 15/1024": "C12N 15/10", "C12N 15/102": "C12N 15/10", "C12N 9/78": "C12N 9/78",
    "G06N 3/0454": "G06N 3/04", "G06N 3/0464": "G06N 3/0464", "G06K 9/6256": "G06K 9/62",
    "G06K 9/00228": "G06K 9/00", "G06K 9/00791": "G06K 9/00", "G06K 9/4671": "G06K 9/46",
    "G06N 3/084": "G06N 3/08",
    "B60W 60/001": "B60W 60/00", "B60W 60/0027": "B60W 60/00", "B60W 60/0053": "B60W 60/00",
    "B60W 30/0956": "B60W 30/095", "B60W 30/16": "B60W 30/16",
    "G05D 1/0088": "G05D 1/00", "G05D 1/0246": "G05D 1/02", "G05D 1/0214": "G05D 1/02",
    "G05D 1/0219": "G05D 1/02", "G05D 1/0038": "G05D 1/00", "G05D 1/0278": "G05D 1/02",
    "G08G 1/166": "G08G 1/16", "G08G 1/167": "G08G 1/16", "G08G 1/163": "G08G 1/16",
    "G01S 7/4972": "G01S 7/497",
    "C02F 1/441": "C02F 1/44", "C02F 1/442": "C02F 1/44", "C02F 1/444": "C02F 1/44",
    "C02F 1/325": "C02F 1/32", "C02F 1/4691": "C02F 1/469", "B01D 61/025": "B01D 61/02",
    "B01D 69/125": "B01D 69/12", "B01D 71/024": "B01D 71/02", "B01D 63/103": "B01D 63/10",
    "B01D 61/06": "B01D 61/06",
    "A01B 79/005": "A01B 79/00", "A01B 69/008": "A01B 69/00", "A01C 7/102": "A01C 7/10",
    "A01C 7/105": "A01C 7/10", "A01C 7/046": "A01C 7/04", "A01C 21/007": "A01C 21/00",
    "A01B 63/1112": "A01B 63/111", "A01M 7/0089": "A01M 7/00", "A01C 7/205": "A01C 7/20",
    "A01B 39/18": "A01B 39/18", "A01D 46/30": "A01D 46/30",
    "H01L 21/31116": "H01L 21/311", "H01L 21/31144": "H01L 21/311", "H01L 21/0217": "H01L 21/02",
    "H01L 21/02164": "H01L 21/02", "H01L 21/02274": "H01L 21/02", "H01L 21/0228": "H01L 21/02",
    "H01L 21/0274": "H01L 21/027", "H01L 21/0337": "H01L 21/033", "H01L 21/67069": "H01L 21/67",
    "H01L 21/67253": "H01L 21/67", "H01L 21/76224": "H01L 21/762", "H01L 21/68742": "H01L 21/687",
    "H01L 21/3086": "H01L 21/308", "H01L 21/31122": "H01L 21/311",
    "H01J 37/32449": "H01J 37/32", "H01J 37/32972": "H01J 37/32", "H01J 37/32935": "H01J 37/32",
    "C23C 16/45525": "C23C 16/455",
    "B25J 9/1697": "B25J 9/16", "B25J 9/1664": "B25J 9/16", "B25J 9/1676": "B25J 9/16",
    "B25J 9/161": "B25J 9/16", "B25J 9/1612": "B25J 9/16", "B25J 9/1633": "B25J 9/16",
    "B25J 9/1687": "B25J 9/16", "B25J 15/0616": "B25J 15/06", "B25J 13/085": "B25J 13/08",
    "B25J 19/023": "B25J 19/02", "B25J 15/0023": "B25J 15/00", "B25J 5/007": "B25J 5/00",
    "B25J 15/12": "B25J 15/12", "B25J 9/0081": "B25J 9/00",
    "A01B 69/004": "A01B 69/00", "A01C 23/007": "A01C 23/00", "A01C 5/064": "A01C 5/06",
    "A01C 7/044": "A01C 7/04", "A01C 7/203": "A01C 7/20", "A61B 17/22012": "A61B 17/22",
    "A61B 17/22022": "A61B 17/22", "A61B 5/6851": "A61B 5/00", "A61K 9/5123": "A61K 9/51",
    "A61M 25/0009": "A61M 25/00", "A61M 25/0045": "A61M 25/00", "A61M 25/005": "A61M 25/00",
    "A61M 25/0138": "A61M 25/01", "A61M 25/1002": "A61M 25/10", "B01D 67/0041": "B01D 67/00",
    "B01D 67/0093": "B01D 67/00", "B25J 15/0052": "B25J 15/00", "B25J 19/0029": "B25J 19/00",
    "B25J 19/022": "B25J 19/02", "B25J 9/162": "B25J 9/16", "B25J 9/163": "B25J 9/16",
    "B60W 30/18163": "B60W 30/18", "B60W 60/00274": "B60W 60/00", "B62D 15/025": "B62D 15/02",
    "B62D 6/003": "B62D 6/00", "B64C 39/024": "B64C 39/02", "C02F 1/003": "C02F 1/00", "C02F 1/283": "C02F 1/28",
    "C07K 14/7051": "C07K 14/705", "C12N 5/0636": "C12N 5/0783", "F16P 3/142": "F16P 3/14",
    "G01S 13/865": "G01S 13/86", "G05D 1/0274": "G05D 1/02", "G06K 9/00624": "G06K 9/00",
    "G06K 9/00845": "G06K 9/00", "G06K 9/6211": "G06K 9/62", "G06K 9/6257": "G06K 9/62",
    "G06K 9/6262": "G06K 9/62", "G06K 9/6289": "G06K 9/62", "G06T 7/0004": "G06T 7/00",
    "G06T 7/0044": "G06T 7/00", "G06V 20/188": "G06V 20/10", "G08G 1/22": "G08G 1/00",
    "H01J 37/32715": "H01J 37/32", "H01L 21/02181": "H01L 21/02", "H01L 21/02189": "H01L 21/02",
    "H01L 21/0338": "H01L 21/033", "H01L 21/28194": "H01L 21/28", "H01L 21/32139": "H01L 21/3213",
    "H01L 21/6831": "H01L 21/683", "H01L 22/26": "H01L 21/66", "H01L 31/02021": "H01L 31/02",
    "H01L 31/0322": "H01L 31/032", "B08B 1/04": "B08B 1/04",
}

# IPC version indicator (date the symbol entered the IPC)
IPC_VERSION = {
    "H01M 10/0525": "20100101", "H01M 10/052": "20100101", "H01M 10/0562": "20100101",
    "H01M 10/0565": "20100101", "H01M 10/0567": "20100101", "H01M 10/0585": "20100101",
    "H01M 4/134": "20100101", "H01M 4/131": "20100101", "H01M 4/1391": "20100101",
    "H01M 4/525": "20100101", "H01M 4/505": "20100101", "H01M 4/485": "20100101",
    "H01M 10/613": "20140101", "H01M 10/625": "20140101", "H01M 10/6556": "20140101",
    "H01M 10/647": "20140101", "H01M 50/409": "20210101", "H01M 50/449": "20210101",
    "H01M 50/446": "20210101", "H01M 50/403": "20210101", "H01M 10/0585B": "20100101",
    "H02S 40/34": "20140101", "H02S 20/32": "20140101", "H02S 40/10": "20140101",
    "H02S 40/22": "20140101", "H02S 50/10": "20140101",
    "A61B 34/20": "20160101", "A61M 25/10": "20130101", "A61M 25/09": "20060101",
    "C12N 15/113": "20100101", "C12N 15/90": "20060101", "C12N 5/0783": "20100101",
    "C12N 15/11": "20060101", "C12Q 1/6869": "20180101",
    "G06N 20/00": "20190101", "G06T 7/11": "20170101", "G06T 7/73": "20170101",
    "G06N 3/045": "20230101", "G06N 3/0464": "20230101", "G06N 3/09": "20230101",
    "G06V 10/82": "20220101", "G06V 20/58": "20220101", "G06V 40/16": "20220101",
    "G06V 10/774": "20220101", "G06V 20/56": "20220101", "G06V 10/764": "20220101",
    "G06V 20/10": "20220101", "G06T 7/50": "20170101", "G06T 7/90": "20170101",
    "B60W 60/00": "20200101", "G01S 17/931": "20200101", "G01S 13/931": "20200101",
    "G01S 17/86": "20200101", "G05D 1/00": "20240101", "G05D 1/43": "20240101",
    "G05D 1/617": "20240101", "G05D 1/227": "20240101",
    "B01D 69/12": "20060101", "C02F 103/08": "20060101",
    "A01B 79/00": "20060101", "A01M 7/00": "20060101",
    "H01L 21/3065": "20060101", "H01L 21/02": "20060101",
    "B25J 9/16": "20060101", "G06N 3/0455": "20230101", "G06N 3/082": "20230101", "G06N 3/0895": "20230101",
    "G06V 20/41": "20220101", "G06V 20/10": "20220101", "G06F 40/30": "20200101", "A61K 9/51": "20060101",
}

CPC_VERSION = {
    "G06V": "20220101", "B60W 60": "20200201", "G06N 3/045": "20230101", "G06N 3/0464": "20230101",
    "G06N 3/09": "20230101", "G06N 3/0455": "20230101", "G06F 18": "20230101",
    "H01M 50": "20210101", "G01S 17/931": "20200101", "G01S 13/931": "20200101",
    "G01S 17/86": "20200101", "G05D 1/43": "20240101", "G05D 1/617": "20240101",
    "G05D 1/227": "20240101", "G05D 2105": "20240101", "G05D 2107": "20240101",
    "G05D 2109": "20240101", "H01M 10/0562": "20130101",
    "A61B 34": "20160201", "Y02E": "20130101", "B60W 2420/408": "20240101",
}


def split_symbol(sym: str):
    m = re.fullmatch(r"([A-HY])(\d\d)([A-Z]) (\d+)/(\d+)", sym)
    if not m:
        raise ValueError(f"bad classification symbol {sym!r}")
    return m.groups()


def ipc_for(cpc: str) -> str | None:
    sec, cls, sub, grp, sg = split_symbol(cpc)
    if sec == "Y" or int(grp) >= 2000 or (sec + cls + sub) == "C12Y":
        return None  # indexing codes, Y-section and C12Y (enzymes) are CPC-only
    return CPC_TO_IPC.get(cpc, cpc)


def cpc_version(sym: str) -> str:
    best = "20130101"
    for prefix, v in CPC_VERSION.items():
        if sym.startswith(prefix):
            best = v
    return best


# --------------------------------------------------------------------------
# XML writer
# --------------------------------------------------------------------------

class X:
    """Line-oriented XML writer producing USPTO-style layout (no indentation)."""

    def __init__(self):
        self.lines: list[str] = []

    def raw(self, s: str):
        self.lines.append(s)

    def open(self, tag: str, **attrs):
        self.lines.append("<%s%s>" % (tag, self._attrs(attrs)))

    def close(self, tag: str):
        self.lines.append("</%s>" % tag)

    def leaf(self, tag: str, text: str, markup: bool = False, **attrs):
        body = text if markup else esc(text)
        self.lines.append("<%s%s>%s</%s>" % (tag, self._attrs(attrs), body, tag))

    def empty(self, tag: str, **attrs):
        self.lines.append("<%s%s/>" % (tag, self._attrs(attrs)))

    @staticmethod
    def _attrs(attrs) -> str:
        out = []
        for k, v in attrs.items():
            k = k.rstrip("_").replace("__", ":").replace("_", "-")
            out.append(' %s="%s"' % (k, esc(str(v)).replace('"', "&#x22;")))
        return "".join(out)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def doc_id(x: X, country: str, number: str, kind: str | None = None, name: str | None = None,
           date: str | None = None):
    x.open("document-id")
    x.leaf("country", country)
    x.leaf("doc-number", number)
    if kind:
        x.leaf("kind", kind)
    if name:
        x.leaf("name", name)
    if date:
        x.leaf("date", date)
    x.close("document-id")


def write_ipcr(x: X, symbols: list[str], action: _dt.date):
    x.open("classifications-ipcr")
    for i, sym in enumerate(symbols):
        sec, cls, sub, grp, sg = split_symbol(sym)
        x.open("classification-ipcr")
        x.raw("<ipc-version-indicator><date>%s</date></ipc-version-indicator>"
              % IPC_VERSION.get(sym, "20060101"))
        x.leaf("classification-level", "A")
        x.leaf("section", sec)
        x.leaf("class", cls)
        x.leaf("subclass", sub)
        x.leaf("main-group", grp)
        x.leaf("subgroup", sg)
        x.leaf("symbol-position", "F" if i == 0 else "L")
        x.leaf("classification-value", "I")
        x.raw("<action-date><date>%s</date></action-date>" % ymd(action))
        x.raw("<generating-office><country>US</country></generating-office>")
        x.leaf("classification-status", "B")
        x.leaf("classification-data-source", "H")
        x.close("classification-ipcr")
    x.close("classifications-ipcr")


def write_cpc_one(x: X, sym: str, first: bool, action: _dt.date):
    sec, cls, sub, grp, sg = split_symbol(sym)
    additional = sec == "Y" or int(grp) >= 2000
    x.open("classification-cpc")
    x.raw("<cpc-version-indicator><date>%s</date></cpc-version-indicator>" % cpc_version(sym))
    x.leaf("section", sec)
    x.leaf("class", cls)
    x.leaf("subclass", sub)
    x.leaf("main-group", grp)
    x.leaf("subgroup", sg)
    x.leaf("symbol-position", "F" if first else "L")
    x.leaf("classification-value", "A" if additional else "I")
    x.raw("<action-date><date>%s</date></action-date>" % ymd(action))
    x.raw("<generating-office><country>US</country></generating-office>")
    x.leaf("classification-status", "B")
    x.leaf("classification-data-source", "H")
    x.leaf("scheme-origination-code", "C")
    x.close("classification-cpc")


def write_cpc(x: X, symbols: list[str], action: _dt.date):
    x.open("classifications-cpc")
    x.open("main-cpc")
    write_cpc_one(x, symbols[0], True, action)
    x.close("main-cpc")
    if len(symbols) > 1:
        x.open("further-cpc")
        for sym in symbols[1:]:
            write_cpc_one(x, sym, False, action)
        x.close("further-cpc")
    x.close("classifications-cpc")


def address(x: X, city: str | None, state: str | None, country: str):
    x.open("address")
    if city:
        x.leaf("city", city)
    if state:
        x.leaf("state", state)
    x.leaf("country", country)
    x.close("address")


# --------------------------------------------------------------------------
# document model: numbers, dates, families
# --------------------------------------------------------------------------

KIND_TYPES = {"utility": "utility", "design": "design", "reissue": "reissue", "app": "utility"}


class Doc:
    """One publication of the corpus (grant or pre-grant application)."""

    def __init__(self, spec: dict, kind: str):
        self.spec = spec
        self.key = spec["key"]
        self.type = kind  # utility | design | reissue | app
        y, m = (int(v) for v in spec["pub"].split("-"))
        weekday = 3 if kind == "app" else 1  # applications on Thursdays, grants on Tuesdays
        self.pub_date = nth_weekday(y, m, weekday, 1 + hnum(self.key, "week", mod=4))
        self.field = spec.get("f")
        self.inventors = spec["inv"]
        self.assignees = spec.get("asg", [])
        self.number = ""
        self.kind = ""
        self.appl_date: _dt.date | None = None
        self.appl_number = ""
        self.series = 0
        self.priority: list[tuple[str, str, _dt.date, str]] = []
        self.provisional: tuple[str, _dt.date] | None = None
        self.related_pub: Doc | tuple[str, _dt.date] | None = None
        self.parent: Doc | None = None
        self.parent_rel = ""
        self.pct: tuple[str, _dt.date, str, _dt.date, _dt.date] | None = None

    # first named inventor as used in citations ("Okonkwo et al.")
    def cite_name(self) -> str:
        last = PEOPLE[self.inventors[0]][0]
        return last + (" et al." if len(self.inventors) > 1 else "")

    def cite_number(self) -> str:
        if self.type == "app":
            return f"{self.number[:4]}/{self.number[4:]}"
        if self.type == "design":
            return "D" + str(int(self.number[1:]))
        if self.type == "reissue":
            return "RE" + str(int(self.number[2:]))
        return str(int(self.number))

    def file_name(self) -> str:
        if self.type == "app":
            return f"US{self.number}{self.kind}-{ymd(self.pub_date)}.XML"
        return f"US{self.number}-{ymd(self.pub_date)}.XML"

    def earliest_priority(self) -> _dt.date:
        dates = [self.appl_date] + [p[2] for p in self.priority]
        if self.provisional:
            dates.append(self.provisional[1])
        if self.parent is not None and self.parent.appl_date:
            dates.append(self.parent.earliest_priority())
        return min(dates)


def org(key: str) -> dict:
    return ORGS[key]


def first_assignee(doc: Doc) -> dict | None:
    return org(doc.assignees[0][0]) if doc.assignees else None


PRIORITY_FORMATS = {
    "JP": lambda y, n: f"{y}-{n % 1000000:06d}",
    "KR": lambda y, n: f"10-{y}-{n % 10000000:07d}",
    "DE": lambda y, n: f"10 {y} {n % 1000:03d} {(n // 1000) % 1000:03d}",
    "CH": lambda y, n: f"{n % 2000:05d}/{y % 100:02d}",
    "NL": lambda y, n: f"20{n % 100000:05d}",
    "EP": lambda y, n: f"{y % 100:02d}{n % 1000000:06d}",
    "CN": lambda y, n: f"{y} 1 {n % 10000000:07d}",
}


def assign_numbers(grants: list[Doc], apps: list[Doc]):
    """Fill in publication numbers, application numbers and dates."""
    by_key = {d.key: d for d in grants + apps}
    used: set[str] = set()

    def unique(num: str) -> str:
        """Reserve a number; on a collision step to the next free number."""
        while num in used or num in AVOID_NUMBERS:
            m = re.fullmatch(r"(\D*)(\d+)", num)
            num = m.group(1) + str(int(m.group(2)) + 1).zfill(len(m.group(2)))
        used.add(num)
        return num

    # applications first: grants of the same family take their filing data
    for d in sorted(apps, key=lambda d: d.pub_date):
        s = d.spec
        earliest = d.pub_date - _dt.timedelta(days=548 + hnum(d.key, "pp", mod=20))
        fa = first_assignee(d)
        if s.get("prio", fa is not None and fa["country"] != "US"):
            d.appl_date = earliest + _dt.timedelta(days=330 + hnum(d.key, "pl", mod=34))
            _add_priority(d, fa, earliest)
        elif s.get("prov"):
            d.appl_date = earliest + _dt.timedelta(days=300 + hnum(d.key, "pv", mod=60))
            d.provisional = (serial_number(PROV_SERIES, earliest, d.key, "prov")[1], earliest)
        else:
            d.appl_date = earliest
        d.series, d.appl_number = serial_number(SERIES, d.appl_date, d.key)
        year = d.pub_date.year
        frac = (d.pub_date - D(year, 1, 1)).days / 366
        d.number = unique(f"{year}{int(frac * 380000) + hnum(d.key, 'pn', mod=2500):07d}")
        d.kind = "A1"

    for d in sorted(grants, key=lambda d: d.pub_date):
        s = d.spec
        fa = first_assignee(d)
        if d.type == "design":
            d.appl_date = d.pub_date - _dt.timedelta(days=420 + hnum(d.key, "lag", mod=300))
            d.series = 29
            d.appl_number = f"29{int(interp(DESIGN_APPL, d.appl_date)) + hnum(d.key, 'da', mod=3000):06d}"
            d.number = unique(f"D0{int(interp(DESIGN_ANCHORS, d.pub_date)) + hnum(d.key, 'dn', mod=900):06d}")
            d.kind = "S1"
            continue
        if d.type == "reissue":
            orig = by_key[s["orig"]]
            d.parent = orig
            d.parent_rel = "reissue"
            d.appl_date = d.pub_date - _dt.timedelta(days=600 + hnum(d.key, "lag", mod=200))
            d.series, d.appl_number = serial_number(SERIES, d.appl_date, d.key)
            d.number = unique(f"RE0{int(interp(REISSUE_ANCHORS, d.pub_date)) + hnum(d.key, 'rn', mod=200):05d}")
            d.kind = "E1"
            d.priority = orig.priority
            continue
        if s.get("from_app"):
            a = by_key[s["from_app"]]
            d.appl_date, d.appl_number, d.series = a.appl_date, a.appl_number, a.series
            d.priority, d.provisional = a.priority, a.provisional
            d.related_pub = a
        else:
            parent_key = s.get("cont") or s.get("div")
            if parent_key:
                d.parent = by_key[parent_key]
                d.parent_rel = "continuation" if s.get("cont") else "division"
                d.appl_date = d.parent.pub_date - _dt.timedelta(days=10 + hnum(d.key, "cl", mod=60))
            else:
                lag = s.get("lag", 820 + hnum(d.key, "lag", mod=640))
                d.appl_date = d.pub_date - _dt.timedelta(days=lag)
            if s.get("pct"):
                # national stage of an international application: priority, PCT filing,
                # WO publication, 35 U.S.C. 371 entry, then the US pre-grant publication
                prio_date = d.pub_date - _dt.timedelta(days=1650 + hnum(d.key, "pctlag", mod=200))
                pct_date = prio_date + _dt.timedelta(days=335 + hnum(d.key, "pl", mod=28))
                d371 = prio_date + _dt.timedelta(days=905 + hnum(d.key, "371", mod=25))
                ctry = s["pct"]
                d.appl_date = pct_date
                d.pct = (f"PCT/{ctry}{pct_date.year}/{hnum(d.key, 'pct', mod=90000) + 5000:06d}", pct_date,
                         f"WO{prio_date.year + 1}/{hnum(d.key, 'wo', mod=190000) + 10000:06d}",
                         next_weekday(prio_date + _dt.timedelta(days=548), 3), d371)
                _add_priority(d, fa, prio_date)
                d.series, d.appl_number = serial_number(SERIES, d371, d.key)
            else:
                if not d.parent and s.get("prio", fa is not None and fa["country"] != "US"):
                    _add_priority(d, fa, d.appl_date - _dt.timedelta(days=330 + hnum(d.key, "pl", mod=34)))
                elif not d.parent and s.get("prov"):
                    pdate = d.appl_date - _dt.timedelta(days=250 + hnum(d.key, "pv", mod=110))
                    d.provisional = (serial_number(PROV_SERIES, pdate, d.key, "prov")[1], pdate)
                d.series, d.appl_number = serial_number(SERIES, d.appl_date, d.key)
            if not s.get("b1"):
                pub = max(d.earliest_priority() + _dt.timedelta(days=548),
                          d.appl_date + _dt.timedelta(days=95))
                if d.pct is not None:
                    pub = d.pct[4] + _dt.timedelta(days=90 + hnum(d.key, "pctpub", mod=40))
                pub = next_weekday(pub, 3)
                if pub < d.pub_date - _dt.timedelta(days=45):
                    y = pub.year
                    frac = (pub - D(y, 1, 1)).days / 366
                    num = f"{y}{int(frac * 380000) + hnum(d.key, 'rp', mod=2500):07d}"
                    d.related_pub = (unique(num), pub)
        d.number = unique(f"{int(interp(GRANT_ANCHORS, d.pub_date)) + hnum(d.key, 'gn', mod=1800):08d}")
        d.kind = "B2" if d.related_pub else "B1"


def _add_priority(d: Doc, fa: dict | None, when: _dt.date):
    ctry = d.spec.get("prio_country") or (fa["country"] if fa else "JP")
    fmt = PRIORITY_FORMATS[ctry]
    kind = "regional" if ctry == "EP" else "national"
    d.priority = [(ctry, fmt(when.year, hnum(d.key, "prn", mod=10 ** 9)), when, kind)]
    if d.spec.get("prio2"):
        w2 = when + _dt.timedelta(days=60 + hnum(d.key, "pr2", mod=90))
        d.priority.append((ctry, fmt(w2.year, hnum(d.key, "prn2", mod=10 ** 9)), w2, kind))


# --------------------------------------------------------------------------
# citations
# --------------------------------------------------------------------------

FOREIGN_FORMATS = {
    "JP": (lambda y, n: f"{y}-{n % 300000 + 10000:06d}", "A"),
    "KR": (lambda y, n: f"10-{y}-{n % 120000 + 1000:07d}", "A"),
    "DE": (lambda y, n: f"10{y}{n % 90000 + 1000:06d}", "A1"),
    "EP": (lambda y, n: f"{(y - 1978) * 95000 + n % 90000 + 100000:07d}", "A1"),
    "WO": (lambda y, n: f"{y}/{n % 150000 + 1000:06d}", "A1"),
    "CN": (lambda y, n: f"{100 + (y - 2000) * 2 % 90}{n % 900000 + 100000:06d}", "A"),
    "GB": (lambda y, n: f"{2300000 + (y - 1995) * 9000 + n % 8000}", "A"),
    "FR": (lambda y, n: f"{2800000 + (y - 1995) * 9000 + n % 8000}", "A1"),
}


def citations(d: Doc, by_key: dict[str, "Doc"]) -> list[dict]:
    spec = d.spec
    cites: list[dict] = []
    fld = FIELDS[d.field] if d.field else None
    limit = d.pub_date - _dt.timedelta(days=120)
    for ref in spec.get("cites", []):
        cat = None
        if ref.endswith("!"):
            ref, cat = ref[:-1], "cited by examiner"
        elif ref.endswith("?"):
            ref, cat = ref[:-1], "cited by applicant"
        t = by_key[ref]
        if t.pub_date >= d.pub_date:
            raise ValueError(f"{d.key} cites later document {t.key}")
        if cat is None:
            cat = "cited by examiner" if hnum(d.key, ref, "cat", mod=100) < 55 else "cited by applicant"
        grp = 0 if t.type != "app" else 1
        uspc = (FIELDS[t.field]["uspc"][0] if t.field else None)
        cites.append(dict(grp=grp, country="US", number=t.cite_number(), kind=t.kind,
                          name=t.cite_name(), date=ym00(t.pub_date), category=cat, uspc=uspc,
                          sort=(int(re.sub(r"\D", "", t.cite_number())) if grp == 0 else int(t.number))))
    base = int(interp(GRANT_ANCHORS, limit))
    n_us = spec.get("n_ext", 2 + hnum(d.key, "next", mod=6))
    for i in range(n_us):
        lo = max(4720000, base - 2600000)
        num = lo + hnum(d.key, "ext", i, mod=max(1, base - 120000 - lo))
        when = inverse_interp(GRANT_ANCHORS, num)
        kind = "A" if num < 6167000 else ("B2" if hnum(d.key, "ek", i, mod=10) < 7 else "B1")
        name = pick(SURNAMES, d.key, "en", i) + (" et al." if hnum(d.key, "eal", i, mod=3) else "")
        cat = "cited by examiner" if hnum(d.key, "ec", i, mod=100) < 45 else "cited by applicant"
        cites.append(dict(grp=0, country="US", number=str(num), kind=kind, name=name, date=ym00(when),
                          category=cat, uspc=(pick(fld["uspc"], d.key, "eu", i) if fld else None),
                          sort=num))
    if d.pub_date.year >= 2004:
        for i in range(hnum(d.key, "napp", mod=4)):
            y = 2001 + hnum(d.key, "ay", i, mod=max(1, d.pub_date.year - 2002))
            seq = 10000 + hnum(d.key, "an", i, mod=360000)
            when = D(y, 1, 1) + _dt.timedelta(days=int(seq / 380000 * 365))
            name = pick(SURNAMES, d.key, "apn", i) + (" et al." if hnum(d.key, "aal", i, mod=3) else "")
            cat = "cited by examiner" if hnum(d.key, "ac", i, mod=100) < 40 else "cited by applicant"
            cites.append(dict(grp=1, country="US", number=f"{y}/{seq:07d}", kind="A1", name=name,
                              date=ym00(when), category=cat, uspc=None, sort=y * 10 ** 7 + seq))
    if fld:
        for i in range(hnum(d.key, "nfor", mod=3)):
            ctry = pick(fld["foreign"], d.key, "fc", i)
            y = max(1995, d.pub_date.year - 2 - hnum(d.key, "fy", i, mod=9))
            fmt, kind = FOREIGN_FORMATS[ctry]
            when = D(y, 1 + hnum(d.key, "fm", i, mod=12), 1)
            cites.append(dict(grp=2, country=ctry, number=fmt(y, hnum(d.key, "fn", i, mod=10 ** 8)),
                              kind=kind, name=None, date=ym00(when),
                              category="cited by examiner" if hnum(d.key, "fcat", i, mod=2) else "cited by applicant",
                              uspc=None, sort=(ctry, y, i)))
        for i in range(spec.get("n_npl", hnum(d.key, "nnpl", mod=3))):
            y = max(1998, d.pub_date.year - 1 - hnum(d.key, "ny", i, mod=8))
            a1 = pick(SURNAMES, d.key, "na", i)
            init = "ABCDEFGHJKLMNPRSTW"[hnum(d.key, "ni", i, mod=18)]
            title = pick(fld["npl_titles"], d.key, "nt", i)
            venue = pick(NPL_VENUES[d.field], d.key, "nv", i)
            vol = 3 + (y - 1995) + hnum(d.key, "nvol", i, mod=4)
            p1 = 10 + hnum(d.key, "np", i, mod=900)
            text = (f"{a1}, {init}. et al., \u201c{title},\u201d {venue}, vol. {vol}, "
                    f"pp. {p1}-{p1 + 5 + hnum(d.key, 'npl', i, mod=14)} ({y}).")
            cites.append(dict(grp=3, text=text, category="cited by applicant" if i % 2 == 0 else "cited by examiner",
                              sort=(y, i)))
    # USPTO order: US patents, US publications, foreign documents, non-patent literature
    cites.sort(key=lambda c: (c["grp"], c["sort"]))
    return cites


def write_citations(x: X, d: Doc, cites: list[dict]):
    x.open("us-references-cited")
    for i, c in enumerate(cites, 1):
        x.open("us-citation")
        if c["grp"] == 3:
            x.open("nplcit", num=f"{i:05d}")
            x.leaf("othercit", c["text"])
            x.close("nplcit")
            x.leaf("category", c["category"])
        else:
            x.open("patcit", num=f"{i:05d}")
            doc_id(x, c["country"], c["number"], c["kind"], c["name"], c["date"])
            x.close("patcit")
            x.leaf("category", c["category"])
            if (c["grp"] == 0 and c["category"] == "cited by examiner" and c.get("uspc")
                    and d.pub_date.year <= 2015):
                x.raw("<classification-national><country>US</country><main-classification>%s"
                      "</main-classification></classification-national>" % esc(c["uspc"]))
        x.close("us-citation")
    x.close("us-references-cited")


# --------------------------------------------------------------------------
# claims
# --------------------------------------------------------------------------

def _punct(i: int, n: int, last: str) -> str:
    if i == n - 1:
        return last
    return "; and" if i == n - 2 else ";"


def _element_lines(el, suffix: str) -> list[str]:
    if isinstance(el, tuple):
        head, subs = el
        out = ["<claim-text>%s:" % rich(head)]
        for j, sub in enumerate(subs):
            out.extend(_element_lines(sub, _punct(j, len(subs), suffix)))
        out.append("</claim-text>")
        return out
    if suffix.startswith(".") and el.endswith("."):
        suffix = suffix[1:]  # "1000\u00b0 C." already ends the sentence
    return ["<claim-text>%s%s</claim-text>" % (rich(el), suffix)]


def render_claims(d: Doc, bold_numbers: bool = False) -> tuple[list[str], int]:
    """Claims as XML lines; returns (lines, number of claims)."""
    blocks = d.spec["claims"]
    lines: list[str] = []
    n = 0
    ofs = pick(["of", "of", "according to", "as recited in", "of"], d.key, "ofstyle")
    first_deps = blocks[0][2]

    def numtxt(k):
        return f"<b>{k}</b>. " if bold_numbers else f"{k}. "

    for bi, (indep, noun, deps) in enumerate(blocks):
        pre, trans, els = indep
        n += 1
        base = n
        lines.append(f'<claim id="CLM-{n:05d}" num="{n:05d}">')
        lines.append(f"<claim-text>{numtxt(n)}{rich(pre)}, {rich(trans)}:")
        for i, el in enumerate(els):
            lines.extend(_element_lines(el, _punct(i, len(els), ".")))
        lines.append("</claim-text>")
        lines.append("</claim>")
        prev = base
        for dep in deps:
            if isinstance(dep, int):
                dep = first_deps[dep]
                if isinstance(dep, str):
                    dep = dep.lstrip("^")
            n += 1
            target = base
            if isinstance(dep, str) and dep.startswith("^"):
                target, dep = prev, dep[1:]
            ref = f'<claim-ref idref="CLM-{target:05d}">claim {target}</claim-ref>'
            lines.append(f'<claim id="CLM-{n:05d}" num="{n:05d}">')
            if isinstance(dep, tuple):
                head, subs = dep
                lines.append(f"<claim-text>{numtxt(n)}The {esc(noun)} {ofs} {ref}, {rich(head)}:")
                for j, sub in enumerate(subs):
                    lines.extend(_element_lines(sub, _punct(j, len(subs), ".")))
                lines.append("</claim-text>")
            else:
                lines.append(f"<claim-text>{numtxt(n)}The {esc(noun)} {ofs} {ref}, {rich(dep)}{_dot(dep)}</claim-text>")
            lines.append("</claim>")
            prev = n
    return lines, n


def _flat(el) -> str:
    if isinstance(el, tuple):
        head, subs = el
        return head + " " + _join([_flat(s) for s in subs])
    return el


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def claim_prose(block, aspect: str) -> str:
    (pre, trans, els), noun, _ = block
    pre_l = pre[0].lower() + pre[1:]
    body = _join([_flat(e) for e in els])
    return f"In {aspect} aspect, {pre_l} is provided that includes {body}{_dot(body)}"


def _dot(s: str) -> str:
    return "" if s.endswith(".") else "."


# --------------------------------------------------------------------------
# description
# --------------------------------------------------------------------------

class Desc:
    def __init__(self):
        self.lines: list[str] = []
        self.p = 1  # paragraph counter (the abstract uses p-0001 / num 0000)
        self.h = 0
        self.words = 0

    def heading(self, text: str, level: int = 1):
        self.h += 1
        self.lines.append(f'<heading id="h-{self.h:04d}" level="{level}">{rich(text)}</heading>')
        self.words += words(text)

    def para(self, text: str):
        self.p += 1
        self.lines.append(f'<p id="p-{self.p:04d}" num="{self.p - 1:04d}">{rich(text, figs=True)}</p>')
        self.words += words(text)

    def pi(self, text: str):
        self.lines.append(f"<?{text}?>")


def fig_captions(d: Doc) -> list[str]:
    s = d.spec
    if isinstance(s.get("figs"), list):
        return s["figs"]
    count = s.get("figs", 4 + hnum(d.key, "nfig", mod=4))
    templates = FIELDS[d.field]["figs"]
    noun = s["claims"][0][1]
    return [a_an(t.format(n=noun)) for t in templates[:count]]


def a_an(text: str) -> str:
    """Fix the indefinite article in front of a substituted noun."""
    return re.sub(r"\b([Aa]) (?=[aeioAEIO])", lambda m: m.group(1) + "n ", text)


def related_sentence(d: Doc) -> str | None:
    parts = []
    if d.parent is not None and d.parent_rel == "reissue":
        p = d.parent
        parts.append(f"This application is a reissue application of U.S. Pat. No. {int(p.number):,}, issued "
                     f"{month_name(p.pub_date)} from U.S. patent application Ser. No. "
                     f"{p.appl_number[:2]}/{p.appl_number[2:5]},{p.appl_number[5:]}, filed {month_name(p.appl_date)}. "
                     f"Text enclosed in heavy brackets [ ] is part of the original patent but not of this reissue "
                     f"specification, and text printed in italics has been added by reissue.")
        return parts[0]
    if d.parent is not None and d.parent_rel in ("continuation", "division"):
        p = d.parent
        rel = "a continuation" if d.parent_rel == "continuation" else "a divisional"
        parts.append(f"This application is {rel} of U.S. patent application Ser. No. "
                     f"{p.appl_number[:2]}/{p.appl_number[2:5]},{p.appl_number[5:]}, filed "
                     f"{month_name(p.appl_date)}, now U.S. Pat. No. {int(p.number):,}")
        if p.provisional:
            pn, pd = p.provisional
            parts[-1] += (f", which claims the benefit of U.S. Provisional Application No. "
                          f"{pn[:2]}/{pn[2:5]},{pn[5:]}, filed {month_name(pd)}")
        parts[-1] += ". The entire contents of each of the foregoing applications are incorporated herein by reference."
    elif d.provisional:
        pn, pd = d.provisional
        parts.append(f"This application claims the benefit of U.S. Provisional Application No. "
                     f"{pn[:2]}/{pn[2:5]},{pn[5:]}, filed {month_name(pd)}, the entire disclosure of "
                     f"which is incorporated herein by reference.")
    elif d.priority and d.pct is None:
        c, num, when, _ = d.priority[0]
        cname = COUNTRY_NAMES[c]
        parts.append(f"This application claims priority to {cname} Patent Application No. {num}, filed "
                     f"{month_name(when)}, the contents of which are incorporated herein by reference in "
                     f"their entirety.")
    elif d.pct is not None:
        pct_no, pct_date, _, _, _ = d.pct
        parts.append(f"This application is a national stage application under 35 U.S.C. \u00a7 371 of "
                     f"International Application No. {pct_no}, filed {month_name(pct_date)}, which claims "
                     f"priority to {COUNTRY_NAMES[d.priority[0][0]]} Patent Application No. "
                     f"{d.priority[0][1]}, filed {month_name(d.priority[0][2])}. Each of these applications "
                     f"is incorporated herein by reference.")
    return " ".join(parts) if parts else None


def build_description(d: Doc, app_style: bool = False) -> Desc:
    s = d.spec
    fld = FIELDS[d.field]
    desc = Desc()
    target = s.get("words", 470 + hnum(d.key, "len", mod=340))
    caps = fig_captions(d)
    noun = s["claims"][0][1]

    # optional paragraphs from the field pools, in a per-document order
    bg_pool = sorted(fld["bg"], key=lambda t: hnum(d.key, "bgo", t[:30], mod=10 ** 6))
    det_pool = sorted(fld["det"], key=lambda t: hnum(d.key, "dto", t[:30], mod=10 ** 6))

    # estimate the fixed part so that the pools fill up to the target
    fixed = (words(s.get("bg", "")) + words(s.get("summ", "")) + sum(words(p) for p in s.get("det", []))
             + sum(words(claim_prose(b, "one")) for b in s["claims"][:2]) + sum(words(c) + 4 for c in caps)
             + 150)
    budget = target - fixed
    n_bg = 1 if budget < 120 else 2
    chosen_bg = bg_pool[:n_bg] if budget > 40 else bg_pool[:1]
    budget -= sum(words(p) for p in chosen_bg)
    chosen_det = []
    for p in det_pool:
        if budget - words(p) < -30:
            continue
        chosen_det.append(p)
        budget -= words(p)
        if len(chosen_det) >= 4 or budget < 30:
            break

    rel = related_sentence(d)
    if app_style:
        if rel:
            desc.pi('cross-reference-to-related-applications description="Cross Reference To Related Applications" end="lead"')
            desc.heading("CROSS-REFERENCE TO RELATED APPLICATIONS")
            desc.para(rel)
            desc.pi('cross-reference-to-related-applications description="Cross Reference To Related Applications" end="tail"')
        desc.pi('summary-of-invention description="Summary of Invention" end="lead"')
    else:
        if rel:
            desc.pi('RELAPP description="Other Patent Relations" end="lead"')
            desc.heading("CROSS-REFERENCE TO RELATED APPLICATIONS")
            desc.para(rel)
            desc.pi('RELAPP description="Other Patent Relations" end="tail"')
        desc.pi('BRFSUM description="Brief Summary" end="lead"')
    style = hnum(d.key, "hstyle", mod=3)
    desc.heading("BACKGROUND" if style else "BACKGROUND OF THE INVENTION")
    tf = f"The present disclosure relates generally to {fld['area']}, and more particularly to {s['tf']}."
    if style == 2:
        desc.heading("Technical Field", 2)
        desc.para(tf)
        desc.heading("Description of the Related Art", 2)
    else:
        desc.para(tf)
    for p in chosen_bg:
        desc.para(p)
    if s.get("bg"):
        desc.para(s["bg"])
    desc.heading("SUMMARY" if style else "SUMMARY OF THE INVENTION")
    if s.get("summ"):
        desc.para(s["summ"])
    for i, b in enumerate(s["claims"][:2]):
        desc.para(claim_prose(b, "one" if i == 0 else "another"))
    desc.para(pick(SUMMARY_CLOSINGS, d.key, "sc"))
    if app_style:
        desc.pi('summary-of-invention description="Summary of Invention" end="tail"')
    else:
        desc.pi('BRFSUM description="Brief Summary" end="tail"')
    desc.pi('brief-description-of-drawings description="Brief Description of Drawings" end="lead"')
    desc.lines.append("<description-of-drawings>")
    desc.heading("BRIEF DESCRIPTION OF THE DRAWINGS")
    desc.para(pick(DRAWING_INTROS, d.key, "di"))
    for i, cap in enumerate(caps, 1):
        end = "." if i == len(caps) else (";" if i < len(caps) - 1 else "; and")
        desc.para(f"FIG. {i} {cap}{end}")
    desc.lines.append("</description-of-drawings>")
    desc.pi('brief-description-of-drawings description="Brief Description of Drawings" end="tail"')
    desc.pi('detailed-description description="Detailed Description" end="lead"' if app_style
            else 'DETDESC description="Detailed Description" end="lead"')
    desc.heading("DETAILED DESCRIPTION")
    desc.para(a_an(pick(DETAIL_INTROS, d.key, "dI").format(n=noun)))
    for p in s.get("det", []):
        desc.para(p)
    for p in chosen_det:
        desc.para(p)
    desc.para(pick(DETAIL_CLOSINGS, d.key, "dc"))
    desc.pi('detailed-description description="Detailed Description" end="tail"' if app_style
            else 'DETDESC description="Detailed Description" end="tail"')
    if not 300 <= desc.words <= 900:
        raise ValueError(f"{d.key}: description has {desc.words} words (want 300-900)")
    return desc


# --------------------------------------------------------------------------
# bibliographic blocks
# --------------------------------------------------------------------------

def write_parties(x: X, d: Doc, app: bool):
    seq = (lambda i: f"{i - 1:02d}") if app else (lambda i: f"{i:03d}")
    aia = d.appl_date >= D(2012, 9, 16)
    x.open("us-parties")
    x.open("us-applicants")
    if aia and d.assignees:
        for i, (ok, variant) in enumerate(d.assignees, 1):
            o = org(ok)
            x.open("us-applicant", sequence=seq(i), app_type="applicant", designation="us-only",
                   applicant_authority_category="assignee")
            x.open("addressbook")
            x.leaf("orgname", variant or o["name"])
            address(x, o["city"], o.get("state"), o["country"])
            x.close("addressbook")
            x.open("residence")
            x.leaf("country", o["country"])
            x.close("residence")
            x.close("us-applicant")
    else:
        for i, pk in enumerate(d.inventors, 1):
            last, first, city, state, country = PEOPLE[pk]
            if aia:
                x.open("us-applicant", sequence=seq(i), app_type="applicant", designation="us-only",
                       applicant_authority_category="inventor")
            else:
                x.open("us-applicant", sequence=seq(i), app_type="applicant-inventor", designation="us-only")
            x.open("addressbook")
            x.leaf("last-name", last)
            x.leaf("first-name", first)
            address(x, city, state, country)
            x.close("addressbook")
            x.open("residence")
            x.leaf("country", country)
            x.close("residence")
            x.close("us-applicant")
    x.close("us-applicants")
    x.open("inventors")
    for i, pk in enumerate(d.inventors, 1):
        last, first, city, state, country = PEOPLE[pk]
        x.open("inventor", sequence=seq(i), designation="us-only")
        x.open("addressbook")
        x.leaf("last-name", last)
        x.leaf("first-name", first)
        address(x, city, state, country)
        x.close("addressbook")
        x.close("inventor")
    x.close("inventors")
    firm = d.spec.get("agent")
    if firm is None and d.assignees:
        firm = org(d.assignees[0][0])["agent"]
    if firm is None:
        firm = pick(sorted(FIRMS), d.key, "firm")
    if firm != "-":
        x.open("agents")
        f = FIRMS[firm]
        x.open("agent", sequence="01", rep_type="attorney")
        x.open("addressbook")
        if isinstance(f, tuple):
            x.leaf("last-name", f[0])
            x.leaf("first-name", f[1])
        else:
            x.leaf("orgname", f)
        x.open("address")
        x.leaf("country", "unknown")
        x.close("address")
        x.close("addressbook")
        x.close("agent")
        x.close("agents")
    x.close("us-parties")


def write_assignees(x: X, d: Doc):
    if not d.assignees:
        return
    x.open("assignees")
    for ok, variant in d.assignees:
        o = org(ok)
        x.open("assignee")
        x.open("addressbook")
        x.leaf("orgname", variant or o["name"])
        x.leaf("role", o["role"])
        address(x, o["city"], o.get("state"), o["country"])
        x.close("addressbook")
        x.close("assignee")
    x.close("assignees")


def write_examiners(x: X, d: Doc):
    pool = EXAMINERS[d.field or d.spec.get("exam_field", "DESIGN")]
    last, first, dept = pick(pool, d.key, "exam")
    x.open("examiners")
    x.open("primary-examiner")
    x.leaf("last-name", last)
    x.leaf("first-name", first)
    x.leaf("department", dept)
    x.close("primary-examiner")
    if hnum(d.key, "asst", mod=3) == 0:
        alast, afirst = pick(ASSISTANT_EXAMINERS, d.key, "aexam")
        x.open("assistant-examiner")
        x.leaf("last-name", alast)
        x.leaf("first-name", afirst)
        x.close("assistant-examiner")
    x.close("examiners")


def write_priority(x: X, d: Doc):
    if not d.priority:
        return
    x.open("priority-claims")
    for i, (ctry, num, when, kind) in enumerate(d.priority, 1):
        x.open("priority-claim", sequence=f"{i:02d}", kind=kind)
        x.leaf("country", ctry)
        x.leaf("doc-number", num)
        x.leaf("date", ymd(when))
        x.close("priority-claim")
    x.close("priority-claims")


def write_related(x: X, d: Doc, app: bool):
    items = []
    if d.parent is not None or d.provisional or (d.related_pub and not app):
        x.open("us-related-documents")
        if d.parent is not None:
            p = d.parent
            tag = {"continuation": "continuation", "division": "division", "reissue": "reissue"}[d.parent_rel]
            x.open(tag)
            x.open("relation")
            x.open("parent-doc")
            doc_id(x, "US", p.appl_number, date=ymd(p.appl_date))
            x.open("parent-grant-document")
            doc_id(x, "US", p.cite_number(), p.kind if d.parent_rel == "reissue" else None,
                   date=ymd(p.pub_date) if d.parent_rel == "reissue" else None)
            x.close("parent-grant-document")
            x.close("parent-doc")
            x.open("child-doc")
            doc_id(x, "US", d.appl_number)
            x.close("child-doc")
            x.close("relation")
            x.close(tag)
        prov = d.provisional or (d.parent.provisional if d.parent is not None and d.parent_rel != "reissue" else None)
        if prov:
            x.open("us-provisional-application")
            doc_id(x, "US", prov[0], date=ymd(prov[1]))
            x.close("us-provisional-application")
        if d.related_pub and not app:
            rp = d.related_pub
            if isinstance(rp, Doc):
                num, when = rp.number, rp.pub_date
            else:
                num, when = rp
            x.open("related-publication")
            doc_id(x, "US", num, "A1", date=ymd(when))
            x.close("related-publication")
        x.close("us-related-documents")
    return items


def write_pct(x: X, d: Doc):
    if d.pct is None:
        return
    pct_no, pct_date, wo_no, wo_date, d371 = d.pct
    x.open("pct-or-regional-filing-data")
    doc_id(x, "WO", pct_no, "00", date=ymd(pct_date))
    x.open("us-371c124-date")
    x.leaf("date", ymd(d371))
    x.close("us-371c124-date")
    x.close("pct-or-regional-filing-data")
    x.open("pct-or-regional-publishing-data")
    doc_id(x, "WO", wo_no, "A1", date=ymd(wo_date))
    x.close("pct-or-regional-publishing-data")


def write_drawings(x: X, d: Doc, sheets: int, stem: str):
    x.open("drawings", id="DRAWINGS")
    for k in range(sheets + 1):
        he = 150 + hnum(d.key, "he", k, mod=10000) / 100
        wi = 100 + hnum(d.key, "wi", k, mod=8000) / 100
        x.open("figure", id=f"Fig-EMI-D{k:05d}", num=f"{k:05d}")
        attrs = dict(id=f"EMI-D{k:05d}", he=f"{he:.2f}mm", wi=f"{wi:.2f}mm")
        if hnum(d.key, "or", k, mod=5) == 0:
            attrs["orientation"] = "landscape"
        attrs.update(file=f"{stem}-D{k:05d}.TIF", alt="embedded image", img_content="drawing", img_format="tif")
        x.empty("img", **attrs)
        x.close("figure")
    x.close("drawings")


def sheets_for(nfigs: int, key: str) -> int:
    return max(1, (nfigs * 2 + 2) // 3 - hnum(key, "sh", mod=2))


def uspc_for(d: Doc) -> list[str]:
    fld = FIELDS[d.field]
    if d.spec.get("uspc"):
        return d.spec["uspc"]
    first = pick(fld["uspc"][:3], d.key, "u0")
    rest = [u for u in fld["uspc"] if u != first]
    rest = sorted(rest, key=lambda u: hnum(d.key, "ur", u, mod=1000))[: 1 + hnum(d.key, "un", mod=3)]
    return [first] + rest


def write_term(x: X, d: Doc):
    s = d.spec
    ext = s.get("pta")
    if ext is None:
        ext = (15 + hnum(d.key, "pta", mod=900)) if hnum(d.key, "hasPTA", mod=10) < 5 else 0
    if d.type == "design":
        x.open("us-term-of-grant")
        x.leaf("length-of-grant", "14" if d.appl_date < D(2015, 5, 13) else "15")
        x.close("us-term-of-grant")
        return
    if not ext and not s.get("disclaimer"):
        return
    x.open("us-term-of-grant")
    if ext:
        x.leaf("us-term-extension", str(ext))
    if s.get("disclaimer"):
        x.open("disclaimer")
        x.leaf("text", "This patent is subject to a terminal disclaimer.")
        x.close("disclaimer")
    x.close("us-term-of-grant")


def header(x: X, root: str, dtd: str, version: str, d: Doc):
    x.raw('<?xml version="1.0" encoding="UTF-8"?>')
    x.raw(f'<!DOCTYPE {root} SYSTEM "{dtd}" [ ]>')
    produced = d.pub_date - _dt.timedelta(days=14 + hnum(d.key, "prod", mod=5))
    x.open(root, lang="EN", dtd_version=version, file=d.file_name(), status="PRODUCTION", id=root,
           country="US", date_produced=ymd(produced), date_publ=ymd(d.pub_date))


# --------------------------------------------------------------------------
# whole documents
# --------------------------------------------------------------------------

def grant_xml(d: Doc, by_key: dict[str, Doc]) -> str:
    s = d.spec
    x = X()
    header(x, "us-patent-grant", GRANT_DTD, "v4.5 2014-04-03", d)
    x.open("us-bibliographic-data-grant")
    x.open("publication-reference")
    doc_id(x, "US", d.number, d.kind, date=ymd(d.pub_date))
    x.close("publication-reference")
    x.open("application-reference", appl_type=KIND_TYPES[d.type])
    doc_id(x, "US", d.appl_number, date=ymd(d.pct[1] if d.pct else d.appl_date))
    x.close("application-reference")
    x.leaf("us-application-series-code", f"{d.series:02d}")
    write_priority(x, d)
    write_term(x, d)
    old_uspc = d.pub_date.year <= 2015
    if d.type == "design":
        x.open("classification-locarno")
        x.leaf("edition", s["locarno"][0])
        x.leaf("main-classification", s["locarno"][1])
        x.close("classification-locarno")
        x.open("classification-national")
        x.leaf("country", "US")
        x.leaf("main-classification", s["uspc"][0])
        x.close("classification-national")
    else:
        cpcs = s["cpc"]
        ipcs = []
        for c in cpcs:
            i = ipc_for(c)
            if i and i not in ipcs:
                ipcs.append(i)
        write_ipcr(x, ipcs, d.pub_date)
        write_cpc(x, cpcs, d.pub_date)
        if old_uspc:
            us = uspc_for(d)
            x.open("classification-national")
            x.leaf("country", "US")
            x.leaf("main-classification", us[0])
            for u in us[1:]:
                x.leaf("further-classification", u)
            x.close("classification-national")
    x.leaf("invention-title", s["title"], id="d2e" + str(43 + 2 * len(d.priority) + (10 if d.type != "design" else 0)))
    write_citations(x, d, citations(d, by_key))
    if d.type == "design":
        claim_lines, nclaims = None, 1
    elif d.type == "reissue":
        claim_lines, nclaims = reissue_claims(d)
    else:
        claim_lines, nclaims = render_claims(d)
    x.leaf("number-of-claims", str(nclaims))
    x.leaf("us-exemplary-claim", "1")
    x.open("us-field-of-classification-search")
    if d.type == "design":
        for u in s["uspc"]:
            x.raw(f"<classification-national><country>US</country><main-classification>{esc(u)}"
                  f"</main-classification></classification-national>")
    else:
        if old_uspc:
            for u in uspc_for(d):
                x.raw(f"<classification-national><country>US</country><main-classification>{esc(u)}"
                      f"</main-classification></classification-national>")
        if d.pub_date.year >= 2013:
            for c in s["cpc"][:4]:
                x.leaf("classification-cpc-text", c)
    x.close("us-field-of-classification-search")
    caps = s["figs"] if d.type == "design" else fig_captions(d)
    sheets = sheets_for(len(caps), d.key)
    x.open("figures")
    x.leaf("number-of-drawing-sheets", str(sheets))
    x.leaf("number-of-figures", str(len(caps)))
    x.close("figures")
    write_related(x, d, app=False)
    write_parties(x, d, app=False)
    write_assignees(x, d)
    write_examiners(x, d)
    write_pct(x, d)
    x.close("us-bibliographic-data-grant")
    if d.type != "design":
        x.open("abstract", id="abstract")
        x.raw(f'<p id="p-0001" num="0000">{rich(s["abstract"])}</p>')
        x.close("abstract")
    write_drawings(x, d, sheets, d.file_name()[:-4])
    x.open("description", id="description")
    if d.type == "design":
        for line in design_description(d, caps):
            x.raw(line)
    else:
        for line in build_description(d).lines:
            x.raw(line)
    x.close("description")
    if d.type == "design":
        x.leaf("us-claim-statement", "CLAIM")
        x.open("claims", id="claims")
        x.open("claim", id="CLM-00001", num="00001")
        x.leaf("claim-text", f"The ornamental design for {s['article']}, as shown and described.")
        x.close("claim")
        x.close("claims")
    else:
        x.leaf("us-claim-statement", pick(["What is claimed is:", "The invention claimed is:",
                                            "What is claimed is:", "We claim:", "What is claimed is:"],
                                           d.key, "cst") if not s.get("claim_statement") else s["claim_statement"])
        x.open("claims", id="claims")
        for line in claim_lines:
            x.raw(line)
        x.close("claims")
    x.close("us-patent-grant")
    return x.text()


def design_description(d: Doc, caps: list[str]) -> list[str]:
    out = ['<?brief-description-of-drawings description="Brief Description of Drawings" end="lead"?>',
           "<description-of-drawings>"]
    n = 0
    for i, cap in enumerate(caps, 1):
        n += 1
        end = ";" if i < len(caps) - 1 else ("; and" if i == len(caps) - 1 else ".")
        out.append(f'<p id="p-{n:04d}" num="{n:04d}">{rich(f"FIG. {i} {cap}{end}", figs=True)}</p>')
    for extra in d.spec.get("notes", []):
        n += 1
        out.append(f'<p id="p-{n:04d}" num="{n:04d}">{rich(extra, figs=True)}</p>')
    out.append("</description-of-drawings>")
    out.append('<?brief-description-of-drawings description="Brief Description of Drawings" end="tail"?>')
    return out


def reissue_claims(d: Doc) -> tuple[list[str], int]:
    lines, n = render_claims(d)
    noun = d.spec["claims"][0][1]
    for tail in d.spec["added_claims"]:
        n += 1
        lines.append(f'<claim id="CLM-{n:05d}" num="{n:05d}">')
        lines.append(f'<claim-text><i>{n}. The {esc(noun)} of </i><claim-ref idref="CLM-00001">claim 1</claim-ref>'
                     f"<i>, {rich(tail)}{_dot(tail)}</i></claim-text>")
        lines.append("</claim>")
    return lines, n


def app_xml(d: Doc) -> str:
    s = d.spec
    v45 = d.pub_date >= D(2022, 1, 1)
    x = X()
    header(x, "us-patent-application", APP_DTD_V45 if v45 else APP_DTD_V44,
           "v4.5 2021-08-30" if v45 else "v4.4 2014-04-03", d)
    x.open("us-bibliographic-data-application", lang="EN", country="US")
    x.open("publication-reference")
    doc_id(x, "US", d.number, d.kind, date=ymd(d.pub_date))
    x.close("publication-reference")
    x.open("application-reference", appl_type="utility")
    doc_id(x, "US", d.appl_number, date=ymd(d.appl_date))
    x.close("application-reference")
    x.leaf("us-application-series-code", f"{d.series:02d}")
    write_priority(x, d)
    cpcs = s["cpc"]
    ipcs = []
    for c in cpcs:
        i = ipc_for(c)
        if i and i not in ipcs:
            ipcs.append(i)
    write_ipcr(x, ipcs, d.pub_date)
    write_cpc(x, cpcs, d.pub_date)
    x.leaf("invention-title", s["title"], id="d2e43")
    write_related(x, d, app=True)
    write_parties(x, d, app=True)
    write_assignees(x, d)
    x.close("us-bibliographic-data-application")
    x.open("abstract", id="abstract")
    x.raw(f'<p id="p-0001" num="0000">{rich(s["abstract"])}</p>')
    x.close("abstract")
    caps = fig_captions(d)
    write_drawings(x, d, sheets_for(len(caps), d.key), d.file_name()[:-4])
    x.open("description", id="description")
    for line in build_description(d, app_style=True).lines:
        x.raw(line)
    x.close("description")
    if hnum(d.key, "acs", mod=2):
        x.leaf("us-claim-statement", "What is claimed is:")
    lines, n = render_claims(d, bold_numbers=True)
    x.open("claims", id="claims")
    for line in lines:
        x.raw(line)
    x.close("claims")
    x.close("us-patent-application")
    return x.text()


# --------------------------------------------------------------------------
# checks, statistics, output
# --------------------------------------------------------------------------

def check_doc(d: Doc):
    s = d.spec
    if d.type == "design":
        return
    aw = words(s["abstract"])
    if not 80 <= aw <= 150:
        raise ValueError(f"{d.key}: abstract has {aw} words (want 80-150)")
    if d.type != "app":
        _, n = render_claims(d) if d.type != "reissue" else reissue_claims(d)
        if not 8 <= n <= 20:
            raise ValueError(f"{d.key}: {n} claims (want 8-20)")


def build(out_dir: str = OUT_DIR) -> dict:
    originals = {s["key"]: s for s in UTILITY}
    grants = [Doc(s, "utility") for s in UTILITY]
    grants += [Doc(s, "design") for s in DESIGNS]
    for r in REISSUES:
        merged = dict(originals[r["orig"]])
        merged.update(r)
        grants.append(Doc(merged, "reissue"))
    apps = [Doc(s, "app") for s in APPS]
    keys = [d.key for d in grants + apps]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate document keys")
    titles = [d.spec["title"].lower() for d in grants if d.type != "reissue"] + [d.spec["title"].lower() for d in apps]
    if len(titles) != len(set(titles)):
        raise ValueError("duplicate titles")
    assign_numbers(grants, apps)
    by_key = {d.key: d for d in grants + apps}
    errors = []
    for d in grants + apps:
        try:
            check_doc(d)
        except ValueError as e:
            errors.append(str(e))
    if errors:
        raise ValueError("; ".join(errors))
    grants.sort(key=lambda d: (d.pub_date, d.number))
    apps.sort(key=lambda d: (d.pub_date, d.number))
    grant_text = "".join(grant_xml(d, by_key) for d in grants)
    app_text = "".join(app_xml(d) for d in apps)
    with open(os.path.join(out_dir, GRANT_FILE), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(grant_text)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo(APP_MEMBER, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = 0o100644 << 16
        zf.writestr(info, app_text.encode("utf-8"), compresslevel=9)
    with open(os.path.join(out_dir, APP_ZIP), "wb") as fh:
        fh.write(buf.getvalue())
    return dict(grants=grants, apps=apps, by_key=by_key)


def stats(res: dict) -> str:
    grants, apps, by_key = res["grants"], res["apps"], res["by_key"]
    out = []
    out.append(f"grants: {len(grants)} ({sum(d.type == 'utility' for d in grants)} utility, "
               f"{sum(d.type == 'design' for d in grants)} design, {sum(d.type == 'reissue' for d in grants)} reissue); "
               f"applications: {len(apps)}")
    per_field: dict[str, list[int]] = {}
    for d in grants + apps:
        f = d.field or "DESIGN"
        per_field.setdefault(f, [0, 0])[0 if d.type != "app" else 1] += 1
    out.append("per field (grants, applications): " + ", ".join(f"{k} {v[0]}+{v[1]}" for k, v in sorted(per_field.items())))
    per_year: dict[int, int] = {}
    for d in grants:
        per_year[d.pub_date.year] = per_year.get(d.pub_date.year, 0) + 1
    out.append("grants per year: " + ", ".join(f"{y}:{n}" for y, n in sorted(per_year.items())))
    internal = sum(len(d.spec.get("cites", [])) for d in grants)
    citing = sum(1 for d in grants if d.spec.get("cites"))
    out.append(f"in-corpus citations: {internal} (from {citing} grants)")
    nums = sorted(d.number for d in grants if d.type == "utility")
    out.append(f"utility numbers {nums[0]}..{nums[-1]}; designs "
               + ", ".join(d.number for d in grants if d.type == "design")
               + "; reissues " + ", ".join(d.number for d in grants if d.type == "reissue")
               + f"; applications {min(d.number for d in apps)}..{max(d.number for d in apps)}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    res = build()
    if "--quiet" not in argv:
        print(stats(res))
        print(f"wrote {os.path.join(OUT_DIR, GRANT_FILE)} and {os.path.join(OUT_DIR, APP_ZIP)}")
    return 0


# ==========================================================================
# DATA -- everything below is invented for the patdex sample corpus.
# ==========================================================================

# Publication numbers that are never assigned because they occur in the real
# documents under ../shared/data (checked when the corpus was built); a number
# listed here is replaced by the next free one.
AVOID_NUMBERS: set[str] = {"20040111324", "20090001002"}

COUNTRY_NAMES = {"JP": "Japanese", "KR": "Korean", "DE": "German", "CH": "Swiss", "NL": "Netherlands",
                 "EP": "European", "CN": "Chinese"}

# assignees: canonical name, address, USPTO assignee role code
# (02 = US company or corporation, 03 = foreign company or corporation)
ORGS = {
    "northwind": dict(name="Northwind Energy Systems, Inc.", city="Austin", state="TX", country="US", role="02",
                      agent="halloran"),
    "kestrel": dict(name="Kestrel Robotics GmbH", city="Munich", country="DE", role="03", agent="kirchner"),
    "halcyon": dict(name="Halcyon Photonics Corporation", city="Tempe", state="AZ", country="US", role="02",
                    agent="brightwater"),
    "meridian": dict(name="Meridian Vascular Technologies, LLC", city="Maple Grove", state="MN", country="US",
                     role="02", agent="osterhout"),
    "tessellate": dict(name="Tessellate Genomics, Inc.", city="Cambridge", state="MA", country="US", role="02",
                       agent="sycamore"),
    "corvid": dict(name="Corvid Vision Labs, Inc.", city="San Jose", state="CA", country="US", role="02",
                   agent="lindell"),
    "aurelian": dict(name="Aurelian Motors Co., Ltd.", city="Okazaki-shi, Aichi", country="JP", role="03",
                     agent="kirchner"),
    "bluestem": dict(name="Bluestem Agronomics Corporation", city="Ames", state="IA", country="US", role="02",
                     agent="halloran"),
    "clearwell": dict(name="Clearwell Water Technologies, Inc.", city="Golden", state="CO", country="US",
                      role="02", agent="brightwater"),
    "hanbit": dict(name="Hanbit Semiconductor Co., Ltd.", city="Hwaseong-si, Gyeonggi-do", country="KR",
                   role="03", agent="yoonpark"),
    "pellucid": dict(name="Pellucid Materials AG", city="Z\u00fcrich", country="CH", role="03", agent="kirchner"),
    "lodestar": dict(name="Lodestar Autonomy, Inc.", city="Pittsburgh", state="PA", country="US", role="02",
                     agent="lindell"),
    "granary": dict(name="Granary Automation B.V.", city="Eindhoven", country="NL", role="03", agent="osterhout"),
    # universities and research institutes
    "westmarch": dict(name="Board of Regents, University of Westmarch", city="Spokane", state="WA", country="US",
                      role="02", agent="sycamore"),
    "lakeside": dict(name="Lakeside Institute of Technology", city="Cleveland", state="OH", country="US",
                     role="02", agent="osterhout"),
    "rheinfeld": dict(name="Rheinfeld Institute for Applied Materials e.V.", city="Bonn", country="DE",
                      role="03", agent="kirchner"),
    "seiran": dict(name="National University Corporation Seiran University", city="Sendai-shi, Miyagi",
                   country="JP", role="03", agent="kirchner"),
    "harrowgate": dict(name="Trustees of Harrowgate College", city="Burlington", state="VT", country="US",
                       role="02", agent="sycamore"),
}

FIRMS = {
    "halloran": "Halloran Whitcombe LLP",
    "brightwater": "Brightwater & Vance, P.C.",
    "osterhout": "Osterhout Patent Group PLLC",
    "kirchner": "Kirchner, Ambrose & Tully LLP",
    "sycamore": "Sycamore Row Intellectual Property, LLC",
    "lindell": "Lindell & Quayle",
    "yoonpark": "Yoon Park & Associates",
    "mirza": ("Mirza", "Tariq"),
}

# inventors: last name, first name, city, state (US only), country
PEOPLE = {
    # Northwind Energy Systems
    "okonkwo": ("Okonkwo", "Adaeze", "Austin", "TX", "US"),
    "lindgren": ("Lindgren", "Paul M.", "Round Rock", "TX", "US"),
    "vasquez": ("Vasquez", "Elena", "Austin", "TX", "US"),
    "tran": ("Tran", "Minh Q.", "Cedar Park", "TX", "US"),
    # Aurelian Motors
    "takahara": ("Takahara", "Kenji", "Okazaki", None, "JP"),
    "morimoto": ("Morimoto", "Yuka", "Nagoya", None, "JP"),
    "ishida": ("Ishida", "Haruto", "Toyota", None, "JP"),
    "fairbanks": ("Fairbanks", "Gregory", "Ann Arbor", "MI", "US"),
    # Pellucid Materials
    "brunner": ("Brunner", "Matthias", "Z\u00fcrich", None, "CH"),
    "keller": ("Keller", "Anja", "Winterthur", None, "CH"),
    "rossi": ("Rossi", "Lorenzo", "Lugano", None, "CH"),
    # Kestrel Robotics
    "hoffmann": ("Hoffmann", "Jonas", "Munich", None, "DE"),
    "weissenberg": ("Wei\u00dfenberg", "Clara", "Augsburg", None, "DE"),
    "demir": ("Demir", "Emre", "Munich", None, "DE"),
    "novak": ("Novak", "Petra", "Regensburg", None, "DE"),
    # Halcyon Photonics
    "castellanos": ("Castellanos", "Ruben", "Tempe", "AZ", "US"),
    "whitfield": ("Whitfield", "Dana", "Chandler", "AZ", "US"),
    "iyer": ("Iyer", "Sanjay", "Scottsdale", "AZ", "US"),
    # Meridian Vascular
    "halvorsen": ("Halvorsen", "Kristin", "Plymouth", "MN", "US"),
    "abernathy": ("Abernathy", "Colin J.", "Maple Grove", "MN", "US"),
    "suzuki": ("Suzuki", "Rina", "Minneapolis", "MN", "US"),
    "petrov": ("Petrov", "Dmitri", "Eden Prairie", "MN", "US"),
    # Tessellate Genomics
    "raman": ("Raman", "Priya", "Cambridge", "MA", "US"),
    "goldberg": ("Goldberg", "Nathan", "Brookline", "MA", "US"),
    "achebe": ("Achebe", "Chidi", "Somerville", "MA", "US"),
    # Corvid Vision Labs
    "chen": ("Chen", "Wei-Lin", "San Jose", "CA", "US"),
    "marchetti": ("Marchetti", "Luca", "Palo Alto", "CA", "US"),
    "parkjh": ("Park", "Ji-hoon", "Sunnyvale", "CA", "US"),
    "odonnell": ("O'Donnell", "Fiona", "Santa Clara", "CA", "US"),
    # Bluestem Agronomics
    "lindqvist": ("Lindqvist", "Erik", "Ames", "IA", "US"),
    "hernandez": ("Hernandez", "Maria Luisa", "Des Moines", "IA", "US"),
    "baumgartner": ("Baumgartner", "Todd", "Nevada", "IA", "US"),
    # Clearwell Water Technologies
    "nakamura": ("Nakamura", "Alan", "Golden", "CO", "US"),
    "fitzgerald": ("Fitzgerald", "Sin\u00e9ad", "Boulder", "CO", "US"),
    "ramos": ("Ramos", "Teresa", "Lakewood", "CO", "US"),
    # Hanbit Semiconductor
    "kimsh": ("Kim", "Seong-ho", "Hwaseong-si", None, "KR"),
    "leehe": ("Lee", "Ha-eun", "Suwon-si", None, "KR"),
    "parkmj": ("Park", "Min-jae", "Yongin-si", None, "KR"),
    "chodw": ("Cho", "Dae-won", "Seongnam-si", None, "KR"),
    # Lodestar Autonomy
    "kowalski": ("Kowalski", "Adam", "Pittsburgh", "PA", "US"),
    "bhattacharya": ("Bhattacharya", "Ananya", "Pittsburgh", "PA", "US"),
    "reyes": ("Reyes", "Daniel", "Sewickley", "PA", "US"),
    "sorensen": ("Sorensen", "Mette", "Wexford", "PA", "US"),
    # Granary Automation
    "vandenberg": ("van der Berg", "Joost", "Eindhoven", None, "NL"),
    "dewit": ("de Wit", "Sanne", "Veldhoven", None, "NL"),
    "jansen": ("Jansen", "Pieter", "Helmond", None, "NL"),
    # University of Westmarch
    "adeyemi": ("Adeyemi", "Folake", "Spokane", "WA", "US"),
    "hartmann": ("Hartmann", "Gregor", "Spokane", "WA", "US"),
    "liux": ("Liu", "Xiaoming", "Spokane Valley", "WA", "US"),
    # Lakeside Institute of Technology
    "brennan": ("Brennan", "Michael T.", "Cleveland", "OH", "US"),
    "zhouy": ("Zhou", "Yiwen", "Shaker Heights", "OH", "US"),
    "osei": ("Osei", "Kwame", "Cleveland", "OH", "US"),
    # Rheinfeld Institute
    "schaefer": ("Sch\u00e4fer", "Lukas", "Bonn", None, "DE"),
    "krueger": ("Kr\u00fcger", "Annika", "Cologne", None, "DE"),
    # Seiran University
    "watanabe": ("Watanabe", "Sho", "Sendai", None, "JP"),
    "fujii": ("Fujii", "Mao", "Sendai", None, "JP"),
    # Harrowgate College
    "whitaker": ("Whitaker", "Eleanor", "Burlington", "VT", "US"),
    "mensah": ("Mensah", "Kofi", "South Burlington", "VT", "US"),
    # independent inventors
    "delacroix": ("Delacroix", "Henri", "Baton Rouge", "LA", "US"),
    "okafor": ("Okafor", "Samuel", "Tucson", "AZ", "US"),
    "haugen": ("Haugen", "Ingrid", "Fargo", "ND", "US"),
    "pruitt": ("Pruitt", "Wallace", "Bakersfield", "CA", "US"),
    "sandoval": ("Sandoval", "Marisol", "El Paso", "TX", "US"),
}

EXAMINERS = {
    "BAT": [("Aldana", "Rosario", "1729"), ("Whitlock", "Jerome", "1725"), ("Nkemelu", "Grace", "1727")],
    "PV": [("Baptiste", "Carole", "1721"), ("Sadowski", "Brian", "1726")],
    "MED": [("Fenwick", "Lorraine", "3783"), ("Okoro", "Benedict", "3794"), ("Tanabe", "Ross", "3791")],
    "BIO": [("Ravindran", "Meena", "1636"), ("Stahl", "Cornelius", "1633")],
    "ML": [("Yoshida", "Karen", "2662"), ("Ballard", "Trevor", "2125"), ("Ansari", "Nadia", "2668")],
    "AV": [("Gutierrez", "Ramon", "3662"), ("Petersen", "Holly", "3666"), ("Mbatha", "Julius", "3668")],
    "WATER": [("Dunmore", "Isaac", "1777"), ("Qureshi", "Farah", "1779")],
    "AGRI": [("Blackwood", "Seth", "3671"), ("Lowry", "Annette", "3672")],
    "SEMI": [("Han", "Joseph", "2812"), ("Moreau", "C\u00e9line", "1713"), ("Varela", "Tomas", "2818")],
    "ROBOT": [("Ferreira", "Paulo", "3664"), ("Lindahl", "Greta", "3651")],
    "DESIGN": [("Ostrowski", "Dana", "2913"), ("Pham", "Linh", "2923")],
}
ASSISTANT_EXAMINERS = [("Garvey", "Owen"), ("Idowu", "Bisi"), ("Krause", "Melanie"), ("Salerno", "Vince"),
                       ("Truong", "Anh"), ("Whelan", "Corinne")]

# names used for invented external citations
SURNAMES = ["Abbott", "Acosta", "Bauer", "Bergstrom", "Calloway", "Castillo", "Delgado", "Dubois", "Eriksen",
            "Falk", "Gallagher", "Hagen", "Horvath", "Ibarra", "Jaeger", "Kaminski", "Kurosawa", "Lange",
            "Matsuda", "Molina", "Nakagawa", "Nyberg", "Oyelaran", "Pereira", "Quintero", "Rahman", "Sato",
            "Schulz", "Sokolov", "Takeda", "Tanaka", "Ueda", "Varga", "Wagner", "Whitmore", "Yamamoto",
            "Zimmer", "Holt", "Kerr", "Lund", "Marsh", "Prescott", "Renner", "Sutter", "Voss", "Wexler",
            "Yoon", "Zhang", "Okada", "Brandt"]

NPL_VENUES = {
    "BAT": ["Journal of Electrochemical Energy Materials", "Proceedings of the Westmarch Symposium on Energy Storage",
            "Solid State Ion Transport Letters"],
    "PV": ["Progress in Photovoltaic Device Engineering", "Solar Conversion Materials and Devices",
           "Proceedings of the International Photovoltaic Engineering Forum"],
    "MED": ["Journal of Interventional Device Engineering", "Catheter Science and Technology Review",
            "Annals of Vascular Instrumentation"],
    "BIO": ["Genome Engineering Reports", "Journal of Nucleic Acid Therapeutics Research", "Cellular Editing Methods"],
    "ML": ["Transactions on Visual Learning Systems", "Proceedings of the Conference on Neural Representation Learning",
           "Journal of Machine Perception"],
    "AV": ["Journal of Automated Driving Systems", "Proceedings of the Symposium on Intelligent Road Vehicles",
           "Vehicle Perception and Control Letters"],
    "WATER": ["Journal of Membrane Separation Engineering", "Desalination Process Review",
              "Water Treatment Technology Letters"],
    "AGRI": ["Precision Agronomy Engineering", "Transactions on Agricultural Machinery Systems",
             "Journal of Field Robotics in Agriculture"],
    "SEMI": ["Journal of Plasma Processing for Microelectronics", "Semiconductor Fabrication Technology Letters",
             "Proceedings of the Thin Film Process Workshop"],
    "ROBOT": ["Journal of Robotic Manipulation", "Proceedings of the Conference on Industrial Automation and Robotics",
              "Robot Grasping and Control Letters"],
}

SUMMARY_CLOSINGS = [
    "This summary is offered only to introduce, in a condensed form, some of the ideas that the detailed "
    "description develops more fully. It does not single out essential features of what is claimed, and "
    "it should not be read as narrowing the claims.",
    "The advantages mentioned in this summary are not exhaustive. Further benefits will occur to a skilled "
    "reader who studies the drawings, the description and the claims together.",
    "Additional fields of use will become clear from the description that follows. That description and its "
    "examples are given to illustrate the embodiments, not to restrict what is covered by the claims.",
    "Further aspects and benefits of the disclosed subject matter will emerge from the description below and "
    "from the drawings, which show its principles by way of example rather than limitation.",
    "Both this general summary and the detailed explanation that follows are illustrative in nature and are "
    "meant to help the reader understand the subject matter as claimed.",
]

DRAWING_INTROS = [
    "The drawings that accompany this specification show embodiments of the subject matter and, read together "
    "with the written description, help to explain how it works. In the drawings:",
    "The embodiments can be understood more completely with reference to the figures listed below, in which "
    "like reference numerals designate like parts:",
    "Features of the embodiments are explained below with reference to the following schematic drawings, "
    "which are not necessarily to scale:",
    "The following figures are referred to throughout the detailed description:",
]

DETAIL_INTROS = [
    "Embodiments of the {n} are explained below with reference to the drawings. The embodiments are given as "
    "examples; a feature shown with one embodiment may be used with another, and the terms used here describe "
    "particular embodiments without limiting the claims.",
    "Many specific details are set out in the description below so that the {n} can be understood thoroughly. "
    "A skilled person will appreciate that the {n} can also be built without some of those details, or by "
    "using other components, materials or methods.",
    "Reference is now made in detail to example embodiments of the {n}, several of which appear in the "
    "drawings. Where practical, the same reference numerals mark the same or corresponding parts in all views.",
    "In this description, “a,” “an” and “the” also cover the plural unless the context indicates otherwise, and "
    "a value said to be “about” a number may differ from it by up to ten percent. Example embodiments of the "
    "{n} are now described with reference to the figures.",
]

DETAIL_CLOSINGS = [
    "Particular embodiments have been illustrated and described, but a person skilled in the art will see that "
    "they can be altered and modified in many ways without leaving the broader scope of the disclosure, and the "
    "claims are intended to cover every such variation.",
    "The embodiments above were chosen to illustrate and explain the subject matter; they are not an exhaustive "
    "list. Elements or features described for one embodiment can generally be exchanged with, or added to, those "
    "of another embodiment where that is technically possible.",
    "Although the description uses language that is specific to certain structures and acts, the claims are not "
    "restricted to those specific structures and acts, which are presented as examples of how the claims may be "
    "put into practice.",
    "Modifications of the embodiments described above will occur readily to those skilled in the art, and the "
    "general principles explained here can be applied in other embodiments. The scope of protection is defined "
    "by the claims and their equivalents rather than by the examples.",
]

UTILITY: list[dict] = []
DESIGNS: list[dict] = []
REISSUES: list[dict] = []
APPS: list[dict] = []
FIELDS: dict[str, dict] = {}


# --------------------------------------------------------------------------
# field: lithium and solid-state batteries
# --------------------------------------------------------------------------

FIELDS["BAT"] = dict(
    name="Lithium and solid-state batteries",
    area="electrochemical energy storage devices such as rechargeable lithium batteries",
    uspc=["429231.95", "429322", "429304", "429144", "429120", "429 50", "320134"],
    foreign=["JP", "KR", "CN", "DE", "WO"],
    bg=[
        "Rechargeable lithium batteries power portable electronics, cordless tools and electrified vehicles because "
        "they combine a high cell voltage with a comparatively high specific energy. A cell contains a positive "
        "electrode, a negative electrode, a porous separator and an electrolyte that carries lithium ions between "
        "the electrodes while the cell is charged and discharged.",
        "Most commercial cells rely on a liquid electrolyte made of carbonate solvents and a fluorinated lithium "
        "salt. Such liquids are flammable, and when a cell is overcharged, crushed or internally shorted the heat "
        "released can start decomposition reactions that spread to neighboring cells.",
        "Solid electrolytes based on sulfides, oxides, halides or polymers have been proposed in place of liquid "
        "electrolytes. A solid electrolyte cannot leak and may allow a lithium metal negative electrode, but keeping "
        "rigid particles in intimate contact during cycling is difficult because the active materials swell and "
        "shrink as lithium enters and leaves them.",
        "Capacity fade in lithium cells results from several mechanisms acting together, among them thickening of "
        "the solid electrolyte interphase, loss of electrical contact inside the electrodes, dissolution of "
        "transition metals from the positive electrode, and plating of metallic lithium during fast or "
        "low-temperature charging.",
        "Cell makers are also under pressure to lower cost by simplifying the coating, drying and assembly steps, "
        "which account for a large share of the energy use and floor space of a cell factory.",
    ],
    det=[
        "The positive electrode active material may be a layered oxide such as LiNi_{x}Mn_{y}Co_{z}O_{2} with "
        "x+y+z=1, a spinel such as LiMn_{2}O_{4}, an olivine phosphate such as LiFePO_{4}, or a blend of these. "
        "The particles may have a median diameter D_{50} of about 3 µm to about 15 µm and may be single crystals or "
        "secondary particles built from smaller primary grains.",
        "The negative electrode may contain graphite, hard carbon, silicon, silicon oxide, lithium titanate, lithium "
        "metal or combinations thereof. A conductive additive such as carbon black or carbon nanotubes and a binder "
        "such as polyvinylidene fluoride, styrene\u2013butadiene rubber or carboxymethyl cellulose may be mixed with "
        "the active material before the slurry is coated on a copper current collector.",
        "Where a liquid electrolyte is used, it may comprise LiPF_{6} or lithium bis(fluorosulfonyl)imide dissolved "
        "at about 0.8 M to about 1.5 M in a mixture of cyclic and linear carbonates. Additives such as vinylene "
        "carbonate or fluoroethylene carbonate may be present at up to about 5 wt % to stabilize the interphase on "
        "the negative electrode.",
        "Cells according to the embodiments may be built in pouch, prismatic or cylindrical formats. In a pouch "
        "cell, the stacked or wound electrode assembly is sealed in a laminated aluminum film with the tabs "
        "passing through the sealed edge. Cells may be connected in series and in parallel to form a module, and "
        "modules may be combined with a battery management system to form a pack.",
        "Unless stated otherwise, test cells were cycled between 2.8 V and 4.3 V at 25\u00b0 C. Formation "
        "consisted of two cycles at C/10, after which the cells were cycled at C/3. Capacity retention is the "
        "discharge capacity at a given cycle divided by the discharge capacity of the first cycle after formation.",
        "Ionic conductivity of solid electrolyte samples was measured by impedance spectroscopy on pellets pressed at "
        "about 300 MPa between stainless-steel blocking electrodes. Spectra were recorded from 1 MHz to 0.1 Hz with "
        "an amplitude of 10 mV, and bulk and grain-boundary contributions were separated by fitting an equivalent "
        "circuit.",
        "The embodiments are not tied to a particular use. The cells and packs may supply electric and hybrid "
        "vehicles, stationary storage that buffers renewable generation, consumer electronics, medical implants and "
        "aerospace equipment.",
    ],
    figs=[
        "is a schematic cross-sectional view of a {n} according to an embodiment",
        "is an enlarged view of a portion of the {n} of FIG. 1",
        "is a flow chart of a method of manufacturing the {n}",
        "is a graph of discharge capacity versus cycle number for an example and a comparative example",
        "is a graph of impedance spectra measured on samples prepared as described herein",
        "is a perspective view of a battery module including a plurality of cells",
        "is a block diagram of a vehicle power system according to an embodiment",
        "is an electron micrograph of a cross section of an electrode according to an example",
    ],
    npl_titles=[
        "Interfacial stability of layered oxide cathodes against sulfide electrolytes",
        "Pressure-dependent cycling of lithium metal anodes",
        "Suppressing thermal shrinkage of coated polyolefin separators",
        "Binder design for swelling silicon anodes",
        "Thermal gradients in liquid-cooled prismatic modules",
        "Rate capability of porous olivine phosphate agglomerates",
    ],
)

UTILITY += [
    dict(
        key="b01", f="BAT", pub="2006-05", asg=[("northwind", None)], inv=["okonkwo", "lindgren"],
        title="Carbon-coated lithium iron phosphate cathode material with controlled internal porosity",
        tf="positive electrode materials having an olivine crystal structure and a conductive carbon coating",
        cpc=["H01M 4/5825", "H01M 4/366", "H01M 4/625", "H01M 10/0525", "H01M 2004/028", "Y02E 60/10"],
        abstract=(
            "A cathode material for a lithium secondary battery includes secondary particles of lithium iron "
            "phosphate having an olivine structure, each secondary particle being an agglomerate of primary "
            "particles with an average size of 50 nm to 300 nm. A continuous carbon layer 2 nm to 10 nm thick "
            "covers the primary particles, and the secondary particles have an internal pore volume of 0.05 "
            "cm^{3}/g to 0.25 cm^{3}/g measured by mercury intrusion. The pores let the electrolyte reach the "
            "interior of each secondary particle while the carbon layer provides electronic conduction, so that the "
            "material delivers high capacity at discharge rates above 5C. A spray-drying and calcination process "
            "for producing the material is also described."),
        bg=("Lithium iron phosphate is attractive as a positive electrode material because it is inexpensive, "
            "contains no cobalt and is thermally robust. Its electronic conductivity and lithium diffusivity are "
            "low, however, and dense carbon-coated particles are poorly utilized when the cell is discharged "
            "rapidly."),
        summ=("The inventors found that a controlled amount of internal porosity, introduced when the precursor "
              "slurry is spray dried, allows fast ion transport into large secondary particles without giving up "
              "the tap density needed for practical electrode loadings."),
        det=[
            "Referring to FIG. 1, a secondary particle #10 is formed of primary particles #12 of LiFePO_{4} joined "
            "at necks #14. Each primary particle #12 carries a carbon layer #16 derived from a sucrose or polyvinyl "
            "alcohol precursor. Open pores #18 between the primary particles connect the surface of the secondary "
            "particle #10 with its center, as shown in the enlarged view of FIG. 2.",
            "In Example 1, iron phosphate, lithium carbonate and sucrose were milled in water to a solids content of "
            "35 wt %, spray dried at an inlet temperature of 220\u00b0 C. and calcined at 700\u00b0 C. for 8 hours "
            "under nitrogen. The powder had a tap density of 1.3 g/cm^{3} and a pore volume of 0.12 cm^{3}/g. At a "
            "rate of 10C a test cell retained 88% of its C/10 capacity, whereas a comparative material without "
            "internal porosity retained 61%.",
        ],
        claims=[
            (("A cathode material for a lithium secondary battery", "comprising", [
                "secondary particles each formed by agglomeration of primary particles of lithium iron phosphate "
                "having an olivine crystal structure, the primary particles having an average particle size of "
                "50 nm to 300 nm",
                "a carbon coating layer continuously covering surfaces of the primary particles and having a "
                "thickness of 2 nm to 10 nm",
                "wherein the secondary particles have an internal pore volume of 0.05 cm^{3}/g to 0.25 cm^{3}/g as "
                "measured by mercury intrusion porosimetry"]),
             "cathode material", [
                "wherein the secondary particles have a median particle size D_{50} of 5 µm to 20 µm",
                "wherein the carbon coating layer is present in an amount of 1 wt % to 3 wt % based on a total "
                "weight of the cathode material",
                "^wherein the carbon coating layer has a ratio of D-band to G-band Raman intensity of 0.8 to 1.2",
                "wherein the lithium iron phosphate is doped with at least one element selected from the group "
                "consisting of Mg, Ti, Nb and V in an amount of 0.5 mol % to 3 mol %",
                "having a tap density of at least 1.1 g/cm^{3}",
                "wherein the pores have a median pore diameter of 30 nm to 150 nm",
             ]),
            (("A method of producing a cathode material for a lithium secondary battery", "the method comprising", [
                "milling an iron phosphate source, a lithium source and a carbon precursor in a liquid medium to form "
                "a slurry having a solids content of 25 wt % to 45 wt %",
                "spray drying the slurry to form precursor granules",
                "calcining the precursor granules at 600\u00b0 C. to 750\u00b0 C. in an inert atmosphere to obtain "
                "secondary particles of carbon-coated lithium iron phosphate having an internal pore volume of "
                "0.05 cm^{3}/g to 0.25 cm^{3}/g"]),
             "method", [
                "wherein the carbon precursor comprises sucrose, glucose or polyvinyl alcohol",
                "wherein the spray drying is performed at an inlet temperature of 180\u00b0 C. to 250\u00b0 C.",
             ]),
        ],
    ),
    dict(
        key="b02", f="BAT", pub="2010-08", asg=[("aurelian", None)], inv=["takahara", "morimoto", "ishida"],
        title="Battery module with a tapered coolant channel and heat spreading fins for a vehicle",
        tf="battery modules for electrified vehicles that are cooled by a liquid heat exchanger",
        cpc=["H01M 10/6556", "H01M 10/613", "H01M 10/625", "H01M 10/6554", "H01M 2220/20", "Y02E 60/10"],
        cites=["b01?"], figs=7,
        abstract=(
            "A battery module for a vehicle includes a stack of prismatic lithium ion cells and a coolant plate "
            "beneath the stack. Heat spreading fins of an aluminum alloy are interposed between adjacent cells, and "
            "each fin has a bent foot that rests on the coolant plate through a thermally conductive elastic sheet. "
            "The coolant plate defines a serpentine channel whose cross-sectional area decreases from the inlet "
            "toward the outlet, so that the heat transfer coefficient rises as the coolant warms and the temperature "
            "difference between cells of the module stays within a few degrees. A controller adjusts the coolant "
            "flow rate according to cell temperature and charging power."),
        bg=("During fast charging and sustained high-power driving, cells in the middle of a module become "
            "noticeably hotter than cells at its ends. Such temperature differences make the cells age at different "
            "rates, and the weakest cell then limits the usable capacity of the whole series string."),
        summ=("The module described below draws heat from the broad faces of each cell into a common cold plate "
              "and compensates for the warming of the coolant along its path, which keeps the cells in a narrow "
              "temperature band without a large increase in pumping power."),
        det=[
            "As shown in FIG. 1, the battery module #100 includes cells #102 arranged in a row between end plates "
            "#104. A fin #106 between each pair of adjacent cells #102 has a plate portion #108 in contact with the "
            "cell faces and a foot portion #110 bent at a right angle. The foot portion #110 presses on an elastic "
            "sheet #112 lying on the coolant plate #114.",
            "The channel #116 of the coolant plate #114 narrows in three steps from a width of 12 mm at the inlet "
            "#118 to 8 mm at the outlet #120. At a charging power of 50 kW the largest temperature difference "
            "between cells was 2.8\u00b0 C., against 7.5\u00b0 C. for a module with a channel of constant width. "
            "The controller #130 of FIG. 7 raises the pump speed when the hottest cell exceeds 35\u00b0 C.",
        ],
        claims=[
            (("A battery module for a vehicle", "comprising", [
                "a plurality of prismatic battery cells arranged in a stacking direction",
                "a plurality of heat spreading fins, each heat spreading fin being interposed between two adjacent "
                "battery cells and having a plate portion in contact with the two adjacent battery cells and a foot "
                "portion bent from the plate portion",
                "a coolant plate disposed below the battery cells and defining a coolant channel that extends from an "
                "inlet to an outlet",
                "a thermally conductive elastic sheet compressed between the foot portions and the coolant plate",
                "wherein a cross-sectional area of the coolant channel decreases from the inlet toward the outlet"]),
             "battery module", [
                "wherein the cross-sectional area decreases stepwise in at least three steps",
                "wherein the heat spreading fins are made of an aluminum alloy and have a thickness of 0.3 mm to "
                "1.0 mm",
                "wherein the elastic sheet comprises a silicone matrix filled with boron nitride particles",
                "^wherein the elastic sheet has a thermal conductivity of at least 3 W/m\u00b7K",
                ("further comprising", [
                    "a temperature sensor attached to at least one of the battery cells",
                    "a pump configured to circulate a coolant through the coolant channel",
                    "a controller configured to increase a rotational speed of the pump when a temperature detected "
                    "by the temperature sensor exceeds a threshold"]),
                "wherein the coolant channel follows a serpentine path beneath the battery cells",
             ]),
            (("A method of cooling a battery module of a vehicle", "the method comprising", [
                "circulating a coolant through a channel of a coolant plate on which a stack of battery cells is "
                "supported, the channel having a cross-sectional area that decreases from an inlet toward an outlet",
                "conducting heat from faces of the battery cells to the coolant plate through fins interposed "
                "between adjacent battery cells",
                "increasing a flow rate of the coolant when a charging power of the battery module exceeds a "
                "predetermined value"]),
             "method", [
                "further comprising increasing the flow rate when a temperature of any one of the battery cells "
                "exceeds 35\u00b0 C.",
             ]),
        ],
    ),
    dict(
        key="b03", f="BAT", pub="2013-03", asg=[("pellucid", None)], inv=["brunner", "keller"],
        title="Separator having a ceramic layer bonded by a crosslinked binder for electrochemical cells",
        tf="separators having a porous polyolefin substrate and a coating of inorganic particles",
        cpc=["H01M 2/1686", "H01M 2/166", "H01M 10/0525", "Y02E 60/10"],
        cites=["b02?"],
        abstract=(
            "A separator for a lithium ion battery includes a microporous polyolefin film and a ceramic layer on at "
            "least one surface of the film. The ceramic layer contains boehmite particles of platelet shape with an "
            "aspect ratio of 3 to 10, held together by a binder that is crosslinked after coating. Because the "
            "crosslinked binder keeps the particles interlocked at high temperature, the separator shrinks by less "
            "than 3% after one hour at 180\u00b0 C., while the overlapping platelets leave open, tortuous pathways "
            "that keep the air permeability close to that of the uncoated film. A continuous process for coating "
            "and crosslinking the layer is also disclosed."),
        bg=("Polyolefin separators begin to shrink at temperatures well below the melting point of the polymer. "
            "When a cell overheats, shrinkage at the edges of the separator can bring the electrodes into contact, "
            "and the resulting short circuit releases still more heat."),
        summ=("Platelet-shaped particles overlap like roof tiles when they are coated from a shear-thinning "
              "slurry, and a crosslinked binder fixes them in that arrangement. The layer resists shrinkage and "
              "puncture without filling the pores of the underlying film."),
        det=[
            "Referring to FIG. 1, the separator #20 includes a substrate film #22 of polyethylene with a thickness "
            "of 9 µm and a porosity of 40%. A ceramic layer #24 with a thickness of 3 µm is formed on the substrate "
            "film #22. In the enlarged view of FIG. 2, the platelets #26 lie roughly parallel to the film surface "
            "and overlap one another, and binder bridges #28 connect neighboring platelets.",
            "The binder is an acrylic copolymer containing 5 mol % of glycidyl methacrylate units. After the coated "
            "film passes a drying oven at 70\u00b0 C., an infrared heater raises the layer to 110\u00b0 C. for 20 "
            "seconds, which crosslinks the epoxy groups with an amine hardener contained in the slurry. In a hot-box "
            "test at 150\u00b0 C. a cell made with the separator showed no internal short circuit for 60 minutes.",
        ],
        claims=[
            (("A separator for an electrochemical cell", "comprising", [
                "a microporous polyolefin substrate film",
                ("a ceramic layer disposed on at least one surface of the substrate film, the ceramic layer "
                 "comprising", [
                    "inorganic particles having a platelet shape with an aspect ratio of 3 to 10",
                    "a crosslinked polymer binder bonding the inorganic particles to each other and to the "
                    "substrate film"]),
                "wherein the separator has a thermal shrinkage of less than 3% in a machine direction after being "
                "held at 180\u00b0 C. for one hour"]),
             "separator", [
                "wherein the inorganic particles comprise boehmite, alumina, magnesium hydroxide or a combination "
                "thereof",
                "wherein the crosslinked polymer binder is a reaction product of an acrylic copolymer having epoxy "
                "groups and an amine hardener",
                "^wherein the acrylic copolymer contains 2 mol % to 10 mol % of glycidyl methacrylate units",
                "wherein the ceramic layer has a thickness of 1 µm to 5 µm",
                "wherein a ratio of an air permeability of the separator to an air permeability of the substrate "
                "film is 1.0 to 1.3",
                "wherein the binder constitutes 3 wt % to 8 wt % of the ceramic layer",
             ]),
            (("A method of manufacturing a separator", "the method comprising", [
                "preparing a slurry containing platelet-shaped inorganic particles, a polymer binder having "
                "crosslinkable groups, a hardener and a solvent",
                "coating the slurry onto a microporous polyolefin substrate film",
                "drying the coated substrate film at a first temperature",
                "heating the dried coating to a second temperature higher than the first temperature to crosslink "
                "the polymer binder"]),
             "method", [
                "wherein the polymer binder is an acrylic copolymer having epoxy groups and the hardener is an amine",
                "wherein the second temperature is 100\u00b0 C. to 130\u00b0 C. and is maintained for 5 seconds to "
                "60 seconds",
             ]),
            (("A lithium ion battery", "comprising", [
                "a positive electrode",
                "a negative electrode",
                "a separator disposed between the positive electrode and the negative electrode, the separator "
                "comprising a polyolefin substrate film and a ceramic layer containing platelet-shaped inorganic "
                "particles bonded by a crosslinked binder",
                "a nonaqueous electrolyte"]),
             "lithium ion battery", []),
        ],
    ),
    dict(
        key="b04", f="BAT", pub="2017-10", asg=[("westmarch", None)], inv=["adeyemi", "liux", "hartmann"],
        prov=True,
        title="Silicon-carbon composite anode material with a void-buffering graphene shell",
        tf="negative electrode active materials that contain silicon",
        cpc=["H01M 4/386", "H01M 4/366", "H01M 4/625", "H01M 4/134", "H01M 10/0525", "H01M 2004/027",
             "Y02E 60/10"],
        cites=["b01?", "b03"],
        abstract=(
            "An anode active material for a lithium ion battery includes composite particles in which silicon "
            "nanoparticles are dispersed in a porous carbon matrix and the matrix is enclosed by a shell of "
            "few-layer graphene. The carbon matrix contains internal voids whose total volume is 1.5 to 3 times the "
            "volume of the silicon, so that the silicon can expand during lithiation without rupturing the shell. "
            "The shell limits contact between the electrolyte and the silicon, which slows continuous growth of the "
            "solid electrolyte interphase. Electrodes containing the composite retain more than 85% of their "
            "capacity after 500 cycles while providing a specific capacity above 1000 mAh/g."),
        bg=("Silicon can store roughly ten times as much lithium per unit mass as graphite, but its volume grows "
            "by up to about 300% when it is fully lithiated. Repeated swelling pulverizes the particles, breaks "
            "electrical contacts and exposes fresh silicon surfaces on which electrolyte is consumed."),
        summ=("Embedding the silicon in a carbon framework with pre-formed voids accommodates the swelling "
              "internally, so the outer size of each composite particle stays nearly constant and the graphene "
              "shell remains intact."),
        det=[
            "FIG. 1 shows a composite particle #30 with silicon nanoparticles #32 of 60 nm mean diameter dispersed in "
            "a carbon matrix #34. Voids #36 are formed in the matrix #34 next to the silicon nanoparticles #32, and a "
            "graphene shell #38 of three to eight layers surrounds the matrix.",
            "To make the composite, silicon nanoparticles were coated with a sacrificial silica layer by hydrolysis "
            "of tetraethyl orthosilicate, mixed with a phenolic resin and carbonized at 900\u00b0 C. The silica was "
            "dissolved in dilute hydrofluoric acid to leave the voids #36, and the shell #38 was grown by chemical "
            "vapor deposition from methane at 1000\u00b0 C. As FIG. 4 shows, half cells retained 87% of their "
            "capacity after 500 cycles at C/2.",
        ],
        claims=[
            (("An anode active material for a lithium ion battery",
              "comprising composite particles, each composite particle comprising", [
                "a porous carbon matrix",
                "silicon nanoparticles dispersed in the porous carbon matrix and having an average diameter of 20 nm "
                "to 150 nm",
                "internal voids in the porous carbon matrix having a total volume of 1.5 to 3 times a total volume "
                "of the silicon nanoparticles",
                "a shell of few-layer graphene enclosing the porous carbon matrix"]),
             "anode active material", [
                "wherein the silicon nanoparticles constitute 30 wt % to 60 wt % of the composite particles",
                "wherein the shell consists of 2 to 10 graphene layers",
                "wherein at least a portion of the internal voids surround individual silicon nanoparticles",
                "wherein the composite particles have a BET specific surface area of less than 10 m^{2}/g",
                "wherein the composite particles have an average diameter of 1 µm to 10 µm",
             ]),
            (("A method of producing an anode active material", "the method comprising", [
                "coating silicon nanoparticles with a sacrificial silica layer",
                "dispersing the coated silicon nanoparticles in a carbon precursor and carbonizing the carbon "
                "precursor to form a carbon matrix",
                "removing the sacrificial silica layer by etching to form voids adjacent to the silicon "
                "nanoparticles",
                "depositing a graphene shell around the carbon matrix by chemical vapor deposition"]),
             "method", [
                "wherein the carbon precursor comprises a phenolic resin and the carbonizing is performed at "
                "700\u00b0 C. to 1000\u00b0 C.",
                "wherein the etching is performed with an aqueous solution containing hydrofluoric acid",
             ]),
            (("A lithium ion battery", "comprising", [
                "a cathode",
                "an anode comprising composite particles of silicon nanoparticles dispersed in a porous carbon matrix "
                "that contains internal voids and is enclosed by a graphene shell",
                "an electrolyte"]),
             "lithium ion battery", []),
        ],
    ),
    dict(
        key="b05", f="BAT", pub="2020-06", asg=[("northwind", None)], inv=["vasquez", "tran", "okonkwo"],
        prov=True,
        title="Sulfide solid electrolyte with an oxygen-substituted surface for improved moisture stability",
        tf="sulfide-based solid electrolytes for all-solid-state batteries",
        cpc=["H01M 10/0562", "H01M 10/0525", "C01B 25/14", "H01M 10/052", "H01M 2300/0068", "Y02E 60/10"],
        cites=["b03?", "b04?"],
        abstract=(
            "A solid electrolyte for an all-solid-state lithium battery comprises particles of an argyrodite-type "
            "sulfide having the composition Li_{6\u2212x}PS_{5\u2212x}Cl_{1+x} with 0 \u2264 x \u2264 0.7. Each "
            "particle has a surface region, extending to a depth of about 20 nm, in which part of the sulfur is "
            "replaced by oxygen, while the core keeps the argyrodite structure. The oxygen-substituted surface "
            "reacts only slowly with water vapor, so the electrolyte releases far less hydrogen sulfide when handled "
            "in dry-room air, and the bulk ionic conductivity stays above 3 mS/cm at 25\u00b0 C. The surface region "
            "is formed by briefly exposing the powder to a controlled oxidizing atmosphere and then annealing it."),
        bg=("Argyrodite sulfides offer ionic conductivities approaching those of liquid electrolytes and can be "
            "densified by cold pressing. They are sensitive to moisture, however: traces of water hydrolyze the "
            "phosphorus\u2013sulfur bonds, produce toxic hydrogen sulfide and lower the conductivity, so the "
            "powders are usually processed in costly argon glove boxes."),
        summ=("A thin oxygen-rich shell formed on the sulfide particles acts as a barrier to hydrolysis. Because the "
              "shell is only a few nanometers thick and itself conducts lithium ions, it adds little resistance "
              "between particles after pressing."),
        det=[
            "In the embodiment of FIG. 1, an electrolyte particle #40 includes a core #42 of "
            "Li_{5.5}PS_{4.5}Cl_{1.5} and a surface region #44 in which the atomic ratio O/(O+S) falls from about "
            "0.4 at the outer surface to below 0.05 at a depth of 20 nm, as determined by depth-profiled X-ray "
            "photoelectron spectroscopy.",
            "The powder was exposed for 30 minutes to dry air with a dew point of \u221240\u00b0 C. and then "
            "annealed at 250\u00b0 C. under argon for 2 hours. When 1 g of the treated powder was held in air at "
            "30% relative humidity, it released 0.08 cm^{3} of H_{2}S in 60 minutes, compared with 0.9 cm^{3} for "
            "an untreated powder, while the pellet conductivity decreased only from 3.9 mS/cm to 3.4 mS/cm.",
        ],
        claims=[
            (("A solid electrolyte for an all-solid-state lithium battery", "comprising", [
                "particles of an argyrodite-type sulfide represented by Li_{6\u2212x}PS_{5\u2212x}Cl_{1+x}, "
                "wherein 0 \u2264 x \u2264 0.7",
                "wherein each of the particles comprises a core having an argyrodite crystal structure and a "
                "surface region surrounding the core",
                "wherein, in the surface region, a part of the sulfur is substituted by oxygen such that an atomic "
                "ratio O/(O+S) at an outermost surface is 0.2 to 0.5 and decreases toward the core"]),
             "solid electrolyte", [
                "wherein the surface region has a thickness of 5 nm to 30 nm",
                "having an ionic conductivity of at least 3 mS/cm at 25\u00b0 C. when pressed into a pellet at "
                "300 MPa",
                "wherein an amount of hydrogen sulfide generated from 1 g of the solid electrolyte held for 60 "
                "minutes in air having a relative humidity of 30% is 0.2 cm^{3} or less",
                "wherein the particles have a median diameter of 0.5 µm to 5 µm",
                "wherein part of the chlorine is replaced by bromine",
                "^wherein bromine replaces 10 mol % to 40 mol % of the chlorine",
                "wherein x is 0.3 to 0.6",
                "wherein the argyrodite crystal structure is cubic with space group F\u221243m",
                "wherein oxygen is not detectable by X-ray photoelectron spectroscopy in the core at a depth of 50 nm",
                "having an electronic conductivity of less than 10^{\u22128} S/cm at 25\u00b0 C.",
             ]),
            (("A method of producing a solid electrolyte", "the method comprising", [
                "synthesizing a powder of an argyrodite-type sulfide containing lithium, phosphorus, sulfur and "
                "chlorine",
                "exposing the powder to an oxidizing gas having a dew point of \u221260\u00b0 C. to "
                "\u221230\u00b0 C. for 5 minutes to 120 minutes",
                "annealing the exposed powder in an inert atmosphere at 150\u00b0 C. to 350\u00b0 C."]),
             "method", [
                "wherein the oxidizing gas is dry air",
                "^wherein the annealing is performed for 1 hour to 4 hours",
             ]),
            (("An all-solid-state lithium battery", "comprising", [
                "a positive electrode layer",
                "a negative electrode layer",
                "a solid electrolyte layer disposed between the positive electrode layer and the negative electrode "
                "layer and containing argyrodite-type sulfide particles each having an oxygen-substituted surface "
                "region"]),
             "all-solid-state lithium battery", [
                "wherein the positive electrode layer also contains the argyrodite-type sulfide particles",
             ]),
        ],
    ),
    dict(
        key="b06", f="BAT", pub="2022-09", asg=[("aurelian", "Aurelian Motors Company, Limited"), ("seiran", None)],
        inv=["morimoto", "takahara", "watanabe", "fujii"], pct="JP",
        title="All-solid-state battery with a pressure regulating member and restraint pressure monitoring",
        tf="all-solid-state batteries in which a stack of cells is held under a restraining pressure",
        cpc=["H01M 10/0585", "H01M 10/0562", "H01M 10/0481", "H01M 10/44", "H01M 10/48", "H01M 2300/0068",
             "H01M 2220/20"],
        cites=["b02", "b05"], figs=7,
        abstract=(
            "An all-solid-state battery includes a stack of unit cells, each having a positive electrode layer, a "
            "sulfide solid electrolyte layer and a negative electrode layer, and a restraint that applies a "
            "compressive pressure to the stack in the stacking direction. A pressure regulating member made of a "
            "closed-cell elastomer foam lies between the stack and an end plate of the restraint, and a load sensor "
            "measures the pressure. A control unit lowers the allowable charging current when the measured pressure "
            "leaves a predetermined range, because too little pressure raises the contact resistance and too much "
            "pressure promotes short circuits through the electrolyte layer. The battery therefore performs "
            "consistently while its electrodes expand and contract."),
        bg=("All-solid-state batteries generally have to be held under a pressure of several megapascals so that "
            "the solid particles stay in contact. The negative electrode, especially one containing silicon or "
            "lithium metal, changes thickness markedly between the charged and discharged states, and a rigid "
            "restraint then either loosens or overloads the stack."),
        summ=("A compliant pressure regulating member and a load sensor allow the restraining pressure to be held "
              "within a window, and the charging current is limited whenever the pressure drifts out of that "
              "window, for example at low temperature where the foam stiffens."),
        det=[
            "As shown in FIG. 1, the battery #200 includes a stack #202 of unit cells #204 held between a first end "
            "plate #206 and a second end plate #208 connected by tie rods #210. A pressure regulating member #212 "
            "and a load sensor #214 are placed between the stack #202 and the second end plate #208.",
            "The pressure regulating member #212 is a closed-cell silicone foam sheet with a compression set below "
            "10% and a stiffness such that a 3% change in stack thickness changes the pressure by less than 1 MPa. "
            "The control unit #220 of FIG. 7 permits the full charging current while the pressure lies between 2 MPa "
            "and 8 MPa and halves the current outside that window.",
        ],
        claims=[
            (("An all-solid-state battery", "comprising", [
                "a stack of unit cells, each unit cell including a positive electrode layer, a solid electrolyte "
                "layer containing a sulfide solid electrolyte, and a negative electrode layer",
                "a restraint including a first end plate and a second end plate and configured to apply a "
                "compressive pressure to the stack in a stacking direction",
                "a pressure regulating member made of an elastomer foam and disposed between the stack and the "
                "second end plate",
                "a load sensor configured to measure the compressive pressure",
                "a control unit configured to reduce an allowable charging current of the stack when the compressive "
                "pressure measured by the load sensor is outside a predetermined range"]),
             "all-solid-state battery", [
                "wherein the predetermined range is 2 MPa to 8 MPa",
                "wherein the elastomer foam is a closed-cell silicone foam",
                "^wherein the elastomer foam has a compression set of 10% or less",
                "wherein the negative electrode layer contains silicon particles",
                "wherein the control unit is further configured to correct the predetermined range according to a "
                "temperature of the stack",
                "wherein the pressure regulating member has a thickness of 1 mm to 5 mm",
             ]),
            (("A method of controlling an all-solid-state battery that includes a stack of unit cells held under a "
              "compressive pressure by a restraint", "the method comprising", [
                "measuring the compressive pressure with a load sensor disposed between the stack and an end plate "
                "of the restraint",
                "determining whether the measured compressive pressure is within a predetermined range",
                "reducing an allowable charging current of the stack when the measured compressive pressure is "
                "outside the predetermined range"]),
             "method", [
                "further comprising correcting the predetermined range according to a temperature of the stack",
             ]),
        ],
    ),
    dict(
        key="b07", f="BAT", pub="2023-11", from_app="a01", asg=[("northwind", "Northwind Energy Systems, Incorporated")],
        inv=["tran", "vasquez", "lindgren"],
        title="Anode-free lithium metal battery with a silver-carbon nucleation layer",
        tf="lithium metal batteries assembled without a negative electrode active material",
        cpc=["H01M 10/0562", "H01M 4/382", "H01M 4/134", "H01M 4/62", "H01M 10/052", "H01M 10/446",
             "H01M 2004/027", "H01M 2300/0068"],
        cites=["b05!", "b04?", "b06?"],
        abstract=(
            "A lithium metal battery is assembled without a lithium anode: its negative side consists of a copper "
            "current collector coated with a nucleation layer that contains silver nanoparticles dispersed in "
            "amorphous carbon. During the first charge, lithium from the cathode is plated between the nucleation "
            "layer and the current collector, where the silver dissolves into the lithium and lowers the nucleation "
            "overpotential. The plated lithium is therefore dense and even, and the carbon phase keeps it away from "
            "the solid electrolyte. The battery uses a sulfide solid electrolyte separator layer and is formed with "
            "a protocol in which the current is raised in steps, giving an energy density above 900 Wh/L."),
        bg=("Leaving the anode active material out of a lithium battery raises its energy density, because "
            "lithium is then stored only as a thin metal film that forms during charging. Lithium plated directly "
            "on bare copper nucleates unevenly, however, grows filaments and loses active lithium on every cycle."),
        summ=("A nucleation layer in which silver particles are distributed through carbon guides lithium to "
              "deposit underneath the layer as a dense film. A stepped formation protocol further improves the "
              "uniformity of the first deposit."),
        det=[
            "FIG. 1 shows the battery #300 as assembled, in the discharged state. A cathode layer #302 containing a "
            "nickel-rich layered oxide and sulfide electrolyte is laminated with a solid electrolyte layer #304, a "
            "nucleation layer #306 and a negative current collector #308 of copper foil. The nucleation layer #306 "
            "is 5 µm thick and contains 25 wt % of silver particles #310 with a mean size of 40 nm in a carbon "
            "black matrix #312.",
            "Upon the first charge, illustrated in FIG. 2, lithium deposits as a layer #314 between the nucleation "
            "layer #306 and the current collector #308. The formation step applies 0.05 mA/cm^{2} for the first 0.2 "
            "mAh/cm^{2}, then 0.2 mA/cm^{2}, then 0.5 mA/cm^{2} until the cell reaches 4.25 V. Cells formed this way "
            "had an average coulombic efficiency of 99.6% over 200 cycles.",
        ],
        claims=[
            (("A lithium metal battery", "comprising", [
                "a positive electrode layer containing a lithium-containing positive electrode active material",
                "a negative current collector",
                "a solid electrolyte layer disposed between the positive electrode layer and the negative current "
                "collector",
                "a nucleation layer disposed between the solid electrolyte layer and the negative current collector, "
                "the nucleation layer comprising metal particles capable of alloying with lithium dispersed in an "
                "amorphous carbon phase",
                "wherein, in a discharged state as assembled, the battery contains no negative electrode active "
                "material other than the nucleation layer"]),
             "lithium metal battery", [
                "wherein the metal particles comprise silver, tin, zinc or a combination thereof",
                "^wherein the metal particles comprise silver and have a mean particle size of 10 nm to 100 nm",
                "wherein the metal particles constitute 10 wt % to 40 wt % of the nucleation layer",
                "wherein the nucleation layer has a thickness of 1 µm to 20 µm",
                "wherein the solid electrolyte layer contains an argyrodite-type sulfide",
                "wherein, in a charged state, a lithium metal layer is present between the nucleation layer and the "
                "negative current collector",
                "wherein the positive electrode active material is a layered oxide in which nickel accounts for at "
                "least 80 mol % of the transition metals",
             ]),
            (("A method of forming a lithium metal battery", "the method comprising", [
                "assembling, without a negative electrode active material, a cell that includes a positive electrode "
                "layer, a solid electrolyte layer, a nucleation layer containing metal particles dispersed in carbon, "
                "and a negative current collector",
                ("charging the cell for a first time by", [
                    "applying a first current density until a first areal capacity is reached",
                    "then applying a second current density greater than the first current density",
                    "then applying a third current density greater than the second current density until a cutoff "
                    "voltage is reached"])]),
             "method", [
                "wherein the first current density is 0.02 mA/cm^{2} to 0.1 mA/cm^{2} and the first areal capacity is "
                "0.1 mAh/cm^{2} to 0.5 mAh/cm^{2}",
                "further comprising applying a stack pressure of 1 MPa to 10 MPa to the cell during the charging",
             ]),
        ],
    ),
    dict(
        key="b08", f="BAT", pub="2025-02", asg=[("rheinfeld", None)], inv=["schaefer", "krueger"],
        title="Method for producing a dense garnet electrolyte film by flash lamp sintering",
        tf="oxide solid electrolytes of the garnet type and processes for densifying them",
        cpc=["H01M 10/0562", "C04B 35/64", "C04B 35/486", "H01M 10/052", "H01M 2300/0068", "Y02E 60/10"],
        cites=["b05", "b06", "b07?", "a02?"], figs=8,
        abstract=(
            "A garnet-type solid electrolyte film is produced by casting a slurry of gallium-doped "
            "Li_{7}La_{3}Zr_{2}O_{12} powder onto a carrier, drying the green tape, and densifying it with a series "
            "of intense light pulses from a xenon flash lamp. Each pulse lasts 0.5 ms to 5 ms and heats only the "
            "upper few tens of micrometers of the tape, so that lithium loss by evaporation is limited and the "
            "carrier is not damaged. A lithium-rich cover layer of Li_{2}CO_{3} applied before flashing compensates "
            "for the remaining losses. The films are 20 µm to 60 µm thick, exceed 95% of theoretical density and "
            "conduct lithium ions at more than 0.5 mS/cm at room temperature."),
        bg=("Garnet oxides such as lithium lanthanum zirconate are stable against lithium metal, but they must be "
            "sintered above 1100\u00b0 C. for several hours. During such long firing lithium oxide evaporates, "
            "secondary phases form at the grain boundaries, and thin films warp or react with the setter plates."),
        summ=("Light pulses lasting milliseconds deliver enough energy to sinter the garnet grains while keeping "
              "the total thermal budget small, and the process can run roll to roll on a metal or ceramic carrier."),
        det=[
            "FIG. 3 outlines the process. In step S1, Ga-doped Li_{7}La_{3}Zr_{2}O_{12} powder with a median size of "
            "0.6 µm is dispersed with a polyvinyl butyral binder in ethanol. In step S2 the slurry is tape cast on a "
            "nickel foil to a dry thickness of 55 µm. In step S3 a 2 µm cover layer of Li_{2}CO_{3} is sprayed on. "
            "In step S4 the binder is burned out at 450\u00b0 C., and in step S5 the tape receives 40 pulses of "
            "12 J/cm^{2} each.",
            "Cross sections such as the one of FIG. 8 showed a relative density of 96% and a mean grain size of 3 "
            "µm. The total conductivity at 25\u00b0 C. was 0.62 mS/cm, and symmetric lithium cells cycled at 0.3 "
            "mA/cm^{2} for 300 hours without a short circuit.",
        ],
        claims=[
            (("A method of producing a solid electrolyte film", "the method comprising", [
                "preparing a slurry containing a garnet-type lithium-ion-conducting oxide powder and a binder",
                "forming the slurry into a green layer on a carrier",
                "applying a lithium-containing cover layer onto the green layer",
                "removing the binder by heating the green layer",
                "densifying the green layer by irradiating it with a plurality of light pulses from a flash lamp, "
                "each light pulse having a duration of 0.5 ms to 5 ms"]),
             "method", [
                "wherein the garnet-type oxide is Li_{7}La_{3}Zr_{2}O_{12} doped with at least one of gallium, "
                "aluminum and tantalum",
                "wherein the lithium-containing cover layer comprises lithium carbonate, lithium hydroxide or lithium "
                "oxide",
                "wherein each light pulse delivers an energy density of 5 J/cm^{2} to 20 J/cm^{2}",
                "^wherein 10 to 100 light pulses are applied at a repetition rate of 0.2 Hz to 2 Hz",
                "wherein the carrier is a nickel foil",
                "wherein the green layer has a thickness of 20 µm to 80 µm after drying",
             ]),
            (("A solid electrolyte film", "comprising", [
                "a metal carrier foil",
                "a sintered layer of a garnet-type lithium-ion-conducting oxide disposed on the metal carrier foil "
                "and having a thickness of 20 µm to 60 µm and a relative density of at least 95%",
                "wherein the sintered layer has an ionic conductivity of at least 0.5 mS/cm at 25\u00b0 C."]),
             "solid electrolyte film", [
                "wherein the sintered layer has an average grain size of 1 µm to 5 µm",
             ]),
        ],
    ),
    dict(
        key="b09", f="BAT", pub="2024-04", cont="b05", disclaimer=True, asg=[("northwind", None)],
        inv=["vasquez", "tran", "okonkwo"],
        title="All-solid-state battery including moisture-tolerant sulfide electrolyte layers",
        tf="all-solid-state batteries that use sulfide-based solid electrolytes",
        cpc=["H01M 10/0562", "H01M 10/0525", "H01M 4/366", "H01M 4/62", "H01M 10/058", "H01M 2300/0068"],
        cites=["b05!", "b06", "b07?"],
        abstract=(
            "An all-solid-state battery has a cathode composite layer, an anode layer and a separator layer between "
            "them, and both the cathode composite layer and the separator layer contain particles of an argyrodite "
            "sulfide whose outer surface is enriched with oxygen. The cathode active material is coated with lithium "
            "niobate to suppress reactions at the cathode interface. Because the oxygen-enriched surface slows "
            "hydrolysis, the layers can be coated and dried in a dry room with a dew point of about "
            "\u221240\u00b0 C. instead of an inert glove box, and a cell loses less than 5% of its capacity when "
            "the electrolyte powder has first been stored for a week in such a dry room."),
        bg=("Even with electrolytes of improved stability, the cathode composite of an all-solid-state cell poses a "
            "second problem: the sulfide decomposes where it touches a charged layered oxide, forming a resistive "
            "interphase that grows during cycling."),
        summ=("The battery described below combines the oxygen-enriched sulfide of the parent application with a "
              "lithium niobate coating on the cathode particles, so that tolerance to moisture during manufacture "
              "and stability of the cathode interface during operation are obtained together."),
        det=[
            "As shown in FIG. 1, the battery #400 includes a cathode composite layer #402 on an aluminum current "
            "collector #404, a separator layer #406, and an anode layer #408 containing graphite and sulfide "
            "electrolyte on a copper current collector #410. The cathode composite layer #402 contains 70 wt % of "
            "coated cathode particles #412, 27 wt % of electrolyte particles #414 and 3 wt % of carbon nanofibers.",
            "The electrolyte powder was stored for seven days in a dry room with a dew point of \u221240\u00b0 C. "
            "before the layers were coated with a hydrogenated nitrile rubber binder in xylene. Cells made from the "
            "stored powder delivered 96% of the capacity of cells made from fresh powder and kept 90% of their "
            "capacity after 400 cycles at C/3 and 60\u00b0 C.",
        ],
        claims=[
            (("An all-solid-state battery", "comprising", [
                "a cathode composite layer containing cathode active material particles and first sulfide electrolyte "
                "particles",
                "an anode layer",
                "a separator layer disposed between the cathode composite layer and the anode layer and containing "
                "second sulfide electrolyte particles",
                "wherein each of the first and second sulfide electrolyte particles has an argyrodite-type core and "
                "an oxygen-enriched surface region in which an atomic ratio O/(O+S) decreases from an outer surface "
                "toward the core",
                "wherein the cathode active material particles are coated with a lithium-ion-conducting oxide"]),
             "all-solid-state battery", [
                "wherein the lithium-ion-conducting oxide is lithium niobate",
                "wherein the cathode composite layer contains 60 wt % to 80 wt % of the cathode active material "
                "particles",
                "wherein the anode layer contains graphite and third sulfide electrolyte particles",
                "wherein the separator layer has a thickness of 10 µm to 40 µm",
                "wherein the separator layer further comprises a binder comprising hydrogenated nitrile rubber",
                "wherein the oxygen-enriched surface region has a thickness of 5 nm to 30 nm",
             ]),
            (("A method of manufacturing an all-solid-state battery", "the method comprising", [
                "providing sulfide electrolyte particles each having an argyrodite-type core and an oxygen-enriched "
                "surface region",
                "storing the sulfide electrolyte particles in an atmosphere having a dew point of \u221250\u00b0 C. "
                "to \u221230\u00b0 C.",
                "forming a cathode composite layer and a separator layer each containing the stored sulfide "
                "electrolyte particles",
                "stacking the cathode composite layer, the separator layer and an anode layer and pressing the "
                "stack"]),
             "method", [
                "wherein the forming comprises coating a slurry of the sulfide electrolyte particles and a binder in "
                "a nonpolar solvent",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a01", f="BAT", pub="2021-07", prov=True, asg=[("northwind", "NORTHWIND ENERGY SYSTEMS, INC.")],
        inv=["tran", "vasquez", "lindgren"],
        title="Lithium metal battery free of negative electrode active material and method of forming the same",
        tf="lithium metal batteries in which the negative electrode is formed in situ during charging",
        cpc=["H01M 10/0562", "H01M 4/134", "H01M 4/62", "H01M 10/052", "H01M 10/446", "H01M 2004/027"],
        abstract=(
            "A battery is built with a positive electrode, a solid electrolyte layer, a negative current collector "
            "and, between the electrolyte and the collector, a thin layer of carbon containing fine particles of a "
            "metal that alloys with lithium. No lithium or other negative active material is present when the cell "
            "is assembled. On charging, lithium ions leave the positive electrode, pass through the electrolyte and "
            "the carbon layer, and are deposited on the current collector, guided by the metal particles so that "
            "the deposit is compact. A method of performing the first charge with gradually increasing current is "
            "also provided, which produces a more uniform lithium film and a higher coulombic efficiency."),
        bg=("Batteries that form their lithium negative electrode during the first charge promise a high energy "
            "density and simpler manufacturing, yet lithium deposited directly on copper tends to grow unevenly and "
            "to react with the electrolyte."),
        summ=("A composite interlayer of carbon and lithium-alloying metal particles placed on the current collector "
              "regulates where lithium nucleates, and a gentle first charge completes the formation of a dense "
              "lithium film."),
        det=[
            "Referring to FIG. 1, a cell #500 includes a positive electrode #502, a solid electrolyte layer #504, an "
            "interlayer #506 and a negative current collector #508. The interlayer #506 may contain silver, tin or "
            "zinc particles #510 in a carbon matrix #512, the metal particles accounting for 5 wt % to 50 wt % of the "
            "interlayer.",
            "During the first charge, shown schematically in FIG. 2, lithium passes through the interlayer #506 and "
            "forms a film #514 on the current collector #508. Increasing the current in stages, for example from 0.05 "
            "mA/cm^{2} to 0.5 mA/cm^{2}, avoids local hot spots of deposition.",
        ],
        claims=[
            (("A battery", "comprising", [
                "a positive electrode containing a lithium-containing active material",
                "a negative current collector",
                "a solid electrolyte layer between the positive electrode and the negative current collector",
                "an interlayer between the solid electrolyte layer and the negative current collector, the interlayer "
                "comprising carbon and particles of a metal that alloys with lithium",
                "wherein the battery, as assembled, contains no negative electrode active material other than the "
                "interlayer"]),
             "battery", [
                "wherein the metal comprises silver",
                "wherein the metal comprises tin or zinc",
                "wherein the particles constitute 5 wt % to 50 wt % of the interlayer",
                "wherein the solid electrolyte layer comprises a sulfide solid electrolyte",
                "wherein the interlayer has a thickness of 1 µm to 30 µm",
             ]),
            (("A method of forming a battery", "the method comprising", [
                "providing a cell having a positive electrode, a solid electrolyte layer, an interlayer comprising "
                "carbon and metal particles, and a negative current collector",
                "charging the cell for a first time while increasing a charging current in at least two stages"]),
             "method", [
                "wherein a first stage of the charging uses a current density of 0.1 mA/cm^{2} or less",
             ]),
        ],
    ),
    dict(
        key="a02", f="BAT", pub="2023-08", asg=[("pellucid", "PELLUCID MATERIALS AG")], inv=["rossi", "brunner", "keller"],
        title="Halide solid electrolyte containing zirconium and method for producing it",
        tf="halide-based lithium ion conductors",
        cpc=["H01M 10/0562", "C01G 25/00", "H01M 10/052", "H01M 2300/0068", "Y02E 60/10"],
        abstract=(
            "A solid electrolyte material has the composition Li_{2+a}Zr_{1\u2212a}M_{a}Cl_{6}, in which M is "
            "indium, yttrium or scandium and a is between 0.1 and 0.5, and crystallizes in a trigonal structure with "
            "partially disordered lithium sites. The material conducts lithium ions at about 1 mS/cm at room "
            "temperature, is stable against oxidation up to more than 4 V versus lithium, and can be in direct "
            "contact with uncoated layered oxide cathodes. It is produced from inexpensive chlorides by mechanical "
            "milling followed by a short anneal below 300\u00b0 C. Composite cathodes and batteries that contain the "
            "material are also described."),
        bg=("Halide electrolytes are attracting interest because, unlike sulfides, they tolerate the high potential "
            "of charged cathode materials. Many known halides rely on rare and costly metals such as indium or "
            "scandium as the main framework element."),
        summ=("Using zirconium as the main framework cation and only a small amount of a trivalent dopant yields a "
              "conductor that is both inexpensive and stable at high voltage."),
        det=[
            "Example compositions were prepared by milling LiCl, ZrCl_{4} and InCl_{3} in a zirconia jar at 500 rpm "
            "for 20 hours under argon and annealing the product at 260\u00b0 C. for 1 hour. The X-ray pattern of "
            "FIG. 4 matches a trigonal cell, and the conductivity of Li_{2.3}Zr_{0.7}In_{0.3}Cl_{6} was 1.1 mS/cm at "
            "25\u00b0 C.",
            "A composite cathode #600 of FIG. 1 combines uncoated single-crystal cathode particles #602 with the "
            "halide electrolyte #604 in a weight ratio of 75:25.",
        ],
        claims=[
            (("A solid electrolyte material", "comprising", [
                "a compound represented by the formula Li_{2+a}Zr_{1\u2212a}M_{a}Cl_{6}, wherein M is at least one "
                "element selected from indium, yttrium and scandium, and 0.1 \u2264 a \u2264 0.5",
                "wherein the compound has a trigonal crystal structure"]),
             "solid electrolyte material", [
                "wherein M is indium",
                "wherein a part of Cl is replaced by Br",
                "having an ionic conductivity of at least 0.5 mS/cm at 25\u00b0 C.",
                "wherein the compound is in the form of particles having a median diameter of 0.3 µm to 5 µm",
             ]),
            (("A method of producing a solid electrolyte material", "the method comprising", [
                "mixing lithium chloride, zirconium chloride and a chloride of at least one of indium, yttrium and "
                "scandium",
                "mechanically milling the mixture",
                "annealing the milled mixture at 200\u00b0 C. to 300\u00b0 C."]),
             "method", []),
            (("A battery", "comprising", [
                "a positive electrode layer containing uncoated layered oxide particles and a halide solid "
                "electrolyte containing lithium, zirconium and chlorine",
                "a negative electrode layer",
                "an electrolyte layer between the positive electrode layer and the negative electrode layer"]),
             "battery", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: photovoltaics
# --------------------------------------------------------------------------

FIELDS["PV"] = dict(
    name="Photovoltaics",
    area="photovoltaic devices that convert light into electrical energy and to modules and systems built from them",
    uspc=["136244", "136256", "136246", "136251", "136255", "438 57", "438 98"],
    foreign=["DE", "JP", "CN", "WO", "EP"],
    bg=[
        "Crystalline silicon cells dominate the photovoltaic market. In a conventional cell a p-type wafer is doped "
        "with phosphorus near its front surface to form an emitter, the front is textured and covered with an "
        "antireflection coating, and printed silver fingers collect the current while aluminum covers the rear.",
        "The efficiency of a solar cell is limited by optical losses, such as reflection and shading by the front "
        "metallization, and by recombination of photogenerated carriers at the surfaces, at the contacts and in the "
        "bulk of the absorber.",
        "Photovoltaic modules have to work outdoors for twenty-five years or longer. Moisture, ultraviolet light, "
        "thermal cycling and mechanical loads from wind and snow gradually degrade the encapsulant, the "
        "interconnections and the cells.",
        "The cost of a photovoltaic system includes mounting structures, inverters, wiring and installation labor as "
        "well as the modules, so any improvement that raises the energy yield per installed module strongly affects "
        "the cost of the electricity produced.",
        "Thin-film absorbers such as cadmium telluride and copper indium gallium selenide can be deposited over "
        "large substrates at moderate temperatures, which promises lower material use than wafer-based cells.",
    ],
    det=[
        "The semiconductor substrate may be a monocrystalline or multicrystalline silicon wafer 120 µm to 200 µm "
        "thick with a resistivity of about 0.5 \u03a9\u00b7cm to about 5 \u03a9\u00b7cm. Its surfaces may be "
        "textured by anisotropic etching in an alkaline solution to form random pyramids a few micrometers high.",
        "Passivation layers may comprise aluminum oxide, silicon oxide, silicon nitride, hydrogenated amorphous "
        "silicon or stacks of these. They may be formed by thermal oxidation, atomic layer deposition or "
        "plasma-enhanced chemical vapor deposition, and a later anneal may activate field-effect passivation.",
        "Metal contacts may be formed by screen printing and firing a silver or aluminum paste, by plating nickel "
        "and copper through openings in a dielectric layer, or by physical vapor deposition. The openings may be "
        "made by laser ablation with a pulsed laser at a wavelength of 355 nm or 532 nm.",
        "Cells may be interconnected with tinned copper ribbons or wires and laminated between a front glass and a "
        "back sheet or rear glass using an encapsulant of ethylene vinyl acetate or a polyolefin elastomer, after "
        "which a frame and a junction box are attached to the laminate.",
        "Current\u2013voltage curves were measured under standard test conditions, that is, at 1000 W/m^{2} "
        "irradiance with an AM1.5G spectrum and a cell temperature of 25\u00b0 C., and the open-circuit voltage, "
        "short-circuit current density, fill factor and efficiency were extracted from the curves.",
        "Modules according to the embodiments may be installed on rooftops, on fixed-tilt ground racks or on "
        "single-axis trackers, and connected to string inverters, central inverters or module-level power "
        "electronics depending on the size of the installation.",
    ],
    figs=[
        "is a schematic cross-sectional view of a {n} according to an embodiment",
        "is a plan view of the {n} of FIG. 1",
        "is a flow chart of a method of fabricating the {n}",
        "is a graph of external quantum efficiency as a function of wavelength",
        "is a graph of current density versus voltage for an example and a comparative example",
        "is a perspective view of a photovoltaic module incorporating the {n}",
        "is a schematic diagram of a photovoltaic power system",
    ],
    npl_titles=[
        "Passivation of textured silicon by atomic layer deposited alumina",
        "Laser contact opening for rear-passivated silicon cells",
        "Soiling losses in desert photovoltaic installations",
        "Bypass diode temperatures in module junction boxes",
        "Intrinsic amorphous silicon buffer layers for heterojunction cells",
        "Backtracking strategies for single-axis trackers on uneven terrain",
    ],
)

UTILITY += [
    dict(
        key="p01", f="PV", pub="2006-08", asg=[("halcyon", None)], inv=["castellanos", "whitfield"],
        title="Solar cell having a graded-index antireflection coating on a textured emitter",
        tf="antireflection coatings for crystalline silicon solar cells",
        cpc=["H01L 31/02168", "H01L 31/02363", "H01L 31/1804", "H01L 31/068", "Y02E 10/547"],
        abstract=(
            "A crystalline silicon solar cell has a front surface textured with random pyramids and an antireflection "
            "coating made of silicon nitride whose refractive index decreases continuously from about 2.4 at the "
            "silicon interface to about 1.9 at the outer surface. The coating is deposited in a single "
            "plasma-enhanced chemical vapor deposition step while the ratio of silane to ammonia is ramped down, and "
            "its hydrogen-rich inner part also passivates the emitter during the contact firing step. Compared with "
            "a coating of uniform index, the graded coating lowers the weighted reflectance of the cell between 400 "
            "nm and 1000 nm and raises the short-circuit current by roughly two percent."),
        bg=("A single layer of silicon nitride can minimize reflection only around one wavelength. Double-layer "
            "coatings broaden the low-reflection band but need two separate deposition steps and create an abrupt "
            "interface that can trap charge."),
        summ=("Ramping the gas ratio during one deposition produces a coating whose index changes smoothly with "
              "depth, which broadens the antireflection band without an extra process step."),
        det=[
            "As shown in FIG. 1, the solar cell #10 includes a p-type silicon wafer #12 with a textured front surface "
            "#14, an n-type emitter #16, an antireflection coating #18, front contacts #20 and a rear aluminum layer "
            "#22. The coating #18 is 80 nm thick and its refractive index, measured at 633 nm, falls from 2.4 next "
            "to the emitter #16 to 1.9 at its outer surface.",
            "The coating was deposited at 400\u00b0 C. with the SiH_{4}:NH_{3} flow ratio reduced linearly from 0.6 "
            "to 0.15 over 90 seconds. FIG. 4 compares the quantum efficiency of cells with the graded coating and "
            "with a uniform coating of index 2.05; the graded coating improves the response below 450 nm and above "
            "900 nm.",
        ],
        claims=[
            (("A solar cell", "comprising", [
                "a crystalline silicon substrate having a textured front surface",
                "an emitter region formed at the textured front surface",
                "an antireflection coating of silicon nitride disposed on the emitter region, wherein a refractive "
                "index of the antireflection coating decreases continuously from a first value of 2.2 to 2.6 at an "
                "interface with the emitter region to a second value of 1.8 to 2.0 at an outer surface of the "
                "antireflection coating",
                "front electrodes penetrating the antireflection coating and contacting the emitter region"]),
             "solar cell", [
                "wherein the antireflection coating has a thickness of 60 nm to 100 nm",
                "wherein a hydrogen concentration of the antireflection coating is higher adjacent to the emitter "
                "region than at the outer surface",
                "wherein the textured front surface comprises random pyramids having heights of 1 µm to 5 µm",
                "wherein the emitter region has a sheet resistance of 60 \u03a9/sq to 100 \u03a9/sq",
                "having a weighted reflectance of less than 3% between 400 nm and 1000 nm",
            ]),
            (("A method of forming an antireflection coating on a solar cell", "the method comprising", [
                "placing a silicon substrate having a textured emitter surface in a plasma-enhanced chemical vapor "
                "deposition chamber",
                "supplying silane and ammonia to the chamber at a flow ratio",
                "reducing the flow ratio continuously during the deposition so that a refractive index of the "
                "deposited silicon nitride decreases with increasing distance from the emitter surface"]),
             "method", [
                "wherein the flow ratio is reduced linearly from 0.5 to 0.8 at a start of the deposition to 0.1 to "
                "0.2 at an end of the deposition",
                "further comprising firing a metal paste through the silicon nitride to form front electrodes",
             ]),
        ],
    ),
    dict(
        key="p02", f="PV", pub="2008-04", b1=True, asg=[("northwind", None)], inv=["lindgren", "okonkwo"],
        title="Single-axis solar tracker controller with backtracking based on measured row shading",
        tf="control of single-axis trackers that carry rows of photovoltaic modules",
        cpc=["H02S 20/32", "F24S 30/425", "F24S 50/20", "Y02E 10/50", "Y02E 10/47"],
        cites=["p01?"],
        abstract=(
            "A controller for a row of photovoltaic modules mounted on a single-axis tracker computes a nominal "
            "tracking angle from the solar position and then corrects it with measurements from shading sensors "
            "mounted at the lower edge of the row. Each shading sensor is a pair of small reference cells, one "
            "facing along the row and one facing across it, and the ratio of their currents indicates whether the "
            "adjacent row casts a shadow. When shading is detected in the morning or evening, the controller "
            "backtracks the row in small steps until the shadow disappears. The method adapts automatically to "
            "uneven terrain and to rows of different heights, where purely geometric backtracking leaves residual "
            "shading."),
        bg=("Single-axis trackers rotate rows of modules to follow the sun from east to west. Near sunrise and "
            "sunset neighboring rows shade each other, and trackers therefore backtrack toward horizontal. "
            "Backtracking angles are normally computed from an idealized geometry that ignores slopes and "
            "installation tolerances."),
        summ=("Measuring shading directly at the edge of each row allows the backtracking angle to be corrected for "
              "the actual terrain, so that rows avoid shading without turning further from the sun than needed."),
        det=[
            "FIG. 1 shows two tracker rows #30 and #32 each rotating about a torque tube #34. A shading sensor #36 "
            "is fixed to the lower edge of the row #32 and includes a first reference cell #38 and a second "
            "reference cell #40 inclined by 30\u00b0 relative to each other.",
            "The controller #50 of FIG. 2 executes the routine of FIG. 3 every 60 seconds. When the current ratio of "
            "the reference cells #38 and #40 drops below 0.8, the controller #50 rotates the row by 0.5\u00b0 toward "
            "horizontal and repeats the measurement. In a trial on a site with a 6% north\u2013south slope, the "
            "correction increased daily energy by 1.9% compared with geometric backtracking.",
        ],
        figs=["is a schematic end view of two rows of a single-axis tracker equipped with a shading sensor",
              "is a block diagram of a tracker controller",
              "is a flow chart of a backtracking routine",
              "is a graph of tracking angle over a day with and without shading correction",
              "is a perspective view of a shading sensor"],
        claims=[
            (("A tracking system for photovoltaic modules", "comprising", [
                "a first row and a second row of photovoltaic modules, each row being rotatable about a respective "
                "horizontal axis",
                "a drive configured to rotate the second row",
                "a shading sensor mounted at an edge of the second row and comprising a first reference cell and a "
                "second reference cell oriented at different angles",
                ("a controller configured to", [
                    "calculate a nominal tracking angle from a position of the sun",
                    "determine from a ratio of output currents of the first and second reference cells whether the "
                    "first row shades the second row",
                    "when shading is determined, rotate the second row toward a horizontal position in steps until "
                    "the shading is no longer determined"])]),
             "tracking system", [
                "wherein the first and second reference cells are inclined relative to each other by 20\u00b0 to 45\u00b0",
                "wherein each step is 0.2\u00b0 to 1.0\u00b0",
                "wherein the controller stores a correction angle determined on one day and applies it on a "
                "following day",
                "wherein the controller determines that shading occurs when the ratio falls below a threshold of "
                "0.7 to 0.9",
                "further comprising a wind sensor, wherein the controller moves the rows to a stow position when a "
                "wind speed exceeds a limit",
            ]),
            (("A method of controlling a single-axis tracker carrying a row of photovoltaic modules",
              "the method comprising", [
                "rotating the row to a nominal angle calculated from a solar position",
                "measuring output currents of two reference cells mounted at an edge of the row at different "
                "orientations",
                "detecting shading of the row by an adjacent row from the measured output currents",
                "backtracking the row in increments until shading is no longer detected"]),
             "method", [
                "wherein the measuring is repeated at intervals of 30 seconds to 300 seconds",
                "further comprising recording the angle at which shading ceased and using the recorded angle as a "
                "starting point on a subsequent day",
             ]),
        ],
    ),
    dict(
        key="p03", f="PV", pub="2009-11", asg=[("halcyon", None)], inv=["iyer", "castellanos", "whitfield"],
        title="Back contact solar cell with interdigitated diffusions separated by a self-aligned undoped gap",
        tf="solar cells in which both polarities of contacts are located on the rear surface",
        cpc=["H01L 31/0682", "H01L 31/022441", "H01L 31/1804", "Y02E 10/547", "Y02P 70/50"],
        cites=["p01!"],
        abstract=(
            "An interdigitated back contact solar cell has alternating p-type and n-type diffused stripes on the rear "
            "surface of an n-type silicon wafer, and each pair of adjacent stripes is separated by an undoped gap 20 "
            "µm to 60 µm wide. The gap is defined without an alignment step: a single patterned diffusion barrier is "
            "undercut by wet etching so that its overhanging edges shadow the gap during a second, directional "
            "doping step. Because the p-type and n-type regions never touch, junction shunting and tunneling "
            "recombination at the stripe edges are avoided, and the cell reaches a higher fill factor. Metal fingers "
            "contact each stripe through openings in a rear passivation layer."),
        bg=("In back contact cells the front surface carries no metal, so shading losses disappear. The rear "
            "diffusions must nevertheless be patterned accurately, and where highly doped p-type and n-type regions "
            "abut one another the junction leaks current and lowers the fill factor."),
        summ=("Using an undercut diffusion mask as its own shadow mask creates a narrow undoped separation between "
              "the stripes while needing only a single lithographic or printing step for the mask."),
        det=[
            "Referring to FIG. 1, the solar cell #60 includes an n-type wafer #62 with a front surface field #64 and "
            "an antireflection layer #66. On the rear surface, p-type stripes #68 and n-type stripes #70 alternate "
            "with a pitch of 1.2 mm, separated by undoped gaps #72. A passivation layer #74 covers the rear, and "
            "fingers #76 and #78 contact the stripes.",
            "In the process of FIG. 3, a silicon oxide barrier is printed and the boron diffusion is performed. The "
            "barrier is then etched in buffered hydrofluoric acid for a time chosen to undercut it by 40 µm, and "
            "phosphorus is implanted at normal incidence so that the overhang protects the gap. Cells made in this "
            "way showed a fill factor of 80.5% compared with 77.9% for cells with abutting stripes.",
        ],
        claims=[
            (("A back contact solar cell", "comprising", [
                "a silicon substrate of a first conductivity type having a light-receiving front surface and a rear "
                "surface",
                "first doped regions of the first conductivity type and second doped regions of a second "
                "conductivity type arranged in alternating stripes at the rear surface",
                "an undoped gap region between each first doped region and an adjacent second doped region, the "
                "undoped gap region having a width of 20 µm to 60 µm",
                "first electrodes contacting the first doped regions and second electrodes contacting the second "
                "doped regions on the rear surface"]),
             "back contact solar cell", [
                "wherein the first conductivity type is n-type and the second doped regions are doped with boron",
                "wherein the stripes are arranged at a pitch of 0.8 mm to 2.0 mm",
                "wherein the width of the undoped gap region varies by less than 10 µm along a length of the "
                "stripes",
                "further comprising a rear passivation layer of silicon oxide and silicon nitride through which the "
                "first and second electrodes contact the doped regions",
                "wherein the front surface is free of metal electrodes",
            ]),
            (("A method of manufacturing a back contact solar cell", "the method comprising", [
                "forming a patterned diffusion barrier on a rear surface of a silicon substrate",
                "introducing a dopant of a first type into regions of the rear surface not covered by the barrier",
                "undercutting edges of the diffusion barrier by wet etching so that the barrier overhangs the "
                "substrate",
                "introducing a dopant of a second type by a directional process, the overhang shadowing a gap region "
                "adjacent to the regions doped with the dopant of the first type"]),
             "method", [
                "wherein the directional process is ion implantation at normal incidence",
                "wherein the undercutting removes 20 µm to 60 µm of the diffusion barrier from each edge",
             ]),
        ],
    ),
    dict(
        key="p04", f="PV", pub="2010-06", asg=[("lakeside", None)], inv=["brennan", "zhouy"], prov=True,
        title="Thin-film chalcopyrite solar cell with a sodium-dosing back contact barrier",
        tf="thin-film solar cells having a copper indium gallium selenide absorber",
        cpc=["H01L 31/0322", "H01L 31/0749", "H01L 31/022425", "H01L 31/18", "Y02E 10/541"],
        cites=["p01?"],
        abstract=(
            "A thin-film solar cell is built on a soda-lime glass substrate and includes a molybdenum back contact, a "
            "copper indium gallium selenide absorber, a cadmium sulfide buffer and a transparent zinc oxide window. "
            "Between the glass and the molybdenum, a silicon oxynitride barrier layer blocks the uncontrolled "
            "diffusion of sodium from the glass, and a sodium fluoride layer 10 nm to 30 nm thick deposited on the "
            "molybdenum supplies a metered amount of sodium to the absorber during its growth. The cell thereby "
            "obtains the improved grain growth and hole concentration associated with sodium while avoiding the "
            "variation in sodium supply caused by differences between glass batches."),
        bg=("Sodium that diffuses into a chalcopyrite absorber during deposition raises the open-circuit voltage, "
            "but the amount supplied by soda-lime glass depends on the glass composition, the deposition temperature "
            "and the molybdenum microstructure, which makes the efficiency of production cells scatter."),
        summ=("Blocking sodium from the glass and adding a defined quantity through a thin fluoride layer decouples "
              "the sodium content of the absorber from the substrate."),
        det=[
            "FIG. 1 shows the layer sequence of the cell #80: a glass substrate #82, a barrier layer #84 of silicon "
            "oxynitride 150 nm thick, a molybdenum back contact #86, a sodium fluoride layer #88, a Cu(In,Ga)Se_{2} "
            "absorber #90 of about 2 µm, a CdS buffer #92, intrinsic ZnO #94 and aluminum-doped ZnO #96.",
            "The absorber #90 was grown by three-stage co-evaporation with a maximum substrate temperature of "
            "550\u00b0 C. Secondary ion mass spectrometry showed a sodium concentration of about 0.1 at % throughout "
            "the absorber, and across twelve glass batches the efficiency varied by \u00b10.3% absolute instead of "
            "\u00b11.1% without the barrier.",
        ],
        claims=[
            (("A thin-film solar cell", "comprising", [
                "a glass substrate containing sodium",
                "a barrier layer on the glass substrate that blocks diffusion of sodium",
                "a molybdenum back contact on the barrier layer",
                "a sodium-containing layer on the molybdenum back contact",
                "a chalcopyrite absorber layer containing copper, indium, gallium and selenium on the "
                "sodium-containing layer",
                "a buffer layer and a transparent conductive window layer over the absorber layer"]),
             "thin-film solar cell", [
                "wherein the barrier layer comprises silicon oxynitride with a thickness of 50 nm to 300 nm",
                "wherein the sodium-containing layer is a sodium fluoride layer having a thickness of 10 nm to 30 nm",
                "wherein a sodium concentration in the absorber layer is 0.05 at % to 0.2 at %",
                "wherein the buffer layer comprises cadmium sulfide or zinc oxysulfide",
                "wherein a ratio Ga/(In+Ga) in the absorber layer increases toward the back contact",
            ]),
            (("A method of manufacturing a thin-film solar cell", "the method comprising", [
                "depositing a sodium diffusion barrier on a soda-lime glass substrate",
                "depositing a molybdenum back contact on the barrier",
                "depositing a sodium fluoride layer on the back contact",
                "growing a copper indium gallium selenide absorber on the sodium fluoride layer at a substrate "
                "temperature of at least 500\u00b0 C."]),
             "method", [
                "wherein the growing comprises three-stage co-evaporation",
             ]),
        ],
    ),
    dict(
        key="p05", f="PV", pub="2011-09", inv=["okafor"], agent="mirza",
        title="Waterless cleaning robot that travels along rows of photovoltaic panels",
        tf="equipment for removing dust from installed photovoltaic panels",
        cpc=["H02S 40/10", "B08B 1/04", "B08B 5/02", "Y02E 10/50"],
        cites=["p02"],
        abstract=(
            "A robot for cleaning a row of photovoltaic panels without water rides on the upper and lower edges of "
            "the row on guide rollers and carries a rotating brush of soft microfiber strips together with an air "
            "knife that blows loosened dust down the slope of the panels. The robot is powered by its own small "
            "solar panel and battery, leaves a docking station at night, traverses the row and returns. At the end "
            "of each row a bridge lets it cross to the next row. The brush speed is reduced when a current sensor "
            "detects increased motor load, which avoids scratching the glass when sand has accumulated, and an "
            "optional soiling sensor skips cleaning on days when little dust has settled."),
        bg=("In deserts dust can reduce the output of a photovoltaic plant by several percent per week. Washing "
            "with water is effective but water is scarce and expensive at such sites, and manual dry cleaning of "
            "large plants is slow."),
        summ=("The robot removes dust with a combination of gentle brushing and air flow, operates unattended at "
              "night, and adapts its brushing to the amount of dirt encountered."),
        det=[
            "As shown in FIG. 1, the cleaning robot #100 includes a frame #102 spanning the panel row #104, guide "
            "rollers #106 that bear on the upper and lower edges of the row, and a drive motor #108. A brush #110 "
            "with microfiber strips rotates at up to 120 rpm, and an air knife #112 fed by a blower #114 directs a "
            "flat jet along the panel surface.",
            "The controller #120 monitors the brush motor current. If the current exceeds 1.4 times its value on a "
            "clean panel, the brush speed is halved and the travel speed is reduced from 0.3 m/s to 0.15 m/s. In a "
            "four-month trial the cleaned row produced 6.8% more energy than an uncleaned reference row.",
        ],
        figs=["is a perspective view of a cleaning robot on a row of photovoltaic panels",
              "is a side view of the cleaning robot of FIG. 1",
              "is a block diagram of the control system of the cleaning robot",
              "is a flow chart of a cleaning cycle",
              "is a top view of a bridge connecting two rows of panels",
              "is a graph of daily energy yield of cleaned and uncleaned rows"],
        claims=[
            (("A cleaning robot for a row of photovoltaic panels", "comprising", [
                "a frame configured to span the row of photovoltaic panels",
                "guide rollers mounted to the frame and configured to roll along an upper edge and a lower edge of "
                "the row",
                "a drive motor configured to move the frame along the row",
                "a rotating brush having flexible cleaning strips and a brush motor",
                "an air knife configured to direct a stream of air across a surface of the panels",
                "a controller configured to reduce a rotational speed of the brush when a current of the brush motor "
                "exceeds a threshold"]),
             "cleaning robot", [
                "wherein the cleaning strips are made of microfiber",
                "further comprising a solar panel and a battery mounted to the frame for powering the robot",
                "wherein the controller is further configured to reduce a travel speed of the frame when the current "
                "exceeds the threshold",
                "further comprising a soiling sensor, wherein the controller skips a cleaning cycle when a soiling "
                "level measured by the soiling sensor is below a limit",
                "wherein the air knife is located downstream of the brush in a direction of travel",
            ]),
            (("A method of cleaning a row of photovoltaic panels", "the method comprising", [
                "moving a robot along the row while rotating a brush against the panels and blowing air across the "
                "panels",
                "monitoring a load of the brush",
                "reducing a speed of the brush when the load increases above a threshold"]),
             "method", [
                "wherein the moving is performed at night",
                "further comprising transferring the robot to an adjacent row across a bridge at an end of the row",
             ]),
        ],
    ),
    dict(
        key="p06", f="PV", pub="2012-12", asg=[("halcyon", "Halcyon Photonics Corp.")], inv=["whitfield", "iyer"],
        title="Silicon heterojunction solar cell having a hydrogen-graded intrinsic buffer layer",
        tf="heterojunction solar cells combining crystalline and amorphous silicon",
        cpc=["H01L 31/0747", "H01L 31/1804", "H01L 31/022425", "Y02E 10/50", "Y02P 70/50"],
        cites=["p01!", "p03", "p04?"],
        abstract=(
            "A silicon heterojunction solar cell includes an n-type crystalline silicon wafer, intrinsic hydrogenated "
            "amorphous silicon buffer layers on both faces, doped amorphous silicon layers, transparent conductive "
            "oxide layers and printed low-temperature silver electrodes. Each intrinsic buffer layer consists of a "
            "first sublayer with a hydrogen content of 15 at % to 25 at % adjacent to the wafer and a second, denser "
            "sublayer with 8 at % to 12 at % hydrogen. The hydrogen-rich sublayer saturates dangling bonds at the "
            "wafer surface and prevents epitaxial growth, whereas the denser sublayer limits the series resistance "
            "and the loss of hydrogen during later heating. The cell reaches open-circuit voltages above 730 mV."),
        bg=("The intrinsic amorphous silicon layer of a heterojunction cell must passivate the wafer surface very "
            "well and must also be thin and conductive enough not to add series resistance, and these two "
            "requirements favor different deposition conditions."),
        summ=("Depositing the buffer layer in two sublayers, with hydrogen dilution reduced for the second sublayer, "
              "lets each part of the layer be optimized for its own function."),
        det=[
            "Referring to FIG. 1, the cell #130 has a wafer #132, intrinsic buffer layers #134 and #136, a p-type "
            "layer #138, an n-type layer #140, indium tin oxide layers #142 and #144, and grid electrodes #146 and "
            "#148. The buffer layer #134 consists of a 3 nm sublayer #150 and a 4 nm sublayer #152.",
            "The sublayer #150 was deposited at a hydrogen-to-silane ratio of 0 at 180\u00b0 C., and the sublayer "
            "#152 at a ratio of 4 with a higher power density. Minority carrier lifetimes above 4 ms were measured on "
            "symmetric test structures, and finished cells had an open-circuit voltage of 734 mV and an efficiency "
            "of 22.1%.",
        ],
        claims=[
            (("A heterojunction solar cell", "comprising", [
                "a crystalline silicon substrate",
                ("an intrinsic amorphous silicon buffer layer on a surface of the crystalline silicon substrate, the "
                 "buffer layer including", [
                    "a first sublayer in contact with the substrate and having a hydrogen content of 15 at % to 25 at %",
                    "a second sublayer on the first sublayer and having a hydrogen content of 8 at % to 12 at %"]),
                "a doped amorphous silicon layer on the buffer layer",
                "a transparent conductive oxide layer on the doped amorphous silicon layer"]),
             "heterojunction solar cell", [
                "wherein the first sublayer has a thickness of 1 nm to 4 nm and the second sublayer has a thickness "
                "of 2 nm to 6 nm",
                "wherein the crystalline silicon substrate is n-type and the doped amorphous silicon layer is p-type",
                "further comprising a second intrinsic buffer layer and an n-type amorphous silicon layer on an "
                "opposite surface of the substrate",
                "wherein the transparent conductive oxide layer comprises indium tin oxide",
                "having an open-circuit voltage of at least 720 mV",
            ]),
            (("A method of forming a heterojunction solar cell", "the method comprising", [
                "depositing a first intrinsic amorphous silicon sublayer on a crystalline silicon wafer at a first "
                "hydrogen dilution ratio",
                "depositing a second intrinsic amorphous silicon sublayer on the first sublayer at a second hydrogen "
                "dilution ratio that is higher than the first hydrogen dilution ratio",
                "depositing a doped amorphous silicon layer and a transparent conductive oxide layer"]),
             "method", [
                "wherein the first and second sublayers are deposited at a substrate temperature of 150\u00b0 C. to "
                "220\u00b0 C.",
             ]),
        ],
    ),
    dict(
        key="p07", f="PV", pub="2014-07", asg=[("northwind", "Northwind Energy Systems, Incorporated")],
        inv=["tran", "lindgren"],
        title="Photovoltaic junction box with bypass diodes mounted on a heat-spreading lead frame",
        tf="junction boxes that connect photovoltaic modules to external cables",
        cpc=["H02S 40/34", "H01L 31/044", "H01L 31/02021", "Y02E 10/50"],
        cites=["p02!", "p05?", "p06?"],
        abstract=(
            "A junction box for a photovoltaic module contains bypass diodes in surface-mount packages soldered to a "
            "copper lead frame, and the lead frame is insert-molded into the base of the box with large pads that "
            "extend under the entire footprint of the box. When a cell of the module is shaded and a bypass diode "
            "conducts the full string current, the heat is spread over the pads and conducted through a thin molded "
            "wall into the back sheet of the module. The ribbon terminals of the module are clamped to the lead "
            "frame by spring clips, so no soldering is needed during module assembly. The diode junction "
            "temperature remains below its rating at currents of 15 A."),
        bg=("Bypass diodes protect shaded cells from reverse bias, but a diode that carries the module current for "
            "hours dissipates several watts. In compact junction boxes the diodes can overheat, which shortens their "
            "life and may damage the box or the module."),
        summ=("Spreading the diode heat through a large copper lead frame and into the module itself keeps the "
              "diodes cool without heat sinks or potting compound."),
        det=[
            "As shown in FIG. 1, the junction box #160 includes a base #162 molded around a lead frame #164, three "
            "bypass diodes #166 soldered to the lead frame, spring clips #168 receiving the ribbons #170 of the "
            "module, and cable glands #172. The pads of the lead frame #164 occupy 80% of the base area.",
            "Under a continuous current of 15 A and an ambient temperature of 75\u00b0 C., the junction "
            "temperature of the conducting diode stabilized at 168\u00b0 C., against 201\u00b0 C. for a "
            "conventional box with leaded diodes.",
        ],
        figs=["is a perspective view of a junction box attached to the back of a photovoltaic module",
              "is an exploded view of the junction box of FIG. 1",
              "is a top view of a lead frame with bypass diodes",
              "is a cross-sectional view of the junction box mounted on a back sheet",
              "is a circuit diagram of a module with three bypass diodes",
              "is a graph of diode temperature as a function of current"],
        claims=[
            (("A junction box for a photovoltaic module", "comprising", [
                "a base made of an electrically insulating polymer and configured to be attached to a back surface "
                "of the photovoltaic module",
                "a metal lead frame embedded in the base and having a plurality of pads",
                "at least one bypass diode in a surface-mount package soldered to the pads",
                "spring clips connected to the lead frame and configured to clamp ribbon conductors of the "
                "photovoltaic module",
                "wherein the pads extend over at least 60% of an area of the base"]),
             "junction box", [
                "wherein the lead frame is made of copper having a thickness of 0.5 mm to 2 mm",
                "wherein a wall of the base between the pads and the back surface has a thickness of 0.3 mm to 1.0 mm",
                "comprising three bypass diodes each associated with one of three cell strings",
                "wherein the junction box is free of potting compound",
                "further comprising two cables with connectors extending from the base",
            ]),
            (("A photovoltaic module", "comprising", [
                "a laminate including a plurality of solar cells connected in strings",
                "a junction box attached to a back sheet of the laminate, the junction box including a lead frame "
                "embedded in a polymer base and bypass diodes soldered to pads of the lead frame that extend under "
                "most of the base"]),
             "photovoltaic module", [
                "wherein heat from the bypass diodes is conducted through the base into the back sheet",
             ]),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: medical devices (catheters)
# --------------------------------------------------------------------------

FIELDS["MED"] = dict(
    name="Medical devices and catheters",
    area="medical devices for minimally invasive procedures, in particular catheters and related instruments",
    uspc=["604523", "604 96.01", "600585", "606 41", "600486", "604528", "600374"],
    foreign=["WO", "EP", "DE", "JP"],
    bg=[
        "Catheters are introduced through the skin into blood vessels or other body lumens to diagnose and treat "
        "disease with less trauma than open surgery. A catheter has to be flexible enough to follow tortuous "
        "anatomy yet stiff enough axially to be pushed from a hub that may be more than a meter from the treatment "
        "site.",
        "Torque response, kink resistance and lubricity compete with one another. Braided or coiled reinforcement "
        "improves torque transmission and kink resistance but adds wall thickness, which reduces the lumen "
        "available for guidewires, devices and fluids.",
        "Many interventions are guided by fluoroscopy, which exposes patients and staff to ionizing radiation and "
        "shows the vessels only in projection. Sensors on the catheter can supply further information about "
        "position, contact force, pressure or tissue properties.",
        "Devices that enter the vasculature must be biocompatible and must neither shed particles nor provoke "
        "thrombus, so coatings, materials and sterilization methods are chosen carefully, and designs must "
        "tolerate the variations of high-volume manufacturing.",
    ],
    det=[
        "The catheter shaft may comprise an inner liner of polytetrafluoroethylene, a reinforcement layer of braided "
        "stainless-steel or nitinol wire, and an outer jacket of polyether block amide or polyurethane. The hardness "
        "of the jacket may decrease in several steps from the proximal end to the distal end to give a gradual "
        "transition in stiffness.",
        "A hydrophilic coating may be applied to the distal portion to reduce friction during advancement. Marker "
        "bands of platinum\u2013iridium or gold may be swaged onto the shaft so that the position of the tip can be "
        "confirmed under fluoroscopy.",
        "The proximal hub may include a luer fitting for a syringe or infusion line, a hemostasis valve that seals "
        "around a guidewire, and a strain relief that prevents kinking where the shaft leaves the hub.",
        "Conductors for electrodes or sensors may run through dedicated lumens or be embedded in the wall of the "
        "shaft between the liner and the jacket, and may be connected to a console through a multi-pin connector in "
        "the handle.",
        "Devices according to the embodiments may range in size from about 2 French to about 14 French, with working "
        "lengths of about 60 cm to about 150 cm, depending on whether they are intended for coronary, peripheral, "
        "neurovascular or structural heart procedures.",
        "In bench tests, trackability was assessed by advancing the device over a 0.014 inch guidewire through a "
        "polymer model of the aortic arch and iliac vessels while recording the push force at the hub, and kink "
        "resistance was measured by wrapping the shaft around mandrels of decreasing diameter.",
    ],
    figs=[
        "is a side view of a {n} according to an embodiment",
        "is a longitudinal cross-sectional view of a distal portion of the {n} of FIG. 1",
        "is a transverse cross-sectional view taken along line 3-3 of FIG. 2",
        "is an enlarged view of a distal tip of the {n}",
        "is a flow chart of a method of using the {n}",
        "is a schematic view of the {n} positioned in a blood vessel",
        "is a block diagram of a console connected to the {n}",
    ],
    npl_titles=[
        "Torque transmission in braided microcatheter shafts",
        "Lesion formation under controlled irrigation in radiofrequency ablation",
        "Fractional flow measurement with optical pressure wires",
        "Scoring balloon angioplasty of calcified lesions",
        "Impedance-based localization of electrode catheters",
    ],
)

UTILITY += [
    dict(
        key="m01", f="MED", pub="2005-06", asg=[("meridian", None)], inv=["halvorsen", "abernathy"],
        title="Microcatheter with a variable-pitch braid and a tapered inner liner",
        tf="microcatheters for neurovascular and peripheral interventions",
        cpc=["A61M 25/005", "A61M 25/0054", "A61M 25/0045", "A61M 25/0009"],
        abstract=(
            "A microcatheter for delivering coils, embolic agents or small devices has a shaft with an inner liner of "
            "polytetrafluoroethylene, a braid of flat stainless-steel wire and an outer polymer jacket. The pick "
            "count of the braid increases continuously from about 50 picks per inch in the proximal section to "
            "about 150 picks per inch in the distal section, and the wall thickness of the liner tapers from 25 µm "
            "to 13 µm over the same length. The combination provides a smooth transition from a pushable proximal "
            "shaft to a very flexible but kink-resistant tip, without the abrupt stiffness steps created by "
            "butt-welded segments, and keeps the inner diameter constant along the shaft."),
        bg=("Microcatheters are navigated into small, tortuous vessels of the brain and other organs. Shafts made "
            "of several bonded segments of different stiffness develop kinks and ovalization at the joints, and "
            "the joints may also resist the passage of coils."),
        summ=("Varying the braid pitch and liner wall continuously along a single extruded and braided shaft "
              "produces a gradual change in flexibility without any joints."),
        det=[
            "Referring to FIG. 1 and FIG. 2, the microcatheter #10 includes a hub #12, a strain relief #14 and a "
            "shaft #16 with a working length of 150 cm. The shaft #16 has an inner liner #18, a braid #20 of sixteen "
            "flat wires 0.025 mm by 0.075 mm, and a jacket #22 whose hardness decreases from 72D to 25D in five "
            "sections.",
            "The braiding machine varied the pick count under computer control while the mandrel was pulled at a "
            "constant rate. The liner #18 was produced by etching a PTFE tube through a tapered mask. The finished "
            "shaft could be wrapped around a 2 mm mandrel at its distal end without kinking, as shown in FIG. 4.",
        ],
        claims=[
            (("A microcatheter", "comprising", [
                "a tubular inner liner defining a lumen extending from a proximal end to a distal end",
                "a braided reinforcement surrounding the inner liner",
                "an outer jacket surrounding the braided reinforcement",
                "wherein a pick count of the braided reinforcement increases continuously from a proximal section to "
                "a distal section of the microcatheter",
                "wherein a wall thickness of the inner liner decreases from the proximal section to the distal "
                "section while an inner diameter of the lumen remains constant"]),
             "microcatheter", [
                "wherein the pick count increases from 40 to 60 picks per inch in the proximal section to 120 to 180 "
                "picks per inch in the distal section",
                "wherein the braided reinforcement consists of flat stainless-steel wires",
                "wherein the inner liner is made of polytetrafluoroethylene and its wall thickness tapers from 20 µm "
                "to 30 µm proximally to 10 µm to 15 µm distally",
                "wherein a hardness of the outer jacket decreases in at least four sections from the proximal end "
                "toward the distal end",
                "further comprising a radiopaque marker band at the distal end",
                "wherein the lumen has a diameter of 0.4 mm to 0.7 mm",
            ]),
            (("A method of making a microcatheter", "the method comprising", [
                "placing a tubular liner on a mandrel",
                "braiding wires over the liner while drawing the mandrel at a constant speed and changing a rotation "
                "rate of the braider so that a pick count increases toward a distal end",
                "applying an outer polymer jacket over the braided wires"]),
             "method", [
                "further comprising etching the liner through a tapered mask before placing it on the mandrel so "
                "that its wall thickness decreases toward the distal end",
             ]),
        ],
    ),
    dict(
        key="m02", f="MED", pub="2008-09", inv=["delacroix"], agent="mirza", b1=True,
        title="Guidewire having a shapeable ribbon tip within a radiopaque polymer jacket",
        tf="guidewires used to access and cross lesions in blood vessels",
        cpc=["A61M 25/09", "A61M 2025/09083", "A61M 2025/09175", "A61M 25/0009"],
        cites=["m01?"],
        abstract=(
            "A guidewire has a nitinol core wire that is ground to a taper in its distal 30 cm and terminates in a "
            "flattened stainless-steel ribbon joined to the nitinol by a crimped hypotube sleeve. A polyurethane "
            "jacket loaded with tungsten powder covers the distal portion, making it visible under fluoroscopy "
            "without a coil, and a hydrophilic coating is applied over the jacket. The stainless ribbon can be bent "
            "by the physician into a durable shape, while the nitinol core resists permanent deformation, so the "
            "wire combines a shapeable tip with a kink-resistant body and delivers torque smoothly."),
        bg=("Nitinol guidewires are resistant to kinking but their tips cannot easily be shaped because the alloy "
            "springs back. Stainless-steel wires keep a shape but kink in tortuous vessels, and coil-covered tips "
            "can catch on stent struts."),
        summ=("Joining a short shapeable steel ribbon to a nitinol core and covering both with a radiopaque polymer "
              "jacket gives the physician the advantages of both materials in one guidewire."),
        det=[
            "As shown in FIG. 2, the guidewire #30 includes a core wire #32 of nitinol with a diameter of 0.33 mm "
            "that tapers to 0.06 mm, a sleeve #34 crimped over the end of the core wire, and a ribbon #36 of 304 "
            "stainless steel 0.025 mm by 0.075 mm and 15 mm long. The jacket #38 contains 70 wt % tungsten.",
            "Torque response was measured by rotating the proximal end through a tortuous path model; the tip "
            "followed the proximal rotation with less than 20\u00b0 of lag. A 45\u00b0 tip bend was retained after 30 "
            "passes through a 2.5 mm lumen.",
        ],
        claims=[
            (("A guidewire", "comprising", [
                "a core wire made of a nickel\u2013titanium alloy and having a distal portion that tapers toward a "
                "distal end",
                "a shaping ribbon made of stainless steel",
                "a sleeve joining a proximal end of the shaping ribbon to the distal end of the core wire",
                "a polymer jacket covering the distal portion of the core wire, the sleeve and the shaping ribbon, "
                "the polymer jacket containing a radiopaque filler"]),
             "guidewire", [
                "wherein the radiopaque filler is tungsten powder present in an amount of 50 wt % to 80 wt % of the "
                "jacket",
                "wherein the shaping ribbon has a length of 10 mm to 25 mm",
                "wherein the sleeve is a hypotube crimped onto the core wire and the shaping ribbon",
                "further comprising a hydrophilic coating on the polymer jacket",
                "wherein no coil surrounds the distal portion",
                "having an outer diameter of 0.014 inch",
            ]),
            (("A method of preparing a guidewire for use", "the method comprising", [
                "providing a guidewire having a nitinol core and a stainless-steel shaping ribbon covered by a "
                "radiopaque polymer jacket",
                "bending the shaping ribbon through the polymer jacket to a desired tip shape",
                "inserting the guidewire into a blood vessel with the tip shape retained"]),
             "method", []),
        ],
    ),
    dict(
        key="m03", f="MED", pub="2011-02", asg=[("meridian", None)], inv=["petrov", "halvorsen", "suzuki"],
        title="Scoring balloon catheter with wires anchored by a sliding distal collar",
        tf="balloon catheters for dilating narrowed and calcified vessels",
        cpc=["A61M 25/104", "A61B 17/320725", "A61M 2025/1086", "A61M 25/1002"],
        cites=["m01!", "m02?"],
        abstract=(
            "A balloon catheter for treating calcified stenoses carries three scoring wires of triangular cross "
            "section along the outside of a semi-compliant balloon. The proximal ends of the wires are fixed to the "
            "catheter shaft, and the distal ends are attached to a collar that slides along the distal shaft. When "
            "the balloon inflates and shortens, the collar moves so the wires remain taut against the balloon, and "
            "when it deflates the wires pull the balloon folds flat. The wires concentrate the dilating force along "
            "narrow lines and create controlled fractures in the calcium, allowing full expansion of the vessel at a "
            "lower pressure and with fewer dissections."),
        bg=("Heavily calcified lesions resist dilation with ordinary balloons and may require very high pressures, "
            "which can cause uncontrolled dissection of the vessel. Cutting balloons with attached blades are stiff "
            "and difficult to deliver."),
        summ=("Scoring wires that are fixed only at their proximal ends and float distally on a collar keep "
              "tension during inflation and deflation and do not stiffen the balloon during delivery."),
        det=[
            "Referring to FIG. 1, the catheter #40 includes an outer shaft #42, an inner shaft #44, a balloon #46 and "
            "scoring wires #48. The wires #48 are nitinol with an equilateral triangular cross section of 0.15 mm "
            "per side, fixed by a proximal band #50 and attached to a collar #52 that slides on the inner shaft #44 "
            "between stops #54.",
            "In a bench model made of calcified cadaver tissue, full expansion of 3.0 mm lesions was reached at a "
            "mean of 8 atm with the scoring balloon and 16 atm with a plain balloon of the same size, as shown in "
            "FIG. 6.",
        ],
        claims=[
            (("A balloon catheter", "comprising", [
                "an elongated shaft having an inflation lumen",
                "a balloon mounted on a distal portion of the shaft and in fluid communication with the inflation "
                "lumen",
                "a plurality of scoring wires extending along an outer surface of the balloon, each scoring wire "
                "having a proximal end fixed to the shaft proximal of the balloon",
                "a collar slidably mounted on the shaft distal of the balloon, wherein a distal end of each scoring "
                "wire is attached to the collar"]),
             "balloon catheter", [
                "wherein each scoring wire has a triangular cross section with an apex facing away from the balloon",
                "wherein the scoring wires are made of a nickel\u2013titanium alloy",
                "comprising three scoring wires spaced evenly about a circumference of the balloon",
                "further comprising a stop on the shaft that limits a travel of the collar",
                "wherein the balloon is semi-compliant and has a rated burst pressure of at least 16 atm",
            ]),
            (("A method of treating a calcified lesion", "the method comprising", [
                "advancing a balloon catheter having scoring wires fixed proximally and attached distally to a "
                "sliding collar to the lesion",
                "inflating the balloon so that the scoring wires are pressed into the lesion while the collar slides "
                "to keep the scoring wires taut",
                "deflating the balloon and withdrawing the catheter"]),
             "method", [
                "wherein the balloon is inflated to a pressure of 6 atm to 12 atm",
             ]),
        ],
    ),
    dict(
        key="m04", f="MED", pub="2014-04", asg=[("harrowgate", None)], inv=["whitaker", "mensah"], prov=True,
        title="Pressure guidewire with a fiber Bragg grating sensor and athermal compensation",
        tf="guidewires that measure blood pressure inside coronary arteries",
        cpc=["A61B 5/02154", "A61B 5/0215", "A61B 5/6851", "A61M 25/09", "A61B 2562/0266"],
        cites=["m02!", "m01?"],
        abstract=(
            "A pressure-sensing guidewire contains a single optical fiber with two fiber Bragg gratings near its "
            "distal end. The first grating is bonded to a thin diaphragm closing a sealed cavity, so that its "
            "reflected wavelength shifts with blood pressure and temperature, and the second grating lies free in "
            "the same housing, so that its wavelength shifts only with temperature. An interrogator subtracts the "
            "two shifts to obtain a temperature-compensated pressure. Because no electrical conductors are needed, "
            "the wire can have the same handling as a conventional 0.014 inch guidewire, and its reading does not "
            "drift when cold contrast medium is injected."),
        bg=("Pressure wires are used to assess whether a coronary narrowing limits blood flow by comparing the "
            "pressures distal and proximal to it. Electrical piezoresistive sensors require several fine conductors "
            "and are prone to drift when the temperature or humidity at the sensor changes."),
        summ=("Two gratings written in one fiber, only one of which feels the pressure, allow the effect of "
              "temperature to be removed optically without additional conductors or calibration steps."),
        det=[
            "As shown in FIG. 2, the distal housing #60 of the guidewire #62 encloses a cavity #64 closed by a "
            "diaphragm #66 of 5 µm parylene-coated silica. A first grating #68 is bonded to the diaphragm #66, and "
            "a second grating #70 is located 3 mm proximal in a loose tube #72. The fiber #74 runs through a "
            "hypotube #76 to a connector #78.",
            "The console #80 of FIG. 7 illuminates the fiber with a swept laser from 1530 nm to 1560 nm. In water "
            "baths from 20\u00b0 C. to 40\u00b0 C., the compensated pressure changed by less than 1 mmHg, whereas "
            "the uncompensated reading changed by 9 mmHg.",
        ],
        claims=[
            (("A pressure-sensing guidewire", "comprising", [
                "an elongate body having a distal end",
                "a housing at the distal end defining a sealed cavity closed by a flexible diaphragm",
                "an optical fiber extending through the elongate body into the housing",
                "a first fiber Bragg grating in the optical fiber attached to the diaphragm so that a reflected "
                "wavelength of the first grating depends on a pressure acting on the diaphragm",
                "a second fiber Bragg grating in the optical fiber that is mechanically decoupled from the diaphragm"]),
             "pressure-sensing guidewire", [
                "wherein the first and second fiber Bragg gratings have different nominal reflection wavelengths",
                "wherein the second fiber Bragg grating is located 1 mm to 10 mm proximal of the first fiber Bragg "
                "grating",
                "wherein the diaphragm comprises silica having a thickness of 2 µm to 10 µm",
                "wherein the guidewire is free of electrical conductors",
                "having an outer diameter of 0.014 inch",
            ]),
            (("A system for measuring intravascular pressure", "comprising", [
                "a guidewire having an optical fiber with a pressure-sensitive first grating and a "
                "pressure-insensitive second grating",
                "an interrogator configured to determine wavelength shifts of the first and second gratings and to "
                "calculate a pressure from a difference between the wavelength shifts"]),
             "system", [
                "wherein the interrogator comprises a swept-wavelength laser",
                "wherein the interrogator is further configured to calculate a ratio of a distal pressure to an "
                "aortic pressure",
             ]),
        ],
    ),
    dict(
        key="m05", f="MED", pub="2017-08", asg=[("meridian", "Meridian Vascular Technologies LLC")],
        inv=["suzuki", "abernathy"],
        title="Irrigated ablation catheter with a distributed thermocouple array in the tip electrode",
        tf="catheters for radiofrequency ablation of cardiac tissue",
        cpc=["A61B 18/1492", "A61B 2018/00577", "A61B 2018/00821", "A61B 2218/002", "A61B 2018/00351"],
        cites=["m03", "m04?"],
        abstract=(
            "A radiofrequency ablation catheter has a hollow platinum\u2013iridium tip electrode with irrigation "
            "holes and a thin-walled shell in which six thermocouples are embedded at different angular and axial "
            "positions. Because the shell is thermally isolated from the irrigation fluid by an inner polymer liner, "
            "the thermocouples track the temperature of the tissue interface rather than that of the coolant. A "
            "generator uses the highest of the six readings to limit power and the spread of readings to estimate "
            "the orientation of the tip relative to the tissue. Lesions can therefore be made with high power for a "
            "short time while avoiding steam pops and char."),
        bg=("Irrigation cools the tip electrode so that more power can be delivered, but it also hides the "
            "temperature of the tissue from a single thermocouple inside the tip, so overheating of the tissue "
            "surface can go unnoticed."),
        summ=("Measuring temperature at several points in a thin shell that is insulated from the coolant restores "
              "a meaningful temperature feedback during irrigated ablation."),
        det=[
            "As shown in FIG. 4, the tip electrode #90 includes an outer shell #92 0.1 mm thick, an inner liner #94 "
            "of polyimide, twelve irrigation holes #96 and thermocouples #98 of copper\u2013constantan embedded in "
            "grooves of the shell #92. Three thermocouples are located near the distal dome and three near the "
            "proximal edge, each group spaced 120\u00b0 apart.",
            "The generator #100 of FIG. 7 delivered 50 W for 10 seconds and reduced the power whenever the highest "
            "temperature exceeded 48\u00b0 C. In perfused tissue no steam pops occurred in 80 lesions, compared with "
            "7 in 80 lesions made with a single-sensor catheter.",
        ],
        claims=[
            (("An ablation catheter", "comprising", [
                "an elongate shaft with an irrigation lumen",
                ("a tip electrode at a distal end of the shaft, the tip electrode including", [
                    "a metallic shell having irrigation openings in fluid communication with the irrigation lumen",
                    "a thermally insulating liner on an inner surface of the metallic shell"]),
                "a plurality of temperature sensors embedded in the metallic shell at different angular and axial "
                "positions"]),
             "ablation catheter", [
                "wherein the plurality of temperature sensors comprises at least three sensors near a distal dome of "
                "the tip electrode and at least three sensors near a proximal edge of the tip electrode",
                "wherein the metallic shell has a thickness of 0.05 mm to 0.2 mm",
                "wherein the liner is made of polyimide",
                "wherein the temperature sensors are thermocouples",
                "further comprising a generator configured to limit radiofrequency power according to a highest "
                "temperature measured by the temperature sensors",
                "^wherein the generator is further configured to estimate an orientation of the tip electrode "
                "relative to tissue from differences between the measured temperatures",
                "wherein the irrigation openings are distributed over a distal dome and a cylindrical side of the tip "
                "electrode",
                "wherein the tip electrode has a length of 3.5 mm to 4.5 mm",
                "further comprising a contact force sensor in the shaft proximal of the tip electrode",
                "wherein conductors of the temperature sensors pass through a lumen separate from the irrigation "
                "lumen",
                "wherein the metallic shell comprises a platinum\u2013iridium alloy",
            ]),
            (("A method of ablating cardiac tissue", "the method comprising", [
                "placing an irrigated tip electrode having a plurality of temperature sensors embedded in an "
                "insulated shell against the tissue",
                "delivering radiofrequency energy through the tip electrode while delivering irrigation fluid",
                "reducing the radiofrequency energy when a highest temperature measured by the temperature sensors "
                "exceeds a limit"]),
             "method", [
                "wherein the limit is 45\u00b0 C. to 55\u00b0 C.",
                "wherein the radiofrequency energy is delivered at 40 W to 60 W for 5 seconds to 15 seconds",
                "further comprising displaying a temperature map of the tip electrode derived from the temperature "
                "sensors",
             ]),
        ],
    ),
    dict(
        key="m06", f="MED", pub="2020-11", asg=[("meridian", None), ("lakeside", None)],
        inv=["petrov", "brennan", "osei"],
        title="Catheter localization system fusing impedance and magnetic position measurements",
        tf="systems for determining the position of catheters inside the body without fluoroscopy",
        cpc=["A61B 34/20", "A61B 5/0538", "A61B 5/6852", "A61B 2034/2051", "A61B 2034/2053"],
        cites=["m05!", "m04"], figs=7,
        abstract=(
            "A localization system determines the positions of electrodes on catheters inside the heart. Patch "
            "electrodes on the skin inject small alternating currents, and the voltages measured at the catheter "
            "electrodes give impedance-based positions that are available for every electrode but are distorted by "
            "the inhomogeneous conductivity of the body. A reference catheter additionally carries a magnetic coil "
            "whose position is measured accurately in a field generated under the table. The system fits a smooth "
            "spatial correction field that maps impedance positions to magnetic positions wherever the reference "
            "catheter has been, and applies it to all other electrodes, yielding accurate positions for catheters "
            "that have no magnetic sensor."),
        bg=("Impedance-based localization works with any electrode catheter but is distorted by tissue "
            "conductivity, respiration and patch contact. Magnetic localization is accurate but requires "
            "specialized sensors in each catheter."),
        summ=("Learning a correction from one magnetically tracked catheter and applying it to all electrodes "
              "combines the accuracy of magnetic tracking with the versatility of impedance tracking."),
        det=[
            "FIG. 1 shows the system #110 with patch electrodes #112, a field generator #114, a reference catheter "
            "#116 carrying a sensor coil #118 and electrodes #120, a mapping catheter #122, and a processor #124. "
            "Currents of 20 µA at frequencies near 8 kHz are injected between pairs of patches in time "
            "multiplex.",
            "The processor #124 accumulates pairs of impedance and magnetic positions of the electrodes #120 while "
            "the reference catheter is moved, and fits a thin-plate spline correction. In a phantom study the mean "
            "position error of the mapping catheter was 1.6 mm after correction versus 6.3 mm before.",
        ],
        claims=[
            (("A catheter localization system", "comprising", [
                "a plurality of surface electrodes configured to be placed on a patient and to inject electrical "
                "currents",
                "a magnetic field generator",
                "a reference catheter having at least one electrode and a magnetic sensor",
                ("a processor configured to", [
                    "determine impedance-based positions of electrodes from voltages measured in response to the "
                    "injected currents",
                    "determine a magnetic position of the magnetic sensor",
                    "compute a spatial correction that maps impedance-based positions of the at least one electrode "
                    "of the reference catheter to positions derived from the magnetic position",
                    "apply the spatial correction to impedance-based positions of electrodes of a second catheter "
                    "that has no magnetic sensor"])]),
             "catheter localization system", [
                "wherein the spatial correction is a thin-plate spline",
                "wherein the processor updates the spatial correction as the reference catheter moves to new "
                "locations",
                "wherein the processor gates the positions according to a respiratory phase",
                "wherein the injected currents have frequencies between 5 kHz and 50 kHz",
                "further comprising a display that shows the corrected positions on an anatomical map",
            ]),
            (("A method of localizing a catheter", "the method comprising", [
                "measuring impedance-based positions of electrodes of a reference catheter and of a second catheter",
                "measuring a magnetic position of a sensor of the reference catheter",
                "fitting a correction field that relates the impedance-based positions of the reference catheter to "
                "the magnetic position",
                "correcting the impedance-based positions of the second catheter with the correction field"]),
             "method", [
                "wherein the fitting uses position pairs collected at a plurality of locations within a heart "
                "chamber",
             ]),
        ],
    ),
    dict(
        key="m07", f="MED", pub="2024-01", asg=[("meridian", "MERIDIAN VASCULAR TECHNOLOGIES, LLC")],
        inv=["abernathy", "suzuki", "petrov"],
        title="Steerable introducer sheath with a laser-cut hypotube spine and dual pull wires",
        tf="steerable sheaths for delivering devices to structures of the heart",
        cpc=["A61M 25/0147", "A61M 25/0662", "A61M 25/0138", "A61M 2025/015"],
        cites=["m01", "m03", "m06?"],
        abstract=(
            "A steerable sheath for transcatheter procedures has a deflectable distal segment built around a "
            "nitinol hypotube in which a pattern of slots is laser cut. The slots are arranged so that the segment "
            "bends preferentially in one plane, and their width increases toward the tip so that the curve forms "
            "progressively from the distal end. Two pull wires run in lumens on opposite sides of the spine and are "
            "operated by a rotary knob in the handle, allowing deflection in two directions up to 180 degrees. "
            "Because the spine resists compression, the sheath does not shorten or twist when deflected, and it "
            "keeps its lumen round for the passage of large devices."),
        bg=("Steerable sheaths made of polymer and braid tend to compress axially and to whip when the pull wire "
            "is tensioned, which makes precise positioning difficult, and their lumen may ovalize in tight curves."),
        summ=("A slotted metallic spine carries the compressive load of the pull wires and defines the bending "
              "plane, while the graded slot width shapes the curve."),
        det=[
            "Referring to FIG. 1, the sheath #130 includes a handle #132 with a knob #134, a shaft #136 and a "
            "deflectable segment #138 that contains a hypotube spine #140. As shown in FIG. 4, the spine #140 has "
            "pairs of opposing slots #142 whose width grows from 0.2 mm to 0.5 mm toward the tip, leaving two "
            "continuous backbones #144.",
            "Pull wires #146 and #148 of PTFE-coated stainless steel run in lumens #150 and are anchored to a ring "
            "#152. A 14 French sheath built this way deflected to 180\u00b0 with a handle torque of 0.3 N\u00b7m "
            "and shortened by less than 1 mm.",
        ],
        claims=[
            (("A steerable sheath", "comprising", [
                "a handle having an actuator",
                "an elongate shaft extending distally from the handle and defining a device lumen",
                "a deflectable segment at a distal end of the shaft, the deflectable segment comprising a metallic "
                "tubular spine having a plurality of slots arranged to permit bending in a bending plane, wherein a "
                "width of the slots increases toward a distal end of the deflectable segment",
                "a first pull wire and a second pull wire extending along opposite sides of the spine and coupled "
                "to the actuator"]),
             "steerable sheath", [
                "wherein the spine is a laser-cut nickel\u2013titanium hypotube",
                "wherein the slots are arranged in opposing pairs leaving two longitudinal backbones",
                "wherein the actuator is a rotary knob that tensions the first pull wire when turned in one "
                "direction and the second pull wire when turned in the other direction",
                "wherein the deflectable segment can be deflected by at least 150\u00b0 in each direction",
                "wherein the device lumen has a diameter of at least 4 mm",
            ]),
            (("A method of positioning a steerable sheath in a heart", "the method comprising", [
                "advancing the sheath through a vein into the heart",
                "rotating a knob of a handle of the sheath to tension a pull wire and deflect a distal segment "
                "containing a slotted metallic spine",
                "delivering a device through a lumen of the sheath while the distal segment is deflected"]),
             "method", [
                "further comprising rotating the knob in an opposite direction to tension a second pull wire and "
                "deflect the distal segment in a second direction",
                "wherein the device is a transcatheter valve repair implant",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a07", f="MED", pub="2022-03", asg=[("meridian", "MERIDIAN VASCULAR TECHNOLOGIES, LLC")],
        inv=["halvorsen", "petrov"], prov=True,
        title="Intravascular lithotripsy catheter with an acoustic reflector sleeve",
        tf="catheters that fracture vascular calcium with pressure waves",
        cpc=["A61B 17/22022", "A61B 17/22012", "A61B 2017/22025", "A61M 25/104"],
        abstract=(
            "A catheter for treating calcified arteries includes a balloon filled with conductive fluid and pairs of "
            "electrodes inside the balloon. High-voltage pulses applied to the electrodes create vapor bubbles "
            "whose expansion and collapse emit pressure waves that crack calcium in the vessel wall. A cylindrical "
            "reflector sleeve of a closed-cell polymer foam is placed on the catheter shaft behind each electrode "
            "pair, so that waves traveling toward the shaft are reflected outward, increasing the energy that "
            "reaches the vessel wall. The catheter can therefore treat the lesion with fewer pulses and lower "
            "voltage, and it also includes a controller that adjusts pulse energy according to the measured "
            "current."),
        bg=("Lithotripsy catheters create acoustic waves inside a balloon placed across a calcified lesion. A "
            "large part of the acoustic energy travels toward the catheter shaft and is absorbed there instead of "
            "reaching the calcium."),
        summ=("A foam reflector with a very different acoustic impedance from the balloon fluid redirects the "
              "inward-travelling wave toward the vessel wall."),
        det=[
            "As shown in FIG. 2, the catheter #160 has a shaft #162, a balloon #164, electrode pairs #166 and "
            "reflector sleeves #168. Each sleeve #168 is 0.3 mm thick and made of a closed-cell polyethylene foam.",
            "Pulses of 3 kV and 1 µs were delivered at 1 Hz. Hydrophone measurements at a radius of 2 mm showed a "
            "peak pressure increase of 35% with the sleeves, as plotted in FIG. 4.",
        ],
        claims=[
            (("A lithotripsy catheter", "comprising", [
                "an elongate shaft",
                "a balloon mounted on the shaft and configured to be filled with a conductive fluid",
                "at least one pair of electrodes located inside the balloon and configured to generate a pressure "
                "wave when a voltage pulse is applied",
                "an acoustic reflector sleeve disposed on the shaft radially inward of the pair of electrodes"]),
             "lithotripsy catheter", [
                "wherein the acoustic reflector sleeve comprises a closed-cell foam",
                "wherein the acoustic reflector sleeve has a thickness of 0.1 mm to 0.5 mm",
                "comprising a plurality of pairs of electrodes spaced along the shaft, each with a respective "
                "reflector sleeve",
                "further comprising a controller configured to adjust an energy of the voltage pulses according to "
                "a measured current",
            ]),
            (("A method of treating a calcified lesion", "the method comprising", [
                "positioning a balloon of a lithotripsy catheter across the lesion",
                "filling the balloon with a conductive fluid",
                "applying voltage pulses to electrodes in the balloon so that pressure waves are generated and "
                "reflected outward by a reflector sleeve on the shaft"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: gene editing and nucleic acid biotechnology
# --------------------------------------------------------------------------

FIELDS["BIO"] = dict(
    name="Gene editing and biotechnology",
    area="molecular biology and genetic engineering, including compositions and methods for modifying nucleic "
         "acids in cells",
    uspc=["435462", "435320.1", "536 24.5", "435455", "435325", "536 23.1"],
    foreign=["WO", "EP", "CN", "JP"],
    bg=[
        "Targeted modification of genomic DNA makes it possible to study gene function and to develop therapies "
        "for inherited and acquired diseases. Programmable nucleases cut the DNA at a chosen site, and the break is "
        "repaired either by non-homologous end joining or by homology-directed repair from a donor template.",
        "RNA-guided nucleases derived from bacterial immune systems find their target by base pairing between a "
        "guide RNA and the genomic sequence next to a short protospacer-adjacent motif. Only the guide sequence has "
        "to be changed to address a new target, which makes such systems easy to reprogram.",
        "Therapeutic editing requires efficient delivery of the editing components to the relevant cells and a low "
        "rate of unintended changes at off-target sites. Viral vectors as well as non-viral carriers such as lipid "
        "nanoparticles have been studied for this purpose.",
        "Small interfering RNAs and antisense oligonucleotides reduce the expression of a target gene without "
        "changing the genome. Chemical modification of the sugars, the backbone and the ends of such "
        "oligonucleotides increases their resistance to nucleases and lowers innate immune activation.",
    ],
    det=[
        "As used herein, a “guide RNA” is an RNA, or a pair of RNAs, that associates with an RNA-guided nuclease and "
        "directs it to a target sequence. A guide RNA may be a single molecule or may consist of a targeting RNA and "
        "an activating RNA hybridized to each other.",
        "Sequences disclosed herein may vary from those given in the examples. A polypeptide may, for example, have "
        "at least 80%, at least 90%, at least 95% or at least 99% sequence identity to a reference sequence over its "
        "full length while retaining the relevant activity.",
        "Cells may be cultured in a suitable medium supplemented with serum or defined growth factors. Primary human "
        "T cells, hematopoietic stem cells, induced pluripotent stem cells, hepatocytes and lines such as HEK293T "
        "are examples of cells that may be modified by the methods described herein.",
        "Editing outcomes were quantified by amplifying the target locus by polymerase chain reaction and sequencing "
        "the amplicons on a high-throughput platform. Reads were aligned to the reference and classified as "
        "unmodified, carrying insertions or deletions, or carrying the intended edit.",
        "Compositions described herein may be formulated for intravenous, intramuscular, subretinal or intrathecal "
        "administration and may contain buffers, salts, stabilizers and cryoprotectants. Doses are chosen according "
        "to the route, the target tissue and the condition of the subject.",
        "Off-target activity was evaluated with an unbiased genome-wide method and by targeted sequencing of "
        "candidate sites predicted in silico to differ from the intended target by up to four mismatches.",
    ],
    figs=[
        "is a schematic diagram of a {n} according to an embodiment",
        "is a bar graph of editing efficiency measured at several target sites",
        "is a graph comparing off-target activity with that of a reference",
        "shows sequencing results obtained at a target locus",
        "is a flow chart of a method of producing modified cells",
        "is a map of an expression construct used in the examples",
        "shows flow cytometry data for edited and unedited cells",
    ],
    npl_titles=[
        "Specificity profiling of engineered RNA-guided nucleases",
        "Chemically stabilized small interfering RNAs for hepatic delivery",
        "Intein-mediated reconstitution of large editors delivered by dual vectors",
        "Cytidine deaminase fusions for precise base conversion",
        "Multiplex knockout of checkpoint genes in primary T cells",
    ],
)

UTILITY += [
    dict(
        key="g01", f="BIO", pub="2007-03", asg=[("tessellate", None)], inv=["raman", "goldberg"], prov=True,
        title="Chemically modified siRNA duplex with enhanced serum stability and reduced immune stimulation",
        tf="double-stranded RNA molecules that mediate RNA interference",
        cpc=["C12N 15/113", "A61K 31/713", "C12N 2310/14", "C12N 2310/321", "C12N 2310/322"],
        abstract=(
            "A short interfering RNA duplex of 19 to 23 base pairs has a modification pattern in which every "
            "pyrimidine of the sense strand carries a 2\u2032-fluoro group, the antisense strand alternates "
            "2\u2032-O-methyl and 2\u2032-fluoro nucleotides outside the seed region, and the two 3\u2032-terminal "
            "linkages of each strand are phosphorothioates. Nucleotides 2 to 8 of the antisense strand remain "
            "unmodified ribonucleotides or 2\u2032-fluoro nucleotides so that target recognition by the silencing "
            "complex is preserved. The duplex persists for more than 24 hours in human serum, does not induce "
            "interferon-alpha in blood cells, and silences its target at sub-nanomolar concentrations."),
        bg=("Unmodified siRNA is degraded within minutes in serum and can be recognized by innate immune "
            "receptors. Extensive modification improves stability but often reduces silencing, particularly when "
            "the seed region of the guide strand is modified."),
        summ=("A modification pattern that protects the duplex everywhere except in the seed region keeps both "
              "high stability and full silencing potency."),
        det=[
            "FIG. 1 shows the modification pattern of a duplex #10 having a sense strand #12 and an antisense strand "
            "#14. Positions marked F carry 2\u2032-fluoro ribose, positions marked M carry 2\u2032-O-methyl ribose, "
            "and the asterisks indicate phosphorothioate linkages. The seed region #16 spans positions 2 to 8 of "
            "the antisense strand.",
            "Duplexes targeting a liver transcript were incubated in 90% human serum at 37\u00b0 C. After 24 hours, "
            "78% of the modified duplex remained intact, versus none of the unmodified duplex. In cultured "
            "hepatocytes the IC_{50} for target knockdown was 0.4 nM.",
        ],
        claims=[
            (("A double-stranded RNA for inhibiting expression of a target gene", "comprising", [
                "a sense strand and an antisense strand each having 19 to 23 nucleotides and forming a duplex region",
                "wherein every pyrimidine nucleotide of the sense strand comprises a 2\u2032-fluoro modification",
                "wherein nucleotides of the antisense strand outside positions 2 to 8 from its 5\u2032 end alternate "
                "between 2\u2032-O-methyl and 2\u2032-fluoro modifications",
                "wherein the two 3\u2032-terminal internucleotide linkages of each strand are phosphorothioate "
                "linkages"]),
             "double-stranded RNA", [
                "wherein positions 2 to 8 of the antisense strand are unmodified ribonucleotides",
                "wherein the antisense strand has a two-nucleotide overhang at its 3\u2032 end",
                "wherein the sense strand is conjugated at its 3\u2032 end to a ligand that binds a hepatocyte "
                "receptor",
                "^wherein the ligand comprises three N-acetylgalactosamine residues",
                "wherein at least 50% of the double-stranded RNA remains intact after 24 hours in 90% human serum at "
                "37\u00b0 C.",
            ]),
            (("A pharmaceutical composition", "comprising", [
                "a double-stranded RNA having a 2\u2032-fluoro-modified sense strand, an antisense strand with an "
                "alternating modification pattern outside its seed region, and terminal phosphorothioate linkages",
                "a pharmaceutically acceptable carrier"]),
             "pharmaceutical composition", [
                "wherein the carrier comprises a lipid nanoparticle",
             ]),
        ],
    ),
    dict(
        key="g02", f="BIO", pub="2012-06", asg=[("westmarch", "University of Westmarch")],
        inv=["hartmann", "adeyemi"],
        title="Zinc finger nuclease pairs with obligate heterodimer cleavage domains for targeted gene disruption",
        tf="engineered nucleases that cleave DNA at a predetermined site",
        cpc=["C12N 9/22", "C12N 15/90", "C12N 15/63", "C07K 2319/81"],
        cites=["g01?"],
        abstract=(
            "A pair of zinc finger nucleases cleaves a chosen genomic site when the two monomers bind opposite "
            "strands with a spacer of five to seven base pairs between them. Each monomer combines a DNA-binding "
            "array of four to six zinc fingers with a FokI cleavage domain, and the two cleavage domains carry "
            "complementary charge-reversal substitutions at the dimer interface so that they can form only "
            "heterodimers. Homodimers, which would otherwise cut at unintended sites bound by a single monomer, are "
            "thereby prevented. A linker of four amino acids between the zinc finger array and the cleavage domain "
            "further restricts activity to the intended spacer length. The nucleases disrupt a target gene in "
            "human cells with high efficiency and reduced toxicity."),
        bg=("Zinc finger nucleases are modular and can be designed to bind many sequences, but the wild-type "
            "cleavage domain dimerizes with itself, so two copies of the same monomer can cut DNA at sites that "
            "only resemble half of the target."),
        summ=("Engineering the dimer interface so that only the two different monomers of a pair can associate "
              "confines cleavage to sites where both halves of the target are present."),
        det=[
            "FIG. 1 illustrates a left monomer #20 and a right monomer #22 bound to a target #24 with a spacer #26. "
            "The left cleavage domain carries the substitutions E490K and I538K, and the right cleavage domain "
            "carries Q486E and I499L, so that only the left\u2013right dimer #28 is stable.",
            "Plasmids encoding the pair were introduced into K562 cells by nucleofection. Disruption of the target "
            "gene reached 31% of alleles, as shown in FIG. 2, while cell viability after three days was 85% "
            "compared with 52% for nucleases with wild-type cleavage domains.",
        ],
        claims=[
            (("A pair of zinc finger nucleases", "comprising", [
                "a first nuclease comprising a first zinc finger DNA-binding domain and a first FokI cleavage domain",
                "a second nuclease comprising a second zinc finger DNA-binding domain and a second FokI cleavage "
                "domain",
                "wherein the first and second zinc finger DNA-binding domains bind opposite strands of a target site "
                "separated by a spacer of 5 to 7 base pairs",
                "wherein the first and second cleavage domains comprise complementary amino acid substitutions at a "
                "dimerization interface such that the first cleavage domain cannot form a homodimer and the second "
                "cleavage domain cannot form a homodimer"]),
             "pair of zinc finger nucleases", [
                "wherein the first cleavage domain comprises substitutions E490K and I538K and the second cleavage "
                "domain comprises substitutions Q486E and I499L",
                "wherein each zinc finger DNA-binding domain comprises four to six zinc fingers",
                "wherein each zinc finger DNA-binding domain is joined to its cleavage domain by a linker of four "
                "amino acids",
                "wherein the target site is located in an exon of a gene encoding a cell-surface receptor",
            ]),
            (("A method of disrupting a target gene in a cell", "the method comprising", [
                "introducing into the cell one or more nucleic acids encoding a first zinc finger nuclease and a "
                "second zinc finger nuclease whose cleavage domains are obligate heterodimers",
                "allowing the nucleases to be expressed and to cleave the target gene",
                "allowing the cleaved target gene to be repaired by non-homologous end joining"]),
             "method", [
                "wherein the introducing comprises electroporation of messenger RNA",
                "wherein the cell is a primary human T cell",
             ]),
        ],
    ),
    dict(
        key="g03", f="BIO", pub="2016-11", asg=[("tessellate", None)], inv=["achebe", "raman"], prov=True,
        title="Guide RNA with chemically protected termini for efficient editing in primary cells",
        tf="RNA-guided nuclease systems and guide RNAs used with them",
        cpc=["C12N 15/113", "C12N 9/22", "C12N 15/11", "C12N 2310/20", "C12N 2310/315", "C12N 2310/321"],
        cites=["g01!", "g02"],
        abstract=(
            "A synthetic single guide RNA for an RNA-guided nuclease has three 2\u2032-O-methyl nucleotides joined by "
            "phosphorothioate linkages at each of its 5\u2032 and 3\u2032 ends, while the rest of the molecule is "
            "unmodified. The terminal modifications protect the guide from exonucleases inside the cell without "
            "disturbing its binding to the nuclease or its pairing with the target DNA. When the guide is complexed "
            "with the nuclease protein and electroporated into primary human T cells or hematopoietic stem cells, "
            "editing frequencies are several times higher than with unmodified guides, and the modified guide "
            "triggers less of an interferon response."),
        bg=("Delivering a preassembled complex of nuclease protein and guide RNA is attractive for editing primary "
            "cells because the complex acts quickly and is cleared from the cell. Unmodified synthetic guides are "
            "degraded by cellular exonucleases, however, and editing in primary cells is often inefficient."),
        summ=("Limited modification confined to the two ends of the guide is enough to prevent degradation while "
              "leaving the parts of the guide that interact with the nuclease untouched."),
        det=[
            "The guide RNA #30 of FIG. 1 comprises a spacer #32 of 20 nucleotides, a repeat\u2013antirepeat stem "
            "#34 and three hairpins #36. Modified ends #38 and #40 each comprise three 2\u2032-O-methyl nucleotides "
            "with phosphorothioate linkages.",
            "Complexes of 60 pmol nuclease and 120 pmol guide were electroporated into activated T cells. At three "
            "target loci, insertion and deletion frequencies were 74%, 81% and 68% with the modified guides and 19%, "
            "27% and 11% with unmodified guides, as shown in FIG. 2.",
        ],
        claims=[
            (("A synthetic guide RNA for an RNA-guided nuclease", "comprising", [
                "a spacer sequence complementary to a target sequence",
                "a nuclease-binding scaffold sequence",
                "a 5\u2032 terminal region consisting of the three 5\u2032-most nucleotides and a 3\u2032 terminal "
                "region consisting of the three 3\u2032-most nucleotides",
                "wherein each nucleotide of the 5\u2032 and 3\u2032 terminal regions comprises a 2\u2032-O-methyl "
                "ribose and is linked to its neighbor by a phosphorothioate linkage, and the remaining nucleotides "
                "are unmodified"]),
             "synthetic guide RNA", [
                "wherein the guide RNA is a single guide RNA of 95 to 105 nucleotides",
                "wherein the spacer sequence consists of 20 nucleotides",
                "wherein the RNA-guided nuclease is a Cas9 nuclease",
                "^wherein the Cas9 nuclease is derived from Streptococcus pyogenes",
                "that is complexed with the RNA-guided nuclease to form a ribonucleoprotein",
            ]),
            (("A method of editing a genome of a primary human cell", "the method comprising", [
                "forming a ribonucleoprotein complex of an RNA-guided nuclease and a guide RNA having "
                "2\u2032-O-methyl phosphorothioate nucleotides at its 5\u2032 and 3\u2032 termini",
                "introducing the ribonucleoprotein complex into the cell by electroporation",
                "culturing the cell to allow cleavage and repair of the target sequence"]),
             "method", [
                "wherein the primary human cell is a T cell or a hematopoietic stem cell",
                "wherein a molar ratio of guide RNA to nuclease in the complex is 1.5:1 to 3:1",
             ]),
        ],
    ),
    dict(
        key="g04", f="BIO", pub="2019-02", asg=[("lakeside", None)], inv=["zhouy", "osei"],
        title="Cytosine base editor with a narrowed editing window",
        tf="fusion proteins that convert one DNA base into another without a double-strand break",
        cpc=["C12N 9/22", "C12N 9/78", "C12N 15/102", "C12N 2310/20", "C12Y 305/04005"],
        cites=["g03!", "g02?"],
        abstract=(
            "A base editor fuses a cytidine deaminase to a catalytically impaired RNA-guided nuclease that nicks the "
            "non-edited strand, together with an inhibitor of uracil glycosylase. The deaminase carries two "
            "substitutions that reduce its intrinsic activity and its affinity for single-stranded DNA, so that it "
            "acts efficiently only on cytosines held in the most exposed part of the displaced strand. The editing "
            "window therefore shrinks from about five nucleotides to about two, which allows a single cytosine to be "
            "converted to thymine even when other cytosines lie nearby. The editor also produces fewer unintended "
            "changes in RNA and at guide-independent sites in the genome."),
        bg=("Cytosine base editors deaminate any cytosine within a window of several nucleotides in the "
            "protospacer. When the target cytosine has cytosine neighbors, bystander edits occur and may create "
            "undesired amino acid changes."),
        summ=("Weakening the deaminase so that it relies on the favorable positioning created by the nuclease "
              "confines its activity to a narrow window within the protospacer."),
        det=[
            "FIG. 1 shows the editor #40 with, from the amino to the carboxy terminus, a deaminase #42, a linker #44 "
            "of 32 amino acids, a nickase #46 and two uracil glycosylase inhibitor domains #48. The deaminase #42 "
            "carries the substitutions W90Y and R126E relative to the rat APOBEC1 sequence.",
            "At twelve genomic sites, editing of the cytosine at protospacer position 6 averaged 41%, while "
            "bystander editing at positions 4 and 8 averaged 3% and 2%, as shown in FIG. 2. The unmodified editor "
            "converted the bystanders at 29% and 18%.",
        ],
        claims=[
            (("A fusion protein", "comprising", [
                "a cytidine deaminase domain",
                "a nucleic acid programmable DNA binding protein that nicks a DNA strand complementary to a guide RNA",
                "at least one uracil glycosylase inhibitor domain",
                "wherein the cytidine deaminase domain comprises amino acid substitutions that reduce its catalytic "
                "activity and its binding to single-stranded DNA such that deamination occurs predominantly at "
                "positions 5 to 7 of a protospacer"]),
             "fusion protein", [
                "wherein the cytidine deaminase domain is an APOBEC1 deaminase comprising substitutions W90Y and "
                "R126E",
                "wherein the programmable DNA binding protein is a Cas9 nickase comprising a D10A substitution",
                "comprising two uracil glycosylase inhibitor domains",
                "wherein the cytidine deaminase domain is joined to the programmable DNA binding protein by a linker "
                "of 16 to 40 amino acids",
                "wherein bystander editing at positions 4 and 8 of the protospacer is less than 10% of editing at "
                "position 6",
            ]),
            (("A method of converting a cytosine to a thymine in a genome of a cell", "the method comprising", [
                "contacting the genome with the fusion protein of a weakened cytidine deaminase, a nickase and a "
                "uracil glycosylase inhibitor, together with a guide RNA that positions the target cytosine at "
                "position 5, 6 or 7 of the protospacer",
                "allowing deamination and repair to convert the cytosine to a thymine"]),
             "method", [
                "wherein the conversion corrects a point mutation associated with a disease",
             ]),
        ],
    ),
    dict(
        key="g05", f="BIO", pub="2021-07", asg=[("tessellate", "Tessellate Genomics Inc"), ("westmarch", None)],
        inv=["raman", "achebe", "hartmann"],
        title="Split RNA-guided nuclease delivered by dual adeno-associated virus vectors with intein reconstitution",
        tf="viral delivery of gene editing agents that exceed the packaging capacity of one vector",
        cpc=["C12N 15/86", "C12N 9/22", "A61K 48/00", "C12N 2750/14143", "C12N 2310/20", "C07K 2319/92"],
        cites=["g03", "g04!", "a05?"],
        abstract=(
            "A gene editing agent that is too large for one adeno-associated virus vector is divided between two "
            "vectors. The first vector encodes the amino-terminal part of the editor fused to the N-terminal half of "
            "a split intein, and the second vector encodes the C-terminal half of the intein fused to the remaining "
            "part of the editor together with the guide RNA expression cassette. When both vectors infect the same "
            "cell, the intein halves associate and splice the two parts into a full-length editor. The split point "
            "lies in a surface loop chosen so that each part folds independently, and each vector stays below 4.7 "
            "kilobases including regulatory elements. Dual-vector delivery produced efficient editing in mouse liver "
            "and retina."),
        bg=("Adeno-associated virus vectors are widely used for gene therapy but can package only about 4.7 "
            "kilobases, whereas the coding sequence of many nucleases and editors alone approaches or exceeds that "
            "limit."),
        summ=("Splitting the editor at a carefully chosen site and joining the halves by protein splicing allows "
              "full-size editors to be delivered with standard vectors."),
        det=[
            "The first vector #50 of FIG. 6 contains inverted terminal repeats #52, a liver-specific promoter #54, "
            "the N-terminal editor fragment #56 through residue 573, the N-intein #58 and a polyadenylation signal "
            "#60. The second vector #62 contains the C-intein #64, the C-terminal fragment #66, and a U6 promoter "
            "#68 driving the guide RNA #70.",
            "Mice received 1\u00d710^{11} genomes of each vector intravenously. Four weeks later, 38% of alleles "
            "at the target locus in liver were edited, and western blotting showed full-length editor protein.",
        ],
        claims=[
            (("A system for delivering a gene editing agent", "comprising", [
                "a first adeno-associated virus vector comprising a nucleic acid encoding an N-terminal portion of "
                "the gene editing agent fused to an N-terminal split intein",
                "a second adeno-associated virus vector comprising a nucleic acid encoding a C-terminal split intein "
                "fused to a C-terminal portion of the gene editing agent",
                "a guide RNA expression cassette in the first or the second vector",
                "wherein the N-terminal and C-terminal portions are joined by protein trans-splicing to form the "
                "full-length gene editing agent in a cell infected with both vectors"]),
             "system", [
                "wherein the gene editing agent is a base editor comprising a deaminase and a Cas9 nickase",
                "wherein the gene editing agent is split within a surface-exposed loop",
                "wherein each vector genome, including inverted terminal repeats, is 4.7 kilobases or shorter",
                "wherein the split intein is derived from a DnaE intein",
                "wherein the guide RNA expression cassette is in the second vector",
                "wherein the vectors have a capsid that targets hepatocytes",
            ]),
            (("A method of editing a genome in a subject", "the method comprising", [
                "administering to the subject a first adeno-associated virus vector encoding a first portion of an "
                "editing agent fused to an N-intein",
                "administering a second adeno-associated virus vector encoding a C-intein fused to a second portion "
                "of the editing agent and a guide RNA"]),
             "method", [
                "wherein the first and second vectors are administered together intravenously",
             ]),
        ],
    ),
    dict(
        key="g06", f="BIO", pub="2023-05", asg=[("harrowgate", None)], inv=["whitaker", "mensah"], prov=True,
        title="Engineered T cells with multiplex gene knockout and a site-specific chimeric receptor knock-in",
        tf="genetically modified immune cells for cell therapy",
        cpc=["C12N 5/0636", "A61K 35/17", "C12N 15/90", "C12N 2510/00", "C12N 2310/20", "C07K 14/7051"],
        cites=["g03!", "g05", "g02?"],
        abstract=(
            "Human T cells are engineered in a single electroporation by ribonucleoprotein complexes that disrupt "
            "the T-cell receptor alpha constant gene, beta-2 microglobulin and the checkpoint receptor PD-1, "
            "together with a double-stranded DNA donor carrying a chimeric antigen receptor flanked by homology arms "
            "for the T-cell receptor locus. The receptor is thereby expressed from the endogenous promoter, which "
            "gives uniform expression and delays exhaustion. A short pulse of a DNA-dependent protein kinase "
            "inhibitor during editing increases knock-in, and simultaneous knockouts are obtained without "
            "detectable translocations above background. The cells are suitable for allogeneic use."),
        bg=("Allogeneic T-cell therapies require removal of the native T-cell receptor and of HLA class I "
            "molecules, and further knockouts can enhance function. Introducing several breaks at once, however, "
            "risks chromosomal translocations and reduces the efficiency of receptor knock-in."),
        summ=("Combining modified guide RNAs, optimized donor design and transient inhibition of end joining "
              "allows three knockouts and one targeted insertion in one step."),
        det=[
            "The process of FIG. 5 starts with T cells activated for 48 hours, which are electroporated with three "
            "ribonucleoproteins #80, #82 and #84 and a donor #86 of 2.8 kilobases. The donor #86 contains homology "
            "arms #88 of 400 base pairs flanking the receptor cassette #90.",
            "Seven days after editing, 46% of cells expressed the chimeric receptor and more than 95% lacked the "
            "native receptor, as shown by flow cytometry in FIG. 7. Translocations measured by droplet digital PCR "
            "were below 0.1%.",
        ],
        claims=[
            (("A population of engineered human T cells", "wherein the cells comprise", [
                "a disruption of a T-cell receptor alpha constant gene",
                "a disruption of a beta-2 microglobulin gene",
                "a disruption of a PDCD1 gene",
                "a nucleic acid encoding a chimeric antigen receptor integrated into the T-cell receptor alpha "
                "constant locus such that expression of the chimeric antigen receptor is controlled by an "
                "endogenous promoter"]),
             "population", [
                "wherein at least 30% of the cells express the chimeric antigen receptor",
                "wherein at least 90% of the cells lack surface expression of the T-cell receptor",
                "wherein chromosomal translocations between the disrupted genes occur in less than 0.5% of the cells",
                "wherein the chimeric antigen receptor binds CD19",
            ]),
            (("A method of producing engineered T cells", "the method comprising", [
                "activating human T cells",
                "introducing, in one electroporation, ribonucleoprotein complexes targeting three genes and a "
                "double-stranded DNA donor comprising a chimeric antigen receptor cassette flanked by homology arms",
                "exposing the cells to an inhibitor of DNA-dependent protein kinase for 12 to 24 hours after the "
                "introducing",
                "expanding the cells"]),
             "method", [
                "wherein the guide RNAs of the ribonucleoprotein complexes have 2\u2032-O-methyl phosphorothioate "
                "modified termini",
                "wherein the homology arms each have a length of 300 to 500 base pairs",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a05", f="BIO", pub="2020-04", asg=[("tessellate", None)], inv=["goldberg", "raman"], prov=True,
        title="Lipid nanoparticles for co-delivery of nuclease messenger RNA and guide RNA to the liver",
        tf="lipid nanoparticle compositions for delivering nucleic acids",
        cpc=["C12N 15/88", "C12N 9/22", "A61K 9/5123", "A61K 48/00", "C12N 2310/20"],
        abstract=(
            "Lipid nanoparticles contain an ionizable amino lipid with a biodegradable ester linker, a "
            "phospholipid, cholesterol and a polyethylene glycol lipid, and they encapsulate messenger RNA encoding "
            "an RNA-guided nuclease together with a chemically modified guide RNA at a weight ratio between 1:1 and "
            "2:1. The particles have a mean diameter of 60 nm to 100 nm and encapsulate more than 90% of the RNA. "
            "After a single intravenous injection they edit a liver target gene in a large fraction of hepatocytes, "
            "and the ionizable lipid is cleared from the liver within days, which allows repeat dosing when higher "
            "editing is required."),
        bg=("Delivering editing components as RNA limits their lifetime in the cell, which reduces off-target "
            "effects, but RNA has to be protected and carried into cells by a suitable vehicle."),
        summ=("A biodegradable ionizable lipid combined with optimized ratios of messenger RNA to guide RNA gives "
              "efficient and well-tolerated editing in the liver."),
        det=[
            "Particles were made by mixing an ethanol solution of the lipids in molar ratio 50:10:38.5:1.5 with an "
            "acidic aqueous RNA solution in a microfluidic mixer, followed by dialysis. FIG. 2 shows the size "
            "distribution measured by dynamic light scattering.",
            "Mice given 1 mg/kg total RNA showed 62% editing of the target gene in liver and a 78% reduction of the "
            "serum protein encoded by it after one week.",
        ],
        claims=[
            (("A lipid nanoparticle composition", "comprising", [
                "an ionizable amino lipid having a biodegradable ester linkage",
                "a phospholipid, a sterol and a polyethylene glycol lipid",
                "a messenger RNA encoding an RNA-guided nuclease",
                "a guide RNA",
                "wherein a weight ratio of the messenger RNA to the guide RNA is from 1:1 to 2:1"]),
             "lipid nanoparticle composition", [
                "wherein the lipid nanoparticles have a mean diameter of 60 nm to 100 nm",
                "wherein at least 90% of the RNA is encapsulated",
                "wherein the guide RNA comprises chemically modified terminal nucleotides",
                "wherein the molar ratio of ionizable lipid, phospholipid, sterol and polyethylene glycol lipid is "
                "about 50:10:38.5:1.5",
            ]),
            (("A method of editing a gene in the liver of a subject", "the method comprising", [
                "intravenously administering the lipid nanoparticle composition to the subject"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: machine learning and image recognition
# --------------------------------------------------------------------------

FIELDS["ML"] = dict(
    name="Machine learning and image recognition",
    area="computer vision and machine learning, in particular to systems and methods for recognizing objects and "
         "patterns in images",
    uspc=["382156", "382159", "706 20", "382103", "382118", "382224", "382157"],
    foreign=["WO", "CN", "KR", "JP"],
    bg=[
        "Automatic recognition of objects in digital images is used in photography, security, retail analytics, "
        "medical imaging, industrial inspection and vehicle perception. A recognition system receives pixel data "
        "from a camera, extracts features and assigns labels, bounding boxes or masks to the content of the image.",
        "Early recognition systems relied on hand-designed features, such as histograms of oriented gradients or "
        "the responses of Haar-like filters, combined with classifiers such as boosted decision stumps or support "
        "vector machines. Such systems are fast but sensitive to changes of viewpoint, lighting and occlusion.",
        "Deep neural networks learn hierarchical features directly from labeled examples and have greatly improved "
        "recognition accuracy. Training them requires large annotated data sets and considerable computation, and "
        "the trained networks are often too large to run efficiently on embedded devices.",
        "A trained model may perform worse when the images it encounters in deployment differ from its training "
        "images, for example because of a new camera, a new site or a change of season, and collecting and labeling "
        "new data for every such change is costly.",
        "Many applications impose strict limits on latency and power consumption, because images must be processed "
        "on a battery-powered device or within a few milliseconds of capture.",
    ],
    det=[
        "The processing device may include one or more central processing units, graphics processing units, tensor "
        "processing units or other accelerators, together with volatile and nonvolatile memory. The operations "
        "described herein may be implemented as instructions stored on a non-transitory computer-readable medium "
        "and executed by such processors.",
        "A convolutional neural network as used herein may include convolutional layers, normalization layers, "
        "nonlinear activations such as rectified linear units, pooling layers and fully connected layers. "
        "Attention layers that form weighted combinations of features at different positions may be used in "
        "addition to, or instead of, convolutional layers.",
        "Training may be performed by minimizing a loss function with stochastic gradient descent or an adaptive "
        "variant thereof on mini-batches of examples. Gradients are computed by backpropagation, and the learning "
        "rate may be reduced according to a schedule as training proceeds.",
        "Training images may be augmented by random cropping, flipping, scaling, rotation, color jitter and blur to "
        "improve robustness. Synthetic images rendered from three-dimensional models may supplement images captured "
        "by cameras.",
        "Accuracy was measured on a held-out test set that was used neither for training nor for choosing "
        "hyperparameters. Detections were scored by mean average precision at an intersection-over-union threshold "
        "of 0.5, and classifications by top-1 accuracy.",
        "The system may run on a server that receives images over a network, on an edge device near the camera, or "
        "on the camera itself. In each case the results may be sent to a user interface, stored in a database or "
        "used to trigger an action.",
    ],
    figs=[
        "is a block diagram of a {n} according to an embodiment",
        "is a flow chart of a method performed by the {n}",
        "is a schematic diagram of a neural network architecture used by the {n}",
        "illustrates an example input image and a corresponding output",
        "is a flow chart of a training procedure",
        "is a graph comparing accuracy and computation for several configurations",
        "is a block diagram of a computing device on which embodiments may be implemented",
    ],
    npl_titles=[
        "Boosted cascades of simple features for real-time detection",
        "Keypoint matching with quantized local descriptors",
        "Domain randomization for training detectors on rendered images",
        "Dilated convolutions for dense semantic labeling",
        "Feature imitation for compact detection networks",
        "Token pruning in vision transformers",
        "Contrastive pretraining on unlabeled inspection images",
    ],
)

UTILITY += [
    dict(
        key="n01", f="ML", pub="2007-10", asg=[("corvid", None)], inv=["chen", "marchetti"],
        title="Face detection using a cascade of boosted classifiers with early rejection by skin-tone statistics",
        tf="detection of human faces in still images and video frames",
        cpc=["G06K 9/00228", "G06K 9/6256", "G06K 9/6257", "G06T 7/00"],
        abstract=(
            "A face detector for digital cameras scans an image with windows of several sizes and evaluates each "
            "window with a cascade of classifier stages, each stage being a weighted vote of simple rectangle "
            "features computed from an integral image. Before the first stage, a pre-filter computes the mean and "
            "variance of chrominance in the window from two additional integral images and rejects windows whose "
            "color statistics are incompatible with skin. Because most windows of a typical photograph are rejected "
            "by this inexpensive test, the detector runs about three times faster than the cascade alone while "
            "missing almost no faces. The stage thresholds are chosen during training to keep a fixed detection "
            "rate."),
        bg=("Cascaded detectors reach real-time speed on desktop computers, but in a camera the processing budget "
            "is far smaller, and even the first stages of the cascade consume significant time when evaluated on "
            "hundreds of thousands of windows."),
        summ=("A color pre-filter that can be computed in constant time per window removes most background windows "
              "before the cascade runs."),
        det=[
            "As shown in FIG. 1, the detector #10 includes an integral image unit #12, a chrominance statistics unit "
            "#14, a pre-filter #16, a cascade #18 of twenty stages and a merging unit #20. The unit #14 maintains "
            "integral images of Cb, Cr, Cb^{2} and Cr^{2} so that the mean and variance of each window are obtained "
            "with a few additions.",
            "The pre-filter #16 rejects a window if its mean chrominance lies outside an ellipse learned from "
            "labeled faces or if its variance exceeds a threshold. On a set of 2,000 consumer photographs, the "
            "pre-filter rejected 71% of windows and reduced the detection rate by only 0.4%.",
        ],
        claims=[
            (("An image processing apparatus for detecting faces", "comprising", [
                "an integral image calculator configured to calculate an integral image of luminance and integral "
                "images of chrominance components of an input image",
                "a window scanner configured to define a plurality of windows of different sizes in the input image",
                "a pre-filter configured to calculate a mean and a variance of the chrominance components in each "
                "window from the integral images of chrominance components and to reject a window whose mean or "
                "variance lies outside a predetermined skin-tone model",
                "a classifier cascade configured to evaluate windows not rejected by the pre-filter using rectangle "
                "features computed from the integral image of luminance"]),
             "image processing apparatus", [
                "wherein the skin-tone model is an ellipse in a chrominance plane learned from labeled face images",
                "wherein the classifier cascade comprises at least ten stages, each stage comprising a boosted "
                "combination of rectangle features",
                "further comprising a merging unit configured to merge overlapping windows accepted by the classifier "
                "cascade",
                "wherein the integral images of chrominance components include integral images of squared "
                "chrominance values",
                "that is incorporated in a digital camera and configured to control focus or exposure according to "
                "detected faces",
            ]),
            (("A method of detecting faces in an image", "the method comprising", [
                "computing integral images of luminance and chrominance",
                "for each of a plurality of windows, rejecting the window when color statistics computed from the "
                "chrominance integral images are incompatible with skin",
                "classifying each remaining window with a cascade of boosted classifiers"]),
             "method", [
                "wherein thresholds of the cascade are selected during training to maintain a predetermined "
                "detection rate for each stage",
             ]),
        ],
    ),
    dict(
        key="n02", f="ML", pub="2012-02", asg=[("corvid", None)], inv=["marchetti", "parkjh"],
        title="Object instance recognition using quantized local descriptors and geometric verification",
        tf="recognizing specific objects, such as products or landmarks, in photographs",
        cpc=["G06K 9/4671", "G06K 9/6211", "G06K 9/62", "G06T 7/0044"],
        cites=["n01"],
        abstract=(
            "A system recognizes which of many known objects appears in a query photograph. Local descriptors "
            "computed at scale-invariant keypoints are quantized against a vocabulary of one million visual words "
            "organized as a tree, and an inverted index returns the reference images that share the most weighted "
            "words with the query. The highest-ranked candidates are then verified by estimating an affine "
            "transformation from matched keypoints with a randomized consensus procedure that samples matches in "
            "proportion to their descriptor similarity. The system recognizes objects among a million reference "
            "images in well under a second and tolerates strong changes in viewpoint, scale and partial occlusion."),
        bg=("Matching each query descriptor against all descriptors of a large reference collection is too slow for "
            "interactive use, whereas retrieval based only on quantized words returns many false candidates when "
            "the vocabulary is coarse."),
        summ=("Combining fast retrieval with a verification step whose sampling is guided by descriptor similarity "
              "gives both speed and accuracy."),
        det=[
            "Referring to FIG. 1, the recognition system #30 includes a keypoint detector #32, a descriptor unit #34, "
            "a vocabulary tree #36 with six levels and a branching factor of ten, an inverted index #38 and a "
            "verifier #40.",
            "The verifier #40 draws triplets of matches with probabilities proportional to exp(\u2212d/\u03c3), "
            "where d is the descriptor distance, and accepts a candidate when at least twelve matches agree with "
            "the estimated transformation. On a test set of 5,000 product photographs, recognition precision was "
            "96% at a recall of 89%.",
        ],
        claims=[
            (("An object recognition system", "comprising", [
                "a processor and a memory storing a vocabulary tree of visual words and an inverted index relating "
                "visual words to reference images",
                ("wherein the processor is configured to", [
                    "detect keypoints in a query image and compute a local descriptor for each keypoint",
                    "quantize each local descriptor to a visual word using the vocabulary tree",
                    "rank the reference images by a weighted count of visual words shared with the query image",
                    "verify a predetermined number of highest-ranked reference images by estimating a geometric "
                    "transformation from matched keypoints, wherein matches are sampled with a probability that "
                    "increases with descriptor similarity"])]),
             "object recognition system", [
                "wherein the vocabulary tree has at least 100,000 leaf nodes",
                "wherein the weighted count uses inverse document frequency weights",
                "wherein the geometric transformation is an affine transformation",
                "wherein the processor accepts a reference image when at least a threshold number of matched "
                "keypoints are consistent with the geometric transformation",
                "wherein the query image is received from a mobile telephone and the result is returned to the "
                "mobile telephone",
            ]),
            (("A method of recognizing an object in a query image", "the method comprising", [
                "computing local descriptors at keypoints of the query image",
                "retrieving candidate reference images using quantized descriptors and an inverted index",
                "verifying the candidates by a randomized consensus estimation in which matches are sampled "
                "according to descriptor similarity"]),
             "method", [
                "wherein the verifying is performed for at most fifty candidates",
             ]),
        ],
    ),
    dict(
        key="n03", f="ML", pub="2016-06", asg=[("corvid", "Corvid Vision Labs Inc.")], inv=["parkjh", "odonnell", "chen"],
        title="Training an object detector with domain-randomized synthetic images",
        tf="training neural networks for object detection with computer-generated images",
        cpc=["G06K 9/6256", "G06N 3/08", "G06K 9/00624", "G06T 2207/20081", "G06T 2207/20084"],
        cites=["n01?", "n02!"], prov=True,
        abstract=(
            "A method trains an object detector without manually labeled photographs. Three-dimensional models of "
            "the target objects are rendered in large numbers of synthetic scenes in which the textures of objects "
            "and background, the lighting, the camera pose, the number of distractor objects and the image noise "
            "are all randomized beyond the range found in real images. Bounding boxes and masks are produced "
            "automatically by the renderer. A convolutional detector pretrained on generic images is fine-tuned on "
            "the synthetic set, with the early layers frozen. Because the randomization forces the network to rely "
            "on shape rather than appearance, the detector performs well on real photographs of the objects."),
        bg=("Collecting and annotating photographs for every new object category is laborious. Detectors trained "
            "on realistic renderings often fail on real images because small differences in appearance between "
            "rendered and real images are learned as cues."),
        summ=("Rather than making the renderings more realistic, the method makes them deliberately varied, so that "
              "real images appear to the network as just another variation."),
        det=[
            "In the pipeline of FIG. 1, a scene generator #50 samples parameters, a renderer #52 produces images "
            "#54 and labels #56, and a trainer #58 fine-tunes a detector #60. Textures are drawn from a library of "
            "5,000 procedural patterns, and between one and eight lights of random color are placed at random "
            "positions.",
            "A detector fine-tuned on 100,000 synthetic images reached a mean average precision of 0.71 on real "
            "photographs of eleven industrial parts, compared with 0.46 for training on photorealistic renderings "
            "and 0.78 for training on 4,000 hand-labeled photographs, as summarized in FIG. 6.",
        ],
        claims=[
            (("A method of training an object detector", "the method comprising", [
                "obtaining three-dimensional models of one or more target objects",
                ("generating a plurality of synthetic training images by, for each image", [
                    "randomly selecting textures for the target objects and for a background from a texture library",
                    "randomly selecting a number, position and color of light sources",
                    "randomly selecting a camera pose and a number of distractor objects",
                    "rendering the image and automatically generating a label for each visible target object"]),
                "fine-tuning a convolutional neural network detector pretrained on real images using the synthetic "
                "training images while keeping weights of initial layers fixed"]),
             "method", [
                "wherein the textures include procedurally generated patterns unrelated to the appearance of the "
                "target objects",
                "wherein the label comprises a bounding box and a segmentation mask",
                "wherein at least 50,000 synthetic training images are generated",
                "further comprising adding random noise and blur to the synthetic training images",
                "wherein no manually labeled image of the target objects is used for the fine-tuning",
            ]),
            (("A system for training an object detector", "comprising", [
                "one or more processors",
                "memory storing instructions that, when executed by the one or more processors, cause the system to "
                "render synthetic images of target objects with randomized textures, lighting, camera pose and "
                "distractors, and to fine-tune a pretrained convolutional detector on the synthetic images"]),
             "system", [
                "wherein the instructions further cause the system to deploy the fine-tuned detector to a camera "
                "installed at a production line",
             ]),
        ],
    ),
    dict(
        key="n04", f="ML", pub="2018-03", asg=[("westmarch", "Board of Regents of the University of Westmarch")],
        inv=["liux", "hartmann"],
        title="Semantic segmentation network with multi-rate dilated convolutions and boundary refinement",
        tf="assigning a class label to every pixel of an image",
        cpc=["G06T 7/11", "G06N 3/0454", "G06K 9/6256", "G06T 2207/20084", "G06T 2207/20081"],
        cites=["n03!"],
        abstract=(
            "A neural network for semantic segmentation computes features with a backbone whose last stages use "
            "dilated convolutions instead of downsampling, so that the feature map retains one eighth of the input "
            "resolution. A context module applies four parallel dilated convolutions with rates 1, 6, 12 and 18 and "
            "a global pooling branch, and concatenates their outputs. A refinement branch then predicts, for each "
            "pixel near a class boundary, an offset toward the interior of its region, and the coarse labels are "
            "resampled along these offsets before upsampling. The network produces sharper boundaries and more "
            "accurate labels for thin objects than networks that upsample the coarse prediction directly, at "
            "little additional cost."),
        bg=("Segmentation networks lose spatial detail through repeated downsampling, and simply upsampling the "
            "coarse prediction blurs object boundaries and erases thin structures such as poles and wires."),
        summ=("Keeping a moderate resolution with dilated convolutions and correcting labels near boundaries with "
              "learned offsets preserves detail without a heavy decoder."),
        det=[
            "As shown in FIG. 3, the network #70 includes a backbone #72, a context module #74 with branches #76, "
            "#78, #80, #82 and a pooling branch #84, a classifier #86 and a refinement branch #88. The refinement "
            "branch #88 operates on features at one quarter resolution and outputs a two-channel offset field #90.",
            "On an urban street data set, the network reached a mean intersection-over-union of 78.2%, versus 76.0% "
            "without the refinement branch. The accuracy on the pole class improved from 52% to 61%.",
        ],
        claims=[
            (("A method of semantic segmentation of an image", "the method comprising", [
                "computing a feature map of the image with a convolutional backbone that uses dilated convolutions in "
                "its final stages",
                "applying a plurality of parallel dilated convolutions having different dilation rates and a global "
                "pooling operation to the feature map and concatenating the results",
                "computing coarse class scores from the concatenated results",
                "predicting, with a refinement branch, an offset vector for pixels near class boundaries",
                "resampling the coarse class scores at positions displaced by the offset vectors and upsampling the "
                "resampled scores to the resolution of the image"]),
             "method", [
                "wherein the dilation rates comprise 6, 12 and 18",
                "wherein the feature map has one eighth of the resolution of the image",
                "wherein the refinement branch receives features having one quarter of the resolution of the image",
                "wherein the refinement branch is trained with a loss applied only to pixels within a band around "
                "ground-truth boundaries",
                "further comprising controlling a vehicle based on the segmentation",
            ]),
            (("A non-transitory computer-readable medium", "storing instructions that, when executed by a processor, "
              "cause the processor to perform operations comprising", [
                "computing multi-rate dilated convolution features of an image",
                "computing coarse class scores",
                "refining the coarse class scores near boundaries using learned offsets before upsampling"]),
             "non-transitory computer-readable medium", [
                "wherein the operations further comprise outputting the segmentation to a driver assistance system",
                "wherein the learned offsets are predicted only for pixels whose coarse class scores have a margin "
                "below a threshold",
             ]),
        ],
    ),
    dict(
        key="n05", f="ML", pub="2019-09", asg=[("lodestar", None)], inv=["bhattacharya", "kowalski"],
        title="Pedestrian detection by fusing thermal and visible images in a two-stream neural network",
        tf="detecting pedestrians in images captured from a vehicle in poor lighting",
        cpc=["G06K 9/00791", "G06K 9/6289", "G06N 3/0454", "G06T 2207/10048", "G06T 2207/30196"],
        cites=["n03", "n04!", "v02?"],
        abstract=(
            "A detector for pedestrians around a vehicle receives aligned images from a visible-light camera and a "
            "long-wave infrared camera. Each image is processed by its own convolutional stream, and at three "
            "resolutions the features of the two streams are combined by a gating unit that predicts, for every "
            "location, how much weight to give each modality based on features of both. A detection head operating "
            "on the fused features outputs boxes and confidence scores. At night and in glare the gate favors the "
            "thermal stream, while in daylight it relies more on visible texture, so the detector maintains a low "
            "miss rate in all conditions. Illumination-conditioned training batches improve the gating."),
        bg=("Visible-light cameras struggle at night, in fog and against oncoming headlights, whereas thermal "
            "cameras see warm bodies in darkness but lose contrast on hot days and lack texture."),
        summ=("Learning where each modality is reliable, rather than fusing the modalities with fixed weights, lets "
              "the detector use whichever camera is more informative at each location."),
        det=[
            "FIG. 3 shows the network #100 with a visible stream #102, a thermal stream #104, gating units #106, #108 "
            "and #110, and a head #112. Each gating unit computes a weight map w from the concatenated features by a "
            "1\u00d71 convolution and a sigmoid, and outputs w\u00b7F_{vis}+(1\u2212w)\u00b7F_{th}.",
            "On a multispectral driving data set, the log-average miss rate was 9.8% by day and 8.6% by night, "
            "compared with 14.1% and 27.5% for the visible stream alone.",
        ],
        claims=[
            (("A pedestrian detection system for a vehicle", "comprising", [
                "a visible-light camera and a thermal infrared camera having overlapping fields of view",
                ("a processor configured to", [
                    "extract first features from a visible-light image with a first convolutional stream",
                    "extract second features from a thermal image with a second convolutional stream",
                    "compute, at each of a plurality of locations, a weight from the first and second features and "
                    "form fused features as a weighted combination of the first and second features",
                    "detect pedestrians from the fused features"])]),
             "pedestrian detection system", [
                "wherein the fused features are formed at three different resolutions",
                "wherein the weight is computed by a convolution followed by a sigmoid function",
                "wherein the processor is further configured to warn a driver or brake the vehicle when a detected "
                "pedestrian is in a path of the vehicle",
                "wherein the first and second convolutional streams are trained with mini-batches balanced between "
                "daytime and nighttime images",
                "wherein the thermal infrared camera is sensitive to wavelengths of 8 µm to 14 µm",
            ]),
            (("A method of detecting pedestrians", "the method comprising", [
                "capturing a visible-light image and a thermal image of a scene",
                "computing features from each image with separate neural network streams",
                "fusing the features with location-dependent weights predicted from both images",
                "detecting pedestrians from the fused features"]),
             "method", [
                "wherein the visible-light image and the thermal image are registered to a common image grid before "
                "the computing",
                "further comprising braking a vehicle automatically when a detected pedestrian is within a "
                "predicted path of the vehicle",
             ]),
        ],
    ),
    dict(
        key="n06", f="ML", pub="2021-04", from_app="a03", asg=[("corvid", None)],
        inv=["odonnell", "parkjh", "marchetti"],
        title="Knowledge distillation for compact object detectors using foreground-weighted feature imitation",
        tf="reducing the size of neural network object detectors while preserving accuracy",
        cpc=["G06N 3/084", "G06N 3/0454", "G06K 9/6256", "G06K 9/6262", "G06T 2207/20081"],
        cites=["n03!", "n04", "n05?"],
        abstract=(
            "A compact student detector is trained to imitate the intermediate feature maps of a large teacher "
            "detector in addition to fitting the ground-truth labels. An adaptation layer maps student features to "
            "the dimensions of the teacher features, and the imitation loss is weighted at each location by a mask "
            "that emphasizes foreground regions near objects and a smaller, nonzero weight on background. The mask "
            "is computed from the teacher's own anchor scores, so no extra annotation is needed, and the weighting "
            "is annealed during training. A student with one fifth of the teacher's computation recovers most of "
            "the teacher's accuracy and can run in real time on an embedded processor."),
        bg=("Distilling only the final outputs of a detector transfers little information, while imitating entire "
            "feature maps is dominated by the vast background area and can even reduce accuracy."),
        summ=("Weighting the imitation toward the regions that matter for detection, but not ignoring the "
              "background completely, makes feature distillation effective for detectors."),
        det=[
            "As shown in FIG. 1, the training system #120 includes a teacher #122, a student #124, an adaptation "
            "layer #126, a mask generator #128 and a loss module #130. The mask generator #128 marks locations "
            "where a teacher anchor overlaps a ground-truth box with an intersection-over-union above 0.5 times the "
            "maximum for that box.",
            "The student was a detector with 4.1 GFLOPs per image, the teacher one with 21 GFLOPs. The student "
            "trained with masked imitation reached a mean average precision of 0.335 on a common benchmark, compared "
            "with 0.301 without distillation and 0.352 for the teacher, as shown in FIG. 6.",
        ],
        claims=[
            (("A method of training a student neural network for object detection", "the method comprising", [
                "providing a trained teacher neural network for object detection",
                "computing, for a training image, a teacher feature map with the teacher network and a student "
                "feature map with the student network",
                "mapping the student feature map to dimensions of the teacher feature map with an adaptation layer",
                "computing a location mask from anchor scores of the teacher network, the mask assigning a first "
                "weight to locations near objects and a second, smaller nonzero weight to other locations",
                "updating the student network to reduce a loss comprising a detection loss and an imitation loss "
                "weighted by the location mask"]),
             "method", [
                "wherein the second weight is 0.05 to 0.2 times the first weight",
                "^wherein the second weight is reduced during the training",
                "wherein the adaptation layer is a 1\u00d71 convolution that is discarded after training",
                "wherein the student network requires less than 25% of the multiply\u2013accumulate operations of "
                "the teacher network",
                "further comprising deploying the student network on an embedded processor of a camera",
                "wherein the location mask is recomputed for each training image",
                "wherein the first weight is applied within a region defined by anchors whose overlap with a "
                "ground-truth box exceeds half of a maximum overlap for that box",
                "wherein the detection loss comprises a classification loss and a box regression loss",
                "wherein the teacher network and the student network use detection heads of a same architecture",
                "further comprising quantizing weights of the student network to eight-bit integers after the "
                "training",
            ]),
            (("A non-transitory computer-readable medium", "storing a student object detection network trained by "
              "operations comprising", [
                "computing teacher and student feature maps",
                "weighting an imitation loss between the feature maps by a mask derived from teacher anchor scores",
                "updating the student network using the weighted imitation loss and a detection loss"]),
             "non-transitory computer-readable medium", [
                "wherein the student object detection network is a single-stage detector with a feature pyramid",
                "wherein the mask assigns a nonzero weight to background locations",
             ]),
        ],
    ),
    dict(
        key="n07", f="ML", pub="2023-03", asg=[("hanbit", "Hanbit Semiconductor Company Limited")],
        inv=["leehe", "parkmj"],
        title="Wafer defect classification using self-supervised pretraining on unlabeled inspection images",
        tf="automatic classification of defects found by wafer inspection tools",
        cpc=["G06T 7/0004", "G06V 10/774", "G06V 10/82", "G06N 3/0895", "G06T 2207/30148"],
        cites=["n03", "n06!", "s05?"],
        abstract=(
            "Images of wafer defects captured by a review scanning electron microscope are classified by a neural "
            "network that is first pretrained without labels on hundreds of thousands of inspection images. "
            "Pretraining uses a contrastive objective in which two augmented views of the same defect image must "
            "map to similar embeddings, with augmentations chosen to mimic tool variation, such as changes in "
            "contrast, charging artifacts and small rotations, but not changes that would alter the defect class. "
            "The pretrained encoder is then fine-tuned with a few hundred labeled images per class. Classification "
            "accuracy matches that of a network trained with ten times more labels, and the model transfers to new "
            "process layers with little relabeling."),
        bg=("Fabs generate enormous numbers of defect images, but assigning them to classes requires experienced "
            "engineers, and class definitions change as new process layers and new defect types appear."),
        summ=("Learning image representations from unlabeled inspection data first, and only then using labels, "
              "greatly reduces the labeling effort for each new layer."),
        det=[
            "The system #140 of FIG. 1 comprises an image store #142, an augmentation unit #144, an encoder #146, a "
            "projection head #148 used only during pretraining, and a classifier #150. The augmentation unit #144 "
            "applies gamma changes of \u00b130%, simulated charging streaks, rotations of up to 10\u00b0 and "
            "Gaussian noise.",
            "Pretraining used 420,000 unlabeled images of 24 process layers. With 200 labeled images per class for "
            "nine classes, the fine-tuned classifier reached 93.4% accuracy, compared with 85.1% for a network "
            "trained from scratch on the same labels.",
        ],
        claims=[
            (("A defect classification method", "comprising", [
                "obtaining unlabeled images of defects on semiconductor wafers captured by an inspection tool",
                "pretraining an encoder neural network with a contrastive objective using pairs of augmented views "
                "of each unlabeled image, the augmentations including contrast changes and simulated charging "
                "artifacts",
                "fine-tuning the pretrained encoder together with a classification head using labeled defect images",
                "classifying a newly captured defect image with the fine-tuned encoder and classification head"]),
             "defect classification method", [
                "wherein the inspection tool is a review scanning electron microscope",
                "wherein the augmentations exclude transformations that change a size of the defect by more than 10%",
                "wherein fewer than 500 labeled images per defect class are used in the fine-tuning",
                "wherein the unlabeled images include images of a plurality of process layers",
                "further comprising adjusting an inspection recipe based on counts of classified defects",
            ]),
            (("A defect classification system", "comprising", [
                "an inspection tool configured to capture images of defects on wafers",
                "a processor configured to classify the images with an encoder pretrained by contrastive learning "
                "on unlabeled defect images and fine-tuned on labeled defect images"]),
             "defect classification system", [
                "wherein the processor is further configured to flag images whose classification confidence is below "
                "a threshold for review by an engineer",
                "wherein the processor is further configured to update the classifier with images confirmed by the "
                "engineer",
             ]),
        ],
    ),
    dict(
        key="n08", f="ML", pub="2024-06", asg=[("corvid", "CORVID VISION LABS, INC.")], inv=["chen", "odonnell"],
        title="Vision transformer with learned token pruning for edge inference",
        tf="efficient execution of transformer neural networks on resource-limited devices",
        cpc=["G06V 10/82", "G06N 3/045", "G06N 3/082", "G06V 10/764"],
        cites=["n06!", "n07"],
        abstract=(
            "A vision transformer processes an image as a sequence of patch tokens and, after selected blocks, "
            "removes tokens that contribute little to the final prediction. A lightweight scoring module attached "
            "to each of those blocks predicts a keep probability per token from the token and a global summary, and "
            "during training a differentiable relaxation allows the module to be learned jointly with the "
            "transformer under a budget on the fraction of tokens kept. Pruned tokens are not discarded entirely "
            "but merged into a single summary token, so their information is retained. On an edge processor the "
            "pruned model runs about twice as fast as the full model with almost the same accuracy."),
        bg=("The cost of self-attention grows with the square of the number of tokens, which makes transformers "
            "expensive on high-resolution images, although many tokens cover uninformative background."),
        summ=("Learning which tokens to drop, and folding the dropped ones into a summary token, cuts computation "
              "adaptively per image while keeping accuracy."),
        det=[
            "As shown in FIG. 3, the transformer #160 includes a patch embedding #162, twelve blocks #164, scoring "
            "modules #166 after blocks 3, 6 and 9, and a classification head #168. Each scoring module #166 is a "
            "two-layer perceptron with 64 hidden units.",
            "With a budget keeping 70%, 49% and 34% of tokens after the three pruning points, the model required "
            "2.6 GFLOPs instead of 4.6 GFLOPs, and its top-1 accuracy decreased from 79.8% to 79.3%. Latency on "
            "the edge processor of FIG. 7 fell from 41 ms to 22 ms.",
        ],
        claims=[
            (("A computer-implemented method of processing an image with a transformer neural network",
              "the method comprising", [
                "dividing the image into patches and embedding the patches as tokens",
                "processing the tokens by a sequence of transformer blocks",
                ("after at least one of the transformer blocks", [
                    "computing a keep score for each token with a scoring module from the token and a global summary "
                    "of the tokens",
                    "retaining tokens whose keep scores satisfy a criterion",
                    "merging the remaining tokens into a summary token weighted by their keep scores"]),
                "generating a prediction from the tokens output by the final transformer block"]),
             "method", [
                "wherein the scoring module is trained jointly with the transformer blocks using a differentiable "
                "relaxation of the retaining",
                "wherein the training includes a loss term that penalizes deviation from a target fraction of "
                "retained tokens",
                "wherein pruning is performed after three transformer blocks with decreasing target fractions",
                "wherein the method is executed on an edge processor of a camera",
                "wherein the keep score is computed by a two-layer perceptron",
            ]),
            (("A device", "comprising", [
                "a camera",
                "a processor configured to execute a vision transformer that prunes low-scoring tokens after "
                "intermediate blocks and merges the pruned tokens into a summary token"]),
             "device", [
                "wherein the processor is a neural processing unit having less than 8 GB of memory",
             ]),
        ],
    ),
    dict(
        key="n09", f="ML", pub="2025-04", asg=[("corvid", "Corvid Vision Laboratories, Inc.")],
        inv=["marchetti", "chen", "parkjh"],
        title="Open-vocabulary object detection with text-conditioned queries and region-word alignment",
        tf="detecting objects of categories that are specified by text at inference time",
        cpc=["G06V 10/82", "G06V 10/764", "G06N 3/0455", "G06V 10/774", "G06F 40/30"],
        cites=["n08!", "n06", "n04?", "a04?"],
        abstract=(
            "An object detector accepts a list of category names at inference time and finds objects of those "
            "categories even if they were never annotated in its training data. A text encoder converts each name "
            "into an embedding, and the embeddings condition a set of decoder queries that attend to image features "
            "from a vision encoder. Each output query predicts a box and a score given by the similarity between its "
            "region embedding and the text embeddings. Training combines box annotations for a limited set of "
            "categories with image\u2013caption pairs, for which a region\u2013word alignment loss matches predicted "
            "regions to nouns in the caption. The detector thus generalizes to rare and new categories described in "
            "natural language."),
        bg=("Conventional detectors recognize only the fixed set of categories present in their training "
            "annotations, and extending them to new categories requires new labeled boxes."),
        summ=("Conditioning the detector's queries on text and learning from captions as well as boxes lets the "
              "category vocabulary be changed simply by providing new names."),
        det=[
            "Referring to FIG. 1, the detector #180 includes a vision encoder #182, a text encoder #184, a query "
            "generator #186, a decoder #188 with six layers and a scoring unit #190. For each category name, the "
            "query generator #186 produces 30 queries by adding the text embedding to learned positional queries.",
            "On a benchmark with 1,203 categories, of which 337 rare categories were excluded from box training, the "
            "detector reached an average precision of 26.1 on the rare categories, versus 17.4 without the "
            "region\u2013word alignment loss.",
        ],
        claims=[
            (("A method of detecting objects in an image", "the method comprising", [
                "receiving the image and one or more category names provided as text",
                "encoding the category names into text embeddings with a text encoder",
                "encoding the image into image features with a vision encoder",
                "generating decoder queries conditioned on the text embeddings",
                "decoding the queries against the image features to obtain, for each query, a bounding box and a "
                "region embedding",
                "scoring each bounding box by a similarity between its region embedding and the text embeddings"]),
             "method", [
                "wherein at least one of the category names was not present in box annotations used to train the "
                "vision encoder",
                "wherein the method is trained using box annotations and image\u2013caption pairs",
                "^wherein training with the image\u2013caption pairs uses a loss that aligns predicted regions with "
                "nouns of the captions",
                "wherein a plurality of queries is generated for each category name by adding the text embedding to "
                "learned positional queries",
                "wherein the similarity is a cosine similarity scaled by a learned temperature",
            ]),
            (("A system for open-vocabulary object detection", "comprising", [
                "a memory storing a vision encoder, a text encoder and a decoder",
                "a processor configured to detect objects of categories named in text input by decoding "
                "text-conditioned queries against features of an image"]),
             "system", [
                "wherein the processor is configured to receive the text input from a user interface and to display "
                "the detected objects with their category names",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a03", f="ML", pub="2019-10", asg=[("corvid", None)], inv=["odonnell", "parkjh", "marchetti"], prov=True,
        title="Feature imitation training of lightweight detection networks",
        tf="training small neural networks for object detection",
        cpc=["G06N 3/084", "G06N 3/0454", "G06K 9/6256", "G06K 9/6262"],
        abstract=(
            "A lightweight detection network is trained using a larger, already trained network as a guide. Besides "
            "the usual detection loss, the small network is trained to reproduce intermediate feature maps of the "
            "large network at selected locations. The locations are selected automatically from the large network's "
            "predictions, focusing on areas around objects where the features carry the most information about the "
            "detection task. An adapter converts the small network's features to the shape of the large network's "
            "features during training and is removed afterward. The resulting small network is considerably more "
            "accurate than the same network trained only on labels, with no change in its inference cost."),
        bg=("Small detection networks suited to embedded devices are markedly less accurate than large networks, "
            "and standard training does not close this gap."),
        summ=("Selective imitation of the large network's intermediate features transfers knowledge that labels "
              "alone do not provide."),
        det=[
            "FIG. 1 shows a teacher network #200, a student network #202, an adapter #204 and a location selector "
            "#206 that derives an imitation mask #208 from the teacher's anchor predictions.",
            "In experiments summarized in FIG. 5, the imitation-trained student improved mean average precision by "
            "more than three points compared with label-only training.",
        ],
        claims=[
            (("A method of training a first neural network for object detection", "the method comprising", [
                "obtaining a second neural network for object detection that has been trained and is larger than "
                "the first neural network",
                "selecting locations of a feature map based on predictions of the second neural network",
                "training the first neural network with a loss that includes a difference between adapted features "
                "of the first neural network and features of the second neural network at the selected locations"]),
             "method", [
                "wherein the selected locations are locations near ground-truth objects",
                "wherein the adapted features are obtained by a convolution layer that is removed after training",
                "wherein the loss further includes a detection loss on ground-truth labels",
                "wherein the first neural network is deployed on a mobile device",
                "wherein the second neural network has at least four times as many parameters as the first neural "
                "network",
            ]),
            (("A system", "comprising", [
                "one or more processors",
                "a memory storing instructions for training a student detector by imitating features of a teacher "
                "detector at locations selected from the teacher detector's predictions"]),
             "system", []),
        ],
    ),
    dict(
        key="a04", f="ML", pub="2025-01", asg=[("corvid", "CORVID VISION LABS, INC.")], inv=["parkjh", "chen"],
        title="Retrieval of video segments from natural language queries using a shared embedding index",
        tf="searching recorded video with free-text queries",
        cpc=["G06V 20/41", "G06F 16/783", "G06V 10/82", "G06N 3/045"],
        abstract=(
            "A video search system divides recorded video into short segments, encodes each segment with a vision "
            "encoder that pools frame features over time, and stores the segment embeddings in an approximate "
            "nearest-neighbor index. A text encoder trained jointly with the vision encoder maps a user's query, "
            "such as a description of a person or an event, into the same embedding space, and the index returns "
            "the closest segments. A re-ranking stage applies a cross-attention model to the top candidates to "
            "refine their order and to localize the matching moment within each segment. The system searches "
            "thousands of hours of video in a fraction of a second."),
        bg=("Searching surveillance or media archives usually relies on manually entered tags or on detectors for "
            "a fixed set of object classes, which cannot answer arbitrary questions about the content."),
        summ=("A shared embedding space for video segments and text enables free-form queries, and a second-stage "
              "model provides precise ranking and localization."),
        det=[
            "As shown in FIG. 1, the system #220 includes a segmenter #222, a vision encoder #224, an index #226, a "
            "text encoder #228 and a re-ranker #230. Segments are four seconds long with one second of overlap.",
            "On an archive of 3,000 hours, the median query time was 180 ms, and recall of the correct segment among "
            "the top ten results was 74%, as summarized in FIG. 5.",
        ],
        claims=[
            (("A video search system", "comprising", [
                "a memory storing an index of embeddings of video segments produced by a vision encoder",
                ("a processor configured to", [
                    "encode a text query with a text encoder trained jointly with the vision encoder",
                    "retrieve candidate segments whose embeddings are nearest to the encoded query",
                    "re-rank the candidate segments with a cross-attention model that receives the text query and "
                    "frames of each candidate segment"])]),
             "video search system", [
                "wherein the re-ranking further localizes a time interval within each candidate segment",
                "wherein the index is an approximate nearest-neighbor index",
                "wherein the video segments overlap each other in time",
            ]),
            (("A method of searching video", "the method comprising", [
                "encoding video segments and storing their embeddings in an index",
                "encoding a natural language query into the same embedding space",
                "retrieving and re-ranking segments for the query"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: autonomous vehicles and driver assistance
# --------------------------------------------------------------------------

FIELDS["AV"] = dict(
    name="Autonomous vehicles and driver assistance",
    area="driver assistance and automated driving systems for road vehicles",
    uspc=["701 23", "701301", "701 41", "340435", "701 96", "701 28", "701 25"],
    foreign=["DE", "JP", "WO", "EP"],
    bg=[
        "Driver assistance systems such as adaptive cruise control, automatic emergency braking and lane keeping "
        "assistance use sensors on the vehicle to perceive its surroundings and either warn the driver or intervene "
        "in the longitudinal or lateral control of the vehicle.",
        "Automated driving systems extend these functions to the complete driving task under defined conditions. "
        "They combine perception of the environment, prediction of the behavior of other road users, planning of a "
        "safe and comfortable trajectory, and control of steering, propulsion and braking.",
        "Cameras, radar and lidar have complementary strengths: cameras provide rich appearance information, radar "
        "measures range and relative speed in most weather, and lidar yields accurate three-dimensional geometry, so "
        "many systems fuse the outputs of several sensor types.",
        "The safety of such systems depends on handling rare situations, degraded sensors and uncertain predictions "
        "without unnecessarily harsh maneuvers that could surprise following drivers or the vehicle occupants.",
    ],
    det=[
        "The vehicle may be a passenger car, a truck, a bus or another road vehicle propelled by an internal "
        "combustion engine, one or more electric motors or a hybrid drivetrain. The control unit may communicate "
        "with the actuators over a controller area network or an automotive Ethernet network.",
        "The sensor suite may include a forward camera behind the windshield, radar sensors in the front fascia and "
        "at the corners of the vehicle, a roof-mounted lidar, ultrasonic sensors in the bumpers, a satellite "
        "navigation receiver and an inertial measurement unit.",
        "The controller may include one or more processors and memory storing instructions that cause the "
        "processors to carry out the functions described herein. The functions may also be distributed over "
        "several electronic control units exchanging data at a fixed cycle, for example every 20 ms to 100 ms.",
        "Object tracks may be represented by a state vector including position, velocity, acceleration, heading and "
        "dimensions, together with a covariance matrix describing the uncertainty of the estimate, and may be "
        "updated by a Kalman filter or a similar recursive estimator whenever new measurements arrive.",
        "Thresholds and parameters given in this description are examples. They may be calibrated for a particular "
        "vehicle model, may depend on vehicle speed and road conditions, and may be adapted during operation.",
        "The functions may be validated in simulation, on closed test tracks and in supervised operation on public "
        "roads, using scenario-based testing to cover critical situations such as cut-ins, pedestrians emerging "
        "from behind parked vehicles and sudden braking of a lead vehicle.",
    ],
    figs=[
        "is a schematic top view of a vehicle equipped with a {n} according to an embodiment",
        "is a block diagram of the {n}",
        "is a flow chart of a control routine executed by the {n}",
        "illustrates a traffic scene in which the {n} operates",
        "is a timing chart of signals during operation of the {n}",
        "is a graph of a relationship used by the {n}",
        "is a block diagram of a computer system",
    ],
    npl_titles=[
        "Anticipating cut-in maneuvers from lateral motion cues",
        "Occupancy grid fusion of lidar and radar with free-space confidence",
        "Chance-constrained trajectory optimization for automated vehicles",
        "Targetless extrinsic calibration of lidar and camera",
        "Cooperative merging with vehicle-to-vehicle negotiation",
        "Human factors of takeover requests in automated driving",
    ],
)

UTILITY += [
    dict(
        key="v01", f="AV", pub="2009-03", asg=[("aurelian", None)], inv=["ishida", "takahara"],
        title="Adaptive cruise control with cut-in anticipation from lateral motion of adjacent vehicles",
        tf="adaptive cruise control systems that follow a preceding vehicle",
        cpc=["B60W 30/16", "B60W 30/14", "B60W 40/04", "B60W 2554/801", "B60W 2420/52"],
        abstract=(
            "An adaptive cruise control system tracks vehicles in adjacent lanes with a forward radar and estimates "
            "the lateral velocity of each one relative to the lane markings detected by a camera. When a vehicle in "
            "an adjacent lane moves toward the host lane with a lateral velocity above a threshold and is within a "
            "predicted cut-in distance, the system selects it as a provisional target before it crosses the lane "
            "marking and begins a gentle deceleration. If the vehicle then enters the host lane, the gap has already "
            "been partly opened and hard braking is avoided; if it returns to its own lane, the provisional target "
            "is released. Driver comfort and safety are improved during dense traffic."),
        bg=("Conventional adaptive cruise control reacts to a vehicle cutting in only once it is inside the host "
            "lane, by which time the gap may be so short that strong braking is needed, which drivers find "
            "uncomfortable and following drivers may not expect."),
        summ=("Using the lateral motion of adjacent vehicles to anticipate a cut-in allows the controller to start "
              "opening the gap early and gradually."),
        det=[
            "As shown in FIG. 1, the vehicle #10 carries a radar sensor #12 and a camera #14 connected to an "
            "adaptive cruise control unit #16, which commands an engine controller #18 and a brake controller #20. "
            "The unit #16 fuses radar tracks with lane markings to obtain a lateral offset and lateral velocity for "
            "each adjacent vehicle.",
            "In the routine of FIG. 3, a vehicle becomes a provisional target when its lateral velocity toward the "
            "host lane exceeds 0.5 m/s and its longitudinal distance is less than the current time gap multiplied by "
            "the host speed plus 10 m. The provisional deceleration is limited to 1.0 m/s^{2}.",
        ],
        claims=[
            (("An adaptive cruise control system for a host vehicle", "comprising", [
                "a radar sensor configured to detect vehicles ahead of the host vehicle",
                "a camera configured to detect lane markings",
                ("a controller configured to", [
                    "estimate a lateral velocity, relative to the lane markings, of a vehicle traveling in an "
                    "adjacent lane",
                    "select the vehicle as a provisional target when the lateral velocity toward a lane of the host "
                    "vehicle exceeds a threshold and the vehicle is within a predetermined distance",
                    "decelerate the host vehicle at a limited rate while the provisional target is selected",
                    "release the provisional target when the vehicle moves away from the lane of the host vehicle"])]),
             "adaptive cruise control system", [
                "wherein the threshold is 0.3 m/s to 0.8 m/s",
                "wherein the predetermined distance depends on a set time gap and a speed of the host vehicle",
                "wherein the limited rate is 0.5 m/s^{2} to 1.5 m/s^{2}",
                "wherein the controller is further configured to indicate the provisional target to the driver on a "
                "display",
                "wherein the controller does not select a provisional target when a turn signal of the vehicle in "
                "the adjacent lane is not detected and its lateral velocity is below a second, higher threshold",
            ]),
            (("A method of controlling a host vehicle with adaptive cruise control", "the method comprising", [
                "detecting a vehicle in an adjacent lane and estimating its lateral velocity relative to lane "
                "markings",
                "treating the vehicle as a provisional target before it enters the host lane when the lateral "
                "velocity indicates a cut-in",
                "gradually reducing a speed of the host vehicle to enlarge a gap to the provisional target"]),
             "method", [
                "further comprising releasing the provisional target when the lateral velocity reverses",
             ]),
        ],
    ),
    dict(
        key="v02", f="AV", pub="2014-10", asg=[("aurelian", "AURELIAN MOTORS CO., LTD.")],
        inv=["morimoto", "fairbanks"],
        title="Lane keeping assistance with driver-torque-dependent blending of steering assistance",
        tf="lane keeping assistance systems that apply steering torque",
        cpc=["B60W 30/12", "B62D 15/025", "B62D 6/003", "B60W 10/20", "B60W 2540/18"],
        cites=["v01!"],
        abstract=(
            "A lane keeping assistance system calculates a corrective steering torque that would keep the vehicle "
            "near the lane center and applies it through the electric power steering motor. The applied torque is "
            "the corrective torque multiplied by a blending factor that decreases smoothly as the torque exerted by "
            "the driver on the steering wheel increases, and the rate at which the factor may rise again after the "
            "driver releases the wheel is limited. The driver can thus override the system with a light, natural "
            "effort without a noticeable detent, while the assistance resumes gently afterward. The blending curve "
            "is shifted when the driver's hands are detected off the wheel."),
        bg=("Lane keeping systems that switch off abruptly when the driver's torque exceeds a fixed threshold "
            "produce a noticeable notch in the steering feel, and systems that never yield force the driver to "
            "fight the assistance when deliberately drifting within the lane."),
        summ=("A continuous blending factor that depends on driver torque, with a limited recovery rate, lets the "
              "driver and the system share steering smoothly."),
        det=[
            "Referring to FIG. 2, the system #30 includes a camera #32, a lane estimator #34, a path controller #36, a "
            "blending unit #38, a steering torque sensor #40 and an electric power steering unit #42. The blending "
            "factor falls from 1 at a driver torque of 0.5 N\u00b7m to 0 at 2.5 N\u00b7m along the curve of FIG. 6.",
            "After the driver torque falls below 0.5 N\u00b7m, the factor rises at no more than 0.5 per second. In "
            "tests with twelve drivers, ratings of steering naturalness improved from 5.1 to 7.8 on a ten-point "
            "scale compared with a threshold-based system.",
        ],
        claims=[
            (("A lane keeping assistance system for a vehicle", "comprising", [
                "a camera configured to capture images of a road ahead of the vehicle",
                "a torque sensor configured to detect a driver torque applied to a steering wheel",
                "an electric power steering unit",
                ("a controller configured to", [
                    "determine a corrective steering torque for keeping the vehicle within a lane detected from the "
                    "images",
                    "determine a blending factor that decreases continuously as the driver torque increases",
                    "command the electric power steering unit to apply the corrective steering torque multiplied by "
                    "the blending factor"])]),
             "lane keeping assistance system", [
                "wherein the blending factor is 1 below a first driver torque and 0 above a second driver torque",
                "^wherein the first driver torque is 0.3 N\u00b7m to 1.0 N\u00b7m and the second driver torque is 2.0 "
                "N\u00b7m to 3.0 N\u00b7m",
                "wherein the controller limits a rate of increase of the blending factor after the driver torque "
                "decreases",
                "further comprising a hands-on detector, wherein the controller shifts the relationship between the "
                "blending factor and the driver torque when the hands of the driver are not detected on the steering "
                "wheel",
                "wherein the controller disables the corrective steering torque when a turn signal is active",
            ]),
            (("A method of assisting lane keeping", "the method comprising", [
                "calculating a corrective steering torque from a lateral offset and heading of the vehicle in a lane",
                "measuring a driver torque on the steering wheel",
                "scaling the corrective steering torque by a factor that decreases continuously with the driver torque",
                "applying the scaled torque with a power steering motor"]),
             "method", [
                "wherein the factor is allowed to increase by at most 0.5 per second",
             ]),
        ],
    ),
    dict(
        key="v03", f="AV", pub="2017-03", asg=[("lodestar", None)], inv=["kowalski", "reyes"], prov=True,
        title="Occupancy grid fusion with sensor-specific free-space confidence",
        tf="representing the surroundings of a vehicle as a grid of occupancy probabilities",
        cpc=["G01S 17/89", "G01S 13/865", "G05D 1/0088", "G01S 13/89", "G01S 2013/9323"],
        cites=["v01?", "v02"],
        abstract=(
            "A perception system of an automated vehicle maintains an occupancy grid around the vehicle in which each "
            "cell stores evidence that it is occupied and, separately, evidence that it is free. Lidar returns and "
            "radar detections add occupied evidence at their locations, and the space between each sensor and its "
            "returns adds free evidence weighted by a sensor-specific confidence that depends on range, on the "
            "sensor's ability to see low objects and on weather. Radar free-space evidence is discounted near the "
            "ground and behind metallic objects, and lidar evidence is discounted in heavy rain. Cells with "
            "conflicting evidence are marked for caution, so the planner can distinguish unknown space from space "
            "that sensors disagree about."),
        bg=("Occupancy grids fuse measurements from several sensors into a common representation, but standard "
            "update rules treat absence of returns as evidence of free space equally for all sensors, although "
            "radar, for example, often misses low obstacles."),
        summ=("Keeping occupied and free evidence separately and weighting free-space evidence by what each sensor "
              "can actually observe makes the grid more trustworthy for planning."),
        det=[
            "As shown in FIG. 2, the system #50 includes lidar #52, radar sensors #54, a grid manager #56 storing "
            "a grid #58 of 0.2 m cells over 120 m by 80 m, a confidence model #60 and a planner interface #62. Each "
            "cell stores occupied mass m_{o}, free mass m_{f} and a timestamp.",
            "Free evidence from radar is multiplied by 0.3 for cells within 0.5 m of the estimated ground and by 0 "
            "behind detections with high radar cross section. Cells with both m_{o} and m_{f} above 0.4 are reported "
            "as conflicting, as illustrated in FIG. 4.",
        ],
        claims=[
            (("A perception system for a vehicle", "comprising", [
                "a lidar sensor and a radar sensor",
                "a memory storing an occupancy grid in which each cell holds an occupied evidence value and a "
                "separate free evidence value",
                ("a processor configured to", [
                    "increase the occupied evidence value of cells containing returns of the lidar sensor or the radar "
                    "sensor",
                    "increase the free evidence value of cells between each sensor and its returns by an amount "
                    "weighted by a confidence that is specific to the sensor and depends on at least a height of "
                    "the cell above ground",
                    "mark as conflicting cells in which both the occupied evidence value and the free evidence value "
                    "exceed a threshold"])]),
             "perception system", [
                "wherein the confidence for the radar sensor is lower for cells near the ground than for the lidar "
                "sensor",
                "wherein the confidence for the lidar sensor is reduced when precipitation is detected",
                "wherein no free evidence is added for the radar sensor behind a detection having a radar cross "
                "section above a limit",
                "wherein the evidence values decay over time",
                "wherein the processor provides the conflicting cells to a motion planner that reduces a speed of "
                "the vehicle near them",
            ]),
            (("A method of building an occupancy grid", "the method comprising", [
                "receiving returns from a plurality of sensors of different types",
                "adding occupied evidence at the returns and free evidence along rays to the returns, the free "
                "evidence being weighted by a sensor-specific confidence",
                "identifying cells with conflicting evidence"]),
             "method", [
                "wherein the sensor-specific confidence of a lidar sensor is reduced when precipitation is detected",
                "wherein the sensor-specific confidence of a radar sensor is lower for cells near the ground than "
                "for cells at greater heights",
             ]),
        ],
    ),
    dict(
        key="v04", f="AV", pub="2018-07", asg=[("lodestar", None)], inv=["bhattacharya", "kowalski", "sorensen"],
        title="Trajectory planning with chance constraints on predicted positions of other road users",
        tf="planning the motion of an automated vehicle among other traffic participants",
        cpc=["B60W 30/0956", "B60W 30/09", "G05D 1/0214", "G08G 1/166", "B60W 2554/4041"],
        cites=["v03!", "v01?"],
        abstract=(
            "A planner for an automated vehicle receives, for every nearby road user, a set of predicted "
            "trajectories with probabilities and position covariances over the next few seconds. It optimizes the "
            "vehicle's own trajectory subject to chance constraints that the probability of overlap with any road "
            "user stays below a small bound at every time step. The constraints are converted to deterministic "
            "margins that grow with the predicted uncertainty, and unlikely predictions receive smaller margins than "
            "likely ones. As a result the vehicle keeps larger distances from road users whose behavior is "
            "uncertain, yet is not frozen by improbable predictions, which reduces both harsh braking and "
            "unnecessary stops."),
        bg=("Planners that treat every predicted trajectory as certain must either ignore uncertainty or keep large "
            "fixed margins from all predictions, which makes the vehicle either unsafe or overly hesitant."),
        summ=("Bounding the probability of conflict, rather than avoiding every predicted trajectory with the same "
              "margin, scales caution to the actual uncertainty."),
        det=[
            "As shown in FIG. 2, the planner #70 includes a prediction interface #72, a constraint generator #74, an "
            "optimizer #76 and a trajectory checker #78. For a predicted mode with probability p and covariance "
            "\u03a3, the generator #74 inflates the road user's footprint by k\u00b7\u03c3, where k is derived "
            "from the bound \u03b5/p.",
            "The optimizer #76 solves a quadratic program every 100 ms over a horizon of 6 s. In 5,000 simulated "
            "urban scenarios, the rate of decelerations stronger than 4 m/s^{2} fell by 37% compared with a "
            "fixed-margin planner, with no increase in minimum distance violations.",
        ],
        claims=[
            (("A method of planning a trajectory for an automated vehicle", "the method comprising", [
                "receiving, for each of a plurality of road users, a plurality of predicted trajectories, each with "
                "a probability and a position uncertainty at each of a plurality of future times",
                "for each predicted trajectory, computing a margin that increases with the position uncertainty and "
                "depends on the probability of that predicted trajectory such that a probability of overlap with the "
                "road user remains below a bound",
                "optimizing a trajectory of the automated vehicle subject to keeping at least the computed margins "
                "from the predicted trajectories",
                "controlling the automated vehicle to follow the optimized trajectory"]),
             "method", [
                "wherein a smaller margin is computed for a predicted trajectory having a lower probability",
                "wherein the position uncertainty is represented by a covariance matrix and the margin is "
                "proportional to a standard deviation along a direction toward the automated vehicle",
                "wherein the optimizing solves a quadratic program at intervals of 50 ms to 200 ms",
                "wherein the bound is 10^{\u22124} to 10^{\u22122}",
                "further comprising reducing a speed of the automated vehicle when no trajectory satisfying the "
                "margins is found",
                "wherein the position uncertainty grows with prediction time",
                "^wherein the margin for a predicted position at a later time is larger than the margin for a "
                "predicted position at an earlier time",
                "wherein the road users include pedestrians and cyclists and the bound is smaller for pedestrians "
                "and cyclists than for vehicles",
                "wherein the optimizing minimizes a cost including acceleration, jerk and deviation from a reference "
                "path",
                "wherein each margin is added to a footprint of the road user that reflects its length and width",
                "further comprising recording instances in which the margins could not be satisfied",
            ]),
            (("A vehicle control system", "comprising", [
                "a prediction module providing probabilistic predictions of road users",
                "a planner configured to optimize a trajectory of the vehicle subject to uncertainty-dependent "
                "margins derived from a bound on a probability of collision",
                "a controller configured to actuate steering, propulsion and braking to follow the trajectory"]),
             "vehicle control system", [
                "wherein the planner assigns smaller margins to predictions having lower probabilities",
             ]),
        ],
    ),
    dict(
        key="v05", f="AV", pub="2021-02", asg=[("lodestar", "Lodestar Autonomy Inc.")], inv=["reyes", "sorensen"],
        title="Targetless calibration of lidar-to-camera extrinsics using edge alignment",
        tf="determining the relative pose of sensors mounted on a vehicle",
        cpc=["G01S 7/4972", "G01S 17/86", "G01S 17/931", "G06T 7/80", "G06T 2207/30252"],
        cites=["v03", "n04?"],
        abstract=(
            "The rotation and translation between a lidar sensor and a camera on a vehicle are estimated while the "
            "vehicle drives, without calibration targets. Depth discontinuities are extracted from each lidar sweep "
            "and projected into the synchronized camera image using the current estimate of the extrinsic "
            "parameters, and an objective function rewards projected discontinuities that fall on strong image "
            "edges, using a distance transform of the edge map. The parameters are refined by maximizing the "
            "objective accumulated over many frames, and frames with little structure are skipped. A monitor "
            "compares the current score with the score at the stored calibration and requests recalibration when "
            "the sensors have shifted."),
        bg=("Lidar and camera data can only be fused if their relative pose is known precisely. Factory "
            "calibration with targets is time consuming, and sensor mounts can shift over the life of a vehicle."),
        summ=("Aligning depth edges from the lidar with intensity edges in the image provides a calibration signal "
              "in ordinary driving scenes."),
        det=[
            "FIG. 2 shows the calibration module #90 with a discontinuity extractor #92, a projector #94, an edge "
            "detector #96 producing a distance transform #98, and an optimizer #100. A point is a discontinuity if "
            "its range differs from that of a horizontal neighbor by more than 0.3 m.",
            "Starting from an error of 2\u00b0 in rotation and 5 cm in translation, the module converged within 300 "
            "frames to within 0.1\u00b0 and 1 cm of a target-based reference, as plotted in FIG. 6.",
        ],
        claims=[
            (("A method of calibrating a lidar sensor and a camera of a vehicle", "the method comprising", [
                "extracting depth discontinuity points from a lidar sweep",
                "detecting edges in a camera image captured synchronously with the lidar sweep and computing a "
                "distance transform of the detected edges",
                "projecting the depth discontinuity points into the camera image using estimated extrinsic "
                "parameters",
                "computing a score from values of the distance transform at the projected points",
                "updating the estimated extrinsic parameters to improve the score accumulated over a plurality of "
                "frames"]),
             "method", [
                "wherein a frame is excluded when the number of depth discontinuity points is below a threshold",
                "wherein the updating uses a coarse-to-fine search over rotation followed by translation",
                "further comprising comparing the score at the estimated extrinsic parameters with a score at stored "
                "extrinsic parameters and requesting recalibration when the difference exceeds a threshold",
                "wherein the method is performed while the vehicle is driven on public roads",
                "wherein the camera image is corrected for lens distortion before detecting edges",
            ]),
            (("A sensor system for a vehicle", "comprising", [
                "a lidar sensor",
                "a camera",
                "a processor configured to estimate extrinsic parameters between the lidar sensor and the camera by "
                "aligning projected lidar depth discontinuities with edges in camera images"]),
             "sensor system", [
                "wherein the processor is further configured to request a service visit when the alignment score "
                "at the stored extrinsic parameters drops below a threshold",
             ]),
        ],
    ),
    dict(
        key="v06", f="AV", pub="2022-05", asg=[("westmarch", "University of Westmarch"),
                                               ("lodestar", "LODESTAR AUTONOMY, INC.")],
        inv=["adeyemi", "kowalski", "liux"],
        title="Cooperative highway merging using vehicle-to-vehicle gap negotiation",
        tf="coordination of connected vehicles at highway on-ramps",
        cpc=["G08G 1/163", "B60W 30/18163", "B60W 60/0027", "H04W 4/46", "G08G 1/22"],
        cites=["v04!", "v02?"], figs=7,
        abstract=(
            "A merging vehicle on an on-ramp broadcasts a merge request containing its position, speed and "
            "estimated arrival time at the merge point. Connected vehicles on the main lane that receive the request "
            "evaluate the cost of opening a gap of the required size, and the vehicle with the lowest cost answers "
            "with an offer that specifies the gap and the time at which it will be available. After the merging "
            "vehicle accepts, both vehicles adjust their speed profiles so that the gap and the merging vehicle "
            "arrive together, and they exchange progress messages until the merge is complete. If communication is "
            "lost or the offer expires, each vehicle falls back to its own sensor-based behavior."),
        bg=("At on-ramps, merging vehicles must find a gap in traffic they can observe only partly, and vehicles "
            "on the main road learn of the merging vehicle late, which causes abrupt braking and stop-and-go waves."),
        summ=("Negotiating a specific gap in advance, with explicit acceptance and fallback, turns merging into a "
              "coordinated maneuver."),
        det=[
            "As shown in FIG. 4, the merging vehicle #110 sends a request #112 about 300 m before the merge point "
            "#114. Main-lane vehicles #116, #118 and #120 compute costs based on required deceleration and on the "
            "vehicles behind them, and the vehicle #118 sends an offer #122.",
            "The speed profiles are planned so that the merge occurs with a time gap of at least 1.2 s to both "
            "neighbors. In a traffic simulation at 1,800 vehicles per hour, average delay at the ramp fell by 41% "
            "with half of the vehicles connected.",
        ],
        claims=[
            (("A method of coordinating a merge of a first vehicle into a lane of a road", "the method comprising", [
                "transmitting, by the first vehicle, a merge request including a position, a speed and an estimated "
                "arrival time of the first vehicle at a merge point",
                "receiving, from a second vehicle traveling in the lane, an offer specifying a gap and a time at "
                "which the gap will be available at the merge point",
                "transmitting an acceptance of the offer",
                "adjusting a speed profile of the first vehicle so that the first vehicle reaches the merge point at "
                "the time specified in the offer"]),
             "method", [
                "wherein the second vehicle is selected among a plurality of vehicles that received the merge "
                "request according to a cost of opening the gap",
                "further comprising exchanging progress messages between the first and second vehicles until the "
                "merge is completed",
                "further comprising reverting to a sensor-based merging behavior when no progress message is "
                "received within a timeout",
                "wherein the gap provides a time gap of at least 1.0 s to vehicles ahead of and behind the first "
                "vehicle",
                "wherein the messages are transmitted by direct vehicle-to-vehicle radio communication",
            ]),
            (("A vehicle", "comprising", [
                "a vehicle-to-vehicle communication unit",
                "a controller configured to receive a merge request from a merging vehicle, compute a cost of opening "
                "a gap for the merging vehicle, transmit an offer when the cost is lower than a threshold, and adjust "
                "its speed to open the gap after the offer is accepted"]),
             "vehicle", [
                "wherein the cost depends on a deceleration required of the vehicle and of vehicles following it",
             ]),
        ],
    ),
    dict(
        key="v07", f="AV", pub="2024-07", asg=[("aurelian", None)], inv=["takahara", "ishida", "fairbanks"],
        title="Remote assistance for an automated vehicle stopped by an unresolved traffic scene",
        tf="remote support of automated vehicles by human operators",
        cpc=["B60W 60/0053", "B60W 60/001", "B60W 50/14", "G08G 1/0968", "B60W 2556/45"],
        cites=["v04", "v06!", "a06?"],
        abstract=(
            "When an automated vehicle cannot find a trajectory it is allowed to execute, for example behind a "
            "double-parked truck on a road with a solid center line, it stops safely and sends a request for "
            "assistance to a remote operation center. The request contains a compressed scene description and a "
            "small set of candidate paths that the vehicle has already checked for physical feasibility but that "
            "violate a traffic rule or exceed a risk threshold. A remote operator selects one of the candidates or "
            "draws a short path, but never drives the vehicle directly; the vehicle re-checks the chosen path with "
            "its own sensors and executes it at low speed, stopping again if anything changes."),
        bg=("Automated vehicles occasionally encounter situations their rules do not resolve, and waiting "
            "indefinitely blocks traffic, whereas direct teleoperation over a wireless network is vulnerable to "
            "latency and dropouts."),
        summ=("Having a remote human choose among paths that the vehicle proposes and verifies keeps the vehicle in "
              "charge of safety while resolving the deadlock."),
        det=[
            "As shown in FIG. 2, the vehicle system #130 includes a planner #132, a deadlock detector #134, a "
            "candidate generator #136, a communication unit #138 and a verifier #140. The detector #134 declares a "
            "deadlock when the vehicle has been stationary for 20 s with no permitted trajectory.",
            "The candidate generator #136 proposes up to five paths, for example crossing the center line for 30 m, "
            "and the remote station #150 of FIG. 7 displays them over a camera image. The vehicle executes a chosen "
            "path at no more than 10 km/h.",
        ],
        claims=[
            (("A method of operating an automated vehicle", "the method comprising", [
                "stopping the automated vehicle when no trajectory satisfying a set of driving rules is found",
                "generating one or more candidate paths that are physically feasible but violate at least one of the "
                "driving rules",
                "transmitting a scene description and the candidate paths to a remote station",
                "receiving from the remote station a selection of one of the candidate paths",
                "verifying the selected path with on-board sensors and, if the verification succeeds, executing the "
                "selected path at a limited speed"]),
             "method", [
                "wherein the stopping occurs only after the vehicle has been stationary for a predetermined time",
                "wherein the scene description comprises an object list and a compressed camera image",
                "wherein the limited speed is 15 km/h or less",
                "further comprising stopping again when the on-board sensors detect a change in the scene during "
                "execution of the selected path",
                "wherein the remote station cannot command steering or acceleration of the vehicle directly",
            ]),
            (("An automated vehicle", "comprising", [
                "sensors",
                "a communication unit",
                "a controller configured to detect a deadlock, propose candidate paths to a remote station, and "
                "execute a path selected at the remote station after verifying it with the sensors"]),
             "automated vehicle", [
                "wherein the controller limits a speed of the vehicle to 15 km/h or less while executing the "
                "selected path",
             ]),
        ],
    ),
    dict(
        key="v08", f="AV", pub="2025-06", asg=[("lodestar", None)], inv=["sorensen", "bhattacharya"],
        title="Motion prediction of road users with a transformer over agent and map tokens",
        tf="predicting the future motion of road users around an automated vehicle",
        cpc=["B60W 60/00274", "G06N 3/045", "G06V 20/58", "B60W 2554/4045", "B60W 2556/40"],
        cites=["v04!", "v06", "n08?", "n09?"],
        abstract=(
            "A prediction module represents each road user's recent track and each nearby lane segment, crosswalk "
            "and traffic light as tokens, encodes them in a coordinate frame centered on the respective element, and "
            "processes them with a transformer in which attention between tokens is biased by their relative "
            "positions. For each road user a decoder produces six possible future trajectories over eight seconds "
            "with probabilities. Because every token is encoded in its own frame and relations are added through "
            "relative positions, computation can be reused from one cycle to the next and the prediction is "
            "invariant to the position of the automated vehicle. Predictions are passed to a planner with their "
            "probabilities and uncertainties."),
        bg=("Prediction networks that rasterize the scene around the automated vehicle must recompute everything "
            "each cycle and represent distant elements coarsely, and their accuracy depends on where the vehicle is "
            "in the scene."),
        summ=("Encoding scene elements locally and relating them through relative-position attention gives "
              "accurate, reusable and position-invariant predictions."),
        det=[
            "As shown in FIG. 3, the module #160 includes an agent encoder #162, a map encoder #164, a transformer "
            "#166 with eight layers, and a decoder #168. Attention logits between tokens i and j receive a bias "
            "computed from their relative position and heading.",
            "On a held-out data set of 400,000 scenarios, the minimum average displacement error over six modes was "
            "0.61 m at eight seconds. Reusing encodings reduced latency per cycle from 38 ms to 17 ms.",
        ],
        claims=[
            (("A method of predicting motion of road users around a vehicle", "the method comprising", [
                "encoding a past track of each road user as an agent token in a coordinate frame centered on that "
                "road user",
                "encoding map elements near the vehicle as map tokens in coordinate frames centered on the "
                "respective map elements",
                "processing the agent tokens and map tokens with a transformer in which attention between two tokens "
                "is biased by a relative position and heading between them",
                "decoding, for each road user, a plurality of future trajectories and probabilities",
                "providing the future trajectories and probabilities to a motion planner of the vehicle"]),
             "method", [
                "wherein encodings of map tokens computed in one cycle are reused in a subsequent cycle",
                "wherein the map elements include lane segments, crosswalks and traffic lights",
                "wherein six future trajectories over a horizon of at least six seconds are decoded for each road "
                "user",
                "wherein the decoding outputs a position uncertainty for each future position",
                "wherein the attention bias is computed by a multilayer perceptron from the relative position and "
                "heading",
            ]),
            (("A vehicle", "comprising", [
                "sensors configured to track road users",
                "a processor configured to predict future trajectories of the road users with a transformer over "
                "agent tokens and map tokens encoded in local coordinate frames, and to plan a trajectory of the "
                "vehicle using the predicted future trajectories"]),
             "vehicle", [
                "wherein the processor is configured to execute the prediction at least ten times per second",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a06", f="AV", pub="2020-08", asg=[("aurelian", None)], inv=["morimoto", "ishida"],
        title="Driver monitoring device that estimates readiness for takeover from gaze and hand position",
        tf="monitoring vehicle drivers during automated driving",
        cpc=["B60W 60/0053", "B60W 40/08", "G06K 9/00845", "B60W 2540/225", "B60W 2540/229"],
        abstract=(
            "A driver monitoring device for a vehicle capable of automated driving uses an infrared cabin camera to "
            "measure the driver's gaze direction, eye closure and the position of the hands relative to the "
            "steering wheel. From these measurements it calculates a readiness score that predicts how long the "
            "driver would need to take over control. Before the automated driving system reaches the end of its "
            "operating domain, the takeover request is issued early enough for the current readiness score, and "
            "the system escalates alerts or prepares a minimal-risk maneuver when the score is low. The readiness "
            "model is calibrated individually for each registered driver."),
        bg=("Automated driving systems that require a driver to take over must ensure that the driver can do so "
            "in time, but drivers engaged in other activities need very different amounts of time to respond."),
        summ=("Estimating readiness continuously and timing the takeover request accordingly gives each driver "
              "sufficient time while avoiding unnecessary early requests."),
        det=[
            "The device #170 of FIG. 1 includes an infrared camera #172 on the steering column, illuminators #174, "
            "an image processor #176 and a readiness estimator #178.",
            "The estimator #178 combines the fraction of time the gaze was on the road in the last 10 s, the eye "
            "closure ratio and the hand distance in a regression trained on takeover trials, as plotted in FIG. 5.",
        ],
        claims=[
            (("A driver monitoring device for a vehicle having an automated driving function", "comprising", [
                "a camera configured to capture images of a driver",
                ("a processor configured to", [
                    "determine a gaze direction, an eye closure state and a hand position of the driver from the "
                    "images",
                    "calculate a readiness score indicating an expected takeover time",
                    "determine a timing of a takeover request based on the readiness score and a distance to an end "
                    "of an operating domain of the automated driving function"])]),
             "driver monitoring device", [
                "wherein the processor escalates an alert when the readiness score indicates a takeover time longer "
                "than a threshold",
                "wherein the processor requests a minimal-risk maneuver when the driver does not respond to the "
                "takeover request",
                "wherein the readiness score is calibrated for an individual driver",
            ]),
            (("A method of requesting a takeover", "the method comprising", [
                "estimating a readiness of a driver from gaze, eye closure and hand position",
                "issuing a takeover request at a time selected according to the estimated readiness"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: water purification and membranes
# --------------------------------------------------------------------------

FIELDS["WATER"] = dict(
    name="Water purification and membranes",
    area="the treatment of water and wastewater, in particular membrane separation and disinfection",
    uspc=["210652", "210321.6", "210500.38", "210748.11", "210636", "210 97", "210739"],
    foreign=["WO", "JP", "KR", "DE"],
    bg=[
        "Reverse osmosis is the dominant technology for desalinating seawater and brackish water and for producing "
        "high-purity process water. Pressurized feed water flows across a semipermeable membrane that passes water "
        "molecules but retains dissolved salts, which leave in a concentrated reject stream.",
        "Fouling of membranes by suspended particles, organic matter, biofilm and sparingly soluble salts raises the "
        "pressure needed for a given permeate flow and shortens membrane life, so pretreatment, chemical dosing and "
        "periodic cleaning are part of every membrane plant.",
        "Energy is a major part of the cost of desalinated water. High-pressure pumps consume most of it, and energy "
        "recovery devices return part of the hydraulic energy of the concentrate to the feed.",
        "Disinfection protects consumers from pathogenic microorganisms. Chlorine-based disinfectants can form "
        "undesirable by-products, whereas ultraviolet light inactivates microorganisms without chemicals provided "
        "that every parcel of water receives a sufficient dose.",
    ],
    det=[
        "The feed water may be seawater with about 35,000 mg/L of total dissolved solids, brackish groundwater with "
        "about 1,000 mg/L to about 10,000 mg/L, surface water, municipal or industrial wastewater, or the effluent "
        "of a preceding treatment stage.",
        "Thin-film composite membranes typically comprise a nonwoven polyester support, a microporous polysulfone "
        "layer and a polyamide separation layer about 100 nm to 200 nm thick formed by interfacial polymerization "
        "of m-phenylenediamine with trimesoyl chloride.",
        "Spiral-wound elements are made by winding membrane leaves, feed spacers and permeate carriers around a "
        "perforated central tube. Several elements may be installed in series in a pressure vessel, and several "
        "vessels may be arranged in parallel and in two or more stages.",
        "The system may include sensors for pressure, flow, temperature, conductivity, pH and turbidity connected to "
        "a programmable logic controller, which records the measurements and adjusts pumps and valves according to "
        "the control strategies described herein.",
        "Salt rejection was calculated as one minus the ratio of permeate conductivity to feed conductivity, and "
        "water permeance was calculated from the permeate flow, the membrane area and the net driving pressure "
        "corrected to 25\u00b0 C.",
        "Wetted parts should be suitable for potable water. Metal parts handling seawater may be made of duplex or "
        "super duplex stainless steel, and polymer parts may be made of polypropylene, polyvinyl chloride or "
        "fiber-reinforced plastic.",
    ],
    figs=[
        "is a schematic diagram of a {n} according to an embodiment",
        "is a cross-sectional view of a component of the {n}",
        "is a flow chart of a method of operating the {n}",
        "is a graph of permeate flux versus time for an example and a comparative example",
        "is a graph of salt rejection at several operating pressures",
        "is a partly cut-away perspective view of the {n}",
        "is a block diagram of a control system for the {n}",
    ],
    npl_titles=[
        "Feed spacer geometry and concentration polarization in spiral-wound modules",
        "Zwitterionic grafting for fouling-resistant polyamide membranes",
        "Ultraviolet dose distribution in annular reactors",
        "Flow-through electrodes for capacitive deionization",
        "Control of pressure exchangers in seawater reverse osmosis",
    ],
)

UTILITY += [
    dict(
        key="w01", f="WATER", pub="2005-09", asg=[("clearwell", None)], inv=["nakamura", "ramos"],
        title="Spiral-wound membrane element with a feed spacer of alternating strand thickness",
        tf="spiral-wound elements for reverse osmosis and nanofiltration",
        cpc=["B01D 63/103", "B01D 63/10", "B01D 65/08", "B01D 61/025", "C02F 1/441"],
        abstract=(
            "A spiral-wound membrane element has a feed spacer net whose parallel strands alternate between a thick "
            "strand of 0.7 mm and a thin strand of 0.4 mm, with the crossing strands at a uniform 0.55 mm. The thick "
            "strands hold the membrane leaves apart and define the channel height, while the thin strands lie "
            "clear of the membrane surface so that water flows both over and under them. This creates "
            "alternating zones of acceleration that disrupt the concentration boundary layer, while the pressure "
            "drop along the element is lower than with a conventional spacer of the same height. Fouling by "
            "particles and biofilm accumulates more slowly, and cleaning intervals can be extended."),
        bg=("Feed spacers keep membrane leaves apart and promote mixing, but they also create dead zones behind "
            "their strands where particles and bacteria accumulate, and they cause much of the pressure drop "
            "along the element."),
        summ=("A spacer with strands of two thicknesses separates the functions of supporting the channel and of "
              "mixing the flow, which improves both."),
        det=[
            "As shown in FIG. 2, the feed spacer #20 of the element #10 includes thick strands #22 and thin strands "
            "#24 extending at 45\u00b0 to the feed direction, and cross strands #26. The thin strands #24 are "
            "spaced 0.15 mm from the adjacent membrane surface on either side.",
            "In side-by-side tests on river water after ultrafiltration, the element with the new spacer showed a "
            "pressure drop of 0.38 bar versus 0.52 bar and lost 12% of its permeability over 60 days versus 27% for "
            "the reference element, as shown in FIG. 4.",
        ],
        claims=[
            (("A spiral-wound membrane element", "comprising", [
                "a perforated permeate tube",
                "at least one membrane leaf wound around the permeate tube, the membrane leaf comprising two membrane "
                "sheets enclosing a permeate carrier",
                ("a feed spacer disposed between adjacent membrane sheets, the feed spacer comprising", [
                    "first strands extending in a first direction, the first strands alternating between thick "
                    "strands having a first diameter and thin strands having a second diameter smaller than the "
                    "first diameter",
                    "second strands extending in a second direction crossing the first direction"]),
                "wherein the thin strands are spaced from the membrane sheets"]),
             "spiral-wound membrane element", [
                "wherein the first diameter is 0.6 mm to 0.9 mm and the second diameter is 0.3 mm to 0.5 mm",
                "wherein the second strands have a diameter between the first diameter and the second diameter",
                "wherein the first strands extend at an angle of 30\u00b0 to 60\u00b0 to a feed flow direction",
                "wherein the membrane sheets are reverse osmosis membranes",
                "wherein the feed spacer is made of polypropylene",
            ]),
            (("A method of treating water", "the method comprising", [
                "feeding pressurized water into a spiral-wound element having a feed spacer with alternating thick "
                "and thin strands",
                "withdrawing permeate from a permeate tube of the element",
                "withdrawing concentrate from an outlet end of the element"]),
             "method", [
                "wherein the water is surface water pretreated by ultrafiltration",
             ]),
        ],
    ),
    dict(
        key="w02", f="WATER", pub="2007-07", asg=[("pellucid", None)], inv=["keller", "rossi"],
        title="Ceramic ultrafiltration membrane with a titania separation layer on a silicon carbide support",
        tf="inorganic membranes for filtering water",
        cpc=["B01D 71/024", "B01D 69/12", "B01D 67/0041", "C02F 1/444", "B01D 71/02"],
        cites=["w01?"],
        abstract=(
            "A ceramic membrane for ultrafiltration of water has a tubular support of recrystallized silicon carbide "
            "with a mean pore size of 5 µm to 15 µm, an intermediate layer of silicon carbide particles, and a "
            "separation layer of titanium dioxide with a mean pore size of 20 nm to 50 nm. The titania layer is "
            "formed from a sol containing nanoparticles and a small fraction of larger seed particles that bridge "
            "the pores of the intermediate layer, so that a single coating step gives a defect-free layer. Because "
            "silicon carbide is very permeable and hydrophilic, the membrane achieves a clean-water flux more than "
            "twice that of an alumina membrane of the same cut-off and tolerates cleaning with strong acids, "
            "bases and oxidants."),
        bg=("Ceramic membranes are chemically and thermally robust, but supports of alumina have limited "
            "permeability, and thin separation layers often need several coating and firing cycles to avoid "
            "defects."),
        summ=("A highly permeable silicon carbide support combined with a titania layer formed from a bimodal sol "
              "yields a high-flux membrane in fewer manufacturing steps."),
        det=[
            "Referring to FIG. 2, the membrane #30 has a support #32 with 19 channels #34 of 3.3 mm diameter, an "
            "intermediate layer #36 of 20 µm, and a separation layer #38 of 3 µm. The sol for the layer #38 contained "
            "95 wt % anatase particles of 15 nm and 5 wt % particles of 150 nm.",
            "After firing at 500\u00b0 C., the clean-water permeability was 900 L/(m^{2}\u00b7h\u00b7bar). In "
            "filtration of secondary wastewater effluent, turbidity was reduced from 6 NTU to below 0.1 NTU.",
        ],
        claims=[
            (("A ceramic filtration membrane", "comprising", [
                "a porous support made of silicon carbide having a mean pore size of 5 µm to 15 µm",
                "an intermediate layer of silicon carbide particles on the support",
                "a separation layer of titanium dioxide on the intermediate layer having a mean pore size of 20 nm "
                "to 50 nm"]),
             "ceramic filtration membrane", [
                "wherein the support is tubular and has a plurality of longitudinal channels",
                "wherein the separation layer has a thickness of 1 µm to 5 µm",
                "wherein the titanium dioxide is predominantly in the anatase phase",
                "having a clean-water permeability of at least 600 L/(m^{2}\u00b7h\u00b7bar)",
                "wherein the intermediate layer has a mean pore size of 0.2 µm to 1 µm",
            ]),
            (("A method of producing a ceramic filtration membrane", "the method comprising", [
                "providing a silicon carbide support coated with an intermediate layer",
                "coating the intermediate layer with a sol containing titanium dioxide nanoparticles of a first size "
                "and 2 wt % to 10 wt % of particles of a second size at least five times larger than the first size",
                "drying and firing the coated support at 400\u00b0 C. to 600\u00b0 C."]),
             "method", [
                "wherein the coating and firing are performed only once",
             ]),
        ],
    ),
    dict(
        key="w03", f="WATER", pub="2010-03", asg=[("clearwell", None)], inv=["fitzgerald", "nakamura"],
        title="Ultraviolet reactor with helical flow guides for uniform dose delivery",
        tf="disinfection of water with ultraviolet radiation",
        cpc=["C02F 1/325", "C02F 2201/3227", "C02F 2303/04", "C02F 2201/326", "C02F 2209/40"],
        cites=["w01?"],
        abstract=(
            "A reactor for disinfecting water with ultraviolet light has a cylindrical chamber with a low-pressure "
            "mercury lamp in a quartz sleeve along its axis. Helical guide vanes fixed to the inner wall of the "
            "chamber impart a swirling motion to the water so that each parcel moves repeatedly between the region "
            "near the lamp and the region near the wall while it travels along the chamber. The spread of doses "
            "received by individual parcels is therefore much narrower than in a reactor with straight flow, and "
            "the lamp power required to reach a target minimum dose is reduced. An intensity sensor behind a "
            "window in the wall and a flow meter allow the delivered dose to be calculated continuously."),
        bg=("In a simple annular reactor, water flowing near the wall receives much less radiation than water near "
            "the lamp, so the lamp must be powerful enough for the least-exposed water, and most of the water is "
            "overdosed."),
        summ=("Swirling the flow with fixed helical vanes mixes the water across the radiation gradient without "
              "moving parts or extra pressure loss of consequence."),
        det=[
            "FIG. 1 shows the reactor #40 with a chamber #42 of 100 mm diameter, a lamp #44 in a sleeve #46, vanes "
            "#48 with a pitch of 250 mm, an inlet #50, an outlet #52, a UV sensor #54 and a controller #56.",
            "Biodosimetry with MS2 phage showed a reduction-equivalent dose of 42 mJ/cm^{2} at 6 m^{3}/h and 80% "
            "water transmittance, compared with 29 mJ/cm^{2} for the same chamber without vanes, as plotted in "
            "FIG. 5. The pressure drop increased by 0.05 bar.",
        ],
        claims=[
            (("An ultraviolet water disinfection reactor", "comprising", [
                "a cylindrical chamber having an inlet and an outlet",
                "an ultraviolet lamp within a transparent sleeve extending along an axis of the chamber",
                "helical guide vanes fixed to an inner wall of the chamber and extending toward the sleeve, the "
                "guide vanes being configured to impart a swirling motion to water flowing from the inlet to the "
                "outlet"]),
             "ultraviolet water disinfection reactor", [
                "wherein the guide vanes extend over 30% to 60% of a radial distance between the inner wall and the "
                "sleeve",
                "wherein the guide vanes have a pitch of 1.5 to 4 times a diameter of the chamber",
                "further comprising an ultraviolet intensity sensor and a flow meter, and a controller configured to "
                "calculate a delivered dose from their signals",
                "^wherein the controller increases a power of the lamp when the calculated dose falls below a "
                "setpoint",
                "wherein the lamp is a low-pressure mercury lamp",
            ]),
            (("A method of disinfecting water", "the method comprising", [
                "passing the water through an annular space around an ultraviolet lamp",
                "swirling the water with stationary helical vanes so that the water moves alternately toward and "
                "away from the lamp",
                "monitoring ultraviolet intensity and flow rate to determine a delivered dose"]),
             "method", [
                "further comprising increasing a power of the lamp when the delivered dose falls below a setpoint",
             ]),
        ],
    ),
    dict(
        key="w04", f="WATER", pub="2012-10", inv=["pruitt", "sandoval"], b1=True,
        title="Gravity-fed household water filter with a replaceable carbon block and a flow-indicating float",
        tf="filtering drinking water in the home",
        cpc=["C02F 1/003", "C02F 1/283", "C02F 2209/40", "C02F 2307/04"],
        cites=["w02?"],
        abstract=(
            "A countertop water filter has an upper reservoir into which untreated water is poured and a lower "
            "reservoir that collects filtered water. A replaceable cartridge with a compressed carbon block and a "
            "fine pleated prefilter is sealed between the two reservoirs. A float in a transparent tube beside the "
            "cartridge indicates the head of water remaining above the cartridge, and a scale marked on the tube "
            "converts the time needed for the level to fall between two marks into an estimate of the remaining "
            "cartridge capacity. The user is thus warned to replace the cartridge when the flow slows, rather than "
            "after a fixed period, which suits households with very different water quality."),
        bg=("Gravity filters are inexpensive and need no electricity, but their cartridges clog at rates that "
            "depend strongly on the local water, so replacement schedules based on time are often wrong."),
        summ=("Using the observable drainage rate as an indicator of clogging gives the user a simple, "
              "condition-based replacement signal."),
        det=[
            "As shown in FIG. 1, the filter #60 includes an upper reservoir #62, a lower reservoir #64, a cartridge "
            "#66 with a carbon block #68 and prefilter #70, and an indicator tube #72 with a float #74 and marks "
            "#76 and #78 separated by a head of 40 mm.",
            "With a new cartridge, the level dropped between the marks in 3 minutes. When the drop time exceeded 9 "
            "minutes, the flow had fallen to about one third of its initial value, and the scale of FIG. 6 "
            "indicated replacement.",
        ],
        claims=[
            (("A gravity-fed water filter", "comprising", [
                "an upper reservoir for receiving untreated water",
                "a lower reservoir for collecting filtered water",
                "a replaceable filter cartridge sealed between the upper reservoir and the lower reservoir and "
                "comprising a compressed activated carbon block",
                "a transparent indicator tube in fluid communication with the upper reservoir and containing a "
                "float",
                "a first mark and a second mark on the indicator tube and a scale relating a time for the float to "
                "move from the first mark to the second mark to a remaining capacity of the filter cartridge"]),
             "gravity-fed water filter", [
                "wherein the filter cartridge further comprises a pleated prefilter surrounding the carbon block",
                "wherein the first and second marks are separated by a head of 20 mm to 60 mm",
                "wherein the indicator tube is located beside the filter cartridge within the upper reservoir",
                "wherein the carbon block contains an ion-exchange resin for reducing lead",
                "wherein the lower reservoir has a dispensing tap",
            ]),
            (("A method of determining when to replace a filter cartridge of a gravity-fed water filter",
              "the method comprising", [
                "filling an upper reservoir of the filter with water",
                "measuring a time for a float in an indicator tube to descend between two marks",
                "replacing the filter cartridge when the measured time exceeds a value shown on a scale"]),
             "method", [
                "wherein the value corresponds to a flow rate of about one third of the flow rate of a new cartridge",
             ]),
        ],
    ),
    dict(
        key="w05", f="WATER", pub="2015-08", asg=[("lakeside", None)], inv=["osei", "brennan"], prov=True,
        title="Polyamide thin-film composite membrane with a grafted zwitterionic brush layer",
        tf="reverse osmosis and nanofiltration membranes that resist fouling",
        cpc=["B01D 69/125", "B01D 71/56", "B01D 67/0093", "B01D 61/025", "C02F 1/441", "B01D 2325/36"],
        cites=["w01!", "w02", "w03?"],
        abstract=(
            "A reverse osmosis membrane has a polyamide separation layer on whose surface a dense brush of "
            "zwitterionic polymer chains is grafted. The chains are grown by surface-initiated radical "
            "polymerization of sulfobetaine methacrylate from initiator groups attached to residual carboxylic "
            "acid groups of the polyamide, giving brushes 10 nm to 30 nm thick. The strongly hydrated brush hinders "
            "adsorption of proteins, polysaccharides and bacteria, while its thinness preserves most of the water "
            "permeance. In tests with wastewater effluent, the membrane lost markedly less flux than an unmodified "
            "membrane and recovered almost completely after a water rinse."),
        bg=("Polyamide membranes are prone to organic fouling and biofouling because foulants adhere to their rough, "
            "partly charged surfaces. Coatings that reduce fouling often add a thick layer that lowers the water "
            "permeance considerably."),
        summ=("Growing short, densely packed zwitterionic chains directly from the polyamide gives fouling "
              "resistance with a very thin modification layer."),
        det=[
            "FIG. 2 illustrates the membrane #80 with a support #82, a polysulfone layer #84, a polyamide layer #86, "
            "an initiator layer #88 and a brush #90. The initiator was attached by reacting the membrane with "
            "2-bromoisobutyryl bromide after activating carboxylic groups.",
            "Polymerization for 30 minutes produced a brush of 18 nm measured by ellipsometry on a model surface. "
            "The permeance decreased from 3.1 to 2.7 L/(m^{2}\u00b7h\u00b7bar), and the NaCl rejection remained "
            "99.3%. In a 72-hour test with sodium alginate, flux declined by 9% compared with 38% for the "
            "unmodified membrane, as shown in FIG. 4.",
        ],
        claims=[
            (("A composite membrane", "comprising", [
                "a porous support",
                "a polyamide separation layer on the porous support",
                "a layer of zwitterionic polymer chains covalently grafted from the polyamide separation layer, the "
                "layer having a thickness of 5 nm to 40 nm"]),
             "composite membrane", [
                "wherein the zwitterionic polymer comprises a polymer of sulfobetaine methacrylate",
                "wherein the zwitterionic polymer chains are attached to the polyamide via initiator groups bound to "
                "carboxylic acid groups of the polyamide",
                "having a sodium chloride rejection of at least 99%",
                "wherein the polyamide separation layer is a reaction product of m-phenylenediamine and trimesoyl "
                "chloride",
                "wherein a water permeance of the composite membrane is at least 80% of a water permeance of the "
                "membrane without the layer of zwitterionic polymer chains",
            ]),
            (("A method of modifying a polyamide membrane", "the method comprising", [
                "attaching a radical polymerization initiator to carboxylic acid groups at a surface of the "
                "polyamide",
                "polymerizing a zwitterionic monomer from the attached initiator to grow polymer chains"]),
             "method", [
                "wherein the polymerizing is atom transfer radical polymerization performed for 10 minutes to 60 "
                "minutes",
             ]),
        ],
    ),
    dict(
        key="w06", f="WATER", pub="2018-11", asg=[("clearwell", None)], inv=["ramos", "fitzgerald"],
        title="Reverse osmosis system with pressure exchanger flow balancing based on concentrate salinity",
        tf="energy-efficient operation of seawater reverse osmosis trains",
        cpc=["C02F 1/441", "B01D 61/06", "B01D 61/12", "B01D 61/025", "C02F 2209/05", "C02F 2103/08",
             "Y02A 20/131"],
        cites=["w01", "w05!"],
        abstract=(
            "A seawater reverse osmosis train uses a rotary pressure exchanger to transfer energy from the "
            "concentrate to part of the feed. Because a small amount of concentrate mixes into the pressurized feed "
            "inside the exchanger, the salinity entering the membranes rises when the flows are imbalanced. The "
            "controller measures the conductivity of the feed leaving the exchanger and of the raw seawater, "
            "calculates the mixing, and adjusts the speed of the booster pump so that the low-pressure outflow "
            "slightly exceeds the high-pressure inflow. The high-pressure pump set-point is then reduced to the "
            "minimum that still yields the target permeate flow. Specific energy consumption falls by several "
            "percent."),
        bg=("Rotary pressure exchangers recover most of the concentrate energy, but their performance depends on "
            "balanced flows. Operators usually set the flows manually, and the resulting mixing raises the osmotic "
            "pressure that the high-pressure pump must overcome."),
        summ=("Measuring salinity on both sides of the exchanger gives a direct indication of mixing that can be "
              "used to balance flows automatically."),
        det=[
            "Referring to FIG. 1, the train #100 includes a high-pressure pump #102, a pressure exchanger #104, a "
            "booster pump #106, pressure vessels #108, conductivity sensors #110 and #112 and a controller #114.",
            "The controller #114 computes the mixing as the relative increase in conductivity across the exchanger "
            "and keeps it between 2% and 3% by trimming the booster speed. Over a month of operation, the specific "
            "energy consumption was 2.41 kWh/m^{3} compared with 2.58 kWh/m^{3} with manual balancing.",
        ],
        claims=[
            (("A reverse osmosis system", "comprising", [
                "a high-pressure pump configured to deliver a first portion of feed water to reverse osmosis "
                "membranes",
                "a pressure exchanger configured to transfer pressure from a concentrate of the membranes to a second "
                "portion of feed water",
                "a booster pump downstream of the pressure exchanger",
                "a first conductivity sensor measuring feed water entering the pressure exchanger and a second "
                "conductivity sensor measuring the second portion leaving the pressure exchanger",
                "a controller configured to calculate a mixing rate from signals of the first and second "
                "conductivity sensors and to adjust a speed of the booster pump to keep the mixing rate within a "
                "range"]),
             "reverse osmosis system", [
                "wherein the range is 1% to 4%",
                "wherein the controller is further configured to reduce a pressure of the high-pressure pump to a "
                "minimum that maintains a target permeate flow",
                "wherein the pressure exchanger is a rotary pressure exchanger",
                "wherein the feed water is seawater",
                "further comprising a flow meter at a low-pressure outlet of the pressure exchanger",
                "wherein the controller calculates the mixing rate as a relative increase in conductivity of the "
                "second portion over the feed water",
                "further comprising a variable frequency drive for the high-pressure pump",
                "wherein the reverse osmosis membranes are arranged in pressure vessels each holding six to eight "
                "elements",
                "wherein the controller raises an alarm when the mixing rate cannot be kept within the range",
            ]),
            (("A method of operating a reverse osmosis system having a pressure exchanger", "the method comprising", [
                "measuring conductivity of water entering and leaving a high-pressure side of the pressure exchanger",
                "calculating a mixing rate from the measured conductivities",
                "adjusting a booster pump speed to keep the mixing rate within a range"]),
             "method", [
                "further comprising lowering a discharge pressure of a high-pressure pump while a permeate flow "
                "remains at or above a target",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a08", f="WATER", pub="2022-06", asg=[("clearwell", "CLEARWELL WATER TECHNOLOGIES, INC.")],
        inv=["nakamura", "ramos", "fitzgerald"],
        title="Flow-through capacitive deionization cell with ion-selective coated carbon electrodes",
        tf="removing salt from water by electrosorption",
        cpc=["C02F 1/4691", "C02F 2201/46115", "C02F 2103/08", "C02F 2209/05"],
        abstract=(
            "A capacitive deionization cell for brackish water has porous activated carbon electrodes through which "
            "water flows perpendicular to their faces. Each electrode is coated on the side facing the counter "
            "electrode with a thin ion-exchange polymer of the appropriate charge, so that co-ions are kept inside "
            "the electrode pores and charge efficiency is improved. During regeneration the polarity is not "
            "reversed; instead the cell is short-circuited and flushed with a small volume of water, which releases "
            "the stored salt as a concentrated stream. A controller ends each charging phase when the conductivity "
            "of the product water rises above a set value."),
        bg=("Capacitive deionization consumes little energy for low-salinity water, but conventional cells waste "
            "charge by expelling co-ions and have limited capacity when water flows only between the electrodes."),
        summ=("Flow through the electrodes and thin ion-selective coatings together raise salt capacity and charge "
              "efficiency."),
        det=[
            "The cell #240 of FIG. 1 includes current collectors #242, carbon electrodes #244 and #246, coatings "
            "#248 and #250, and a spacer #252. Water enters through the first electrode and leaves through the "
            "second.",
            "With 2,000 mg/L NaCl feed and a cell voltage of 1.2 V, product water of 480 mg/L was obtained with a "
            "charge efficiency of 0.86.",
        ],
        claims=[
            (("A capacitive deionization cell", "comprising", [
                "a first porous carbon electrode and a second porous carbon electrode",
                "a cation-exchange coating on a face of the first electrode facing the second electrode",
                "an anion-exchange coating on a face of the second electrode facing the first electrode",
                "a flow path directing water through the first and second electrodes in a direction perpendicular to "
                "their faces"]),
             "capacitive deionization cell", [
                "wherein each coating has a thickness of 1 µm to 20 µm",
                "further comprising a controller configured to short-circuit the electrodes for regeneration without "
                "reversing polarity",
                "wherein the controller ends a charging phase when a product water conductivity exceeds a set value",
            ]),
            (("A method of desalinating water", "the method comprising", [
                "passing water through coated porous carbon electrodes while applying a voltage",
                "short-circuiting the electrodes and flushing them to discharge a concentrate"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: agricultural machinery and precision farming
# --------------------------------------------------------------------------

FIELDS["AGRI"] = dict(
    name="Agricultural machinery and precision farming",
    area="agricultural machinery, in particular precision farming equipment for planting, tillage and crop care",
    uspc=["111200", "701 50", "172  4.5", "111185", "239155", "172  2", "111 69"],
    foreign=["DE", "EP", "WO", "FR"],
    bg=[
        "Row-crop planters meter seed from a hopper into a furrow opened by a pair of disks, firm the seed into the "
        "soil and close the furrow, at ground speeds that now reach 15 km/h or more. Uniform spacing and depth of "
        "the seeds strongly influence emergence and yield.",
        "Precision agriculture uses satellite positioning, sensors and maps to vary inputs such as seed, fertilizer "
        "and crop protection products within a field according to local conditions instead of treating the whole "
        "field alike.",
        "Soil conditions, residue cover and slope can change within a few meters, so an implement adjusted "
        "correctly at one spot may place seed too shallow or too deep, or compact the soil, at another spot in the "
        "same pass.",
        "Labor shortages and the wish to reduce herbicide use have increased interest in autonomous field machines "
        "that can weed, scout and spot spray with little supervision.",
    ],
    det=[
        "The tractor or carrier vehicle may be connected to the implement through a three-point hitch or a drawbar "
        "and may supply hydraulic power, electrical power and ISOBUS communication to it. A display in the cab lets "
        "the operator set target values and view as-applied maps.",
        "The position of the machine may be determined by a satellite navigation receiver using real-time kinematic "
        "corrections from a base station or a correction network, with an accuracy of about 2 cm, and an inertial "
        "measurement unit may compensate for roll and pitch of the antenna.",
        "Prescription maps may be derived from soil samples, yield maps of earlier seasons, aerial or satellite "
        "imagery and soil electrical conductivity surveys. The map divides the field into zones or cells, each with "
        "a target rate.",
        "Row units may be mounted on a toolbar at a row spacing of, for example, 38 cm, 51 cm or 76 cm. Each row unit "
        "may carry a seed meter, a seed tube or belt delivery system, depth gauge wheels, a downforce actuator and "
        "closing wheels.",
        "Field trials were carried out on silty clay loam soils with maize planted at target populations of 79,000 "
        "to 89,000 seeds per hectare, and spacing was measured by hand in randomly chosen row segments after "
        "emergence.",
        "The controller may be an electronic control unit with a microprocessor, memory and interfaces to sensors "
        "and actuators. It may run the control loops described herein at 10 Hz to 100 Hz and log data to removable "
        "storage or to a remote server.",
    ],
    figs=[
        "is a side view of a {n} according to an embodiment",
        "is a top view of the {n} of FIG. 1 attached to a tractor",
        "is a schematic diagram of a control system of the {n}",
        "is a flow chart of a control method performed by the {n}",
        "is a graph of results obtained in field trials",
        "is an enlarged perspective view of a component of the {n}",
        "illustrates a field map used by the {n}",
    ],
    npl_titles=[
        "Vacuum seed metering performance at high ground speed",
        "Real-time kinematic guidance for row-crop operations",
        "Canopy reflectance sensing for in-season nitrogen management",
        "Machine vision weed detection for intra-row control",
        "Active downforce control on row-crop planters",
        "Targeted spraying from unmanned aerial vehicles",
    ],
)

UTILITY += [
    dict(
        key="f01", f="AGRI", pub="2005-11", asg=[("bluestem", None)], inv=["lindqvist", "baumgartner"],
        title="Vacuum seed meter with a spring-loaded singulator that compensates for seed disk wear",
        tf="seed meters that use vacuum to hold seeds on a rotating disk",
        cpc=["A01C 7/046", "A01C 7/044", "A01C 7/102"],
        abstract=(
            "A vacuum seed meter for a row-crop planter has a rotating seed disk with a ring of apertures, a vacuum "
            "chamber behind the disk, and a singulator that removes extra seeds from each aperture. The singulator "
            "has three toothed fingers mounted on a carrier that pivots toward the disk under the force of a spring "
            "and rests against a wear pad riding on the disk face, so the distance between the fingers and the "
            "apertures stays constant as the disk and its housing wear. A knob adjusts the radial position of the "
            "carrier for different seed sizes without tools. The meter maintains a low rate of doubles and skips "
            "over a season of use."),
        bg=("As seed disks and meter housings wear, the gap between a fixed singulator and the disk changes, and "
            "the meter begins to deliver doubles or skips. Operators seldom notice the gradual change until the "
            "stand is already uneven."),
        summ=("Referencing the singulator directly to the face of the disk instead of to the housing keeps its "
              "setting constant regardless of wear."),
        det=[
            "As shown in FIG. 6, the meter #10 includes a housing #12, a seed disk #14 with apertures #16, a vacuum "
            "chamber #18 and a singulator #20. The singulator #20 has fingers #22, #24 and #26 on a carrier #28 that "
            "pivots about a pin #30 and is biased by a spring #32 against a wear pad #34 of ultra-high molecular "
            "weight polyethylene.",
            "In a laboratory stand test with a disk worn by 0.4 mm, the fraction of doubles was 1.2% with the "
            "spring-loaded singulator and 6.8% with a fixed singulator. Field trials showed a coefficient of "
            "variation of spacing of 18% at 10 km/h.",
        ],
        figs=["is a side view of a row unit including a seed meter according to an embodiment",
              "is an exploded view of the seed meter",
              "is a front view of a seed disk",
              "is a schematic diagram of a vacuum system of the planter",
              "is a graph of doubles and skips as a function of disk wear",
              "is an enlarged perspective view of the singulator"],
        claims=[
            (("A seed meter for a planter", "comprising", [
                "a housing",
                "a seed disk rotatably mounted in the housing and having a plurality of apertures arranged in a ring",
                "a vacuum chamber on a side of the seed disk for holding seeds against the apertures",
                ("a singulator comprising", [
                    "a carrier pivotably mounted relative to the housing",
                    "a plurality of fingers on the carrier positioned adjacent to a path of the apertures",
                    "a wear pad on the carrier contacting a face of the seed disk",
                    "a spring biasing the carrier toward the seed disk so that the wear pad remains in contact with "
                    "the face"])]),
             "seed meter", [
                "wherein the singulator comprises three fingers having toothed edges",
                "wherein the wear pad is made of ultra-high molecular weight polyethylene",
                "further comprising an adjustment knob for moving the carrier in a radial direction of the seed disk",
                "wherein the apertures have a diameter of 3 mm to 6 mm",
                "wherein the spring applies a force of 5 N to 20 N",
            ]),
            (("A method of singulating seeds", "the method comprising", [
                "holding seeds on apertures of a rotating seed disk by vacuum",
                "passing the seeds held on the apertures by fingers of a singulator whose position relative to the "
                "apertures is maintained by a wear pad biased against the seed disk",
                "releasing single seeds from the apertures into a delivery system"]),
             "method", [
                "wherein the seed disk rotates at a speed corresponding to a ground speed of at least 8 km/h",
             ]),
        ],
    ),
    dict(
        key="f02", f="AGRI", pub="2008-06", inv=["haugen"], b1=True,
        title="Tillage implement with hydraulic depth control responsive to draft load and soil moisture",
        tf="tillage implements whose working depth is controlled automatically",
        cpc=["A01B 63/111", "A01B 79/005", "A01B 71/02", "A01B 63/32"],
        cites=["f01?"],
        abstract=(
            "A field cultivator has gauge wheels whose height is set by hydraulic cylinders under the control of an "
            "electronic controller. Load pins in the hitch measure the draft force, and a capacitance probe on a "
            "shank measures soil moisture. When the draft per shank rises in heavy, wet soil, the controller raises "
            "the frame slightly so that the tractor is not overloaded and the soil is not smeared, but never above "
            "a minimum depth set by the operator; when the soil becomes lighter, the depth returns to the target. "
            "The implement thereby keeps a consistent seedbed while reducing fuel consumption and wheel slip."),
        bg=("A cultivator set to one depth for the whole field may overload the tractor on heavy soil and work "
            "wet patches too deeply, which leaves clods and a smeared layer that restricts roots."),
        summ=("Relating depth to measured draft and moisture, within limits chosen by the operator, adapts tillage "
              "to the soil actually encountered."),
        det=[
            "As shown in FIG. 1, the cultivator #40 includes a frame #42, shanks #44 with sweeps #46, gauge wheels "
            "#48 on cylinders #50, load pins #52 in the hitch #54, a moisture probe #56 and a controller #58.",
            "The controller #58 reduces the working depth by 1 cm for each 10% increase in draft per shank above a "
            "reference value, up to 4 cm, and by a further 1 cm when the moisture exceeds 30% by volume. In trials "
            "the fuel use per hectare decreased by 11%, as plotted in FIG. 5.",
        ],
        claims=[
            (("A tillage implement", "comprising", [
                "a frame carrying a plurality of tillage tools",
                "gauge wheels supporting the frame and hydraulic cylinders for adjusting a height of the frame "
                "relative to the gauge wheels",
                "a draft sensor configured to measure a draft force of the implement",
                "a soil moisture sensor mounted on the frame",
                "a controller configured to reduce a working depth of the tillage tools when the draft force or the "
                "soil moisture exceeds a reference and to restore the working depth when it falls below the "
                "reference, without reducing the working depth below an operator-selected minimum"]),
             "tillage implement", [
                "wherein the draft sensor comprises load pins in a hitch of the implement",
                "wherein the soil moisture sensor is a capacitance probe mounted on one of the tillage tools",
                "wherein the controller reduces the working depth by an amount proportional to an excess of the draft "
                "force per tool over the reference",
                "wherein the controller limits a total reduction of the working depth to 2 cm to 6 cm",
                "wherein the tillage tools are sweeps of a field cultivator",
            ]),
            (("A method of controlling a tillage implement", "the method comprising", [
                "measuring a draft force and a soil moisture during tillage",
                "reducing a working depth of the implement when the measured draft force or soil moisture exceeds a "
                "reference",
                "restoring the working depth when the measured values fall below the reference"]),
             "method", [
                "wherein the working depth is not reduced below a minimum selected by an operator",
             ]),
        ],
    ),
    dict(
        key="f03", f="AGRI", pub="2011-05", asg=[("bluestem", None)], inv=["hernandez", "lindqvist"],
        title="Guiding a planter along previously planted rows using an implement-mounted positioning receiver",
        tf="automatic steering of agricultural implements",
        cpc=["A01B 69/008", "A01B 69/004", "G05D 1/0278", "A01B 79/005", "G05D 2201/0201"],
        cites=["f01!", "f02?"],
        abstract=(
            "A planting system records the position of every row as it is planted using a satellite receiver "
            "mounted on the planter toolbar rather than on the tractor. When the field is later traversed for "
            "side-dressing or spraying, or when adjacent passes are planted, the tractor's automatic steering is "
            "combined with an active hitch that shifts the implement laterally so that the implement, not the "
            "tractor, follows the recorded rows. On slopes and curves, where the implement drifts relative to the "
            "tractor, the rows stay parallel and guess rows between passes keep their nominal width, which improves "
            "later operations and reduces crop damage."),
        bg=("Automatic steering keeps the tractor on its path, but a towed implement drifts downhill on slopes and "
            "cuts inside on curves, so the planted rows are not where the guidance line is, and the spacing between "
            "passes varies."),
        summ=("Measuring and controlling the position of the implement itself ties the recorded row map to the "
              "actual rows and allows later operations to follow them precisely."),
        det=[
            "As shown in FIG. 2, the system #60 includes a tractor receiver #62, an implement receiver #64 on the "
            "toolbar #66, a side-shift hitch #68 with a cylinder #70, a steering controller #72 and a row map store "
            "#74.",
            "The controller #72 computes the cross-track error of the implement relative to the recorded row and "
            "corrects it first with the side-shift hitch, within \u00b130 cm, and then by steering the tractor. On a "
            "field with 8% slopes the standard deviation of guess-row width decreased from 9.5 cm to 2.7 cm.",
        ],
        claims=[
            (("An agricultural guidance system", "comprising", [
                "a first satellite positioning receiver mounted on a tractor",
                "a second satellite positioning receiver mounted on an implement towed by the tractor",
                "a side-shift hitch configured to displace the implement laterally relative to the tractor",
                "a memory storing positions of rows recorded by the second receiver during planting",
                "a controller configured to determine a lateral error of the implement relative to a recorded row "
                "and to reduce the lateral error by actuating the side-shift hitch and by steering the tractor"]),
             "agricultural guidance system", [
                "wherein the controller first actuates the side-shift hitch and steers the tractor when the lateral "
                "error exceeds a range of the side-shift hitch",
                "wherein both receivers use real-time kinematic corrections",
                "wherein the implement is a planter and the recorded row positions are stored during planting",
                "wherein the controller uses the recorded row positions to guide a sprayer in a later operation",
                "further comprising a roll sensor on the implement for compensating the position of the second "
                "receiver",
            ]),
            (("A method of guiding an implement", "the method comprising", [
                "recording positions of planted rows with a receiver mounted on a planter",
                "during a subsequent pass, determining a lateral error of an implement relative to the recorded rows "
                "with a receiver mounted on the implement",
                "shifting the implement laterally relative to the tractor to reduce the lateral error"]),
             "method", [
                "wherein the subsequent pass is an adjacent planting pass",
             ]),
        ],
    ),
    dict(
        key="f04", f="AGRI", pub="2014-02", asg=[("bluestem", "Bluestem Agronomics Corp.")],
        inv=["hernandez", "baumgartner"],
        title="Variable-rate nitrogen application based on canopy reflectance and yield potential zones",
        tf="applying nitrogen fertilizer to growing crops at variable rates",
        cpc=["A01C 21/007", "A01C 23/007", "A01B 79/005", "G01N 21/31"],
        cites=["f03!", "f01?"],
        abstract=(
            "A sprayer for applying liquid nitrogen to a growing crop carries active canopy sensors that measure red "
            "edge and near-infrared reflectance and compute a vegetation index for the crop under each boom section. "
            "The index is normalized by the index of a well-fertilized reference strip in the same field. A "
            "controller combines the normalized index with the yield potential of the management zone, taken from a "
            "map of past yields, to compute a rate for each section, so that nitrogen is applied where the crop "
            "shows a deficit and can respond. Rates are limited when the canopy is too small to measure reliably."),
        bg=("Crop reflectance shows nitrogen stress, but a given reading means different things in zones of high "
            "and low yield potential, and rates derived from reflectance alone may waste nitrogen where the crop "
            "cannot use it."),
        summ=("Combining reflectance relative to a reference strip with zone-specific yield potential targets "
              "nitrogen to where it raises yield."),
        det=[
            "As shown in FIG. 2, the sprayer #80 includes a boom #82 divided into sections #84, each with a canopy "
            "sensor #86 and a flow control valve #88, a rate controller #90 and a map store #92 holding the "
            "management zones of FIG. 7.",
            "The rate for each section is calculated from the sufficiency index, the ratio of the section's index to "
            "that of the reference strip, and from a zone factor between 0.7 and 1.2. In trials on 14 fields, "
            "average nitrogen use fell by 22 kg/ha without a yield loss.",
        ],
        claims=[
            (("A system for applying nitrogen to a crop", "comprising", [
                "a boom having a plurality of sections, each section having a flow control valve",
                "a canopy sensor associated with each section and configured to measure reflectance of the crop",
                "a memory storing a map of yield potential zones of a field",
                "a controller configured to compute a sufficiency index for each section as a ratio of a vegetation "
                "index measured by its canopy sensor to a vegetation index of a reference strip, and to set a rate "
                "for each section based on the sufficiency index and the yield potential zone in which the section "
                "is located"]),
             "system", [
                "wherein the vegetation index is computed from red-edge and near-infrared reflectance",
                "wherein the controller limits the rate when the measured canopy cover is below a threshold",
                "wherein the yield potential zones are derived from yield maps of at least three previous seasons",
                "wherein the canopy sensors are active sensors with their own light source",
                "wherein the controller records an as-applied map",
            ]),
            (("A method of applying nitrogen", "the method comprising", [
                "measuring canopy reflectance of a crop under each section of a boom",
                "normalizing the measured reflectance by reflectance of a well-fertilized reference strip",
                "determining an application rate for each section from the normalized reflectance and a yield "
                "potential of a zone of the field",
                "applying nitrogen at the determined rates"]),
             "method", [
                "wherein the reference strip is fertilized at a rate at least 30% higher than the field average",
             ]),
        ],
    ),
    dict(
        key="f05", f="AGRI", pub="2017-05", asg=[("granary", None)], inv=["vandenberg", "dewit"], pct="NL",
        title="Autonomous weeding robot with a camera-guided intra-row hoe",
        tf="mechanical weed control in vegetable crops by autonomous machines",
        cpc=["A01B 39/18", "A01B 69/008", "A01B 79/005", "G05D 1/0246", "G05D 2201/0201"],
        cites=["f03", "f04?", "n03"],
        abstract=(
            "An autonomous weeding robot travels along beds of transplanted vegetables. A camera under a shroud "
            "with its own lighting images each row ahead of the hoes, and a neural network classifies crop plants "
            "and weeds and estimates the stem position of each crop plant. For every row, a pair of hoe blades moves "
            "into the row between crop plants to cut weeds and retracts around each crop stem, actuated by an "
            "electric linear motor whose timing is computed from the stem positions and the travel speed measured "
            "by wheel odometry. The robot steers by following the crop rows detected in the images, so it needs no "
            "satellite correction signal."),
        bg=("Weeds between crop plants in a row cannot be removed by conventional inter-row cultivators, and "
            "manual hoeing is expensive. Herbicides for many vegetable crops are limited or unavailable."),
        summ=("Locating each crop stem in images and moving hoe blades in and out of the row accordingly allows "
              "mechanical weeding within the row at practical speeds."),
        det=[
            "As shown in FIG. 1, the robot #100 includes a chassis #102 with four driven wheels #104, a shroud #106 "
            "housing cameras #108 and LED panels #110, hoe units #112 for each row, and a computer #114. Each hoe "
            "unit #112 has blades #116 and #118 moved by a linear motor #120.",
            "The network was trained on 60,000 annotated images of lettuce, celeriac and onion. At 3 km/h, 93% of "
            "weeds within the row were removed and 1.5% of crop plants were damaged, as shown in FIG. 5.",
        ],
        claims=[
            (("An autonomous weeding machine", "comprising", [
                "a chassis with driven wheels",
                "a camera configured to capture images of a crop row ahead of the machine",
                "a hoe unit having at least one blade movable into and out of the crop row by an actuator",
                ("a computer configured to", [
                    "detect crop plants in the images and estimate a stem position of each crop plant",
                    "compute times at which to move the blade out of the crop row based on the stem positions and a "
                    "travel speed of the machine",
                    "steer the chassis to follow the crop row detected in the images"])]),
             "autonomous weeding machine", [
                "wherein the actuator is an electric linear motor",
                "wherein the camera is located under a shroud together with artificial lighting",
                "wherein the computer uses a convolutional neural network to distinguish crop plants from weeds",
                "wherein the travel speed is measured by wheel odometry",
                "comprising a hoe unit for each of a plurality of crop rows",
            ]),
            (("A method of weeding a crop row", "the method comprising", [
                "capturing images of the crop row from a moving machine",
                "detecting stem positions of crop plants in the images",
                "moving a blade within the crop row between the crop plants and retracting the blade around each "
                "detected stem position"]),
             "method", [
                "wherein the blade is retracted at a distance of 2 cm to 5 cm from each stem",
             ]),
        ],
    ),
    dict(
        key="f06", f="AGRI", pub="2020-03", asg=[("bluestem", "Bluestem Agronomics Corp.")],
        inv=["baumgartner", "lindqvist", "hernandez"],
        title="Planter row unit with closed-loop hydraulic downforce based on gauge wheel load",
        tf="controlling the downforce applied to planter row units",
        cpc=["A01C 7/205", "A01C 5/064", "A01B 79/005", "A01C 7/203"],
        cites=["f01!", "f02", "f04?"],
        abstract=(
            "Each row unit of a planter has a double-acting hydraulic cylinder that adds or removes downforce, and a "
            "load sensor in the gauge wheel arm pivot that measures the load carried by the gauge wheels. A "
            "controller for each row keeps the gauge wheel load at a target margin that ensures full furrow depth "
            "without excessive compaction, updating the cylinder pressure twenty times per second. The target margin "
            "is raised automatically where the soil is harder, as indicated by the variability of the measured "
            "load, and row units on the wings and in wheel tracks can have different targets. Seeding depth is "
            "thereby kept uniform across changing soils."),
        bg=("Fixed downforce settings are either too light for hard soil, so that seed is placed shallow, or too "
            "heavy for soft soil, so that the sidewalls of the furrow are compacted. Soil hardness changes "
            "frequently across a field and even between rows in tractor wheel tracks."),
        summ=("Measuring the load on the gauge wheels of each row and controlling the cylinder in a fast closed "
              "loop keeps depth uniform without compaction."),
        det=[
            "As shown in FIG. 1, the row unit #130 includes a frame #132, parallel links #134, a cylinder #136, "
            "opening disks #138, gauge wheels #140 on arms #142, a load sensor #144 at the pivot #146, and closing "
            "wheels #148. A valve #150 controls the pressures in the cylinder chambers.",
            "The target margin is 400 N by default and increases to 700 N when the standard deviation of the load "
            "over the last second exceeds 150 N. In trials, the fraction of seeds within 1 cm of the target depth "
            "rose from 71% to 90%, as plotted in FIG. 5.",
        ],
        claims=[
            (("A row unit for a planter", "comprising", [
                "a frame connected to a toolbar by parallel links",
                "a furrow opener and gauge wheels supported by the frame",
                "a double-acting hydraulic cylinder between the toolbar and the frame",
                "a load sensor configured to measure a load carried by the gauge wheels",
                "a controller configured to adjust pressures in the hydraulic cylinder to keep the measured load at "
                "a target margin, and to increase the target margin when a variability of the measured load exceeds "
                "a threshold"]),
             "row unit", [
                "wherein the controller updates the pressures at least ten times per second",
                "wherein the load sensor is a strain gauge pin in a pivot of a gauge wheel arm",
                "wherein the target margin is 200 N to 1000 N",
                "wherein the controller uses a different target margin for a row unit running in a wheel track of "
                "the tractor",
                "wherein the variability is a standard deviation of the measured load over a time window of 0.5 "
                "seconds to 3 seconds",
            ]),
            (("A method of controlling downforce on a planter row unit", "the method comprising", [
                "measuring a load on gauge wheels of the row unit",
                "adjusting a hydraulic cylinder acting on the row unit to keep the load at a target margin",
                "raising the target margin when the measured load varies by more than a threshold"]),
             "method", [
                "wherein the adjusting is performed independently for each row unit of the planter",
             ]),
        ],
    ),
    dict(
        key="f07", f="AGRI", pub="2022-11", asg=[("granary", "Granary Automation BV")], inv=["jansen", "dewit"],
        title="Unmanned aerial vehicle for spot spraying with plant detection and drift compensation",
        tf="applying crop protection products from unmanned aircraft",
        cpc=["A01M 7/0089", "B64D 1/18", "B64C 39/024", "B64C 2201/12", "G06V 20/188"],
        cites=["f05!", "f04", "n06?"],
        abstract=(
            "A multirotor unmanned aircraft sprays herbicide only on detected weed patches. A downward camera "
            "captures images that an onboard processor classifies into crop, soil and weed regions, and the "
            "positions of weed patches are projected to the ground using the aircraft's altitude and attitude. A "
            "wind sensor on the aircraft measures the wind, and the processor computes where droplets released "
            "from each nozzle will land, opening the nozzles early or late and shifting the flight path so the "
            "spray lands on the patch. Rotor downwash is considered in the drift model. Herbicide use is reduced "
            "substantially compared with broadcast spraying."),
        bg=("Broadcast spraying treats the whole field although weeds often occur in patches. Spraying from drones "
            "is flexible, but droplets released from a height drift with the wind and the rotor downwash and can "
            "miss small targets."),
        summ=("Combining onboard weed detection with a drift model based on measured wind lets the aircraft hit "
              "small patches accurately."),
        det=[
            "As shown in FIG. 1, the aircraft #160 includes rotors #162, a tank #164, a boom #166 with nozzles #168 "
            "having individual solenoid valves, a camera #170, a wind sensor #172 and a processor #174.",
            "Flying at 3 m above the crop with a 2 m/s crosswind, the landing point of droplets shifts by about 0.8 "
            "m. With compensation, 91% of detected patches received the target dose, compared with 58% without, "
            "and herbicide use was 17% of a broadcast application.",
        ],
        claims=[
            (("An unmanned aerial vehicle for spraying", "comprising", [
                "a plurality of rotors",
                "a tank and a plurality of nozzles each having an individually controllable valve",
                "a camera directed downward",
                "a wind sensor",
                ("a processor configured to", [
                    "detect weed regions in images captured by the camera and determine their ground positions",
                    "predict landing positions of droplets released from each nozzle based on a wind measured by the "
                    "wind sensor and on downwash of the rotors",
                    "open the valve of a nozzle at a time at which the predicted landing position coincides with a "
                    "detected weed region"])]),
             "unmanned aerial vehicle", [
                "wherein the processor further shifts a flight path of the aerial vehicle upwind by an amount "
                "depending on the measured wind",
                "wherein the processor classifies image regions into crop, soil and weed with a neural network",
                "wherein the droplet landing positions are predicted using a droplet size of the nozzles",
                "wherein the aerial vehicle flies at a height of 1.5 m to 5 m above the crop while spraying",
                "wherein each nozzle is an electrostatic nozzle producing droplets with a median diameter of 150 µm "
                "to 400 µm",
            ]),
            (("A method of spot spraying with an unmanned aerial vehicle", "the method comprising", [
                "detecting weed regions from images captured during flight",
                "measuring wind at the aerial vehicle",
                "compensating a timing of nozzle valves for drift of droplets caused by the wind and by rotor "
                "downwash"]),
             "method", [
                "further comprising recording the sprayed positions as an application map",
             ]),
        ],
    ),
]

APPS += [
    dict(
        key="a09", f="ROBOT", pub="2024-02", asg=[("granary", "Granary Automation B.V.")],
        inv=["dewit", "vandenberg", "jansen"],
        title="Soft pneumatic gripper for harvesting fruit with a stem-cutting blade",
        tf="robotic end effectors for harvesting soft fruit",
        cpc=["B25J 15/12", "A01D 46/30", "B25J 15/0023", "B25J 9/1697"],
        abstract=(
            "An end effector for a harvesting robot has three soft fingers molded from silicone with internal "
            "chambers that bend the fingers inward when pressurized with air. The fingers close around a fruit such "
            "as a tomato or sweet pepper from below, and a thin rotating blade between two of the fingers cuts the "
            "stem once a camera in the palm confirms that the stem lies in the cutting slot. Pressure sensors in the "
            "finger chambers detect contact and limit the grip force, so the fruit is not bruised. The gripper "
            "handles fruit of widely varying size without adjustment."),
        bg=("Harvesting soft fruit by robot is difficult because fruit size and position vary, the stems must be "
            "cut cleanly and the fruit bruises easily."),
        summ=("Soft pneumatic fingers combined with a camera-confirmed cutting slot provide gentle grasping and a "
              "clean stem cut."),
        det=[
            "As shown in FIG. 1, the gripper #260 includes a palm #262, fingers #264, #266 and #268, a blade #270 "
            "with a motor #272, a camera #274 and a valve block #276.",
            "Tests with 1,200 tomatoes showed a detachment success of 92% and bruising of 1.1% of fruit.",
        ],
        claims=[
            (("An end effector for harvesting fruit", "comprising", [
                "a palm",
                "a plurality of soft fingers extending from the palm, each finger having an internal chamber such "
                "that pressurizing the chamber bends the finger inward",
                "a cutting slot between two of the fingers and a rotary blade arranged to cut a stem located in "
                "the cutting slot",
                "a camera in the palm configured to image the cutting slot"]),
             "end effector", [
                "wherein the soft fingers are made of silicone rubber",
                "further comprising pressure sensors configured to detect contact of the fingers with the fruit",
                "wherein the blade is operated only after the camera confirms that the stem is in the cutting slot",
            ]),
            (("A method of harvesting a fruit", "the method comprising", [
                "approaching the fruit from below with an end effector having soft pneumatic fingers",
                "closing the fingers around the fruit",
                "cutting a stem of the fruit with a blade after confirming its position with a camera"]),
             "method", []),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: semiconductor fabrication
# --------------------------------------------------------------------------

FIELDS["SEMI"] = dict(
    name="Semiconductor fabrication",
    area="the manufacture of semiconductor devices, in particular etching, deposition and patterning processes and "
         "the equipment that performs them",
    uspc=["438706", "438710", "438778", "156345.24", "438424", "430313", "438714"],
    foreign=["KR", "JP", "DE", "WO"],
    bg=[
        "Integrated circuits are built by repeatedly depositing thin films on a semiconductor wafer, patterning "
        "them by photolithography and removing material selectively by etching. As feature sizes shrink, the "
        "tolerances on film thickness, critical dimensions and profile angles become tighter.",
        "Plasma etching uses reactive species generated in a low-pressure gas discharge, together with ion "
        "bombardment, to remove material anisotropically. Etch rate, selectivity and profile depend on the gas "
        "chemistry, pressure, power and wafer temperature, and they drift as deposits build up on the chamber walls.",
        "The resolution of optical lithography is limited by the wavelength of the exposure light and the numerical "
        "aperture of the projection lens. Techniques that split a layout into several exposures or that use "
        "sidewall spacers make pitches possible that a single exposure cannot print.",
        "Process tools are expensive, and wafers carry considerable value by the time they reach advanced steps, so "
        "an excursion that goes unnoticed until final test can scrap many wafers. Fabs therefore monitor tools and "
        "processes in real time wherever they can.",
    ],
    det=[
        "The substrate may be a bulk silicon wafer of 200 mm or 300 mm diameter, a silicon-on-insulator wafer, or a "
        "wafer of germanium, silicon germanium, silicon carbide or a III\u2013V compound semiconductor, on which "
        "devices such as transistors may already have been formed in earlier steps.",
        "The plasma chamber may be an inductively coupled chamber with a coil above a dielectric window or a "
        "capacitively coupled chamber with parallel-plate electrodes. Radio-frequency power at 13.56 MHz, 2 MHz or "
        "60 MHz may be applied to the source and to the wafer support, at chamber pressures of about 1 mTorr to "
        "about 500 mTorr.",
        "Dielectric layers described herein may be deposited by thermal chemical vapor deposition, plasma-enhanced "
        "chemical vapor deposition, atomic layer deposition or spin-on coating. Silicon oxide may be deposited from "
        "tetraethyl orthosilicate or from silane and oxygen, and silicon nitride from silane or dichlorosilane and "
        "ammonia.",
        "The photoresist may be a chemically amplified resist for 248 nm or 193 nm exposure. A bottom antireflective "
        "coating may lie under the resist, and a hard mask of silicon nitride, silicon oxynitride or amorphous "
        "carbon may be used to transfer the pattern into thicker layers below.",
        "The controller of the processing system may include a processor, memory and input/output interfaces and "
        "may execute recipes specifying gas flows, pressures, powers, temperatures and step times. Sensor signals "
        "may be sampled at 10 Hz or faster and stored for statistical process control.",
        "Profiles and dimensions were evaluated by cross-sectional scanning electron microscopy and by "
        "critical-dimension scanning electron microscopy at several sites on each wafer, and film thicknesses "
        "were measured by spectroscopic ellipsometry.",
    ],
    figs=[
        "is a cross-sectional view of a semiconductor structure at a stage of a {n} according to an embodiment",
        "is a cross-sectional view of the structure of FIG. 1 at a subsequent stage",
        "is a cross-sectional view of the structure at a further stage",
        "is a flow chart of the {n}",
        "is a schematic diagram of a processing apparatus for performing the {n}",
        "is a graph of measured data obtained with the {n}",
        "is a plan view of a wafer showing measurement sites",
    ],
    npl_titles=[
        "Optical emission endpoint detection for low open-area etches",
        "Void-free trench fill by deposition\u2013etch\u2013deposition sequences",
        "Resist trimming for sub-resolution gate patterning",
        "Atomic layer deposition of hafnium\u2013zirconium oxide gate dielectrics",
        "Particle generation by wafer lift pins in etch chambers",
        "Spacer thickness control in self-aligned double patterning",
    ],
)

UTILITY += [
    dict(
        key="s01", f="SEMI", pub="2005-04", asg=[("hanbit", None)], inv=["kimsh", "leehe"],
        title="Shallow trench isolation fill using a two-step high-density plasma deposition and etch-back",
        tf="forming isolation regions between transistors",
        cpc=["H01L 21/76224", "H01L 21/31116", "H01L 21/02164", "H01L 21/02274"],
        abstract=(
            "A method of filling isolation trenches with high aspect ratio deposits a first silicon oxide layer by "
            "high-density plasma chemical vapor deposition at a low ratio of deposition to sputtering, which forms "
            "an overhang-free liner on the trench bottom and sidewalls but leaves the trench partially open. A "
            "fluorine-based etch-back performed in the same chamber removes the cusps at the trench entrance and "
            "thins the oxide on the sidewalls more than at the bottom. A second deposition at a higher "
            "deposition-to-sputtering ratio then completes the fill without voids. Because all steps occur in a "
            "single chamber without breaking vacuum, throughput remains high and the trench corners are not "
            "damaged."),
        bg=("As trenches become narrower and deeper, oxide deposited by high-density plasma tends to form "
            "overhangs at the trench entrance that close before the trench is filled, leaving voids that later "
            "cause leakage and defects."),
        summ=("Interrupting the deposition with an in-situ etch-back that reopens the trench entrance allows void-free "
              "fill of trenches with aspect ratios above four."),
        det=[
            "FIG. 1 shows a substrate #10 with a pad oxide #12, a nitride mask #14 and trenches #16 with a width of "
            "90 nm and a depth of 400 nm. FIG. 2 shows the first oxide layer #18 after deposition with a "
            "deposition-to-sputter ratio of 4, and FIG. 3 shows the layer after the etch-back with NF_{3} and "
            "helium, which reduced the sidewall thickness by 60%.",
            "The second oxide layer #20 was deposited with a ratio of 7 to a total thickness of 600 nm above the "
            "active areas. Cross sections of 40 trenches showed no voids, whereas single-step deposition produced "
            "voids in 35 of 40 trenches.",
        ],
        claims=[
            (("A method of forming a trench isolation structure", "the method comprising", [
                "forming a trench in a semiconductor substrate",
                "depositing a first silicon oxide layer in the trench by high-density plasma chemical vapor "
                "deposition at a first ratio of deposition rate to sputtering rate",
                "etching back the first silicon oxide layer with a fluorine-containing plasma to remove oxide "
                "overhanging an entrance of the trench",
                "depositing a second silicon oxide layer by high-density plasma chemical vapor deposition at a second "
                "ratio of deposition rate to sputtering rate higher than the first ratio to fill the trench",
                "wherein the depositing of the first layer, the etching back and the depositing of the second layer "
                "are performed in one chamber without breaking vacuum"]),
             "method", [
                "wherein the first ratio is 3 to 5 and the second ratio is 6 to 10",
                "wherein the fluorine-containing plasma comprises NF_{3} diluted with helium",
                "wherein the etching back reduces a thickness of the first silicon oxide layer on sidewalls of the "
                "trench by 40% to 80%",
                "wherein the trench has an aspect ratio of at least 4",
                "further comprising planarizing the second silicon oxide layer by chemical mechanical polishing",
            ]),
            (("A method of filling a gap between features on a substrate", "the method comprising", [
                "depositing a first dielectric layer in the gap by a process that combines deposition and sputtering",
                "removing a portion of the first dielectric layer at an entrance of the gap by in-situ etching",
                "depositing a second dielectric layer to fill the gap"]),
             "method", [
                "wherein the depositing, removing and depositing are repeated until the gap is filled",
             ]),
        ],
    ),
    dict(
        key="s02", f="SEMI", pub="2006-12", asg=[("hanbit", None)], inv=["chodw", "kimsh"],
        title="Plasma etch endpoint detection using principal components of optical emission spectra",
        tf="determining when a plasma etching step should be stopped",
        cpc=["H01J 37/32972", "H01J 37/32935", "H01L 21/3065", "H01L 22/26"],
        cites=["s01?"], figs=6,
        abstract=(
            "An endpoint detection method for plasma etching records full optical emission spectra of the plasma "
            "through a window in the chamber wall. During a learning phase, spectra from several wafers are "
            "collected, normalized by total intensity and decomposed into principal components; the component whose "
            "score changes most strongly at the known endpoints is selected. During production, each new spectrum is "
            "projected onto the selected component, and the endpoint is called when the score's rate of change "
            "exceeds a threshold after filtering. Because the method uses the combined information of many "
            "wavelengths, it detects the endpoint reliably even when the open area of the etched layer is below one "
            "percent."),
        bg=("Conventional endpoint detection follows the intensity of one or two emission lines. When only a "
            "small fraction of the wafer is exposed, as in contact etches, the change of a single line at endpoint "
            "is lost in noise."),
        summ=("Projecting the whole spectrum onto a learned component concentrates the small endpoint signal "
              "spread over many wavelengths into one robust trace."),
        det=[
            "As shown in FIG. 1, the etching system #30 has a chamber #32, a window #34, a fiber #36, a spectrometer "
            "#38 with 1024 channels from 200 nm to 850 nm, and a computer #40 that executes the method of FIG. 4.",
            "Spectra were acquired every 100 ms. With 0.6% open area, the signal-to-noise ratio of the component "
            "score at endpoint was 14, compared with 2.5 for the CO line at 483.5 nm, and endpoints were detected "
            "within 0.5 s of the values determined from cross sections.",
        ],
        claims=[
            (("A method of detecting an endpoint of a plasma etching process", "the method comprising", [
                "acquiring optical emission spectra of a plasma during etching of a plurality of learning wafers",
                "normalizing the spectra and determining principal components of the normalized spectra",
                "selecting a principal component whose score changes most at known endpoints of the learning wafers",
                "during etching of a production wafer, projecting each acquired spectrum onto the selected principal "
                "component to obtain a score",
                "determining the endpoint when a filtered rate of change of the score exceeds a threshold"]),
             "method", [
                "wherein each spectrum is normalized by its total intensity",
                "wherein the spectra cover a wavelength range of at least 200 nm to 800 nm",
                "wherein the spectra are acquired at intervals of 50 ms to 500 ms",
                "wherein an open area of the layer being etched is less than 2% of the wafer area",
                "further comprising updating the selected principal component using spectra of production wafers",
            ]),
            (("A plasma etching apparatus", "comprising", [
                "a process chamber having a viewing window",
                "a spectrometer optically coupled to the viewing window",
                "a computer configured to project spectra from the spectrometer onto a stored principal component and "
                "to stop the etching when a rate of change of the projection exceeds a threshold"]),
             "plasma etching apparatus", [
                "wherein the spectrometer has at least 512 channels",
             ]),
        ],
    ),
    dict(
        key="s03", f="SEMI", pub="2008-10", asg=[("hanbit", None)], inv=["parkmj", "leehe"],
        title="Method of forming fine patterns by photoresist trimming and sidewall spacer transfer",
        tf="patterning features smaller than the resolution of the lithography tool",
        cpc=["H01L 21/0337", "H01L 21/0274", "H01L 21/31144", "H01L 21/3086"],
        cites=["s01!", "s02?"],
        abstract=(
            "Lines with half the pitch that a lithography tool can print are formed on a wafer. Photoresist lines "
            "are printed at the minimum pitch and trimmed isotropically in an oxygen plasma to about one quarter of "
            "the pitch. The trimmed lines pattern a sacrificial carbon layer, and a conformal oxide film deposited "
            "over the carbon lines is etched anisotropically to leave spacers on their sidewalls. After the carbon "
            "is removed, the spacers form a mask with twice the density of the original lines, which is transferred "
            "into a hard mask and then into the target layer. Trimming before spacer formation allows the spacer "
            "pitch to be uniform."),
        bg=("Double exposure methods require precise overlay between two lithography steps, and errors in overlay "
            "translate directly into variations of pitch."),
        summ=("Forming spacers on trimmed sacrificial lines produces a doubled line density from a single exposure, "
              "so no overlay between exposures is involved."),
        det=[
            "FIG. 1 shows a substrate #50 with a target layer #52, a hard mask #54, a carbon layer #56, an "
            "antireflective layer #58 and resist lines #60 at a pitch of 120 nm. In FIG. 2 the resist lines have "
            "been trimmed to 30 nm, and in FIG. 3 spacers #62 of 30 nm have been formed on carbon lines #64.",
            "After removal of the carbon lines #64 in an oxygen plasma, the spacers #62 form lines at a pitch of 60 "
            "nm. The critical dimension uniformity was 2.1 nm (3\u03c3) across the wafer, as plotted in FIG. 6.",
        ],
        claims=[
            (("A method of forming a pattern", "the method comprising", [
                "forming a sacrificial layer over a target layer",
                "forming photoresist lines at a first pitch over the sacrificial layer",
                "trimming the photoresist lines isotropically to a width of 20% to 30% of the first pitch",
                "etching the sacrificial layer using the trimmed photoresist lines as a mask to form sacrificial lines",
                "forming spacers on sidewalls of the sacrificial lines by depositing a conformal film and etching it "
                "anisotropically",
                "removing the sacrificial lines and transferring a pattern of the spacers into the target layer"]),
             "method", [
                "wherein the sacrificial layer is an amorphous carbon layer",
                "wherein the conformal film is silicon oxide deposited by atomic layer deposition",
                "wherein the trimming is performed in a plasma containing oxygen",
                "wherein a thickness of the conformal film is substantially equal to the width of the trimmed "
                "photoresist lines",
                "wherein the pattern of the spacers has a second pitch equal to half of the first pitch",
            ]),
            (("A method of doubling a line density of a lithographic pattern", "the method comprising", [
                "printing lines at a minimum pitch of a lithography tool",
                "trimming the lines and transferring them into sacrificial lines",
                "forming spacers on the sacrificial lines and removing the sacrificial lines"]),
             "method", [
                "wherein the spacers are used to pattern gate electrodes of transistors",
             ]),
        ],
    ),
    dict(
        key="s04", f="SEMI", pub="2010-11", asg=[("lakeside", "LAKESIDE INSTITUTE OF TECHNOLOGY")],
        inv=["zhouy", "brennan"], prov=True,
        title="Atomic layer deposition of a hafnium zirconium oxide gate dielectric with in-situ nitrogen incorporation",
        tf="high-permittivity gate dielectrics for transistors",
        cpc=["H01L 21/0228", "H01L 21/02181", "H01L 21/02189", "C23C 16/45525", "H01L 21/28194"],
        cites=["s01", "s03?"],
        abstract=(
            "A gate dielectric is formed by atomic layer deposition of alternating hafnium oxide and zirconium oxide "
            "cycles in a ratio of about three to one, with an exposure to a remote nitrogen plasma after every fifth "
            "cycle. The nitrogen is incorporated near the top of each group of cycles, where it blocks diffusion of "
            "boron and oxygen, but is kept away from the interface with the silicon channel, where it would degrade "
            "mobility. A post-deposition anneal at 700\u00b0 C. crystallizes the film into a mixed tetragonal phase "
            "with a higher permittivity than hafnium oxide alone. Transistors with the dielectric show lower gate "
            "leakage and smaller threshold voltage shifts."),
        bg=("Hafnium oxide reduces gate leakage compared with silicon dioxide of the same capacitance, but it "
            "crystallizes at low temperatures, permits oxygen diffusion that regrows the interfacial layer, and "
            "suffers charge trapping."),
        summ=("Mixing zirconium into the film raises its permittivity, and placing nitrogen only in its upper "
              "parts improves stability without harming the channel."),
        det=[
            "In the process of FIG. 4, the substrate with a chemical oxide of 0.6 nm is heated to 300\u00b0 C. Each "
            "hafnium cycle uses tetrakis(ethylmethylamino)hafnium and water, each zirconium cycle the corresponding "
            "zirconium precursor and water, and every fifth cycle is followed by 10 s of remote N_{2} plasma.",
            "A film of 2.5 nm had an equivalent oxide thickness of 0.95 nm and a gate leakage of 2\u00d710^{\u22122} "
            "A/cm^{2} at 1 V, compared with 0.3 A/cm^{2} for a hafnium oxide film of equal equivalent thickness.",
        ],
        claims=[
            (("A method of forming a gate dielectric", "the method comprising", [
                "providing a semiconductor substrate having an interfacial oxide layer",
                "performing a plurality of atomic layer deposition cycles of hafnium oxide and zirconium oxide at a "
                "ratio of hafnium oxide cycles to zirconium oxide cycles of 2:1 to 4:1",
                "exposing the deposited film to a nitrogen plasma after every group of a predetermined number of "
                "cycles, the first exposure occurring after at least three cycles",
                "annealing the film to crystallize it"]),
             "method", [
                "wherein the predetermined number is four to six",
                "wherein the nitrogen plasma is a remote plasma",
                "wherein the annealing is performed at 600\u00b0 C. to 800\u00b0 C.",
                "wherein the gate dielectric has a thickness of 1.5 nm to 3.5 nm",
                "wherein the atomic layer deposition cycles are performed at a substrate temperature of 250\u00b0 C. "
                "to 350\u00b0 C.",
            ]),
            (("A transistor", "comprising", [
                "a channel region",
                "a gate dielectric on the channel region comprising hafnium, zirconium and oxygen and containing "
                "nitrogen at a concentration that is higher in an upper portion than adjacent to the channel region",
                "a gate electrode on the gate dielectric"]),
             "transistor", [
                "wherein the gate dielectric has a tetragonal crystal phase",
             ]),
        ],
    ),
    dict(
        key="s05", f="SEMI", pub="2013-09", asg=[("hanbit", "Hanbit Semiconductor Co., Ltd.")],
        inv=["chodw", "parkmj"],
        title="Wafer support with sapphire-tipped lift pins and particle-trapping guide sleeves",
        tf="substrate supports with lift pins in plasma processing chambers",
        cpc=["H01L 21/68742", "H01L 21/6831", "H01J 37/32715", "H01J 2237/334"],
        cites=["s02!", "s04?"],
        abstract=(
            "A substrate support for a plasma chamber has lift pins that pass through holes in an electrostatic "
            "chuck to raise and lower wafers. Each pin has a tip of single-crystal sapphire bonded to a ceramic "
            "shaft, and the pin slides in a guide sleeve of polyimide that is inserted in the hole. The sleeve has "
            "internal circumferential grooves that collect particles generated by friction and keep them from "
            "reaching the wafer backside, and a vent path below the grooves connects to the chamber exhaust. The "
            "smooth sapphire tips do not scratch the wafer or shed particles, and the sleeves can be replaced during "
            "routine maintenance. Backside particle counts are greatly reduced."),
        bg=("Lift pins rub against the walls of their holes when they move, and the particles produced can land on "
            "the backside of wafers and be carried to lithography tools, where they cause focus errors."),
        summ=("Hard, smooth pin tips and sleeves that trap and vent particles address both the source and the "
              "transport of lift pin particles."),
        det=[
            "As shown in FIG. 2, the support #70 includes a base #72, a chuck #74 with holes #76, lift pins #78 each "
            "having a sapphire tip #80 and an alumina shaft #82, guide sleeves #84 with grooves #86, and a vent "
            "channel #88 leading to the exhaust.",
            "After 5,000 lift cycles, the number of particles larger than 0.1 µm on wafer backsides averaged 85 "
            "per wafer, versus 1,450 with conventional alumina pins, as shown in FIG. 5.",
        ],
        figs=["is a schematic cross-sectional view of a plasma processing chamber",
              "is an enlarged cross-sectional view of a lift pin in a substrate support",
              "is a perspective view of a guide sleeve",
              "is a flow chart of a maintenance procedure",
              "is a graph of backside particle counts versus number of lift cycles"],
        claims=[
            (("A substrate support for a processing chamber", "comprising", [
                "a base and an electrostatic chuck on the base, the electrostatic chuck having a plurality of lift "
                "pin holes",
                "a guide sleeve disposed in each lift pin hole and having a plurality of internal circumferential "
                "grooves",
                "a lift pin slidably received in each guide sleeve, the lift pin having a shaft and a tip of "
                "single-crystal sapphire",
                "a vent path connecting an interior of each guide sleeve below the grooves to an exhaust of the "
                "processing chamber"]),
             "substrate support", [
                "wherein the guide sleeve is made of polyimide",
                "wherein the shaft is made of alumina",
                "wherein the tip has a surface roughness Ra of less than 0.05 µm",
                "wherein the guide sleeve is removable from the lift pin hole from above",
                "wherein the grooves have a depth of 0.2 mm to 0.5 mm",
            ]),
            (("A plasma processing apparatus", "comprising", [
                "a chamber",
                "a substrate support in the chamber including lift pins with sapphire tips sliding in grooved guide "
                "sleeves that are vented to an exhaust of the chamber"]),
             "plasma processing apparatus", [
                "further comprising a lift mechanism that raises the lift pins at a speed of 1 mm/s to 5 mm/s",
             ]),
        ],
    ),
    dict(
        key="s06", f="SEMI", pub="2016-02", div="s03", disclaimer=True, asg=[("hanbit", "HANBIT SEMICONDUCTOR CO., LTD.")],
        inv=["parkmj", "leehe", "kimsh"],
        title="Self-aligned double patterning method with a spacer thickness correction step",
        tf="spacer-based multiple patterning of semiconductor devices",
        cpc=["H01L 21/0337", "H01L 21/0338", "H01L 21/31144", "H01L 21/32139"],
        cites=["s03!", "s04", "s05?"],
        abstract=(
            "In a self-aligned double patterning process, the width of the sacrificial mandrel lines is measured by "
            "optical scatterometry on each wafer after they are etched. A controller compares the measured width "
            "with the target and adjusts the number of cycles of the subsequent atomic layer deposition of the "
            "spacer film so that the sum of the mandrel width and two spacer widths remains equal to the design "
            "pitch. Variations in mandrel width caused by lithography or etching are thus compensated wafer by "
            "wafer, and the spaces between lines formed by the spacers remain uniform. The method reduces the pitch "
            "walking that otherwise results from mandrel variations."),
        bg=("In spacer-based double patterning, every second space is defined by the mandrel width and the others "
            "by the spacing between mandrels minus two spacer widths, so any mandrel width error causes alternate "
            "spaces to differ, an effect known as pitch walking."),
        summ=("Feeding measured mandrel widths forward to the spacer deposition corrects pitch walking before it is "
              "locked into the pattern."),
        det=[
            "FIG. 5 shows the processing system #90 including a scatterometer #92, a controller #94 and a deposition "
            "tool #96. The controller #94 computes the spacer thickness t = (P \u2212 w)/2, where P is the target "
            "pitch and w the measured mandrel width, and converts t into a cycle count using the growth per cycle "
            "of 0.11 nm.",
            "Across 25 wafers with mandrel widths deliberately varied by \u00b13 nm, pitch walking after correction "
            "was below 0.6 nm, compared with up to 3.2 nm without correction, as plotted in FIG. 6.",
        ],
        claims=[
            (("A method of forming a pattern", "the method comprising", [
                "forming mandrel lines over a target layer",
                "measuring a width of the mandrel lines",
                "determining a number of atomic layer deposition cycles for a spacer film based on the measured width "
                "and a target pitch",
                "depositing the spacer film over the mandrel lines using the determined number of cycles",
                "etching the spacer film anisotropically to form spacers and removing the mandrel lines",
                "transferring a pattern of the spacers into the target layer"]),
             "method", [
                "wherein the width is measured by optical scatterometry",
                "wherein the number of cycles is determined such that the measured width plus twice a thickness of "
                "the spacer film equals the target pitch",
                "wherein the measuring is performed on each wafer",
                "wherein the mandrel lines are formed by trimming photoresist lines and etching a sacrificial layer",
                "wherein the spacer film is silicon oxide or silicon nitride",
            ]),
            (("A processing system", "comprising", [
                "a metrology tool configured to measure a width of mandrel lines on a wafer",
                "a deposition tool configured to deposit a spacer film by atomic layer deposition",
                "a controller configured to set a number of deposition cycles of the deposition tool for the wafer "
                "based on the measured width"]),
             "processing system", [
                "wherein the controller stores a growth per cycle of the spacer film and updates it from thickness "
                "measurements",
             ]),
        ],
    ),
]


# --------------------------------------------------------------------------
# field: robotics
# --------------------------------------------------------------------------

FIELDS["ROBOT"] = dict(
    name="Robotics",
    area="robotics, in particular robot manipulators and grippers and the control of robots that handle objects or "
         "work near people",
    uspc=["700245", "700259", "901 30", "294185", "414730", "700253", "901 47"],
    foreign=["DE", "JP", "EP", "WO"],
    bg=[
        "Industrial robots weld, paint, assemble, tend machines and handle material. Traditionally they repeat "
        "taught paths inside fenced cells, which works well as long as parts arrive at known positions and in "
        "known orientations.",
        "Many handling tasks in logistics and small-batch manufacturing involve objects whose position, "
        "orientation, shape and weight change from one cycle to the next. Robots performing such tasks need sensors "
        "such as cameras and force sensors, and control methods that adapt the motion to what the sensors report.",
        "Collaborative robots share their workspace with people. Safety standards for such robots define operating "
        "modes including safety-rated monitored stop, hand guiding, speed and separation monitoring, and power and "
        "force limiting.",
        "Grippers must hold objects securely without damaging them. Suction grippers handle flat, smooth items well, "
        "whereas fingered grippers handle irregular items but need more precise positioning, so many systems offer "
        "interchangeable or hybrid end effectors.",
    ],
    det=[
        "The manipulator may be an articulated arm with six or seven rotary joints, a SCARA robot, a delta robot or a "
        "Cartesian gantry. Each joint may be driven by a servo motor through a reduction gear such as a strain wave "
        "gear or a cycloidal gear and may include an encoder and a brake.",
        "The robot controller may include a motion planner, a trajectory generator and joint servo loops running at "
        "1 kHz or faster, and it may communicate with cameras, safety devices and a programmable logic controller "
        "over an industrial Ethernet network.",
        "Cameras may be mounted above the workspace or on the wrist of the robot. A stereo camera or a "
        "structured-light sensor may supply a depth image, and the transformation between the camera frame and the "
        "robot base frame is obtained by a hand\u2013eye calibration.",
        "A force\u2013torque sensor may be arranged between the robot flange and the end effector to measure three "
        "forces and three moments. Its signals may be filtered and compensated for the weight of the end effector "
        "before they are used for control.",
        "The embodiments were tested with a mixed set of items including boxes, pouches, bottles, blister packs and "
        "loose machined parts presented in totes in random poses, and the cycle time and the rate of failed picks "
        "were recorded over several thousand attempts.",
        "Functions of the controller may be implemented in software executed by a general-purpose processor, in "
        "programmable logic or in dedicated circuits. Safety-related functions may run on a separate safety "
        "controller with redundant channels.",
    ],
    figs=[
        "is a perspective view of a robot system including a {n} according to an embodiment",
        "is a block diagram of a controller of the robot system",
        "is a flow chart of a method performed by the robot system",
        "is an enlarged side view of an end effector",
        "illustrates an image captured by a camera of the robot system",
        "is a graph of sensor signals recorded during operation",
        "is a top view of a work cell in which the robot system operates",
    ],
    npl_titles=[
        "Seal detection for suction cups from vacuum flow signatures",
        "Spiral search strategies for force-controlled peg insertion",
        "Grasp candidate scoring in cluttered bins from depth images",
        "Speed and separation monitoring with arm-mounted range sensors",
        "Learning manipulation skills from kinesthetic demonstration",
        "Whole-body motion of mobile manipulators for shelf picking",
    ],
)

UTILITY += [
    dict(
        key="r01", f="ROBOT", pub="2006-10", asg=[("kestrel", None)], inv=["hoffmann", "demir"],
        title="Vacuum gripper with individually valved suction cups and seal detection",
        tf="suction grippers for handling articles with robots",
        cpc=["B25J 15/0616", "B65G 47/91", "B25J 15/0052", "B25J 19/0029"],
        abstract=(
            "A vacuum gripper for a robot has an array of suction cups, each connected to a common vacuum manifold "
            "through its own valve and its own flow sensor. When the gripper is placed on an article, the controller "
            "observes the air flow through each cup during the first tens of milliseconds and closes the valves of "
            "cups whose flow remains high, because those cups have not sealed against the article. The vacuum "
            "generator is thus not wasted on leaking cups, and the holding force of the sealed cups is maintained. "
            "The pattern of sealed cups is also reported to the robot controller, which uses it to check that the "
            "article has been gripped as intended before moving."),
        bg=("When a multi-cup gripper picks an article smaller than the gripper or one with an uneven surface, "
            "some cups do not seal. The air drawn in through those cups reduces the vacuum in all cups, and the "
            "article may be dropped."),
        summ=("Detecting unsealed cups from their individual flow and shutting them off preserves vacuum for the "
              "cups that hold the article."),
        det=[
            "As shown in FIG. 4, the gripper #10 includes a plate #12 carrying sixteen suction cups #14, a manifold "
            "#16 connected to an ejector #18, and for each cup a solenoid valve #20 and a thermal flow sensor #22. "
            "A gripper controller #24 reads the flow sensors every 2 ms.",
            "A cup is considered sealed when its flow falls below 20% of the open-cup flow within 60 ms after contact. "
            "With a carton covering six of the sixteen cups, the manifold vacuum reached \u221265 kPa with the "
            "leaking cups closed, compared with \u221218 kPa without valves.",
        ],
        claims=[
            (("A vacuum gripper for a robot", "comprising", [
                "a plurality of suction cups",
                "a vacuum manifold connected to a vacuum source",
                "for each suction cup, a valve between the suction cup and the manifold and a flow sensor measuring "
                "an air flow through the suction cup",
                "a controller configured to close the valve of each suction cup whose measured air flow exceeds a "
                "threshold at a predetermined time after the gripper contacts an article"]),
             "vacuum gripper", [
                "wherein the predetermined time is 20 ms to 200 ms",
                "wherein the threshold is 10% to 40% of an air flow through an unobstructed suction cup",
                "wherein the controller reports a pattern of sealed suction cups to a robot controller",
                "wherein the vacuum source is an ejector operated by compressed air",
                "wherein the flow sensors are thermal flow sensors",
            ]),
            (("A method of gripping an article with a vacuum gripper", "the method comprising", [
                "placing a gripper having a plurality of suction cups on the article",
                "measuring an air flow through each suction cup",
                "closing a valve of each suction cup whose air flow indicates that it has not sealed against the "
                "article"]),
             "method", [
                "further comprising releasing the article and repeating the placing when fewer than a minimum number "
                "of suction cups have sealed",
             ]),
        ],
    ),
    dict(
        key="r02", f="ROBOT", pub="2012-08", asg=[("kestrel", "Kestrel Robotics G.m.b.H.")], inv=["novak", "hoffmann"],
        title="Force-controlled insertion of pegs using spiral search and contact state classification",
        tf="robotic assembly by inserting parts into holes with small clearance",
        cpc=["B25J 9/1633", "B25J 9/1687", "B25J 13/085", "G05B 2219/40032"],
        cites=["r01?"],
        abstract=(
            "A robot inserts a peg into a hole with a clearance smaller than its positioning accuracy. It presses "
            "the peg against the surface near the expected hole position with a constant force while moving in an "
            "outward spiral, and classifies the contact state continuously from the forces, moments and the vertical "
            "position measured by a wrist force sensor. When the peg drops partly into the hole, detected by a step "
            "in the vertical position, the robot switches to an insertion mode in which lateral forces are regulated "
            "to zero by admittance control and moments are used to correct the tilt. Jamming is detected from the "
            "ratio of lateral to axial forces and relieved by a small retraction."),
        bg=("Parts with tight tolerances cannot be inserted reliably by position control alone, because small "
            "errors in the position of the part or the fixture cause jamming or damage. Manual tuning of search "
            "patterns for each part is time consuming."),
        summ=("Combining a force-controlled spiral search with automatic recognition of contact states makes "
              "insertion robust without part-specific programming."),
        det=[
            "The robot #30 of FIG. 1 carries a force\u2013torque sensor #32 and a gripper #34 holding a peg #36 above a "
            "fixture #38 with a hole #40. The search applies 10 N downward while moving along a spiral with a pitch of "
            "0.5 mm at 5 mm/s.",
            "A drop of more than 0.3 mm triggers the insertion mode. For a 10 mm peg with 20 µm clearance, 498 of 500 "
            "insertions succeeded with a mean time of 3.1 s, as plotted in FIG. 6.",
        ],
        claims=[
            (("A method of inserting a peg into a hole with a robot", "the method comprising", [
                "pressing the peg against a surface around the hole with a predetermined force while moving the peg "
                "along a spiral path",
                "detecting that the peg has partly entered the hole from a change in a position of the peg along an "
                "insertion axis",
                "switching to an insertion mode in which lateral forces measured by a force sensor are regulated "
                "toward zero by admittance control while the peg is advanced along the insertion axis",
                "detecting jamming from a ratio of lateral force to axial force and retracting the peg by a small "
                "distance when jamming is detected"]),
             "method", [
                "wherein the predetermined force is 5 N to 20 N",
                "wherein the spiral path has a pitch smaller than a clearance between the peg and the hole plus a "
                "chamfer width",
                "wherein the change in position is a drop of at least 0.2 mm",
                "further comprising correcting a tilt of the peg based on moments measured by the force sensor",
                "wherein the force sensor is a six-axis sensor between a robot flange and a gripper",
            ]),
            (("A robot system", "comprising", [
                "a robot arm with a gripper",
                "a force\u2013torque sensor between the robot arm and the gripper",
                "a controller configured to perform a force-controlled spiral search for a hole, to detect entry into "
                "the hole from a change of position, and to insert a part under admittance control"]),
             "robot system", [
                "wherein the controller classifies contact states using the measured forces, moments and position",
             ]),
        ],
    ),
    dict(
        key="r03", f="ROBOT", pub="2016-09", asg=[("kestrel", None)], inv=["demir", "weissenberg", "hoffmann"],
        title="Bin picking with grasp candidate scoring from depth images",
        tf="picking randomly placed objects from containers with a robot",
        cpc=["B25J 9/1697", "B25J 9/1612", "G05B 2219/40053", "G05B 2219/39543"],
        cites=["r01!", "r02", "n02?"], figs=7,
        abstract=(
            "A robot picks parts lying randomly in a bin without needing a model of each part. A depth camera above "
            "the bin captures a point cloud, and grasp candidates are generated by sampling points on the surface "
            "and computing the approach direction from the local surface normal. Each candidate is scored by "
            "checking that the gripper fits in the surrounding free space, that the local surface is flat enough "
            "for a suction cup or wide enough for fingers, and that the candidate is not close to the bin wall, and "
            "by a learned term that predicts success from a depth patch. The robot executes the highest-scoring "
            "reachable candidate and updates the learned term from the outcome."),
        bg=("Bin picking systems that rely on matching a model of the part to the point cloud need a model for "
            "every part and fail when parts are entangled or partly hidden."),
        summ=("Scoring grasps directly on the measured surface, with geometric checks and a learned success "
              "predictor, removes the need for part models."),
        det=[
            "The robot system #50 of FIG. 1 includes a robot #52, a depth camera #54 above a bin #56, a hybrid "
            "gripper #58 with a suction cup #60 and two fingers #62, and a computer #64. FIG. 5 shows candidates "
            "#66 drawn on an image of the bin.",
            "The computer #64 samples 2,000 candidates per image and evaluates them on a graphics processor in 80 "
            "ms. Over 10,000 picks of mixed machined parts, the success rate was 94.2% with a cycle time of 6.5 s.",
        ],
        claims=[
            (("A robot system for picking objects from a bin", "comprising", [
                "a robot arm having a gripper",
                "a depth camera arranged to capture a depth image of the bin",
                ("a computer configured to", [
                    "generate grasp candidates by sampling points of a surface represented by the depth image and "
                    "computing an approach direction for each point from a local surface normal",
                    "compute a score for each grasp candidate from a clearance of the gripper in free space around "
                    "the point, a flatness or width of the local surface, a distance to a wall of the bin, and a "
                    "predicted success probability output by a learned model from a depth patch around the point",
                    "control the robot arm to execute the grasp candidate having the highest score among reachable "
                    "candidates"])]),
             "robot system", [
                "wherein the computer updates the learned model based on whether the executed grasp succeeded",
                "wherein the gripper comprises a suction cup and two fingers, and the score depends on which of them "
                "is used",
                "wherein the computer generates at least 1,000 grasp candidates per depth image",
                "wherein the computer does not use a model of the objects",
                "wherein the depth camera is a structured-light camera",
            ]),
            (("A method of picking an object from a bin", "the method comprising", [
                "capturing a depth image of the bin",
                "generating grasp candidates from points and surface normals of the depth image",
                "scoring the grasp candidates with geometric criteria and a learned success predictor",
                "executing the highest-scoring reachable grasp candidate with a robot"]),
             "method", [
                "further comprising retraining the learned success predictor with outcomes of executed grasps",
             ]),
        ],
    ),
    dict(
        key="r04", f="ROBOT", pub="2018-09", asg=[("lodestar", None)], inv=["reyes", "kowalski"],
        title="Mobile manipulator with coordinated base and arm motion for picking from shelves",
        tf="mobile robots that carry a manipulator arm",
        cpc=["B25J 5/007", "B25J 9/162", "B25J 9/1664", "G05D 1/0274"],
        cites=["r03!", "v03?"],
        abstract=(
            "A mobile manipulator for warehouses has a wheeled base and a six-axis arm. Instead of stopping the base "
            "in front of a shelf and then moving the arm, a whole-body planner computes joint trajectories for the "
            "arm and base together, so that the base keeps moving slowly while the arm reaches into the shelf and "
            "the gripper moves in a straight line relative to the shelf. A manipulability term in the planner "
            "keeps the arm away from singular configurations, and the base is positioned so that the next pick "
            "location can also be reached. The robot completes consecutive picks along an aisle faster and with "
            "less energy than with stop-and-go operation."),
        bg=("Mobile manipulators usually alternate between driving and manipulating. Each stop costs time for "
            "deceleration, settling and acceleration, and the base is often parked in a position that is poor for "
            "the arm."),
        summ=("Planning base and arm motion jointly allows the robot to pick while moving and to choose base "
              "positions that suit the arm."),
        det=[
            "As shown in FIG. 1, the mobile manipulator #70 includes a base #72 with omnidirectional wheels #74, an "
            "arm #76, a gripper #78, a lidar #80 for localization and a wrist camera #82. The planner #84 of FIG. 2 "
            "solves a quadratic program over nine degrees of freedom every 10 ms.",
            "In an aisle with picks spaced 1.2 m apart, the average time per pick was 7.4 s with coordinated motion "
            "and 11.9 s with stop-and-go operation, as plotted in FIG. 6.",
        ],
        claims=[
            (("A mobile manipulation system", "comprising", [
                "a mobile base having driven wheels",
                "a manipulator arm mounted on the mobile base and having a gripper",
                ("a controller configured to", [
                    "compute combined trajectories for joints of the manipulator arm and for the mobile base such "
                    "that the gripper follows a path defined relative to a shelf while the mobile base is moving",
                    "include in the computation a term that increases a manipulability of the manipulator arm",
                    "select a position of the mobile base at the end of a pick such that a next pick location is "
                    "within reach"])]),
             "mobile manipulation system", [
                "wherein the driven wheels are omnidirectional wheels",
                "wherein the controller solves a quadratic program at intervals of 20 ms or less",
                "wherein a speed of the mobile base during a pick is limited to 0.3 m/s",
                "further comprising a wrist camera used to correct the path relative to the shelf",
                "wherein the combined trajectories respect joint limits and a minimum distance to the shelf",
            ]),
            (("A method of picking items from shelves with a mobile manipulator", "the method comprising", [
                "moving a mobile base along an aisle",
                "while the mobile base is moving, moving a manipulator arm so that a gripper reaches an item on a "
                "shelf along a path defined relative to the shelf",
                "grasping the item and retracting the arm without stopping the mobile base"]),
             "method", [
                "wherein the motions of the mobile base and of the manipulator arm are computed jointly",
             ]),
        ],
    ),
    dict(
        key="r05", f="ROBOT", pub="2020-09", asg=[("kestrel", None)], inv=["weissenberg", "novak"],
        title="Speed and separation monitoring using time-of-flight sensors mounted on the robot arm",
        tf="safety of robots that work near people",
        cpc=["B25J 9/1676", "B25J 19/06", "F16P 3/142", "G05B 2219/40202", "B25J 19/022"],
        cites=["r02", "r04!", "v03?"],
        abstract=(
            "A collaborative robot carries rings of time-of-flight distance sensors on its upper arm and forearm. "
            "A safety controller compares the distances measured by each sensor with the distances expected from "
            "the robot's own geometry and the known static environment, and attributes shorter distances to "
            "intruding objects such as a person. From the closest intrusion and the current robot velocity, the "
            "controller computes the protective separation distance and reduces the robot speed so that the robot "
            "can always stop before contact. Because the sensors move with the arm, they monitor exactly the space "
            "the arm is entering, and no external sensors or fences are needed."),
        bg=("Speed and separation monitoring usually relies on laser scanners or cameras fixed in the cell, which "
            "are occluded by the robot and by workpieces and must be set up for each installation."),
        summ=("Sensors on the moving links look where the robot is going and can distinguish intrusions from the "
              "robot's own body and from fixed objects."),
        det=[
            "The robot #90 of FIG. 1 has sensor rings #92 and #94, each with eight sensors #96 of 27\u00b0 field of "
            "view and 2 m range, connected to a safety controller #98 with two channels. The expected distances are "
            "computed from a geometric model of the robot and cell.",
            "The speed limit is computed every 4 ms from the protective separation distance including the stopping "
            "distance of the robot. In tests with a test body approaching at 1.6 m/s, the robot stopped with a "
            "minimum clearance of 85 mm.",
        ],
        claims=[
            (("A robot system", "comprising", [
                "a robot arm having a plurality of links",
                "a plurality of time-of-flight distance sensors mounted on at least one of the links and directed "
                "outward",
                ("a safety controller configured to", [
                    "compute, for each sensor, an expected distance from a geometric model of the robot arm and of a "
                    "static environment",
                    "detect an intrusion when a measured distance is shorter than the expected distance by more than "
                    "a tolerance",
                    "limit a speed of the robot arm so that a distance to the closest intrusion exceeds a protective "
                    "separation distance that depends on the speed"])]),
             "robot system", [
                "wherein the sensors are arranged in rings around an upper arm and a forearm of the robot arm",
                "wherein the safety controller has two redundant channels",
                "wherein the protective separation distance includes a stopping distance of the robot arm at its "
                "current speed",
                "wherein the safety controller stops the robot arm when an intrusion is detected within a minimum "
                "distance",
                "wherein each sensor has a range of at least 1.5 m",
            ]),
            (("A method of monitoring a robot", "the method comprising", [
                "measuring distances with sensors mounted on moving links of the robot",
                "comparing the measured distances with distances expected from a model of the robot and its "
                "environment to detect intrusions",
                "reducing a speed of the robot according to a distance to the closest intrusion"]),
             "method", [
                "wherein the measuring and comparing are repeated at intervals of 10 ms or less",
             ]),
        ],
    ),
    dict(
        key="r06", f="ROBOT", pub="2023-08", asg=[("kestrel", "KESTREL ROBOTICS GMBH")],
        inv=["hoffmann", "demir", "novak"],
        title="Learning manipulation skills from kinesthetic demonstration with force profiles",
        tf="programming robots by demonstration",
        cpc=["B25J 9/163", "B25J 9/161", "B25J 9/1633", "G05B 2219/36433"],
        cites=["r02!", "r03", "r05", "n06?"],
        abstract=(
            "An operator teaches a robot a contact-rich task, such as snapping a connector or wiping a surface, by "
            "guiding the arm by hand several times. The robot records poses, velocities and the forces measured by "
            "a wrist sensor. The demonstrations are aligned in time and segmented into phases at changes in contact "
            "state, and for each phase a probabilistic model of pose and force is learned together with its "
            "variability. During execution, an impedance controller tracks the mean pose with a stiffness that is "
            "high where the demonstrations agreed and low where they varied, and a force term reproduces the "
            "demonstrated force profile. The learned skill adapts to new part positions found by a camera."),
        bg=("Programming contact tasks requires specifying forces and stiffnesses in addition to positions, which "
            "calls for expert knowledge. Demonstrations by hand are intuitive but never identical."),
        summ=("Treating the variability of several demonstrations as information about where precision matters "
              "allows the robot to choose its stiffness automatically."),
        det=[
            "As shown in FIG. 3, the learning module #110 includes a recorder #112, an aligner #114 using dynamic "
            "time warping, a segmenter #116, a model builder #118 and an execution controller #120.",
            "From five demonstrations of inserting a latched connector, the robot reproduced the task with a "
            "success rate of 97% over 300 trials, and the peak insertion force matched the demonstrated 32 N within "
            "3 N, as plotted in FIG. 6.",
        ],
        claims=[
            (("A method of teaching a task to a robot", "the method comprising", [
                "recording poses of an end effector and forces measured by a force sensor during a plurality of "
                "demonstrations in which an operator guides the robot by hand",
                "aligning the demonstrations in time and segmenting them into phases at changes of contact state",
                "for each phase, learning a model of a mean and a variability of the pose and of the force",
                "executing the task with an impedance controller whose stiffness in each direction decreases with "
                "the learned variability of the pose and which applies a force following the learned force"]),
             "method", [
                "wherein the aligning uses dynamic time warping",
                "wherein the model is a Gaussian mixture model",
                "wherein at least three demonstrations are recorded",
                "further comprising adapting the learned poses to a position of a part detected by a camera",
                "wherein the changes of contact state are detected from changes in the measured force exceeding a "
                "threshold",
            ]),
            (("A robot system", "comprising", [
                "a robot arm that can be guided by hand",
                "a force sensor at a wrist of the robot arm",
                "a controller configured to learn a task from a plurality of hand-guided demonstrations and to "
                "execute it with a stiffness chosen according to variability among the demonstrations"]),
             "robot system", [
                "wherein the controller displays the segmented phases to the operator for confirmation",
             ]),
        ],
    ),
]

DESIGNS += [
    dict(
        key="d01", pub="2012-10", asg=[("kestrel", None)], inv=["weissenberg", "hoffmann"], exam_field="DESIGN",
        title="Gripper finger pad", article="a gripper finger pad", locarno=("9", "1599"), uspc=["D15199"],
        cites=["r01", "r02?"],
        figs=["is a front perspective view of a gripper finger pad showing our new design",
              "is a rear perspective view thereof",
              "is a front elevation view thereof",
              "is a rear elevation view thereof",
              "is a left side elevation view thereof, the right side being a mirror image",
              "is a top plan view thereof",
              "is a bottom plan view thereof"],
        notes=["The broken lines in the drawings show portions of the gripper finger pad that form no part of the "
               "claimed design."],
    ),
    dict(
        key="d02", pub="2021-03", asg=[("clearwell", "Clearwell Water Technologies Inc.")],
        inv=["nakamura", "fitzgerald"], exam_field="DESIGN",
        title="Water filter cartridge", article="a water filter cartridge", locarno=("13", "2301"),
        uspc=["D23209"], cites=["w04?", "w06"],
        figs=["is a perspective view of a water filter cartridge showing our new design",
              "is a front elevation view thereof",
              "is a rear elevation view thereof",
              "is a right side elevation view thereof",
              "is a left side elevation view thereof",
              "is a top plan view thereof",
              "is a bottom plan view thereof",
              "is a cross-sectional view taken along line 8-8 of FIG. 2"],
        notes=["The portions of the water filter cartridge shown in broken lines, including the threaded collar, "
               "are for illustrative purposes only and form no part of the claimed design.",
               "The appearance of the cartridge is the same whether it is used with or without a prefilter sleeve."],
    ),
]

REISSUES += [
    dict(
        key="e01", orig="r03", pub="2019-06", pta=0,
        title="Bin picking with grasp candidate scoring from depth images",
        added_claims=[
            "wherein the computer excludes grasp candidates whose approach direction deviates from vertical by more "
            "than a limit that depends on a depth of the point below a rim of the bin",
            "wherein the learned model is a convolutional neural network that receives a depth patch of 32 by 32 "
            "pixels",
            "wherein the computer selects among grasp candidates of the suction cup and of the fingers according to "
            "a local curvature of the surface",
        ],
        cites=["r01!", "r02", "r03!", "r04", "n03?"],
    ),
]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
