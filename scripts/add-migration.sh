#!/usr/bin/env bash
# Adds a migration NAME for every database provider of every context, so that SQLite and PostgreSQL
# never drift apart. Usage: scripts/add-migration.sh NAME [CONTEXT-FILTER]
# CONTEXT-FILTER (e.g. OneStop or Registries) limits it to the contexts whose name contains it.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME [CONTEXT-FILTER]}
filter=${2:-}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/OneStop.Web
# context class : folder of its migrations
contexts=(
  "SqliteOneStopDbContext:Shared/Persistence/Migrations/Sqlite"
  "PostgresOneStopDbContext:Shared/Persistence/Migrations/Postgres"
  "SqliteRegistriesDbContext:Registries/Migrations/Sqlite"
  "PostgresRegistriesDbContext:Registries/Migrations/Postgres"
)
for entry in "${contexts[@]}"; do
  context=${entry%%:*}
  folder=${entry#*:}
  [[ -z "$filter" || "$context" == *"$filter"* ]] || continue
  dotnet ef migrations add "$name" --project "$project" --context "$context" --output-dir "$folder"
done
