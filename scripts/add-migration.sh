#!/usr/bin/env bash
# Adds a migration NAME for every database provider of every context, so that SQLite and PostgreSQL
# never drift apart. Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
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
  dotnet ef migrations add "$name" --project "$project" --context "$context" --output-dir "$folder"
done
