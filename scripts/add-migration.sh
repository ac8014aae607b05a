#!/usr/bin/env bash
# Adds a migration with the given name for both database flavours (SQLite and PostgreSQL).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <Name>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cd src/ContestSite.Data
dotnet ef migrations add "$name" --context SqliteContestDbContext --output-dir Migrations/Sqlite
dotnet ef migrations add "$name" --context PostgresContestDbContext --output-dir Migrations/Postgres
