// npm run bench:bundle: the Worker bundle alone (seconds, no database): its size raw and gzipped, against the
// budget, and which packages its minified bytes come from, from esbuild's metafile. `npm run bench` measures the
// same and writes it into BENCHMARKS.md.
import { BUDGETS, bundleSection } from './report.mjs';
import { measureBundle } from './weight.mjs';

const bundle = measureBundle();
console.log(bundleSection(bundle));
if (bundle.gzipBytes > BUDGETS.bundleGzipBytes) {
  console.error(`\nOver budget: ${bundle.gzipBytes} bytes gzipped, budget ${BUDGETS.bundleGzipBytes}.`);
  process.exitCode = 1;
}
