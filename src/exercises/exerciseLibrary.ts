// The shipped exercises, read from dist/exercises.json on first need (not at activation).
// No vscode import: the caller passes how to read the file.
import * as l10n from '@vscode/l10n';
import { Emitter, type Event } from '../util/event';
import type { Exercise } from './exerciseTypes';
import { parseExerciseData } from './loadExercises';

export class ExerciseLibrary {
  private loading: Promise<readonly Exercise[]> | undefined;
  private list: readonly Exercise[] | undefined;
  private readonly byId = new Map<string, Exercise>();
  private loadError: string | undefined;
  private readonly emitter = new Emitter<void>();
  /** Fires once, when the exercises have been read (or failed to be). */
  readonly onDidLoad: Event<void> = this.emitter.event;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly fileName: string,
  ) {}

  /** The exercises, or undefined before the first load() finished. */
  get current(): readonly Exercise[] | undefined {
    return this.list;
  }

  /** Why the exercises could not be read, naming the file; undefined when they could. */
  get error(): string | undefined {
    return this.loadError;
  }

  get(id: string): Exercise | undefined {
    return this.byId.get(id);
  }

  /** Reads the file once; a missing or damaged file gives no exercises and a clear error. Never rejects. */
  load(): Promise<readonly Exercise[]> {
    this.loading ??= this.read()
      .then((text) => parseExerciseData(text).exercises)
      .catch((e: unknown) => {
        this.loadError = l10n.t('the exercises in {0} could not be read: {1}', this.fileName, e instanceof Error ? e.message : String(e));
        return [] as readonly Exercise[];
      })
      .then((exercises) => {
        this.list = exercises;
        for (const exercise of exercises) {
          this.byId.set(exercise.id, exercise);
        }
        this.emitter.fire();
        return exercises;
      });
    return this.loading;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
