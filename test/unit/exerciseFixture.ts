import type { Exercise } from '../../src/exercises/exerciseTypes';

/** A small compiled exercise for tests that need one (not a shipped one, so content can change). */
export function sampleExercise(over: Partial<Exercise> = {}): Exercise {
  return {
    id: 'stable-softmax',
    title: 'Numerically stable softmax',
    shortTitle: 'Stable softmax',
    topic: 'deep-learning',
    difficulty: 'beginner',
    summary: 'Implement **softmax** and `logsumexp`.',
    functions: ['softmax', 'logsumexp'],
    concepts: [],
    questions: [],
    keyPoints: ['Subtract the max'],
    sources: ['A book, 2016.'],
    statement: '## Task\n\nCompute $$\\mathrm{softmax}(x)$$ <script>alert(1)</script>.',
    starter: 'import numpy as np\n\n\ndef softmax(x):\n    raise NotImplementedError\n\n\ndef logsumexp(x):\n    raise NotImplementedError\n',
    solution: 'import numpy as np\n\n\ndef softmax(x):\n    z = x - x.max(axis=-1, keepdims=True)\n    e = np.exp(z)\n    return e / e.sum(axis=-1, keepdims=True)\n\n\ndef logsumexp(x):\n    m = x.max(axis=-1)\n    return m + np.log(np.exp(x - m[..., None]).sum(axis=-1))\n',
    tests: [
      'from mlprep_check import check_close',
      'import numpy as np',
      '',
      '',
      'def test_sums_to_one(m):',
      '    """Rows sum to one"""',
      '    check_close(m.softmax(np.array([[1.0, 2.0]])).sum(), 1.0)',
      '',
      '',
      'def test_lse_stable(m):',
      '    """Stable for logits like [1000, 1001]"""',
      '    # a comment line inside the body does not end it',
      '    check_close(m.logsumexp(np.array([1000.0, 1001.0])), 1001.3132616875182)',
      '',
    ].join('\n'),
    testCases: [
      { name: 'test_sums_to_one', label: 'Rows sum to one', line: 5 },
      { name: 'test_lse_stable', label: 'Stable for logits like [1000, 1001]', line: 10 },
    ],
    ...over,
  };
}
