#!/bin/sh
# Debian's Chromium as a desktop user runs it: without the privilege to raise its
# own threads' priority. Run as root (this machine, CI) Chromium sets its IO,
# compositor and browser threads to nice -8, which only root may, and on two cores
# those threads then starve everything else at nice 0: the Backstage backend the
# benchmarks measure against answered a 5 ms session refresh in 60-280 ms while a
# page loaded (strace: its threads waited for a core). A user's Chromium cannot
# do that, and a user's backend is on another machine; so the benchmarks launch
# Chromium through this script (tests/e2e/bench/browser.mjs), which drops the
# capability (CAP_SYS_NICE) when run as root and changes nothing otherwise.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  exec setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice /usr/bin/chromium "$@"
fi
exec /usr/bin/chromium "$@"
