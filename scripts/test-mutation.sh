#!/usr/bin/env bash
# Mutation testing of the pure rules (docs/testing.md), one rule file per Stryker run so that each
# report and incremental file stays with its file: reports/mutation/<file>.html and .json.
# Arguments are passed to every run (e.g. --force, --concurrency 1). Exits non-zero if any file
# scores below the break threshold of stryker.config.mjs.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
run() {
  local file=$1 specs=$2
  shift 2
  local name
  name=$(basename "$file" .ts)
  echo "== $file"
  MUTATION_SPECS="$specs" npx stryker run --mutate "$file" \
    --incrementalFile "reports/mutation/$name.incremental.json" "$@" || status=1
  cp reports/mutation/mutation.json "reports/mutation/$name.json"
  cp reports/mutation/index.html "reports/mutation/$name.html"
}

run src/compliance/quota.rules.ts '' "$@"
run src/compliance/week-evaluation.rules.ts '' "$@"
run src/compliance/finding.rules.ts '' "$@"
run src/content-plan/plan-workflow.rules.ts '' "$@"
run src/compliance/style/act-citations.rules.ts '' "$@"
run src/registry/page-url.rules.ts '**/src/registry/page-url.rules.spec.ts' "$@"
# Both calendar files run at module load of every calendar spec, so all their mutants count as
# static and would each re-run every spec that imports them: judge them by their own specs.
run src/calendar/working-calendar.ts '**/src/calendar/working-calendar*.spec.ts' "$@"
# Module-level constants of working-time.ts (limits, the default schedule, patterns) are left out:
# each would re-run the property tests, about half an hour more.
run src/calendar/working-time.ts '' --ignoreStatic "$@"
run src/calendar/coverage.rules.ts '**/src/calendar/coverage.rules.spec.ts' "$@"
run src/auth/login-throttle.rules.ts '**/src/auth/login-throttle.rules.spec.ts' "$@"
run src/compliance/demo-publications.rules.ts '**/src/compliance/demo-publications.rules.spec.ts' "$@"
run src/registry/official.rules.ts '**/src/registry/official.rules.spec.ts' "$@"
run src/public-registry/public-registry.rules.ts '**/src/public-registry/public-registry.rules.spec.ts' "$@"
run src/compliance/publication.rules.ts '**/src/compliance/publication.rules.spec.ts' "$@"
run src/registry/policy.rules.ts '**/src/registry/policy.rules.spec.ts' "$@"
run src/registry/page.rules.ts '**/src/registry/page.rules.spec.ts' "$@"
run src/registry/organization-decision.rules.ts '**/src/registry/organization-decision.rules.spec.ts' "$@"
run src/registry/organization.rules.ts '**/src/registry/organization.rules.spec.ts' "$@"
run src/registry/registry-import.rules.ts '**/src/registry/registry-import.rules.spec.ts' "$@"
run src/content-plan/plan-items.rules.ts '**/src/content-plan/plan-items.rules.spec.ts' "$@"
run src/notifications/notifications.rules.ts '**/src/notifications/notifications.rules.spec.ts' "$@"
exit $status
