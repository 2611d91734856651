#!/usr/bin/python3
"""Kernel/hypervisor baseline for the i-PI round-trip benchmark (docs/benchmarks.md): 12-byte request-answer
round trips over a unix socketpair between two processes, no Java involved.

    python3 socket_pingpong.py                  # processes wherever the scheduler puts them
    taskset -c 0 python3 socket_pingpong.py     # both on one CPU
"""
import os
import socket
import time

N, WARMUP = 20000, 1000
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
if os.fork() == 0:
    for _ in range(N):
        b.sendall(b.recv(12))
    os._exit(0)
msg = b"STATUS      "
for _ in range(WARMUP):
    a.sendall(msg)
    a.recv(12)
t = time.perf_counter()
for _ in range(N - WARMUP):
    a.sendall(msg)
    a.recv(12)
print(f"round trip {(time.perf_counter() - t) / (N - WARMUP) * 1e6:.1f} µs")
