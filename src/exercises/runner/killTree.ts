import { spawn } from 'node:child_process';

/**
 * Kills a run and everything it started. On POSIX the run leads its own process group
 * (spawned with `detached: true`), so one signal to -pid reaches its children too, even after the
 * leader has exited. On Windows, taskkill walks the tree (/T) by parent id.
 */
export function killTree(pid: number, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') {
    try {
      const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      killer.on('error', () => undefined);
    } catch {
      // Nothing more to do: the process has gone, or taskkill is missing.
    }
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}
