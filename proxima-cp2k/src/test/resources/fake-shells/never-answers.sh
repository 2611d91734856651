#!/bin/sh
# A CP2K shell that hangs at start-up: records its pid and a child's, then waits forever.
echo $$ >> "$PROXIMA_TEST_PIDS"
sleep 1000 &
echo $! >> "$PROXIMA_TEST_PIDS"
wait
