import * as assert from 'node:assert/strict';
import { MAX_READING_SIZE, MIN_READING_SIZE, readingSize } from '../../src/panel/readingSize';

describe('answer panel reading size', () => {
  it('uses mlPrep.panel.fontSize when set above 0', () => {
    assert.equal(readingSize({ own: 18, markdownPreview: 15, editor: 13 }), 18);
  });

  it('follows the Markdown preview size the user set, else the editor size, when ours is 0', () => {
    assert.equal(readingSize({ own: 0, markdownPreview: 15, editor: 13 }), 15);
    assert.equal(readingSize({ own: 0, markdownPreview: undefined, editor: 13 }), 13);
  });

  it('skips values that are not positive numbers and keeps the size within bounds', () => {
    assert.equal(readingSize({ own: '20', markdownPreview: -3, editor: Number.NaN }), 14);
    assert.equal(readingSize({ own: 500, markdownPreview: undefined, editor: 13 }), MAX_READING_SIZE);
    assert.equal(readingSize({ own: 1, markdownPreview: undefined, editor: 13 }), MIN_READING_SIZE);
  });
});
