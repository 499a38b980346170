"""Shared by scripts/fit-power-model and scripts/bench-estimate: CPU name matching against
CodeCarbon's TDP table and the CPU generation/segment of a SPECpower CPU name.

The matching is the same as Sources/Energy/Estimate/TDPLookup.swift (keep them in step): a
name is lower-cased, trademarks, "CPU", "Processor", "N-Core", clock speeds and anything after
"@" or in parentheses dropped, and split into tokens ("e3-1240v2" becomes "e3-1240", "v2");
an entry matches when all its tokens are in the name; the entry with most tokens wins. Entries
without a digit (bare family names) never match. When none matches, an entry with the name's model
number does (TDPTable.by_model_number).

The segments are Sources/Energy/Machine/CPUGeneration.swift's.
"""
import csv
import re

DATA = "../shared/data/power/"
NOISE = {"cpu", "processor", "core", "with", "radeon", "graphics"}


def tokens(name):
    s = name.lower()
    for t in ("(r)", "(tm)", "®", "™"):
        s = s.replace(t, " ")
    s = re.sub(r"@.*", "", s)
    s = re.sub(r"\(.*?\)", " ", s)
    out = []
    for t in re.split(r"[\s,]+", s):
        if not t or t in NOISE or re.fullmatch(r"[\d.]+ghz|\d+-core|\d+-bit|\d+c", t):
            continue
        t = t.replace("+", "")
        m = re.fullmatch(r"(.*\d)(v\d|he|ee|se)", t)
        out += [m.group(1), m.group(2)] if m else [t]
    return out


VENDORS = {"intel", "amd"}


def model_number(toks):
    """The model number of a name's tokens: those with a digit and the suffixes split from them
    ("v2", "he"), joined, without punctuation or the leading letters of a series ("x5675" → "5675",
    "d-2776nt" → "2776nt", "e3-1265l" "v2" → "31265lv2"); "" when none."""
    parts = [t for i, t in enumerate(toks) if re.search(r"[0-9]", t)
             or (i > 0 and re.fullmatch(r"v[0-9]|he|ee|se", t) and re.search(r"[0-9]", toks[i - 1]))]
    return re.sub(r"^[a-z]+", "", re.sub(r"[^a-z0-9]", "", "".join(parts)))


class TDPTable:
    def __init__(self, path=DATA + "codecarbon_cpu_tdp.csv"):
        self.entries = []
        self.numbers = []  # each entry's model_number
        with open(path) as f:
            for r in csv.DictReader(f):
                try:
                    w = float(r["tdp_watts"])
                except ValueError:
                    continue
                t = tokens(r["cpu_model"])
                if w > 0 and any(re.search(r"\d", x) for x in t):
                    self.entries.append((set(t), len(t), w, r["cpu_model"]))
                    self.numbers.append(model_number(t))

    def lookup(self, name, fuzzy=True):
        """(TDP W, table name) or None: every token of an entry in the name, else (fuzzy) the model number alone."""
        q = tokens(name)
        qs = set(q)
        best = None
        for s, n, w, m in self.entries:
            if s <= qs and (best is None or n > best[1]):
                best = (s, n, w, m)
        if best:
            return best[2], best[3]
        return self.by_model_number(q) if fuzzy else None

    def by_model_number(self, q):
        """The fallback: an entry with the name's model number, of the same vendor when both name one,
        sharing a token with it ("Intel Xeon 8480+" is "Intel Xeon Platinum 8480+", "Intel Xeon-D 2776NT"
        is "Intel Xeon D-2776NT", "E3-1265LV2" is "E3-1265L v2"); of several, those sharing most tokens;
        None when there is none or those disagree on TDP."""
        key = model_number(q)
        if not key:
            return None
        qs = set(q)
        vendor = qs & VENDORS
        hits = [(len(s & qs), w, m) for (s, _, w, m), number in zip(self.entries, self.numbers)
                if number == key and not (vendor and (s & VENDORS) and not (s & vendor))
                and s & qs]
        if not hits:
            return None
        top = max(h[0] for h in hits)
        best = [h for h in hits if h[0] == top]
        return (best[0][1], best[0][2]) if len({h[1] for h in best}) == 1 else None


