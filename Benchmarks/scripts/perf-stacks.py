#!/usr/bin/env python3
"""Attribute `perf script` samples under one frame to that frame's direct callees and leaves.

    perf record -e cpu-clock -F 2000 -g -o /tmp/p.data -- .build/release/log-bench --only batch --events 100000 --reps 1
    perf script -i /tmp/p.data | swift-demangle --simplified | scripts/perf-stacks.py 'GroupCommitter.apply(' [N] [inner]

Percentages are shares of the samples whose stack contains PATTERN (outermost match, or the
innermost with a third argument). Frame-pointer stacks: frames in libc and liblmdb often stop
the unwinding, so leaves there may show as [unknown].
"""
import collections
import re
import sys

pattern = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
inner = len(sys.argv) > 3
frame = re.compile(r'\s+[0-9a-f]+\s+(.*?)(\+0x[0-9a-f]+)?\s+\((.*)\)$')

samples, current = [], []
for line in sys.stdin:
    line = line.rstrip('\n')
    if line.startswith((' ', '\t')) and line.strip():
        match = frame.match(line)
        if match:
            current.append(match.group(1))
    elif current:
        samples.append(current)
        current = []
if current:
    samples.append(current)

under = 0
callees, leaves = collections.Counter(), collections.Counter()
for frames in samples:  # frames[0] is the leaf
    index = None
    for position, name in enumerate(frames):
        if pattern in name:
            index = position
            if inner:
                break
    if index is None:
        continue
    under += 1
    callees[frames[index - 1] if index > 0 else '(self)'] += 1
    leaves[frames[0]] += 1

print(f"samples: {len(samples)}, under '{pattern}': {under} ({100 * under / max(len(samples), 1):.1f}%)")
for title, counter in (("direct callees", callees), ("leaf functions", leaves)):
    print(f"-- {title}")
    for name, count in counter.most_common(top):
        print(f"{100 * count / max(under, 1):6.1f}%  {name[:150]}")
