"""The wall scope's idle and full-load watts: chosen and fitted by scripts/fit-power-model.

A server's wall watts at idle and at 100 % are each a regression on what joule can know of a
machine (TDP × chips from CodeCarbon's table, installed memory, hardware threads, chips), times
a factor for the CPU's generation. Which regression is chosen by a rule fixed before looking at
the test set's figures, on the training years only:

  candidates  form     linear (relative-error least squares, refined toward least absolute
                       relative error), log-linear (least squares on log watts) or log-linear
                       Huber-weighted (residuals beyond 10 % in log watts count linearly)
              inputs   TDP·chips | + memory | + memory, threads | + memory, chips
                       | + memory, threads, chips
              since    results published from 2007 | 2012 | 2015 on
              k        the generation factor's shrinkage toward 1 (0 | 5 | 20 pseudo-servers | ∞,
                       no factor)
              inherit  a generation absent from the fit takes its vendor's latest present
                       generation's factor | takes none (1)
  admissible  every input's coefficient (or exponent) non-negative when fitted at each origin
              and on every training row: more hardware never predicts fewer watts (monotone)
  selection   rolling origin: for each origin year Y of 2018, 2019 and 2020, fit on the rows
              from `since` to Y − 1 and score by mean absolute percentage error on those of
              Y…Y+2 (three years ahead, as the test runs from 2023 on a fit that ends in 2022);
              the score is the mean of the three; keep the least, refit it on every row before
              2023.

The generation factor is the geometric mean of the chosen regression's measured/predicted ratio
over the generation's training servers, shrunk toward 1 by k pseudo-servers.

Training rows: specpower_ssj2008_idle_max_ccf.csv published before 2023 whose CPU the TDP table
knows (by name or model number), memory read through power_model_common.memory_gb. The test set
is the rows of 2023 on (scripts/bench-estimate's wall check); nothing here reads them.
"""
import csv
import itertools
import math
import statistics

from power_model_common import DATA, memory_gb, solve, wall_generation

FORMS = ["linear", "log", "huber"]
INPUTS = {"tdp": ["tdp"], "tdp+memory": ["tdp", "gb"], "tdp+memory+threads": ["tdp", "gb", "threads"],
          "tdp+memory+chips": ["tdp", "gb", "chips"], "tdp+memory+threads+chips": ["tdp", "gb", "threads", "chips"]}
SINCE = [2007, 2012, 2015]
SHRINK = [0, 5, 20, math.inf]
INHERIT = [True, False]
ORIGINS = [2018, 2019, 2020]
HORIZON = 3
HUBER = 0.1  # log-watts residual beyond which a server's weight falls as 1/|residual|
SUCCESSION = [["nehalem", "sandy-bridge", "ivy-bridge", "haswell", "broadwell", "skylake-sp", "cascade-lake",
               "ice-lake-sp", "sapphire-rapids", "emerald-rapids", "granite-rapids"],
              ["opteron", "zen1", "zen2", "zen3", "zen4", "zen5"], ["client"]]


def rows(table):
    """Training rows (published before 2023) whose CPU the TDP table knows."""
    out = []
    with open(DATA + "specpower_ssj2008_idle_max_ccf.csv") as f:
        for r in csv.DictReader(f):
            if int(r["year"]) >= 2023:
                continue  # the test set
            hit = table.lookup(r["cpu_model"])
            if hit:
                gen = wall_generation(r["cpu_model"], hit)
                out.append(dict(year=int(r["year"]), gen=gen, idle=float(r["watts_idle"]),
                                full=float(r["watts_100"]),
                                x=dict(tdp=hit[0] * float(r["chips"]), gb=memory_gb(r), threads=float(r["threads"]),
                                       chips=float(r["chips"]), gen=gen)))
    return out


def design(form, inputs, x):
    v = [x[k] for k in inputs]
    return v + [1.0] if form == "linear" else [math.log(max(v_, 1e-9)) for v_ in v] + [1.0]


def base(model, x):
    z = sum(c * v for c, v in zip(model["coef"], design(model["form"], model["inputs"], x)))
    return max(1.0, z) if model["form"] == "linear" else math.exp(z)


def predict(model, x):
    return base(model, x) * factor(model["factors"], x.get("gen"), model["inherit"])


def factor(factors, gen, inherit=True):
    if gen in factors:
        return factors[gen]
    if inherit:
        for line in SUCCESSION:
            if gen in line:
                for older in reversed(line[:line.index(gen)]):
                    if older in factors:
                        return factors[older]
    return 1.0


