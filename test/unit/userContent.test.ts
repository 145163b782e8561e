import * as assert from 'node:assert/strict';
import { Catalog } from '../../src/catalog/catalog';
import { parseCatalog } from '../../src/catalog/loadCatalog';
import type { CatalogData, Question } from '../../src/catalog/types';
import { compileCatalog } from '../../src/catalog/compile/compileCatalog';
import { mergeUserContent, MergeResult, MY_NOTES_TOPIC_ID, UserFile } from '../../src/catalog/userFolders/userContent';
import { file, publishedBody, shippedCatalog, validFiles } from './helpers';

const ROOT = '/home/me/ml-notes';

function userFile(relativePath: string, fields: Record<string, unknown>, body = 'My own words.'): UserFile {
  return { path: `${ROOT}/${relativePath}`, relativePath, text: file(relativePath, fields, body).text };
}

const question = (id: string, topic: string, extra: Record<string, unknown> = {}, body?: string): UserFile =>
  userFile(
    `questions/${topic}/${id}.md`,
    { id, title: `Question ${id}?`, topic, format: 'explain', difficulty: 'intermediate', status: 'draft', summary: 'My summary.', ...extra },
    body,
  );

const concept = (id: string, topic: string, extra: Record<string, unknown> = {}, body?: string): UserFile =>
  userFile(`concepts/${id}.md`, { id, title: `Concept ${id}`, topic, status: 'draft', oneLiner: 'In short.', aliases: [], ...extra }, body);

/** The small fixture tree of the compiler tests, compiled, stands in for the shipped catalog. */
function smallShipped(): CatalogData {
  const { catalog, problems } = compileCatalog(validFiles());
  assert.deepEqual(problems, []);
  assert.ok(catalog);
  return catalog;
}

const shown = (r: MergeResult) => r.problems.map((p) => `${p.path}:${p.line}: ${p.message}`);

/** The result must load like dist/catalog.json and keep the build's ordering rules. */
function assertValidCatalog(data: CatalogData): Catalog {
  const loaded = parseCatalog(JSON.stringify(data), 'merged');
  assert.ok('catalog' in loaded, 'error' in loaded ? loaded.error : '');
  const orders = data.topics.map((t) => t.order);
  assert.deepEqual(orders, [...orders].sort((a, b) => a - b), 'topics by order');
  assert.equal(new Set(orders).size, orders.length, 'topic orders are distinct');
  const topicIndex = new Map(data.topics.map((t, i) => [t.id, i]));
  // Listed sections in the topic's order, then sections only user files name, then unfiled questions.
  const rank = (q: Question) => {
    const listed = data.topics.find((t) => t.id === q.topic)?.sections.indexOf(q.section) ?? -1;
    return listed >= 0 ? listed : q.section === '' ? Infinity : Number.MAX_SAFE_INTEGER;
  };
  data.questions.forEach((q, i) => {
    assert.ok(topicIndex.has(q.topic), `${q.id} has a topic`);
    const prev = data.questions[i - 1];
    if (prev && prev.topic === q.topic && rank(prev) !== rank(q)) {
      assert.ok(rank(prev) < rank(q), `by section: ${prev.id}, ${q.id}`);
    } else if (prev && prev.topic === q.topic) {
      assert.ok(Number(prev.format === 'design') >= Number(q.format === 'design'), `design first: ${prev.id}, ${q.id}`);
      if (prev.format === q.format && prev.section === q.section) {
        assert.ok(prev.title.localeCompare(q.title, 'en', { sensitivity: 'base' }) <= 0, `by title: ${prev.id}, ${q.id}`);
      }
    } else if (prev) {
      assert.ok((topicIndex.get(prev.topic) ?? 0) < (topicIndex.get(q.topic) ?? 0), `by topic: ${prev.id}, ${q.id}`);
    }
  });
  data.concepts.forEach((c, i) => {
    const prev = data.concepts[i - 1];
    assert.ok(!prev || prev.title.localeCompare(c.title, 'en', { sensitivity: 'base' }) <= 0, `concepts by title: ${prev?.id}, ${c.id}`);
  });
  const ids = [...data.topics, ...data.questions, ...data.concepts, ...data.paths].map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  return new Catalog(data);
}

