/**
 * Throughput of deadlineAfterWorkingDays. Not a test: no assertion, run by hand.
 *   npx tsc -p tsconfig.build.json && node dist/bench/calendar-deadlines.bench.js
 */
import { DateTime } from 'luxon';
import { WorkingCalendar } from '../src/calendar/working-calendar';
import {
  JurisdictionTime,
  deadlineAfterWorkingDays,
  deadlineAfterWorkingDaysMillis,
} from '../src/calendar/working-time';
import { shippedYears } from '../src/calendar/year-definition';

const CALLS = 1_000_000;
const ROUNDS = 7;
const DATETIME_CALLS = 200_000;

// Deterministic pseudo-random inputs (mulberry32), so that runs are comparable.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function main(): void {
  const calendar = new WorkingCalendar(shippedYears());
  const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Kaliningrad', 'Asia/Yekaterinburg'];
  const jurisdictions: JurisdictionTime[] = zones.map((timeZone, i) => ({ code: `J${i}`, timeZone, calendar }));

  const random = mulberry32(20260101);
  const from = Date.UTC(2021, 0, 1);
  const to = Date.UTC(2026, 11, 1); // leaves room for n ≤ 30 working days inside the coverage
  const events = new Float64Array(CALLS);
  const ns = new Int32Array(CALLS);
  const js = new Uint8Array(CALLS);
  for (let i = 0; i < CALLS; i++) {
    events[i] = Math.floor(from + random() * (to - from));
    ns[i] = Math.floor(random() * 31);
    js[i] = Math.floor(random() * jurisdictions.length);
  }

  // Warm-up: builds the zone tables and lets the JIT settle.
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += deadlineAfterWorkingDaysMillis(events[i], ns[i], jurisdictions[js[i]]);

  const rates: number[] = [];
  const heap: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) sink += deadlineAfterWorkingDaysMillis(events[i], ns[i], jurisdictions[js[i]]);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(CALLS / seconds);
    heap.push(process.memoryUsage().heapUsed);
  }

  const dtRates: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < DATETIME_CALLS; i++) {
      sink += deadlineAfterWorkingDays(new Date(events[i]), ns[i], jurisdictions[js[i]]).toMillis();
    }
    dtRates.push(DATETIME_CALLS / (Number(process.hrtime.bigint() - t0) / 1e9));
  }

  const check = deadlineAfterWorkingDays(
    DateTime.fromISO('2025-12-30T10:00', { zone: 'Europe/Moscow' }),
    1,
    jurisdictions[0],
  );
  console.log(
    `node ${process.version}, ${CALLS.toLocaleString('en')} calls x ${ROUNDS} rounds, n in 0..30, events 2021-2026, ${zones.length} zones`,
  );
  console.log(
    `deadlineAfterWorkingDaysMillis: median ${Math.round(median(rates)).toLocaleString('en')} calls/s ` +
      `(min ${Math.round(Math.min(...rates)).toLocaleString('en')}, max ${Math.round(Math.max(...rates)).toLocaleString('en')})`,
  );
  console.log(
    `deadlineAfterWorkingDays (Date in, luxon DateTime out): median ${Math.round(median(dtRates)).toLocaleString('en')} calls/s (${DATETIME_CALLS.toLocaleString('en')} calls x 3)`,
  );
  console.log(
    `heap used after rounds: median ${mb(median(heap))}, max ${mb(Math.max(...heap))}; rss ${mb(process.memoryUsage().rss)}`,
  );
  console.log(`sanity: 2025-12-30 10:00 MSK + 1 working day = ${check.toISO()} (checksum ${sink % 1000})`);
}

main();
