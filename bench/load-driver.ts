/**
 * The load of a benchmark, in a process of its own: autocannon asking `routes` in turn, latency
 * taken from every response. Started by `drive` (bench-support) with the load as JSON on standard
 * input; prints the result as one JSON line. Not in the bench's own process: that one holds the
 * generated data set (hundreds of MB), and its garbage collections paused the load generator and
 * were counted as the service's latency.
 */
import autocannon from 'autocannon';
import { Load, LoadResult, percentile } from './bench-support';

async function run(load: Load): Promise<LoadResult> {
  let next = 0;
  const requests = [
    { setupRequest: (request: { path: string }) => ({ ...request, path: load.routes[next++ % load.routes.length]! }) },
  ];
  const options = {
    url: `${load.base}${load.routes[0]}`,
    connections: load.connections,
    headers: load.headers,
    requests,
  };
  if (load.warmUpSeconds > 0) await autocannon({ ...options, duration: load.warmUpSeconds });
  const latencies: number[] = [];
  const instance = autocannon({ ...options, duration: load.seconds });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    median: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requestsPerSecond: Math.round(result.requests.average),
    non2xx: result.non2xx + result.errors,
  };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => (input += chunk));
process.stdin.on('end', () => {
  run(JSON.parse(input) as Load).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
