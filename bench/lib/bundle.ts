/**
 * Compiles the baseline servers to plain JavaScript at the start of every run, as `npm start`
 * runs the API from dist/: a server started with `--import tsx` carries tsx's loader (a hooks
 * worker thread and the transformed sources), about 90 MB of peak RSS and some CPU per request
 * the API does not pay, which would skew the comparison.
 *
 * Each entry becomes one ESM bundle with its packages left external, so they load from
 * node_modules as the API's do. The bundle is written next to its source
 * (bench/baselines/.build-<name>.mjs, gitignored), so `new URL('./sql/…', import.meta.url)` and
 * the other file reads resolve to the same files as from the source.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** The file `node` runs for a baseline's TypeScript entry. */
export function bundleOf(entry: string): string {
  return entry.replace(/([^/]+)\.ts$/, '.build-$1.mjs');
}

/**
 * Local modules that must run before the packages imported after them: node20.ts defines
 * Promise.withResolvers before PostGraphile loads. Inlined, it would run after them, because ESM
 * evaluates a bundle's imports (the external packages) before its own code. So each gets a
 * bundle of its own, which its importers import in its place, in their source order.
 */
const runsFirst = ['bench/baselines/node20.ts'];

const importBundlesOfRunsFirst: Plugin = {
  name: 'import-bundles-of-runs-first',
  setup(build) {
    build.onResolve({ filter: /\.ts$/ }, ({ path, resolveDir, kind }) => {
      const entry = runsFirst.find((file) => resolve(file) === resolve(resolveDir, path));
      // Every bundle is written to the same directory, so the import is always `./`.
      return entry && kind !== 'entry-point'
        ? { path: `./${basename(bundleOf(entry))}`, external: true }
        : undefined;
    });
  },
};

/** Bundles the given baseline entries (paths from the repository root) to their bundleOf files. */
export async function bundleBaselines(entries: string[]): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [...entries, ...runsFirst],
    entryNames: '.build-[name]',
    outExtension: { '.js': '.mjs' },
    outdir: 'bench/baselines',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // The runner starts every subject with its own Node (process.execPath).
    target: `node${process.versions.node}`,
    plugins: [importBundlesOfRunsFirst],
    logLevel: 'warning',
    write: false,
  });
  for (const file of outputFiles) {
    // Through a rename, so a server another run is starting from the same tree never reads a
    // half-written file.
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}
