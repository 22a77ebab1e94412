import { runAppendBench } from './append.bench';
import { runAsOfBench } from './asof.bench';
import { runHttpBench } from './http.bench';
import { runProofsBench } from './proofs.bench';
import { runRebuildBench } from './rebuild.bench';

/**
 * `npm run bench -- <name>`: runs one benchmark by name. Later issues add theirs here
 * (http, rebuild, asof, proofs).
 */
const benches: Readonly<Record<string, () => Promise<void>>> = {
  append: runAppendBench,
  http: runHttpBench,
  proofs: runProofsBench,
  rebuild: runRebuildBench,
  asof: runAsOfBench,
};

async function main(name: string | undefined): Promise<void> {
  const bench = name === undefined ? undefined : benches[name];
  if (bench === undefined) {
    console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
    process.exitCode = 1;
    return;
  }
  await bench();
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
