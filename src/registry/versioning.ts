import { RegistryError, RegistryErrorCode } from './registry.errors';

/** ETag of a versioned record, as sent in responses and expected back in If-Match. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version a change was based on: the If-Match header (`"3"` or `W/"3"`) or a `version`
 * field of the body. Without either the change is refused (428), so nobody overwrites a newer
 * record by accident.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion?: number): number {
  const fromHeader = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch?.trim() ?? '');
  const version = fromHeader ? Number(fromHeader[1]) : bodyVersion;
  if (version === undefined || !Number.isInteger(version) || version < 1) {
    throw new RegistryError(RegistryErrorCode.VERSION_REQUIRED);
  }
  return version;
}

/** Throws 409 when the stored version moved on since the caller read it. */
export function assertVersion(current: number, expected: number) {
  if (current !== expected) throw new RegistryError(RegistryErrorCode.VERSION_CONFLICT, { currentVersion: current });
}
