#!/usr/bin/env bash
# Adds a migration for both providers to one module's DbContext.
# Usage: scripts/add-migration.sh <project dir> <DbContext> <MigrationName> [data folder, default Data]
# e.g.   scripts/add-migration.sh Plugins/Comete/SproHub.Plugins.Comete CometeDbContext AddReplays
set -euo pipefail
project=$1 context=$2 name=$3 folder=${4:-Data}
# The design-time build references EF Core's design package: restore with the same switch first.
SproEfDesign=true dotnet restore "$project" >/dev/null
for provider in Sqlite Postgres; do
  dir="$project/$folder/Migrations/$provider"
  # EF looks for "<Context>ModelSnapshot.cs" anywhere in the project: each provider's snapshot keeps a
  # suffixed name between runs, so that one provider's run never overwrites the other's.
  [ -f "$dir/${context}ModelSnapshot.$provider.cs" ] && mv "$dir/${context}ModelSnapshot.$provider.cs" "$dir/${context}ModelSnapshot.cs"
  # SproEfDesign: plugins then copy EF Core to their output so the design-time tool can run.
  SPRO_EF_PROVIDER=$provider SproEfDesign=true dotnet ef migrations add "$name" \
    --project "$project" --context "$context" --output-dir "$folder/Migrations/$provider"
  mv "$dir/${context}ModelSnapshot.cs" "$dir/${context}ModelSnapshot.$provider.cs"
done
find "$project" -name 'design-time.db*' -delete
