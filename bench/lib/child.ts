// Runs one measurement module in its own process (fresh globals, timers and heap) and writes its
// rows as JSON to the file named on the command line. Usage: child.ts <module> <out.json>
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchRow, Measure } from './types.js';

const [modulePath, outFile] = process.argv.slice(2);
if (!modulePath || !outFile) {
  console.error('usage: child.ts <module> <out.json>');
  process.exit(2);
}
const { measure } = (await import(pathToFileURL(modulePath).href)) as { measure: Measure };
const rows: BenchRow[] = await measure();
writeFileSync(outFile, JSON.stringify(rows));
// Whatever a measurement left behind (it is what the leak bench looks for) must not keep us alive.
process.exit(0);
