import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFolderSetting } from '../../src/util/folderSetting';

describe('folder settings', () => {
  it('reads a URI, so a folder of a virtual or remote file system can be named', () => {
    assert.deepEqual(parseFolderSetting(' vscode-vfs://github/me/notes/ml ', '/home/me'), { kind: 'uri', uri: 'vscode-vfs://github/me/notes/ml' });
    assert.deepEqual(parseFolderSetting('file:///home/me/ml', '/home/me'), { kind: 'uri', uri: 'file:///home/me/ml' });
    assert.deepEqual(parseFolderSetting('memfs:/notes', '/home/me'), { kind: 'uri', uri: 'memfs:/notes' });
  });

  it('keeps absolute paths, Windows ones included, and expands ~ to the home folder', () => {
    assert.deepEqual(parseFolderSetting('/srv/ml', '/home/me'), { kind: 'absolute', path: '/srv/ml' });
    assert.deepEqual(parseFolderSetting('C:/Users/me/ml', 'C:\\Users\\me'), { kind: 'absolute', path: 'C:/Users/me/ml' });
    assert.deepEqual(parseFolderSetting('d:\\ml', undefined), { kind: 'absolute', path: 'd:\\ml' });
    assert.deepEqual(parseFolderSetting('\\\\server\\share\\ml', undefined), { kind: 'absolute', path: '\\\\server\\share\\ml' });
    assert.deepEqual(parseFolderSetting('~/ml', '/home/me'), { kind: 'absolute', path: '/home/me/ml' });
    assert.deepEqual(parseFolderSetting('~', '/home/me'), { kind: 'absolute', path: '/home/me' });
  });

  it('leaves other paths relative, to be resolved against the workspace folders (of any scheme)', () => {
    assert.deepEqual(parseFolderSetting('notes/ml', '/home/me'), { kind: 'relative', path: 'notes/ml' });
    assert.deepEqual(parseFolderSetting('~other/ml', '/home/me'), { kind: 'relative', path: '~other/ml' });
    assert.deepEqual(parseFolderSetting('~/ml', undefined), { kind: 'relative', path: '~/ml' });
  });

  it('never throws and never reads a one-letter drive as a URI scheme', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const read = parseFolderSetting(s, '/home/me');
        if (/^\s*[A-Za-z]:[\\/]/.test(s)) {
          assert.equal(read.kind, 'absolute');
        }
      }),
    );
  });
});
