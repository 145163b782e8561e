// The "ML Coding" part of the tree: exercises grouped by topic. No vscode import.
import type { Topic } from '../catalog/types';
import type { Exercise } from '../exercises/exerciseTypes';
import type { Event } from '../util/event';

export type ExerciseTreeStatus = 'notTried' | 'failing' | 'passing';

/** What the tree needs from the exercises feature. */
export interface ExerciseTreeSource {
  /** The exercises, or undefined until they are read (load() reads them). */
  readonly current: readonly Exercise[] | undefined;
  load(): Promise<unknown>;
  status(id: string): ExerciseTreeStatus;
  /** Practiced: passed all tests at least once (the study store's mark). */
  isPracticed(id: string): boolean;
  /** Its review card is due by the end of today: time to implement it again. */
  isDue(id: string): boolean;
  /** Fires when the exercises are read or a status changes. */
  readonly onDidChange: Event<void>;
}

export interface ExerciseCount {
  readonly practiced: number;
  readonly passing: number;
  readonly due: number;
  readonly total: number;
}

/** Topics in the catalog's order, then any topic the catalog lacks, each with its exercises in file order. */
export function exercisesByTopic(exercises: readonly Exercise[], topics: readonly Topic[]): { topicId: string; title: string; exercises: Exercise[] }[] {
  const groups = new Map<string, Exercise[]>();
  for (const exercise of exercises) {
    const group = groups.get(exercise.topic);
    if (group) {
      group.push(exercise);
    } else {
      groups.set(exercise.topic, [exercise]);
    }
  }
  const known = topics.filter((t) => groups.has(t.id)).map((t) => ({ topicId: t.id, title: t.title, exercises: groups.get(t.id) ?? [] }));
  const unknown = [...groups.keys()].filter((id) => !topics.some((t) => t.id === id)).map((id) => ({ topicId: id, title: id, exercises: groups.get(id) ?? [] }));
  return [...known, ...unknown];
}

export function countExercises(exercises: readonly Exercise[], source: Pick<ExerciseTreeSource, 'status' | 'isPracticed' | 'isDue'>): ExerciseCount {
  let practiced = 0;
  let passing = 0;
  let due = 0;
  for (const e of exercises) {
    practiced += source.isPracticed(e.id) ? 1 : 0;
    passing += source.status(e.id) === 'passing' ? 1 : 0;
    due += source.isDue(e.id) ? 1 : 0;
  }
  return { practiced, passing, due, total: exercises.length };
}
