export default async function globalTeardown() {
  await globalThis.__testApp?.stop();
  await globalThis.__dropTestDatabase?.().catch(() => undefined);
  await globalThis.__stopTestDatabase?.();
}
