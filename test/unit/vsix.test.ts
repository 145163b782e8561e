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

function readEntry(file: string, wanted: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        return reject(err);
      }
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== wanted) {
          return zip.readEntry();
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            return reject(e);
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${wanted} is not in ${file}`)));
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
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|package\.nls(\.[a-z]{2,3}(-[a-z]{2,4})?)?\.json|l10n\/bundle\.l10n(\.[a-z]{2,3}(-[a-z]{2,4})?)?\.json|readme\.md|changelog\.md|license(\.txt)?|dist\/[^/]+\.(js|json)|dist\/bodies\/[a-z0-9-]+\.md|media\/[^/]+\.(css|svg|png)|media\/screenshots\/[a-z-]+\.jpg|media\/walkthrough\/[a-z-]+\.md|media\/python\/mlprep_[a-z]+\.py))$/i;
    const unexpected = names.filter((n) => !allowed.test(n));
    assert.deepEqual(unexpected, []);
    for (const needed of ['extension/package.nls.json', 'extension/dist/extension.js', 'extension/dist/webview.js', 'extension/dist/drill.js', 'extension/dist/dashboard.js', 'extension/dist/catalog.json', 'extension/dist/bodies/kv-cache.md', 'extension/dist/search-heads.json', 'extension/dist/search-sections.json', 'extension/media/panel.css', 'extension/dist/exercises.json', 'extension/media/python/mlprep_run.py', 'extension/media/python/mlprep_check.py']) {
      assert.ok(names.includes(needed), `${needed} is in the VSIX`);
    }
    assert.ok(!names.some((n) => n.endsWith('.map')), 'no source maps');
  });

  it("keeps the manifest's %key% placeholders, with their English strings beside it", async () => {
    const packaged = JSON.parse(await readEntry(vsix, 'extension/package.json'));
    const nls = JSON.parse(await readEntry(vsix, 'extension/package.nls.json')) as Record<string, string>;
    assert.equal(packaged.displayName, '%extension.displayName%');
    assert.equal(packaged.contributes.commands[0].title, `%command.${packaged.contributes.commands[0].command.replace(/^mlPrep\./, '')}.title%`);
    assert.equal(nls['extension.displayName'], 'ML Interview Prep');
    const vsixManifest = await readEntry(vsix, 'extension.vsixmanifest');
    assert.match(vsixManifest, /<DisplayName>ML Interview Prep<\/DisplayName>/, 'vsce resolved the Marketplace name');
  });
});
