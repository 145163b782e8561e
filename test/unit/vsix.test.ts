import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as yauzl from 'yauzl';

const vsix = join(__dirname, '..', '..', 'ml-interview-prep.vsix');

function listEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        return reject(err);
      }
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('packaged VSIX', function () {
  before(function () {
    if (!existsSync(vsix)) {
      throw new Error(`${vsix} is missing: run "npm run package" first (npm test does).`);
    }
  });

  it('ships only the manifest files, dist/ and media/', async () => {
    const names = await listEntries(vsix);
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|license(\.txt)?|dist\/[^/]+\.(js|json)|dist\/bodies\/[a-z0-9-]+\.md|media\/[^/]+\.(css|svg|png)|media\/screenshots\/[a-z-]+\.jpg|media\/walkthrough\/[a-z-]+\.md|media\/python\/mlprep_[a-z]+\.py))$/i;
    const unexpected = names.filter((n) => !allowed.test(n));
    assert.deepEqual(unexpected, []);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/webview.js', 'extension/dist/drill.js', 'extension/dist/dashboard.js', 'extension/dist/catalog.json', 'extension/dist/bodies/kv-cache.md', 'extension/dist/search-heads.json', 'extension/dist/search-sections.json', 'extension/media/panel.css', 'extension/dist/exercises.json', 'extension/media/python/mlprep_run.py', 'extension/media/python/mlprep_check.py']) {
      assert.ok(names.includes(needed), `${needed} is in the VSIX`);
    }
    assert.ok(!names.some((n) => n.endsWith('.map')), 'no source maps');
  });
});