describe('mergeUserContent', () => {
  it('gives the same catalog as compiling the user files with the shipped ones, when they are all valid', () => {
    const user = [
      question('my-basics-q', 'basics', { concepts: ['my-concept'], format: 'design' }, 'See [bias](mlprep:bias) and [mine](mlprep:my-concept).'),
      concept('my-concept', 'advanced', { related: ['what-is-bias', 'my-basics-q'] }),
      userFile('topics/extra.md', { id: 'extra', title: 'Extra', order: 3, difficulty: 'advanced', teaches: ['Mine'] }, 'Overview.'),
      question('extra-q', 'extra', { prerequisites: ['what-is-bias'] }),
      userFile('paths/mine.md', { id: 'mine', title: 'My path', order: 2, topics: ['extra', 'basics'], firstQuestions: ['extra-q'] }, 'For me.'),
    ];
    const merged = mergeUserContent(smallShipped(), user);
    assert.deepEqual(shown(merged), []);
    const together = compileCatalog([...validFiles(), ...user.map((u) => ({ path: u.relativePath, text: u.text }))]);
    assert.deepEqual(together.problems, []);
    assert.deepEqual(merged.catalog, together.catalog);
    assert.deepEqual(merged.userIds, ['my-concept', 'mine', 'my-basics-q', 'extra-q', 'extra']);
  });

  it('adds user entries under shipped topics and to the concepts list, linking both ways to shipped and user ids', () => {
    const shipped = shippedCatalog();
    const user = [
      question(
        'my-kv-question',
        'llm',
        {
          status: 'published',
          concepts: ['kv-cache', 'my-paged-cache'],
          related: ['kv-cache-inference', 'my-decoding-question'],
          keyPoints: ['a', 'b', 'c', 'd'],
          sources: ['My reading.'],
        },
        publishedBody().replace('Deep.', 'Compare [the shipped answer](mlprep:kv-cache-inference) with [mine](mlprep:my-paged-cache).'),
      ),
      question('my-decoding-question', 'llm', { related: ['my-kv-question'] }),
      concept('my-paged-cache', 'llm', { title: 'Paged KV blocks', aliases: ['block_table'], related: ['kv-cache', 'my-kv-question'] }),
    ];
    const result = mergeUserContent(shipped.data, user);
    assert.deepEqual(shown(result), []);
    const merged = assertValidCatalog(result.catalog);
    assert.deepEqual(
      merged.questionsOf('llm').map((q) => q.id).filter((id) => id.startsWith('my-')),
      ['my-decoding-question', 'my-kv-question'],
    );
    assert.equal(merged.questionsOf('llm').length, shipped.questionsOf('llm').length + 2);
    assert.equal(merged.concept('my-paged-cache')?.title, 'Paged KV blocks');
    assert.ok(merged.concepts.indexOf(merged.concept('my-paged-cache')!) > 0, 'sorted into the concepts list by title');
    assert.deepEqual(merged.questionsUsing('kv-cache').map((q) => q.id).includes('my-kv-question'), true);
    assert.deepEqual(merged.topics, shipped.topics, 'no topic added when nothing uses "my-notes"');
    assert.equal(merged.questions.length, shipped.questions.length + 2);
    assert.deepEqual(result.userIds.sort(), ['my-decoding-question', 'my-kv-question', 'my-paged-cache']);
    // Shipped entries are the same objects, untouched.
    assert.equal(merged.question('kv-cache-inference'), shipped.question('kv-cache-inference'));
  });

  it('creates a "My notes" topic after the shipped topics for entries in my-notes, unless a topic file provides it', () => {
    const shipped = shippedCatalog();
    const lastOrder = Math.max(...shipped.topics.map((t) => t.order));
    const notes = [question('my-first-note', MY_NOTES_TOPIC_ID), concept('my-term', MY_NOTES_TOPIC_ID)];
    const auto = assertValidCatalog(mergeUserContent(shipped.data, notes).catalog);
    const topic = auto.topics[auto.topics.length - 1];
    assert.deepEqual(
      { id: topic.id, title: topic.title, shortTitle: topic.shortTitle, difficulty: topic.difficulty },
      { id: 'my-notes', title: 'My notes', shortTitle: 'My notes', difficulty: 'intermediate' },
    );
    assert.ok(topic.order > lastOrder);
    assert.deepEqual(auto.questionsOf('my-notes').map((q) => q.id), ['my-first-note']);
    assert.equal(auto.concept('my-term')?.topic, 'my-notes');

    const ownTopic = userFile('topics/my-notes.md', { id: 'my-notes', title: 'Scratchpad', order: 1, difficulty: 'advanced', teaches: ['Mine'] }, 'Mine.');
    const result = mergeUserContent(shipped.data, [...notes, ownTopic]);
    const own = assertValidCatalog(result.catalog);
    assert.deepEqual(own.topics.filter((t) => t.id === 'my-notes').map((t) => t.title), ['Scratchpad']);
    assert.ok((own.topic('my-notes')?.order ?? 0) > lastOrder, 'a user topic with order 1 still comes after the shipped ones');
    assert.ok(result.userIds.includes('my-notes'));
    assert.ok(!mergeUserContent(shipped.data, notes).userIds.includes('my-notes'), 'the automatic topic is not from a file');
  });

  it('orders user topics and study paths after the shipped ones, keeping their own relative order', () => {
    const shipped = smallShipped();
    const topic = (id: string, order: number) => userFile(`topics/${id}.md`, { id, title: id, order, difficulty: 'beginner', teaches: ['x'] }, 'x');
    const result = mergeUserContent(shipped, [
      topic('zeta', 1),
      topic('alpha', 7),
      question('in-zeta', 'zeta'),
      question('in-notes', 'my-notes'),
      userFile('paths/my-path.md', { id: 'my-path', title: 'Mine', order: 1, topics: ['alpha'] }, 'x'),
    ]);
    assert.deepEqual(shown(result), []);
    const merged = assertValidCatalog(result.catalog);
    assert.deepEqual(merged.topics.map((t) => t.id), ['basics', 'advanced', 'zeta', 'alpha', 'my-notes']);
    assert.deepEqual(merged.paths.map((p) => p.id), ['start', 'my-path']);
    assert.deepEqual(merged.questions.map((q) => q.id), ['draft-question', 'what-is-bias', 'in-zeta', 'in-notes']);
  });

  it('reports an id already used by the shipped catalog on its id line and keeps the shipped entry', () => {
    const shipped = shippedCatalog();
    const clash = concept('kv-cache', 'llm', { title: 'My KV cache' });
    const other = concept('my-other', 'llm');
    const result = mergeUserContent(shipped.data, [clash, other]);
    assert.deepEqual(shown(result), [`${ROOT}/concepts/kv-cache.md:2: id "kv-cache" is already used by the shipped catalog; choose another id`]);
    const merged = assertValidCatalog(result.catalog);
    assert.equal(merged.concept('kv-cache'), shipped.concept('kv-cache'));
    assert.equal(merged.concepts.filter((c) => c.id === 'kv-cache').length, 1);
    assert.ok(merged.concept('my-other'));
    assert.deepEqual(result.userIds, ['my-other']);
    // A topic file, or an entry of another kind, may not take a shipped id either.
    const topicClash = userFile('topics/llm.md', { id: 'llm', title: 'Mine', order: 1, difficulty: 'beginner', teaches: ['x'] }, 'x');
    assert.deepEqual(shown(mergeUserContent(shipped.data, [topicClash, question('kv-cache', 'llm')])), [
      `${ROOT}/questions/llm/kv-cache.md:2: id "kv-cache" is already used by the shipped catalog; choose another id`,
      `${ROOT}/topics/llm.md:2: id "llm" is already used by the shipped catalog; choose another id`,
    ]);
  });

  it('reports the second of two user files with the same id, in path order', () => {
    const a: UserFile = { ...concept('twin', 'basics'), path: '/a/notes/concepts/twin.md' };
    const b: UserFile = { ...concept('twin', 'basics', { title: 'Second' }), path: '/b/notes/concepts/twin.md' };
    const result = mergeUserContent(smallShipped(), [b, a]);
    assert.deepEqual(shown(result), ['/b/notes/concepts/twin.md:2: duplicate id "twin": already used by /a/notes/concepts/twin.md']);
    assert.equal(new Catalog(result.catalog).concept('twin')?.title, 'Concept twin');
  });

  it('reports a broken file with file and line, and loads everything else', () => {
    const shipped = shippedCatalog();
    const broken = question('my-broken', 'llm', { difficulty: 'easy' });
    const noSummary: UserFile = { ...question('no-summary', 'llm'), text: question('no-summary', 'llm').text.replace(/^summary: .*\n/m, '') };
    const badYaml: UserFile = { path: `${ROOT}/concepts/bad-yaml.md`, relativePath: 'concepts/bad-yaml.md', text: '---\nid: bad-yaml\ntitle: [unclosed\n---\nx' };
    const noFrontMatter: UserFile = { path: `${ROOT}/concepts/plain.md`, relativePath: 'concepts/plain.md', text: 'Just some notes.' };
    const misplaced: UserFile = { path: `${ROOT}/scratch/todo.md`, relativePath: 'scratch/todo.md', text: 'x' };
    const wrongFolder = question('wrong-folder', 'llm', { topic: 'classic-ml' });
    const typoField: UserFile = { ...concept('typo', 'llm'), text: concept('typo', 'llm').text.replace('status:', 'keypoints: "x"\nconstructor: 1\nstatus:') };
    const good = question('my-good', 'llm');
    const result = mergeUserContent(shipped.data, [broken, noSummary, badYaml, noFrontMatter, misplaced, wrongFolder, typoField, good]);
    const problems = shown(result);
    assert.ok(problems.includes(`${ROOT}/questions/llm/my-broken.md:6: field "difficulty" must be one of beginner, intermediate, advanced, not "easy"`), problems.join('\n'));
    assert.ok(problems.includes(`${ROOT}/questions/llm/no-summary.md:1: missing field "summary"`), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith(`${ROOT}/concepts/bad-yaml.md:3: front matter is not valid YAML`)), problems.join('\n'));
    assert.ok(problems.includes(`${ROOT}/concepts/plain.md:1: missing front matter: the file must start with a line "---"`), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith(`${ROOT}/scratch/todo.md:1: unexpected file`)), problems.join('\n'));
    assert.ok(problems.includes(`${ROOT}/questions/llm/wrong-folder.md:4: field "topic" is "classic-ml" but the file is in questions/llm/; the file is left out`), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith(`${ROOT}/concepts/typo.md:5: unknown field "keypoints" in a concept`)), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith(`${ROOT}/concepts/typo.md:6: unknown field "constructor" in a concept`)), problems.join('\n'));
    assert.equal(problems.length, 8, problems.join('\n'));
    const merged = assertValidCatalog(result.catalog);
    assert.deepEqual(result.userIds, ['my-good']);
    assert.ok(merged.question('my-good'));
    assert.equal(merged.questions.length, shipped.questions.length + 1);
  });

  it('reports links to a dropped file as such, leaving out only those links: no cascade', () => {
    const shipped = smallShipped();
    const broken = concept('half-done', 'basics', { status: 'final' });
    const linksField = question('uses-it', 'basics', { prerequisites: ['half-done-q'] }, 'See [it](mlprep:half-done).');
    const brokenQuestion = question('half-done-q', 'basics', { format: 'essay' });
    const second = concept('second-hand', 'basics', { related: ['uses-it'] });
    const unknown = concept('typo-link', 'basics', { related: ['no-such-thing'] });
    const fine = concept('fine', 'basics', { related: ['bias'] });
    const result = mergeUserContent(shipped, [broken, linksField, brokenQuestion, second, unknown, fine]);
    const q = `${ROOT}/questions/basics`;
    const c = `${ROOT}/concepts`;
    assert.deepEqual(shown(result), [
      `${c}/half-done.md:5: field "status" must be one of draft, published, not "final"`,
      `${c}/typo-link.md:8: field "related" links to unknown id "no-such-thing"; that link is left out`,
      `${q}/half-done-q.md:5: field "format" must be one of design, explain, quick, not "essay"`,
      `${q}/uses-it.md:9: field "prerequisites" links to "half-done-q", which is not loaded because ${q}/half-done-q.md has problems; that link is left out`,
      `${q}/uses-it.md:12: link to "mlprep:half-done", which is not loaded because ${c}/half-done.md has problems; the link does not open`,
    ]);
    assert.deepEqual(result.userIds, ['fine', 'second-hand', 'typo-link', 'uses-it']);
    const merged = assertValidCatalog(result.catalog);
    assert.deepEqual(merged.question('uses-it')?.prerequisites, [], 'the broken link is left out');
    assert.deepEqual(merged.concept('second-hand')?.related, ['uses-it'], 'links to a file with a broken link still work');
    assert.deepEqual(merged.concept('typo-link')?.related, []);
  });

  it('checks links for kind and self-reference as the build does, leaving out the bad link', () => {
    const result = mergeUserContent(smallShipped(), [
      question('wrong-kind', 'basics', { concepts: ['what-is-bias'] }),
      concept('selfish', 'basics', { related: ['selfish'] }),
    ]);
    assert.deepEqual(shown(result), [
      `${ROOT}/concepts/selfish.md:8: field "related" links the entry to itself; that link is left out`,
      `${ROOT}/questions/basics/wrong-kind.md:9: field "concepts" must name a concept, but "what-is-bias" is a question; that link is left out`,
    ]);
    assert.deepEqual(result.userIds, ['selfish', 'wrong-kind']);
    assert.deepEqual(new Catalog(result.catalog).question('wrong-kind')?.concepts, []);
  });

  it('keeps a chain of 4,000 notes when the last one has a broken link, and reports it once', () => {
    const n = 4000;
    const files = Array.from({ length: n }, (_, i) => concept(`chain-${i}`, 'basics', { related: [i === n - 1 ? 'chain-typo' : `chain-${i + 1}`] }));
    const result = mergeUserContent(smallShipped(), files);
    assert.equal(result.userIds.length, n);
    assert.deepEqual(shown(result), [`${ROOT}/concepts/chain-${n - 1}.md:8: field "related" links to unknown id "chain-typo"; that link is left out`]);
  });

  it('applies the structure but not the word limits of the shipped content bar; drafts are fine', () => {
    const long = 'word '.repeat(60).trim();
    const user = [question('wordy', 'basics', { summary: long, title: `${long}?` }), concept('wordy-concept', 'basics', { oneLiner: long })];
    const result = mergeUserContent(smallShipped(), user);
    assert.deepEqual(shown(result), []);
    assert.equal(new Catalog(result.catalog).question('wordy')?.summary, long);
    // The build still enforces them.
    const built = compileCatalog([...validFiles(), ...user.map((u) => ({ path: u.relativePath, text: u.text }))]);
    assert.equal(built.problems.length, 3, built.problems.map((p) => p.message).join('\n'));
    // Published questions still need their fields and sections.
    const published = mergeUserContent(smallShipped(), [question('thin', 'basics', { status: 'published' })]);
    assert.ok(shown(published).includes(`${ROOT}/questions/basics/thin.md:1: missing field "keyPoints" (needed once status is published)`), shown(published).join('\n'));
    assert.ok(shown(published).includes(`${ROOT}/questions/basics/thin.md:10: missing section "## Short answer"`), shown(published).join('\n'));
  });

  it('keeps hostile text as plain data', () => {
    const html = '<img src=x onerror="alert(1)">';
    const body = `<script>alert(document.cookie)</script>\n\n<iframe src="https://example.com"></iframe> ${html}`;
    const result = mergeUserContent(smallShipped(), [concept('hostile', 'basics', { title: `Title ${html}`, oneLiner: html, aliases: [html] }, body)]);
    assert.deepEqual(shown(result), []);
    const c = new Catalog(result.catalog).concept('hostile');
    assert.equal(c?.title, `Title ${html}`);
    assert.equal(c?.oneLiner, html);
    assert.deepEqual(c?.aliases, [html]);
    assert.equal(c?.body, body);
  });

  it('never throws: alias bombs, empty files, junk bytes, odd paths; CRLF and a byte-order mark are read', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcde'[i]}`).join(',')}]`)];
    const files: UserFile[] = [
      { path: `${ROOT}/concepts/bomb.md`, relativePath: 'concepts/bomb.md', text: `---\n${bomb.join('\n')}\n---\nx` },
      { path: `${ROOT}/concepts/empty.md`, relativePath: 'concepts/empty.md', text: '' },
      { path: `${ROOT}/concepts/junk.md`, relativePath: 'concepts/junk.md', text: '---\n\u0000\uFFFD: [\n---' },
      { path: `${ROOT}/concepts/list.md`, relativePath: 'concepts/list.md', text: '---\n- a\n- b\n---\n' },
      { path: `${ROOT}/x.md`, relativePath: '', text: 'x' },
      { ...concept('windows', 'basics'), text: `\uFEFF${concept('windows', 'basics').text.replace(/\n/g, '\r\n')}` },
      { ...concept('backslash', 'basics'), relativePath: 'concepts\\backslash.md' },
    ];
    let result: MergeResult | undefined;
    assert.doesNotThrow(() => (result = mergeUserContent(smallShipped(), files)));
    assert.ok(result);
    const problems = shown(result);
    assert.ok(problems.some((p) => p.startsWith(`${ROOT}/concepts/bomb.md:1: front matter could not be read`)), problems.join('\n'));
    assert.deepEqual(
      [...new Set(result.problems.map((p) => p.path))],
      ['bomb', 'empty', 'junk', 'list'].map((n) => `${ROOT}/concepts/${n}.md`).concat(`${ROOT}/x.md`),
    );
    assert.deepEqual(result.userIds, ['backslash', 'windows']);
    assert.equal(new Catalog(result.catalog).concept('windows')?.body, 'My own words.');
  });

  it('merges 1,000 files across shipped and user topics', () => {
    const shipped = shippedCatalog();
    const files = thousandFiles(shipped.data);
    assert.equal(files.length, 1000);
    const result = mergeUserContent(shipped.data, files);
    assert.deepEqual(shown(result), []);
    const merged = assertValidCatalog(result.catalog);
    assert.equal(result.userIds.length, 1000);
    assert.equal(merged.questions.length, shipped.questions.length + 800);
    assert.equal(merged.concepts.length, shipped.concepts.length + 200);
    assert.equal(merged.topics.length, shipped.topics.length + 1, 'one "My notes" topic');
    for (const t of shipped.topics) {
      assert.equal(merged.questionsOf(t.id).length, shipped.questionsOf(t.id).length + 100, t.id);
    }
    assert.equal(merged.questionsOf('my-notes').length, 800 - 100 * shipped.topics.length);
    assert.equal(merged.questionsUsing('user-concept-7').length, 4);
  });
});

