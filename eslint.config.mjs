import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'sample-workspace/**', 'test-results/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: 'error',
    },
  },
  {
    // Content is data: nothing may evaluate it, and no front-matter engine may choose a parser for it.
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'gray-matter', message: 'Front matter is split by src/catalog/compile/frontMatter.ts and parsed by yaml only.' },
            { name: 'front-matter', message: 'Front matter is split by src/catalog/compile/frontMatter.ts and parsed by yaml only.' },
            { name: 'vm', message: 'Nothing evaluates content.' },
            { name: 'node:vm', message: 'Nothing evaluates content.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Function', message: 'Nothing evaluates content.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
