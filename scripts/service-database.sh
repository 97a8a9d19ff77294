#!/usr/bin/env bash
# A service's database on a private cluster of postgres.sh (as its superuser `postgres`), with the roles a
# deployment gives it (README.md, "Databases and roles"):
#
#   service-database.sh PORT DATABASE
#
#   DATABASE_owner    owns the database and its tables; `migrate` connects as it (ConnectionStrings__Migrations)
#   DATABASE_service  the server and its other commands connect as it (ConnectionStrings__Database); `migrate`
#                     grants it data access only (ServiceRole.cs), so it cannot alter, disable or bypass anything
#
# Idempotent. A database an earlier run.sh made as `postgres` is adopted: the database and what is in its public
# schema pass to DATABASE_owner. No passwords: the cluster trusts local connections (postgres.sh).
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 PORT DATABASE" >&2; exit 2; }
PORT=$1 DATABASE=$2
[[ $PORT =~ ^[0-9]+$ ]] || { echo "service-database.sh: PORT must be a number: '$PORT'" >&2; exit 2; }
[[ $DATABASE =~ ^[a-z][a-z0-9_]*$ ]] || { echo "service-database.sh: not a plain database name: '$DATABASE'" >&2; exit 2; }
OWNER=${DATABASE}_owner
SERVICE=${DATABASE}_service

sql() { psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

for role in "$OWNER" "$SERVICE"; do
  [[ $(sql -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$role'") == 1 ]] \
    || sql -d postgres -c "CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
done

if [[ $(sql -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$DATABASE'") == 1 ]]; then
  sql -d postgres -c "ALTER DATABASE $DATABASE OWNER TO $OWNER"
  # Tables (their identity sequences follow) and trigger functions made as postgres by an earlier run.sh.
  sql -d "$DATABASE" -v owner="$OWNER" <<'SQL'
SELECT set_config('platform.owner', :'owner', false) \g /dev/null
DO $$
DECLARE
  owner text := current_setting('platform.owner');
  statement text;
BEGIN
  FOR statement IN
    SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, owner)
      FROM pg_tables WHERE schemaname = 'public' AND tableowner <> owner
    UNION ALL
    SELECT format('ALTER FUNCTION public.%I(%s) OWNER TO %I', p.proname, pg_get_function_identity_arguments(p.oid), owner)
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> owner
  LOOP
    EXECUTE statement;
  END LOOP;
END $$;
SQL
else
  sql -d postgres -c "CREATE DATABASE $DATABASE OWNER $OWNER ENCODING 'UTF8'"
fi
# Only the two roles connect; `migrate` grants the service role CONNECT.
sql -d postgres -c "REVOKE ALL ON DATABASE $DATABASE FROM PUBLIC"