def generation(name):
    """CPU generation from a marketing name (SPECpower's names carry no family/model numbers)."""
    n = name.lower()
    if "epyc" in n:
        m = re.search(r"epyc\s+(\d)\d\d(\d)", n)
        if m and m.group(1) == "7":
            return {"1": "zen1", "2": "zen2", "3": "zen3"}.get(m.group(2), "zen3")
        if m:
            return {"4": "zen4", "5": "zen5"}.get(m.group(2), "zen4")
        return "zen3"
    if "opteron" in n:
        return "opteron"
    m = re.search(r"(platinum|gold|silver|bronze)\s*\d(\d)", n)
    if m:
        return {"1": "skylake-sp", "2": "cascade-lake", "3": "ice-lake-sp", "4": "sapphire-rapids",
                "5": "emerald-rapids"}.get(m.group(2), "sapphire-rapids")
    if re.search(r"xeon\s*6\d{3}", n):
        return "granite-rapids"
    if re.search(r"e[57]-\d{4}[a-z]*\s*v4", n):
        return "broadwell"
    if re.search(r"e[57]-\d{4}[a-z]*\s*v3", n):
        return "haswell"
    if re.search(r"e[57]-\d{4}[a-z]*\s*v2", n):
        return "ivy-bridge"
    if re.search(r"e[57]-\d{4}", n):
        return "sandy-bridge"
    if re.search(r"e3-\d{4}|xeon\s*e\s*e?-\d{4}|xeon-?\s*d|core|pentium|celeron|atom|ryzen|xeon\s*w-", n):
        return "client"
    if re.search(r"[xlew][57][56]\d\d|[xlew]3[4-6]\d\d", n):
        return "nehalem"
    return "core2"


SEGMENT = {
    "zen1": "server2017", "zen2": "server2017", "zen3": "server2017", "zen4": "server2017", "zen5": "server2017",
    "skylake-sp": "server2017", "cascade-lake": "server2017", "ice-lake-sp": "server2017",
    "sapphire-rapids": "server2017", "emerald-rapids": "server2017", "granite-rapids": "server2017",
    "sandy-bridge": "server2012", "ivy-bridge": "server2012", "haswell": "server2012", "broadwell": "server2012",
    "nehalem": "server2009", "opteron": "server2009",
    "client": "client", "core2": "legacy",
}


def segment(name):
    return SEGMENT[generation(name)]


def memory_gb(row):
    """A SPECpower summary row's installed memory, GB. From 2015 on, a value under 8 is in TB: SPEC's
    summary gives "1" or "2" for the TB of 8-socket and multi-node machines (Fujitsu CX2560 M6, HPE
    Synergy 480 Gen10 Plus), and of the results of 2015–2022 the smallest otherwise has 16 GB."""
    gb = float(row["memory_gb"])
    return gb * 1024 if gb < 8 and int(row["year"]) >= 2015 else gb


def wall_generation(name, hit):
    """The wall regressions' generation key of a CPU: its name's, else (a name that says nothing,
    generation() falling through to core2) the TDP table entry's it matched, as
    CPUPowerModel.make does with CPUGeneration.fitKey."""
    g = generation(name)
    return generation(hit[1]) if g == "core2" and hit else g


def percentile(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def weighted_line(xs, ys):
    """Least squares y = a·x + c minimising squared relative error (weights 1/y): (a, c)."""
    sw = sxx = sx = sy = sxy = 0.0
    for x, y in zip(xs, ys):
        w = 1.0 / (y * y)
        sw += w
        sx += w * x
        sy += w * y
        sxx += w * x * x
        sxy += w * x * y
    det = sw * sxx - sx * sx
    a = (sw * sxy - sx * sy) / det
    c = (sy - a * sx) / sw
    return a, c


def solve(xtx, xty):
    """Gaussian elimination for a small normal-equation system."""
    n = len(xty)
    m = [row[:] + [xty[i]] for i, row in enumerate(xtx)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(m[r][i]))
        m[i], m[p] = m[p], m[i]
        for r in range(n):
            if r != i:
                f = m[r][i] / m[i][i]
                m[r] = [a - f * b for a, b in zip(m[r], m[i])]
    return [m[i][n] / m[i][i] for i in range(n)]


def weighted_lstsq(rows, ys):
    """Least squares ys ≈ rows·β minimising squared relative error."""
    k = len(rows[0])
    xtx = [[0.0] * k for _ in range(k)]
    xty = [0.0] * k
    for x, y in zip(rows, ys):
        w = 1.0 / (y * y)
        for i in range(k):
            xty[i] += w * x[i] * y
            for j in range(k):
                xtx[i][j] += w * x[i] * x[j]
    return solve(xtx, xty)
