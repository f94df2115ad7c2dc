import { singleFlight } from './single-flight';

describe('singleFlight (the public registry freshness probe, Khabarovsk Положение 1 p.2.4)', () => {
  it('shares one read between calls made while it is on its way', async () => {
    let calls = 0;
    const read = singleFlight(async () => ++calls);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it('reads again once the previous read has answered, so a change shows in the next call', async () => {
    let calls = 0;
    const read = singleFlight(async () => ++calls);
    expect(await read()).toBe(1);
    expect(await read()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const read = singleFlight(async () => {
      if (fail) throw new Error('connection lost');
      return 'ok';
    });
    await expect(read()).rejects.toThrow('connection lost');
    fail = false;
    await expect(read()).resolves.toBe('ok');
  });
});
