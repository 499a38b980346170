"""Drives the joule kernel through jupyter_client, as JupyterLab and nbclient do, and prints
what came back as one JSON object for the Swift tests to check.

    JUPYTER_PATH=<dir with kernels/joule> python kernel_probe.py messages
    JUPYTER_PATH=... python kernel_probe.py interrupt
    JUPYTER_PATH=... python kernel_probe.py workers STORE.sqlite

Each execute is recorded as {"reply": content, "metadata": reply metadata, "iopub": [[type,
content], ...]} with the iopub messages whose parent is the request, up to its idle status.
"""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 60


def execute(kc, code, **options):
    msg_id = kc.execute(code, **options)
    iopub = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        iopub.append([msg["msg_type"], msg["content"]])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = shell_reply(kc, msg_id)
    return {"reply": reply["content"], "metadata": reply["metadata"], "iopub": iopub}


def shell_reply(kc, msg_id):
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def request(kc, method, *args, **kwargs):
    msg_id = getattr(kc, method)(*args, **kwargs)
    return shell_reply(kc, msg_id)["content"]


def messages(km, kc):
    out = {"kernel_info": request(kc, "kernel_info")}
    out["print"] = execute(kc, 'x = 41\nprint("hello")\nx + 1')
    out["kept"] = execute(kc, "x")
    out["table"] = execute(kc, '[{model: "a", accuracy: 0.5}, {model: "b", accuracy: 0.75}]')
    out["figure"] = execute(kc, 'plot([{e: 1, a: 0.5}, {e: 2, a: 0.7}], x: "e", y: "a")')
    out["error"] = execute(kc, "y = 1\nundefined_name + 1")
    out["syntax"] = execute(kc, "(1 +")
    out["silent"] = execute(kc, 'print("quiet")', silent=True)
    out["complete"] = request(kc, "complete", "tra", 3)
    # "Run all": a cell queued behind a failing one is aborted, not run.
    failing = kc.execute("sleep(0.3)\nnope")
    queued = kc.execute('print("never")')
    out["abort"] = [shell_reply(kc, failing)["content"]["status"], shell_reply(kc, queued)["content"]["status"]]
    out["record"] = execute(kc, "r = {alpha: 1, beta: 2}")
    out["complete_field"] = request(kc, "complete", "r.al", 4)
    out["complete_keyword"] = request(kc, "complete", "train(m, d, ep", 14)
    out["inspect"] = request(kc, "inspect", "train(", 6)
    out["inspect_variable"] = request(kc, "inspect", "x", 1)
    out["is_complete"] = [request(kc, "is_complete", code) for code in ["x + 1", "for i in [1] {", "1 +* 2"]]
    out["history"] = request(kc, "history", hist_access_type="tail", n=1)
    out["two_figures"] = execute(kc, 'rows = [{e: 1, a: 0.5}, {e: 2, a: 0.7}]\nplot(rows, x: "e", y: "a")\n'
                                     'describe(rows, "e")\nplot(rows, x: "a", y: "e")\nlen(rows)')
    # The heartbeat channel pings every time_to_dead (1 s) and turns is_beating() false when
    # an echo does not come back in time; wait out more than one full cycle first.
    time.sleep(1.5 * kc.hb_channel.time_to_dead)
    out["heartbeat"] = kc.hb_channel.is_beating()
    return out


def interrupt(km, kc):
    out = {}
    msg_id = kc.execute('z = 7\nprint("looping")\nwhile true {}')
    wait_for_output(kc, msg_id)
    started = time.monotonic()
    km.interrupt_kernel()
    out["reply"] = shell_reply(kc, msg_id)["content"]
    out["seconds_to_stop"] = time.monotonic() - started
    out["after"] = execute(kc, "z")
    # The other way front ends interrupt (interrupt_mode "message"): a request on control.
    msg_id = kc.execute('w = 3\nprint("looping")\nwhile true {}')
    wait_for_output(kc, msg_id)
    request = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(request)
    out["control_reply"] = control_reply(kc, request["header"]["msg_id"])["content"]
    out["message_reply"] = shell_reply(kc, msg_id)["content"]
    out["after_message"] = execute(kc, "w + z")
    out["alive"] = km.is_alive()
    return out


def children(pid):
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def workers(km, kc):
    """tune(..., workers: 4) in the kernel: the timing, each trial once, and the interrupt."""
    store = sys.argv[2]
    out = {}
    out["before"] = execute(kc, 'kept = 5\nprint("once")')
    started = time.monotonic()
    out["sweep"] = execute(kc, 't0 = clock()\n'
                           's = tune(fn(p) { sleep(0.5); print("trial {p.x}"); p.x }, space(x: uniform(0, 1)), '
                           'strategy: "random", trials: 16, maximize: "value", workers: 4)\n'
                           'for t in s.trials { print("row {t.number} {t.suggestion} {t.state}") }\n'
                           'print("seconds {clock() - t0}")')
    out["sweep_seconds"] = time.monotonic() - started
    kernel = km.provisioner.pid
    out["children_after_sweep"] = children(kernel)
    msg_id = kc.execute(f's2 = tune(fn(p) {{ sleep(30); p.x }}, space(x: uniform(0, 1)), strategy: "random", trials: 8, '
                        f'maximize: "value", workers: 4, study: "stop", store: "{store}")')
    deadline = time.monotonic() + TIMEOUT
    while len(children(kernel)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    out["children_while_running"] = len(children(kernel))
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    out["interrupt_reply"] = shell_reply(kc, msg_id)["content"]
    out["seconds_to_stop"] = time.monotonic() - started
    out["children_after_interrupt"] = children(kernel)
    out["after"] = execute(kc, f'for t in load_study("stop", store: "{store}").trials {{ print("row {{t.number}} {{t.state}}") }}\nkept')
    out["alive"] = km.is_alive()
    return out


def wait_for_output(kc, msg_id):
    """Returns once the cell printed: it is running, so the interrupt cannot come too early."""
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            time.sleep(0.2)  # well into the loop
            return


def control_reply(kc, msg_id):
    while True:
        msg = kc.control_channel.get_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def main():
    scenario = sys.argv[1]
    km = KernelManager(kernel_name="joule")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        result = {"messages": messages, "interrupt": interrupt, "workers": workers}[scenario](km, kc)
    finally:
        kc.stop_channels()
        started = time.monotonic()
        km.shutdown_kernel(now=False)
        shutdown_seconds = time.monotonic() - started
    result["shutdown_seconds"] = shutdown_seconds
    print(json.dumps(result))


if __name__ == "__main__":
    main()
