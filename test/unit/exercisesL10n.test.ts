import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { ankiExport } from '../../src/anki/ankiExport';
import { exercisePageHtml } from '../../src/exercises/exercisePage';
import { parseExerciseData } from '../../src/exercises/loadExercises';
import { describeOutcome, notRunMessage } from '../../src/exercises/runMessages';
import { outcomeOf } from '../../src/exercises/runner/harnessEvents';
import { MarkdownRenderer } from '../../src/panel/markdownRenderer';
import { itemsFor } from '../../src/search/searchItems';
import { LocaleFormat } from '../../src/util/localeFormat';
import { sampleExercise } from './exerciseFixture';
import { shippedCatalog } from './helpers';

describe('localized exercises, Anki export and search items', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('formats run durations and counts with the LocaleFormat it is given', () => {
    const timedOut = { kind: 'timedOut', timeoutMs: 1_500, results: [] } as const;
    assert.equal(describeOutcome(timedOut, 'Softmax').summary, 'Softmax: stopped after 1.5 s; an infinite loop or a very slow step?');
    assert.match(describeOutcome(timedOut, 'Softmax', new LocaleFormat('de')).summary, /stopped after 1,5 s;/);
    assert.match(notRunMessage(timedOut, new LocaleFormat('de')), /stopped after 1,5 s \(/);
    assert.match(notRunMessage(timedOut, new LocaleFormat('en')), /stopped after 1\.5 s \(/);
    const result = { name: 'test_a', label: 'A', status: 'passed' } as const;
    const many = Array.from({ length: 12_345 }, () => result);
    const completed = { kind: 'completed', python: '3.12', numpy: '2.0', results: many, passed: 12_345, failed: 0 } as const;
    assert.equal(describeOutcome(completed, 'Softmax', new LocaleFormat('de')).summary, 'Softmax: all 12.345 tests passed.');
    assert.equal(describeOutcome(completed, 'Softmax', new LocaleFormat('en')).summary, 'Softmax: all 12,345 tests passed.');
  });

  it('keeps the English of a crash with and without an exit code', () => {
    assert.equal(
      describeOutcome({ kind: 'crashed', exitCode: 3, detail: 'boom', results: [] }, 'Softmax').summary,
      'Softmax: the run stopped before the tests finished (boom, exit code 3).',
    );
    assert.equal(describeOutcome({ kind: 'crashed', exitCode: null, detail: 'boom', results: [] }, 'Softmax').summary, 'Softmax: the run stopped before the tests finished (boom).');
    assert.equal(
      describeOutcome({ kind: 'noInterpreter', tried: [] }, 'Softmax').summary,
      'No Python interpreter was found. Set mlPrep.python.path to a Python 3 with NumPy, or select an interpreter in the Python extension.',
    );
  });

  it('translates run messages from the configured bundle', () => {
    l10n.config({ contents: { '{0}: the run was cancelled.': '{0} : Lauf abgebrochen.', 'The test failed.': 'Test fehlgeschlagen.' } });
    assert.equal(describeOutcome({ kind: 'cancelled', results: [] }, 'Softmax').summary, 'Softmax : Lauf abgebrochen.');
    const english = outcomeOf([], { kind: 'exited', exitCode: 1 }, { python: 'python3' });
    assert.equal(english.kind === 'crashed' && english.detail, 'Python exited with code 1 before the tests finished (sys.exit or os._exit in your code, or a crash)');
    l10n.config({ contents: { 'Python exited with code {0} before the tests finished (sys.exit or os._exit in your code, or a crash)': 'Python endete mit Code {0}' } });
    const german = outcomeOf([], { kind: 'exited', exitCode: 1, stderr: 'Traceback' }, { python: 'python3' });
    assert.equal(german.kind === 'crashed' && german.detail, 'Python endete mit Code 1:\nTraceback');
  });

  it('escapes translated text on the exercise page', () => {
    l10n.config({ contents: { 'Start exercise': '<b>Los</b>', 'Exercise actions': 'A "quoted" label' } });
    const html = exercisePageHtml(sampleExercise(), { status: 'notTried', started: false, practiced: false }, new MarkdownRenderer(), {
      topicTitle: () => undefined,
      entryTitle: () => undefined,
    });
    assert.match(html, />&lt;b&gt;Los&lt;\/b&gt;</);
    assert.match(html, /aria-label="A &quot;quoted&quot; label"/);
    assert.doesNotMatch(html, /<b>Los/);
  });

  it('keeps the Anki headers and translates the deck name and the card link', () => {
    const catalog = shippedCatalog();
    const renderer = new MarkdownRenderer();
    const options = { render: (m: string) => renderer.render(m), renderInline: (m: string) => renderer.renderInline(m), linkFor: (id: string) => `vscode://x/open?id=${id}` };
    const english = ankiExport(catalog, { kind: 'topic', id: 'llm' }, options);
    assert.match(english, /^#deck:ML Interview Prep$/m);
    assert.match(english, />Open in VS Code<\/a>/);
    // Messages with a translator comment are keyed "message/comment" in a bundle.
    l10n.config({
      contents: {
        'ML Interview Prep/The name of the Anki deck the export creates': 'ML-Vorbereitung',
        'Open in VS Code/Link on the back of an Anki card': 'In VS Code <öffnen>',
      },
    });
    const german = ankiExport(catalog, { kind: 'topic', id: 'llm' }, options);
    assert.match(german, /^#separator:tab$/m);
    assert.match(german, /^#guid column:1$/m);
    assert.match(german, /^#deck:ML-Vorbereitung$/m);
    assert.match(german, />In VS Code &lt;öffnen&gt;<\/a>/);
  });

  it('translates the search picker items and the exercises file errors', () => {
    l10n.config({ contents: { 'No match for "{0}"': 'Kein Treffer für „{0}“' } });
    assert.match(itemsFor([], 'pizza')[0].label.replace(/\u2060/g, ''), /Kein Treffer für „pizza“/);
    l10n.config({ contents: { 'The exercises file is damaged: expected an object': 'Die Übungsdatei ist beschädigt' } });
    assert.throws(() => parseExerciseData('[]'), /Die Übungsdatei ist beschädigt/);
  });
});
