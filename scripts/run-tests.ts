// Runs vitest with its JSON reporter and prints a plain "N passed, N failed" line for CI.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

mkdirSync("test-output", { recursive: true });
const out = "test-output/vitest.json";
const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const res = spawnSync("npx", args, { stdio: "inherit" });
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTestSuites: number;
    numFailedTestSuites: number;
  };
  passed = report.numPassedTests;
  failed =
    report.numFailedTests +
    (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(res.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
