// Each exercise's last result on this machine (not tried / failing / passing), in globalState.
// Local only: it is not registered for Settings Sync, since the attempts themselves are local files.
// Several windows share the value, so each write reads what is stored and merges (newest wins per id).
import { Emitter, type Event } from '../util/event';
import { isRecord } from '../util/isRecord';
import type { MementoLike } from '../util/memento';
import { SerialQueue } from '../util/writeQueue';

export const EXERCISE_STATUS_KEY = 'mlPrep.exercises.status';

export type ExerciseStatus = 'notTried' | 'failing' | 'passing';

export interface ExerciseResultRecord {
  readonly status: 'failing' | 'passing';
  /** Epoch milliseconds of the run. */
  readonly at: number;
  readonly passed: number;
  readonly total: number;
}

type Records = Readonly<Record<string, ExerciseResultRecord>>;

const MAX_ID = 240;

/** What is stored, keeping only well-formed records: a damaged entry reads as not tried. */
export function readRecords(value: unknown): Records {
  const out: Record<string, ExerciseResultRecord> = {};
  if (!isRecord(value)) {
    return out;
  }
  for (const [id, r] of Object.entries(value)) {
    if (id.length === 0 || id.length > MAX_ID || !isRecord(r)) {
      continue;
    }
    const { status, at, passed, total } = r;
    if (
      (status === 'failing' || status === 'passing') &&
      isCount(at) &&
      isCount(passed) &&
      isCount(total) &&
      passed <= total
    ) {
      Object.defineProperty(out, id, { value: { status, at, passed, total }, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The union of two record sets; for an id in both, the later run wins. */
export function mergeRecords(a: Records, b: Records): Records {
  const out: Record<string, ExerciseResultRecord> = { ...a };
  for (const [id, r] of Object.entries(b)) {
    const old = Object.hasOwn(out, id) ? out[id] : undefined;
    if (!old || r.at >= old.at) {
      Object.defineProperty(out, id, { value: r, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

export class ExerciseStatusStore {
  private records: Records;
  private readonly queue = new SerialQueue();
  private readonly emitter = new Emitter<readonly string[]>();
  /** Fires with the ids whose status changed. */
  readonly onDidChange: Event<readonly string[]> = this.emitter.event;

  constructor(private readonly memento: MementoLike) {
    this.records = readRecords(memento.get(EXERCISE_STATUS_KEY));
  }

  status(id: string): ExerciseStatus {
    return this.record(id)?.status ?? 'notTried';
  }

  record(id: string): ExerciseResultRecord | undefined {
    return Object.hasOwn(this.records, id) ? this.records[id] : undefined;
  }

  set(id: string, record: ExerciseResultRecord): Promise<void> {
    return this.queue.run(async () => {
      const stored = readRecords(this.memento.get(EXERCISE_STATUS_KEY));
      const next = mergeRecords(mergeRecords(this.records, stored), { [id]: record });
      const changed = Object.keys(next).filter((k) => this.status(k) !== (next[k]?.status ?? 'notTried'));
      this.records = next;
      await this.memento.update(EXERCISE_STATUS_KEY, next);
      if (changed.length > 0) {
        this.emitter.fire(changed);
      }
    });
  }

  /** Takes in what other windows stored; cheap when nothing changed. */
  refresh(): void {
    const stored = readRecords(this.memento.get(EXERCISE_STATUS_KEY));
    const next = mergeRecords(this.records, stored);
    const changed = Object.keys(next).filter((k) => this.status(k) !== next[k].status);
    this.records = next;
    if (changed.length > 0) {
      this.emitter.fire(changed);
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
