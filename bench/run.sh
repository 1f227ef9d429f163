#!/usr/bin/env bash
# Muara's benchmark suite: times Muara against the tools a data engineer would use instead, and writes
# docs/benchmarks.md and docs/benchmarks/*.png.
#   bench/run.sh                   every workload at 1 million rows, W1 and W3 again at 10 million for memory, and
#                                  the microbenchmarks: the run that writes docs/benchmarks.md
#   bench/run.sh --rows 10000000   at 10 million
#   bench/run.sh w1 w3             some workloads only
#   bench/run.sh --smoke           10,000 rows, one run each, checks row counts only (no report)
#   bench/run.sh micro             the JMH microbenchmarks only (CSV, JSON, type inference, COPY binary, DuckDB)
#   bench/run.sh memory            Muara's W1 and W3 once at 10 million rows, for peak memory
# Installs the references it needs (pgloader, psql, sqlite3) from Debian's packages when they are missing, uses the
# local PostgreSQL (BENCH_POSTGRES=host:port:user, default 127.0.0.1:5432:postgres) or starts an embedded one.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

find_java() {
  local java version
  for java in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -n "$java" ] && [ -x "$java" ] || continue
    version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$java"
      return 0
    fi
  done
  return 1
}
java="$(find_java)" || { echo "error: the suite needs Java 21 or newer (JAVA_HOME, /usr/lib/jvm)" >&2; exit 2; }
export JAVA_HOME="$(cd "$(dirname "$java")/.." && pwd)"

missing=()
command -v psql >/dev/null || missing+=(postgresql-client)
command -v pgloader >/dev/null || missing+=(pgloader)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing the references: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

echo "Building Muara and the suite..." >&2
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
  ./mvnw -q -B -Dmaven.test.skip=true package -pl muara-cli,bench -am >&2

exec "$java" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$here/bench/target/classes:$here/bench/target/lib/*" dev.muara.bench.Bench --repository "$here" "$@"
