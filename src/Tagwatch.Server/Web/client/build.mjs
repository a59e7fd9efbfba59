// Builds the web application's assets into ../wwwroot/assets: the GOV.UK and MoJ styles compiled from their Sass with
// Tagwatch's own, the scripts bundled (split so the map and chart libraries load only on pages that use them), the design
// systems' fonts and images, Leaflet's images, and the map outlines. Run by the server project's build when an input changed.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'wwwroot', 'assets');

await rm(join(here, '..', 'wwwroot'), { recursive: true, force: true });
await mkdir(out, { recursive: true });

const css = sass.compile(join(here, 'src', 'styles', 'app.scss'), {
  loadPaths: [join(here, 'node_modules'), here],
  style: 'compressed',
  quietDeps: true,
  // The design systems' own deprecation notices are theirs to act on; ours are printed.
  logger: {
    warn(message, { span }) {
      if (span?.url?.pathname.includes('/src/styles/')) {
        console.warn(message);
      }
    },
  },
});
await writeFile(join(out, 'app.css'), css.css);

await esbuild.build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: ['es2022'],
  outdir: join(out, 'js'),
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

await cp(join(here, 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets'), out, { recursive: true });
await cp(join(here, 'node_modules', '@ministryofjustice', 'frontend', 'moj', 'assets', 'images'), join(out, 'images'), { recursive: true });
await cp(join(here, 'node_modules', 'leaflet', 'dist', 'images'), join(out, 'images'), { recursive: true });

const boundaries = join(out, 'boundaries');
await mkdir(boundaries, { recursive: true });
const outlines = (await readdir(join(here, 'data'))).filter(f => f.endsWith('.geojson')).sort();
for (const file of outlines) {
  await cp(join(here, 'data', file), join(boundaries, file));
}
await writeFile(join(boundaries, 'manifest.json'), JSON.stringify(outlines));
