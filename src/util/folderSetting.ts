// How a folder setting is read: a URI (a virtual or remote file system), an absolute path, or a
// path relative to the workspace folders. Pure, so the parsing is unit-tested in plain Node.

export type FolderSetting =
  | { readonly kind: 'uri'; readonly uri: string }
  | { readonly kind: 'absolute'; readonly path: string }
  | { readonly kind: 'relative'; readonly path: string };

/** `scheme:/…` or `scheme://…`, two letters at least so that `C:/…` stays a Windows path. */
const URI = /^[a-z][a-z0-9+.-]+:\//i;

export function parseFolderSetting(value: string, home: string | undefined): FolderSetting {
  const trimmed = value.trim();
  if (URI.test(trimmed)) {
    return { kind: 'uri', uri: trimmed };
  }
  const expanded = home ? trimmed.replace(/^~(?=$|[\\/])/, home) : trimmed;
  if (expanded.startsWith('/') || /^[A-Za-z]:[\\/]/.test(expanded) || expanded.startsWith('\\\\')) {
    return { kind: 'absolute', path: expanded };
  }
  return { kind: 'relative', path: expanded };
}
