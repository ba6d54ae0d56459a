export {};

/**
 * `npm run bench -- <name>` runs bench/<name>.ts. Each benchmark measures its baseline in the same run
 * and prints one JSON object as its last line.
 */
const benchName = process.argv[2];
const known = ['board', 'signup', 'import'];
if (!benchName || !known.includes(benchName)) {
  console.error(`用法：npm run bench -- <${known.join('|')}>`);
  process.exit(2);
}
await import(`./${benchName}.ts`);
