import * as assert from 'node:assert/strict';
import { Logger } from '../../src/util/logger';

function recording() {
  const lines: string[] = [];
  const logger = new Logger({ info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) });
  return { lines, logger };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('logger', () => {
  it('logs a rejected promise, a rejected thenable and a throw, with where it happened, and throws nothing', async () => {
    const { lines, logger } = recording();
    logger.run('a promise', () => Promise.reject(new Error('no disk')));
    // A VS Code Thenable is not a Promise instance; its rejection must not go unhandled either.
    const thenable: PromiseLike<never> = { then: (_ok, fail) => Promise.reject(new Error('gone')).then(undefined, fail) };
    logger.run('a thenable', () => thenable);
    logger.run('a throw', () => {
      throw new Error('bad');
    });
    logger.run('fine', () => Promise.resolve(1));
    await settle();
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(lines.find((l) => l.includes('a promise')) ?? '', /^error a promise: Error: no disk/);
    assert.match(lines.find((l) => l.includes('a thenable')) ?? '', /^error a thenable: Error: gone/);
    assert.match(lines.find((l) => l.includes('a throw')) ?? '', /^error a throw: Error: bad/);
  });

  it('writes a thrown non-error as text', () => {
    const { lines, logger } = recording();
    logger.error('where', 'just a string');
    assert.deepEqual(lines, ['error where: just a string']);
  });
});
