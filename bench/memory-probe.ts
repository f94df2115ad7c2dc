/**
 * Preloaded into the service by the compliance benchmark (`node -r dist/bench/memory-probe.js`):
 * sends the process's memory to the parent over the IPC channel every 100 ms. Does nothing when
 * the service runs without one.
 *
 * When the bench goes away (killed, crashed) the channel closes and the service stops as on
 * SIGTERM. An orphaned service was found spinning a core at 100 % through the next bench run: its
 * next send failed, and reporting that on its closed stderr looped (fixed in the service, see
 * src/common/log-pipes.ts); an orphan has nothing to report to anyway.
 */
if (process.send) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    process.send?.({ rss, heapUsed, heapTotal });
  }, 100);
  timer.unref();
  process.once('disconnect', () => {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  });
}
