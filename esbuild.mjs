// The extension host bundle (Node, CommonJS) and one script per webview (browser, IIFE).
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'info',
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  ...['main', 'drill', 'dashboard'].map((name) => ({
    ...common,
    entryPoints: [`webview/${name}.ts`],
    outfile: name === 'main' ? 'dist/webview.js' : `dist/${name}.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  })),
];

mkdirSync('dist', { recursive: true });

/** Start and end lines, and errors as file:line:col, for the problem matcher in .vscode/tasks.json. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}\n    ${location?.file}:${location?.line}:${location?.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context({ ...options, plugins: [watchReporter] });
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
