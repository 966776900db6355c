#!/usr/bin/env bash
# Another process holding a lock on a SQLite file, for the database-fault
# golden tests (tests/golden/dbfault-locked-*). The holder is the sqlite3
# shell, in the background, logging to holder.log in the current directory.
#
#   hold-lock.sh DB write SECONDS       a writer in the middle of a transaction
#                                       (BEGIN IMMEDIATE and a change not yet
#                                       committed): others may read, not write
#   hold-lock.sh DB exclusive SECONDS   BEGIN EXCLUSIVE, as while a writer commits:
#                                       others may neither read nor write
#   hold-lock.sh wait                   waits until the holder has let go
#
# The first two forms return once the lock is held; the holder rolls back
# (the file is left as it was) after SECONDS.
set -u
log=holder.log
if [ "${1:-}" = wait ]; then
    for _ in $(seq 600); do grep -q released "$log" 2>/dev/null && exit 0; sleep 0.05; done
    echo "hold-lock: the lock is still held after 30 s" >&2
    exit 1
fi
[ $# -eq 3 ] || { echo "usage: hold-lock.sh DB write|exclusive SECONDS, or hold-lock.sh wait" >&2; exit 2; }
db=$1 mode=$2 secs=$3
case $mode in
    write) begin="BEGIN IMMEDIATE; DELETE FROM realisasi;" ;;
    exclusive) begin="BEGIN EXCLUSIVE;" ;;
    *) echo "hold-lock: unknown mode '$mode'" >&2; exit 2 ;;
esac
rm -f "$log"
{ echo ".timeout 5000"; echo "$begin"; echo "SELECT 'held';"; sleep "$secs"; echo "ROLLBACK;"; echo "SELECT 'released';"; } 2>/dev/null |
    sqlite3 "$db" > "$log" 2>&1 &
for _ in $(seq 200); do grep -q held "$log" 2>/dev/null && exit 0; sleep 0.05; done
echo "hold-lock: could not lock $db:" >&2
cat "$log" >&2
exit 1
