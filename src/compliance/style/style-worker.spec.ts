import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StyleWorker } from './style-worker';

/**
 * The host of the style thread, with a stand-in script in place of the dictionary: it answers
 * with the text's length, fails on «сбой», exits on «выход» and is slow on «медленно».
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, text }) => {
  if (text === 'выход') process.exit(3);
  if (text === 'сбой') return parentPort.postMessage({ id, error: 'сломалось' });
  const answer = () => parentPort.postMessage({ id, report: { hits: [], summary: { length: text.length } } });
  if (text === 'медленно') setTimeout(answer, 50); else answer();
});`;

function standIn(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'style-worker-')), 'stand-in.js');
  writeFileSync(file, STAND_IN);
  return file;
}

const lengthOf = (report: unknown) => (report as { summary: { length: number } }).summary.length;

describe('StyleWorker', () => {
  const warnings: string[] = [];
  let worker: StyleWorker;
  beforeEach(() => {
    warnings.length = 0;
    worker = new StyleWorker({ warn: (message) => warnings.push(message) }, standIn());
  });
  afterEach(() => worker.stop());

  it('answers every check with its own report, a slow one included', async () => {
    const reports = await Promise.all(['медленно', 'да', 'текст'].map((text) => worker.check(text)));
    expect(reports.map(lengthOf)).toEqual([8, 2, 5]);
  });

  it('fails the check that failed in the thread and keeps answering the others', async () => {
    await expect(worker.check('сбой')).rejects.toThrow('сломалось');
    expect(lengthOf(await worker.check('ещё'))).toBe(3);
  });

  it('fails the checks pending when the thread dies and starts a new one for the next check', async () => {
    const pending = worker.check('медленно');
    await expect(worker.check('выход')).rejects.toThrow('exited with code 3');
    await expect(pending).rejects.toThrow('exited with code 3');
    expect(warnings.join()).toContain('2 check(s) pending');
    expect(lengthOf(await worker.check('снова'))).toBe(5);
  });

  it('fails the checks pending when it is stopped', async () => {
    const pending = worker.check('медленно');
    await worker.stop();
    await expect(pending).rejects.toThrow('stopped');
  });
});
