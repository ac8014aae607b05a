#!/usr/bin/env bash
# Sums the durations of the tests in TRX files per test class and prints the slowest classes.
#   scripts/test-durations.sh [folder-with-trx-files] [how-many]
# The sums add up time spent in each test, so with tests running in parallel they exceed the wall time;
# they show where the time goes, not how long the run took.
set -euo pipefail
folder=${1:-test-output/results}
count=${2:-15}
find "$folder" -name '*.trx' -print0 |
    xargs -0 grep -ho '<UnitTestResult [^>]*>' |
    sed -n 's/.* testName="\([^"]*\)".* duration="\([0-9:.]*\)".*/\1\t\2/p' |
    awk -F'\t' -v count="$count" '
        {
            name = $1; sub(/\(.*$/, "", name)                      # theory arguments
            cls = name; sub(/\.[^.]*$/, "", cls)                    # the method
            split($2, t, ":"); seconds = t[1] * 3600 + t[2] * 60 + t[3]
            total[cls] += seconds; tests[cls]++; all += seconds; n++
        }
        END {
            printf "%d tests, %.0f s of test time in all; slowest classes:\n", n, all
            for (c in total) printf "%9.1f s %5d tests  %s\n", total[c], tests[c], c | "sort -rn | head -n " count
        }'
