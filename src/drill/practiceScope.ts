// Which questions a drill asks, for each scope the user can pick. Pure.
import type { Catalog } from '../catalog/catalog';

export type PracticeScope =
  | { readonly kind: 'topic'; readonly id: string }
  | { readonly kind: 'path'; readonly id: string }
  | { readonly kind: 'due' }
  | { readonly kind: 'unpracticed' }
  | { readonly kind: 'random'; readonly size: number }
  /** Given questions, in order: e.g. those that use a concept, from a hover. */
  | { readonly kind: 'questions'; readonly ids: readonly string[] };

export function questionsFor(
  scope: PracticeScope,
  catalog: Catalog,
  isPracticed: (id: string) => boolean,
  dueIds: readonly string[],
  random: () => number = Math.random,
): string[] {
  switch (scope.kind) {
    case 'topic':
      return catalog.questionsOf(scope.id).map((q) => q.id);
    case 'path': {
      const path = catalog.paths.find((p) => p.id === scope.id);
      if (!path) {
        return [];
      }
      // A path is its ordered list, so a drill keeps the path's promise (e.g. its depth).
      return catalog.pathQuestionIds(path);
    }
    case 'due':
      // Due coding exercises are left out: the drill cannot grade code (see dueExercises).
      return dueIds.filter((id) => catalog.question(id));
    case 'unpracticed':
      return catalog.questions.filter((q) => !isPracticed(q.id)).map((q) => q.id);
    case 'questions':
      return scope.ids.filter((id) => catalog.question(id));
    case 'random':
      return shuffle(
        catalog.questions.map((q) => q.id),
        random,
      ).slice(0, scope.size);
  }
}

/**
 * The due coding exercises, most overdue first. They are not drill cards: a drill grades a recalled
 * answer, an exercise is reviewed by passing its tests again, so Start Practice offers to open them.
 */
export function dueExercises<T extends { readonly id: string }>(dueIds: readonly string[], exercises: readonly T[]): T[] {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  return dueIds.flatMap((id) => byId.get(id) ?? []);
}

/** Fisher-Yates on a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

