# gdb-hold-task-worker.py — makes the record writer's race certain, by hand
#
# Copyright 2026 ICAT Tracker developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A GTask run in a thread is let go by whichever thread drops it last: the
# main thread after its callback, or the worker just after handing its
# result back. The worker nearly always wins, so a window the task held
# would nearly always be finalized on the main thread, and a test alone
# cannot show when it is not. This holds each worker of the meeting record
# writer (write_thread) for 1.5 s right after it has handed its result back
# (its g_source_attach returned): the main thread runs the callback first,
# and the worker's reference is the last. Run the test under it:
#
#   meson test -C _build -v test-work-plan-view \
#     --test-args="-p /work-plan/meeting-record-window-closed" \
#     --wrapper="gdb -batch -x $PWD/tests/gdb-hold-task-worker.py --args"
#
# Before the writer held its window apart from the task, 7 of the 8 windows
# were finalized on a worker thread; now none is.
import time

import gdb

gdb.execute("set non-stop on")
gdb.execute("set pagination off")
gdb.execute("set confirm off")


class Release(gdb.FinishBreakpoint):
    def stop(self):
        gdb.write("worker held after handing back its result\n")
        time.sleep(1.5)
        return False


class Attach(gdb.Breakpoint):
    def stop(self):
        Release(gdb.newest_frame(), internal=True)
        self.enabled = False
        return False


class Writer(gdb.Breakpoint):
    def stop(self):
        attach = Attach("g_source_attach", internal=True)
        attach.thread = gdb.selected_thread().num
        return False


Writer("write_thread")
gdb.execute("run")
