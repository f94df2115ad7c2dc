/**
 * Preloaded into the service by the compliance benchmark (`node -r dist/bench/memory-probe.js`):
 * sends the process's memory to the parent over the IPC channel every 100 ms. Does nothing when
 * the service runs without one.
 */
if (process.send) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    process.send?.({ rss, heapUsed, heapTotal });
  }, 100);
  timer.unref();
}
