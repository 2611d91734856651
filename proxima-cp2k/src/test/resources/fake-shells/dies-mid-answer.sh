#!/bin/sh
# A CP2K shell that speaks the protocol until EVAL_EF, then dies in the middle of its answer.
echo $$ >> "$PROXIMA_TEST_PIDS"
echo "* READY"
while read -r line; do
  case "$line" in
    "LOAD "*) echo "* READY" ;;
    NATOM) echo "8"; echo "* READY" ;;
    SET_CELL) read -r cell; echo "* READY" ;;
    SET_POS) while read -r p; do [ "$p" = "*END" ] && break; done; echo "* READY" ;;
    EVAL_EF) echo " partial answer"; exit 3 ;;
    EXIT) exit 0 ;;
    *) echo "* READY" ;;
  esac
done
