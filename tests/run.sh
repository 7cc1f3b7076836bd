#!/usr/bin/env bash
# Runs every test of Indicators and ends with the line "N passed, N failed".
# Installs what the tests need when it is missing: the PostgreSQL server programs (the tests start their own
# throwaway cluster) and Debian's Chromium (the browser tests drive it; nothing is downloaded at run time).
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  missing+=(chromium)
fi
if [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  missing+=(fonts-dejavu-core)
fi
# The report export tests render the PDF with poppler (pdftoppm, pdffonts).
if ! command -v pdftoppm >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing what the tests need: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dot.net (or: apt-get install dotnet-sdk-10.0)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# smtp4dev, the real SMTP server the alert tests start (a local dotnet tool; the fixture restores it too).
dotnet tool restore >/dev/null || echo "dotnet tool restore failed: the alert tests will say why" >&2

results=TestResults
rm -rf "$results"
dotnet build Indicators.sln --nologo -v quiet
build=$?
status=$build
if [ "$build" -eq 0 ]; then
  # One test project at a time: on a 2-core machine six test hosts at once (each with its own PostgreSQL, Hangfire
  # servers or a browser) made waits time out, and were slower too (measured: about 13 min at once, 8 min in turn).
  dotnet test Indicators.sln --no-build --nologo -m:1 --logger "trx;LogFilePrefix=result" --logger "console;verbosity=normal" --results-directory "$results"
  status=$?
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# A build error or a crashed test host fails the run even when no single test reported a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

# Name every failed test at the end, where a truncated CI log still shows it.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '/<UnitTestResult [^>]*outcome="Failed"/ { infail = 1; match($0, /testName="[^"]*"/); print "FAILED: " substr($0, RSTART + 10, RLENGTH - 11); lines = 0 }
       infail && /<Message>/ { inmsg = 1 }
       inmsg && lines < 15 { print "  " $0; lines++ }
       /<\/Message>/ { inmsg = 0; infail = 0 }' "$trx"
done

echo "$passed passed, $failed failed"
exit "$status"
