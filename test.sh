#!/usr/bin/env bash
# The one test command of ContestSite.
#   ./test.sh                   every test project of the solution
#   ./test.sh --filter Teams    any `dotnet test` arguments are passed on
# Installs what the tests need when it is missing (Debian: chromium, fonts-noto-cjk, fonts-wqy-microhei, postgresql),
# starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the data tests, runs `dotnet test` on the
# solution and ends with one line: "N passed, N failed, N skipped". Exits non-zero when the build
# fails, a test fails, or (without a filter) no test ran at all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_bin=/usr/lib/postgresql/15/bin

# --- 1. packages the tests need -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# The certificates' PDF font (the site will not start without it).
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
[[ -x $pg_bin/initdb && -x $pg_bin/pg_ctl ]] || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: missing ${missing[*]}; run as root (or install them) so they can be installed" >&2
        exit 1
    fi
    echo "test.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Browser tests and in-process sites each take inotify instances; Debian's default of 128 per user is tight.
if [[ $(id -u) -eq 0 ]] && (( $(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024) < 1024 )); then
    sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true
fi

# --- 2. a throwaway PostgreSQL cluster ------------------------------------------------------------
# Everything the tests write (PostgreSQL's cluster, every test site's App_Data, the browser's profiles) goes to
# memory when /dev/shm has room and TMPDIR does not say otherwise: on the 2-core reference machine copying a
# PostgreSQL database takes 50 ms there against 400 ms on disk. `TMPDIR=/tmp ./test.sh` keeps it on disk.
work_base=${TMPDIR:-/tmp}
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
if [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]] && ((${shm_free_kb:-0} > 2 * 1024 * 1024)); then
    work_base=/dev/shm
fi
work=$(mktemp -d "$work_base/contestsite-test.XXXXXX")
chmod 755 "$work"
pg_data=$work/pgdata
pg_sock=$work/pgsock
results=$work/results
test_tmp=$work/tmp
mkdir -p "$pg_data" "$pg_sock" "$results" "$test_tmp"
chmod 700 "$pg_data"

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local status=$?
    if [[ -f $pg_data/postmaster.pid ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$pg_data" "$pg_sock"; fi
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log" >&2
    echo "test.sh: initdb failed" >&2
    exit 1
}
# Trust, but only over the unix socket in the temp folder and on the loopback address.
cat >"$pg_data/pg_hba.conf" <<'EOF'
local all all               trust
host  all all 127.0.0.1/32  trust
EOF

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    else
        echo $((20000 + RANDOM % 40000))
    fi
}

pg_port=
for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_sock/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        pg_port=$port
        break
    fi
done
if [[ -z $pg_port ]]; then
    cat "$pg_sock/postgres.log" >&2 || true
    echo "test.sh: PostgreSQL did not start" >&2
    exit 1
fi
echo "test.sh: PostgreSQL 15 on 127.0.0.1:$pg_port (data in $pg_data)"
export CONTESTSITE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused"

# --- 3. build once, then test ---------------------------------------------------------------------
filtered=false
for arg in "$@"; do
    case $arg in --filter | --filter=* | --filter:*) filtered=true ;; esac
done

counter() { # counter NAME "<Counters ... />": the attribute's value, 0 when absent
    local value
    value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
    echo "${value:-0}"
}

summary() { # sums the counters of every TRX file: prints "passed failed skipped total"
    local passed=0 failed=0 skipped=0 total=0 file counters name
    while IFS= read -r -d '' file; do
        counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1) || continue
        total=$((total + $(counter total "$counters")))
        passed=$((passed + $(counter passed "$counters")))
        for name in failed error timeout aborted; do
            failed=$((failed + $(counter "$name" "$counters")))
        done
        skipped=$((skipped + $(counter notExecuted "$counters")))
    done < <(find "$results" -name '*.trx' -print0)
    echo "$passed $failed $skipped $total"
}

status=0
if ! dotnet build ContestSite.sln -nologo -clp:ErrorsOnly\;Summary; then
    echo "test.sh: the build failed" >&2
    status=1
else
    TMPDIR=$test_tmp dotnet test ContestSite.sln --no-build \
        --logger "console;verbosity=minimal" \
        --logger trx --results-directory "$results" \
        --blame-hang-timeout 10m --blame-hang-dump-type none \
        "$@" || status=$?
fi

# Keep this run's TRX files (the work folder is deleted on exit) and show where the time went.
rm -rf "$repo_root/test-output/results"
mkdir -p "$repo_root/test-output"
cp -r "$results" "$repo_root/test-output/results"
if ((status == 0)) && ! $filtered; then "$repo_root/scripts/test-durations.sh" "$results" 10 || true; fi

read -r passed failed skipped total < <(summary)
if ((status == 0 && failed > 0)); then status=1; fi
if ((status == 0 && total == 0)); then
    if $filtered; then
        echo "test.sh: no test matched the filter" >&2
    else
        echo "test.sh: no test ran" >&2
        status=1
    fi
fi
cd "$repo_root"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