/** 800 published questions (100 per shipped topic, the rest in my-notes) and 200 concepts. */
function thousandFiles(shipped: CatalogData): UserFile[] {
  const topics = shipped.topics.map((t) => t.id);
  const shippedQuestion = shipped.questions[0].id;
  const files: UserFile[] = [];
  for (let i = 0; i < 200; i++) {
    files.push(concept(`user-concept-${i}`, i % 2 ? MY_NOTES_TOPIC_ID : topics[i % topics.length], { related: [`user-concept-${(i + 1) % 200}`] }, `About ${i}.`));
  }
  for (let i = 0; i < 800; i++) {
    const topic = i < 100 * topics.length ? topics[Math.floor(i / 100)] : MY_NOTES_TOPIC_ID;
    const fields = {
      status: 'published',
      format: i % 5 === 0 ? 'design' : 'explain',
      concepts: [`user-concept-${i % 200}`],
      related: [`user-q-${(i + 1) % 800}`, shippedQuestion],
      keyPoints: ['a', 'b', 'c', 'd'],
      sources: ['Notes.'],
    };
    files.push(question(`user-q-${i}`, topic, fields, publishedBody().replace('Deep.', `See [this](mlprep:user-concept-${(i * 7) % 200}).`)));
  }
  return files;
}
