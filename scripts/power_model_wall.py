"""The wall scope's idle and full-load watts: chosen and fitted by scripts/fit-power-model.

A server's wall watts at idle and at 100 % are each a regression on what joule can know of a
machine (TDP × chips from CodeCarbon's table, installed memory, hardware threads, chips), times
a factor for the CPU's generation. Which regression is chosen by a rule fixed before looking at
the test set's figures, on the training years only:

  candidates  form    linear (relative-error least squares, refined toward least absolute
                      relative error) or log-linear (least squares on log watts)
              inputs  TDP·chips | + memory | + memory, threads | + memory, chips
              since   results published from 2007 | 2012 | 2015 on
              k       the generation factor's shrinkage toward 1 (0 | 5 | 20 pseudo-servers)
  selection   fit each on the training rows published before 2020, score it by mean absolute
              percentage error on those of 2020–2022 (a time split, as the real test is one),
              keep the best, refit it on every row before 2023.

The generation factor is the geometric mean of the chosen regression's measured/predicted ratio
over the generation's training servers, shrunk toward 1 by k pseudo-servers. A generation
absent from the training years (Sapphire Rapids and later, Zen 5) takes the factor of its
vendor's latest generation that is present: a new part is judged by its predecessor.

Training rows: specpower_ssj2008_idle_max_ccf.csv published before 2023 (the test set is the
rows of 2023 on, scripts/bench-estimate's wall check; nothing here reads them).
"""
import csv
import math
import statistics

from power_model_common import DATA, generation, solve

FORMS = ["linear", "log"]
INPUTS = {"tdp": ["tdp"], "tdp+memory": ["tdp", "gb"], "tdp+memory+threads": ["tdp", "gb", "threads"],
          "tdp+memory+chips": ["tdp", "gb", "chips"]}
SINCE = [2007, 2012, 2015]
SHRINK = [0, 5, 20]
SUCCESSION = [["nehalem", "sandy-bridge", "ivy-bridge", "haswell", "broadwell", "skylake-sp", "cascade-lake",
               "ice-lake-sp", "sapphire-rapids", "emerald-rapids", "granite-rapids"],
              ["opteron", "zen1", "zen2", "zen3", "zen4", "zen5"], ["client"]]


def rows(table):
    """Training rows (published before 2023) whose CPU the TDP table knows."""
    out = []
    with open(DATA + "specpower_ssj2008_idle_max_ccf.csv") as f:
        for r in csv.DictReader(f):
            hit = table.lookup(r["cpu_model"])
            if hit and int(r["year"]) < 2023:
                out.append(dict(year=int(r["year"]), gen=generation(r["cpu_model"]), idle=float(r["watts_idle"]),
                                full=float(r["watts_100"]), x=dict(tdp=hit[0] * float(r["chips"]), gb=float(r["memory_gb"]),
                                threads=float(r["threads"]), chips=float(r["chips"]))))
    return out


def design(form, inputs, x):
    v = [x[k] for k in inputs]
    return [math.log(max(v_, 1e-9)) for v_ in v] + [1.0] if form == "log" else v + [1.0]


def predict(model, x):
    z = sum(c * v for c, v in zip(model["coef"], design(model["form"], model["inputs"], x)))
    base = math.exp(z) if model["form"] == "log" else max(1.0, z)
    return base * factor(model["factors"], x.get("gen"))


def factor(factors, gen):
    if gen in factors:
        return factors[gen]
    for line in SUCCESSION:
        if gen in line:
            for older in reversed(line[:line.index(gen)]):
                if older in factors:
                    return factors[older]
    return 1.0


def fit(rs, key, form, inputs, k):
    xs = [design(form, inputs, r["x"]) for r in rs]
    ys = [r[key] for r in rs]
    n = len(xs[0])
    if form == "log":
        weights, target = [1.0] * len(ys), [math.log(y) for y in ys]
        rounds = 1
    else:
        weights, target = [1.0 / (y * y) for y in ys], ys
        rounds = 3
    for _ in range(rounds):
        xtx = [[sum(w * x[i] * x[j] for x, w in zip(xs, weights)) + (1e-9 if i == j else 0) for j in range(n)]
               for i in range(n)]
        xty = [sum(w * x[i] * t for x, t, w in zip(xs, target, weights)) for i in range(n)]
        coef = solve(xtx, xty)
        if form == "linear":  # toward least absolute relative error (iteratively reweighted)
            weights = [1.0 / (y * max(1e-3, abs(sum(c * v for c, v in zip(coef, x)) - y))) for x, y in zip(xs, ys)]
    model = dict(form=form, inputs=inputs, coef=coef, factors={})
    logs = {}
    for r in rs:
        logs.setdefault(r["gen"], []).append(math.log(r[key] / predict(model, r["x"])))
    model["factors"] = {g: math.exp(sum(v) / (len(v) + k)) for g, v in logs.items()}
    return model


def mape(model, rs, key):
    return 100 * statistics.mean(abs(predict(model, dict(r["x"], gen=r["gen"])) - r[key]) / r[key] for r in rs)


def choose(table, key):
    """The candidate with the least 2020–2022 error when fitted before 2020, refitted before 2023."""
    rs = rows(table)
    for r in rs:
        r["x"]["gen"] = r["gen"]
    scored = []
    for form in FORMS:
        for name, inputs in INPUTS.items():
            for since in SINCE:
                for k in SHRINK:
                    early = [r for r in rs if since <= r["year"] < 2020]
                    late = [r for r in rs if r["year"] >= 2020]
                    score = mape(fit(early, key, form, inputs, k), late, key)
                    scored.append((score, form, name, since, k))
    score, form, name, since, k = min(scored)
    chosen = [r for r in rs if r["year"] >= since]
    model = fit(chosen, key, form, INPUTS[name], k)
    model.update(key=key, name=name, since=since, k=k, score=score, servers=len(chosen), candidates=len(scored),
                 median_gb=statistics.median(r["x"]["gb"] for r in chosen))
    return model


def validation_ratios(table, model):
    """Measured / predicted on 2020–2022 for the chosen candidate fitted before 2020: the wall interval's residuals."""
    rs = rows(table)
    for r in rs:
        r["x"]["gen"] = r["gen"]
    key = model["key"]
    early = [r for r in rs if model["since"] <= r["year"] < 2020]
    held = fit(early, key, model["form"], model["inputs"], model["k"])
    return [r[key] / predict(held, r["x"]) for r in rs if r["year"] >= 2020]
