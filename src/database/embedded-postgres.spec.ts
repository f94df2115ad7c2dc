import { memoryFlags } from './embedded-postgres';

const GiB = 1024 * 1024 * 1024;

describe('embedded PostgreSQL memory settings', () => {
  it('takes an eighth of the machine for shared buffers, between 256 MB and 2 GB', () => {
    expect(memoryFlags(8 * GiB, undefined)).toContain('shared_buffers=1024MB');
    expect(memoryFlags(1 * GiB, undefined)).toContain('shared_buffers=256MB');
    expect(memoryFlags(64 * GiB, undefined)).toContain('shared_buffers=2048MB');
  });

  it('runs with memory for sorts and WAL and prices random reads as on an SSD', () => {
    const flags = memoryFlags(8 * GiB, undefined).join(' ');
    expect(flags).toContain('work_mem=16MB');
    expect(flags).toContain('max_wal_size=2GB');
    expect(flags).toContain('random_page_cost=1.1');
  });

  it('lets the operator name the size', () => {
    expect(memoryFlags(64 * GiB, ' 512MB ')).toContain('shared_buffers=512MB');
    expect(memoryFlags(64 * GiB, '')).toContain('shared_buffers=2048MB');
  });
});