def fit(rs, key, form, inputs, k, inherit):
    xs = [design(form, inputs, r["x"]) for r in rs]
    ys = [r[key] for r in rs]
    n = len(xs[0])
    if form == "linear":
        weights, target, rounds = [1.0 / (y * y) for y in ys], ys, 3
    else:
        weights, target, rounds = [1.0] * len(ys), [math.log(y) for y in ys], 1 if form == "log" else 6
    for _ in range(rounds):
        xtx = [[sum(w * x[i] * x[j] for x, w in zip(xs, weights)) + (1e-9 if i == j else 0) for j in range(n)]
               for i in range(n)]
        xty = [sum(w * x[i] * t for x, t, w in zip(xs, target, weights)) for i in range(n)]
        coef = solve(xtx, xty)
        fitted = [sum(c * v for c, v in zip(coef, x)) for x in xs]
        if form == "linear":  # toward least absolute relative error (iteratively reweighted)
            weights = [1.0 / (y * max(1e-3, abs(f - y))) for f, y in zip(fitted, ys)]
        elif form == "huber":
            weights = [1.0 if abs(t - f) <= HUBER else HUBER / abs(t - f) for f, t in zip(fitted, target)]
    model = dict(form=form, inputs=inputs, coef=coef, factors={}, inherit=inherit)
    logs = {}
    for r in rs:
        logs.setdefault(r["gen"], []).append(math.log(r[key] / base(model, r["x"])))
    if k != math.inf:
        model["factors"] = {g: math.exp(sum(v) / (len(v) + k)) for g, v in logs.items()}
    return model


def mape(model, rs, key):
    return 100 * statistics.mean(abs(predict(model, r["x"]) - r[key]) / r[key] for r in rs)


def candidates():
    for form, name, since, k, inherit in itertools.product(FORMS, INPUTS, SINCE, SHRINK, INHERIT):
        if k == math.inf and not inherit:
            continue  # no factors: nothing to inherit
        yield form, name, since, k, inherit


def score(rs, key, form, inputs, since, k, inherit):
    """Mean over the origins of the error three years ahead, each origin's error, and its fit."""
    per, models = [], []
    for y in ORIGINS:
        early = [r for r in rs if since <= r["year"] < y]
        later = [r for r in rs if y <= r["year"] < y + HORIZON]
        models.append(fit(early, key, form, inputs, k, inherit))
        per.append(mape(models[-1], later, key))
    return statistics.mean(per), per, models


def monotone(models):
    """Whether none of the candidate's fits (at every origin and on every training row)
    predicts fewer watts for more hardware: no input's coefficient (or exponent) is negative.

    A physical constraint, not a score: more TDP, memory, threads or chips never lowers a
    server's power. It was added after the unconstrained rule had picked a full-load formula in
    threads^-0.18 and its 2023-on figure had been printed (docs/energy.md says so), so that figure
    is not blind; the constraint itself looks at no test row."""
    return all(all(c >= 0 for c in m["coef"][:-1]) for m in models)


def choose(table, key):
    """The candidate with the least rolling-origin error, refitted on every row before 2023."""
    rs = rows(table)
    scored = []
    for form, name, since, k, inherit in candidates():
        s, per, models = score(rs, key, form, INPUTS[name], since, k, inherit)
        final = fit([r for r in rs if r["year"] >= since], key, form, INPUTS[name], k, inherit)
        if monotone(models + [final]):
            scored.append((s, form, name, since, k, inherit, per, final))
    s, form, name, since, k, inherit, per, model = min(scored, key=lambda c: c[0])
    chosen = [r for r in rs if r["year"] >= since]
    model.update(key=key, name=name, since=since, k=k, score=s, per_origin=per, servers=len(chosen),
                 candidates=len(scored), median_gb=statistics.median(r["x"]["gb"] for r in chosen),
                 runner_up=sorted(scored, key=lambda c: c[0])[1])
    return model


def validation_ratios(table, model):
    """Measured / predicted on 2020–2022 for the chosen candidate fitted before 2020: the wall interval's residuals."""
    rs = rows(table)
    key = model["key"]
    early = [r for r in rs if model["since"] <= r["year"] < 2020]
    held = fit(early, key, model["form"], model["inputs"], model["k"], model["inherit"])
    return [r[key] / predict(held, r["x"]) for r in rs if r["year"] >= 2020]
