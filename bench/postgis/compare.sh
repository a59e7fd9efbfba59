#!/usr/bin/env bash
# The same strict question asked of PostGIS 3 on PostgreSQL 15 and of Tagwatch, on the same simulated pilot, with
# both answers compared pair for pair. Starts its own PostgreSQL on 127.0.0.1 and stops it at the end.
#
#   bench/postgis/compare.sh [WORKDIR] [TAGS] [DAYS]      (defaults: /tmp/tagwatch-postgis 100 30)
#
# Needs Debian's postgresql-15 and postgresql-15-postgis-3 (installed with apt-get when missing; run as root).
set -euo pipefail
work=${1:-/tmp/tagwatch-postgis}
tags=${2:-100}
days=${3:-30}
repo=$(cd "$(dirname "$0")/../.." && pwd)
pgbin=/usr/lib/postgresql/15/bin
port=55432

if [ ! -x "$pgbin/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-15-postgis-3
fi

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
echo "== simulate $tags tags × $days days into $work"
dotnet build -c Release "$repo/src/Tagwatch.Cli" -v q -nologo >/dev/null
tw="dotnet $repo/src/Tagwatch.Cli/bin/Release/net10.0/tagwatch.dll"
$tw simulate --tags "$tags" --days "$days" --seed 1 --out "$work/sim" --load --db "$work/tagwatch.db" >/dev/null
chmod -R a+r "$work/sim"

echo "== Tagwatch strict (process start, read crimes and day grids from the store, match, write); the first run builds the grids"
for run in first second third; do
  /usr/bin/time -f "tagwatch $run run: wall %e s, max RSS %M KB" $tw correlate --strict --radius 100 --pad 10m --out "$work/tagwatch.csv" --db "$work/tagwatch.db"
done

echo "== PostGIS: start a private server on 127.0.0.1:$port"
install -d -o postgres "$work/pgdata" "$work/socket"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pgdata" -A trust -U postgres >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/socket/pg.log" -w \
  -o "-p $port -k $work/socket -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 -c jit=off" start >/dev/null
trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pgdata" -m fast stop >/dev/null 2>&1 || true' EXIT
psql() { command psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

echo "== PostGIS: load and index (British National Grid geometry with time in minutes as Z, one N-D GiST index; JIT off)"
psql <<SQL
\timing on
CREATE EXTENSION postgis;
CREATE TABLE fixes (tag_id text, ts timestamptz, lat float8, lon float8, accuracy_m float8, speed_kmh float8, heading_deg float8, source text);
\copy fixes FROM '$work/sim/fixes.csv' CSV HEADER
CREATE TABLE crimes (crime_ref text, category text, lat float8, lon float8, committed_from timestamptz, committed_to timestamptz);
\copy crimes FROM '$work/sim/crimes.csv' CSV HEADER
ALTER TABLE fixes ADD COLUMN geog geography(Point, 4326), ADD COLUMN g geometry(PointZ, 27700);
UPDATE fixes SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
  g = (SELECT ST_SetSRID(ST_MakePoint(ST_X(p), ST_Y(p), extract(epoch FROM ts) / 60), 27700) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700) AS p) q);
ALTER TABLE crimes ADD COLUMN geog geography(Point, 4326), ADD COLUMN e float8, ADD COLUMN n float8;
UPDATE crimes SET geog = ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
  e = ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700)), n = ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 27700));
CREATE INDEX fixes_g_nd ON fixes USING gist (g gist_geometry_ops_nd);
VACUUM ANALYZE fixes;
VACUUM ANALYZE crimes;
SQL

echo "== PostGIS: the strict query for every crime (box on grid and time through the index, then exact spheroid distance)"
query="SELECT c.crime_ref, f.tag_id, count(*) AS fix_count, round(min(ST_Distance(c.geog, f.geog, true))::numeric, 2) AS min_distance_m
FROM crimes c JOIN fixes f
  ON f.g &&& ST_SetSRID(ST_MakeLine(ST_MakePoint(c.e - 110, c.n - 110, extract(epoch FROM c.committed_from) / 60 - 10),
                                    ST_MakePoint(c.e + 110, c.n + 110, extract(epoch FROM c.committed_to) / 60 + 10)), 27700)
 AND f.ts BETWEEN c.committed_from - interval '10 minutes' AND c.committed_to + interval '10 minutes'
 AND ST_DWithin(c.geog, f.geog, 100, true)
GROUP BY c.crime_ref, f.tag_id ORDER BY c.crime_ref, f.tag_id"
psql -c "EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF) $query" | tee "$work/plan.txt" | tail -3
for run in 1 2 3; do
  start=$(date +%s.%N)
  psql -c "\\copy ($query) TO '$work/postgis.csv' CSV HEADER"
  end=$(date +%s.%N)
  echo "postgis run $run: $(echo "$end - $start" | bc) s"
done

echo "== compare"
if diff <(tail -n +2 "$work/tagwatch.csv") <(tail -n +2 "$work/postgis.csv") >"$work/diff.txt"; then
  echo "identical: $(($(wc -l < "$work/tagwatch.csv") - 1)) pairs, same fix counts and distances"
else
  echo "differences (first 20 of $(grep -c '^[<>]' "$work/diff.txt")):"; head -20 "$work/diff.txt"
  echo "pairs: tagwatch $(($(wc -l < "$work/tagwatch.csv") - 1)), postgis $(($(wc -l < "$work/postgis.csv") - 1))"
fi
