// Writes docs/configuration.md from the config schema (one source of truth): `npx node scripts/config-doc.ts`.
import { writeFileSync } from "node:fs";
import { describeConfig, testConfig } from "../src/config/load.ts";

const rows = describeConfig(testConfig()).map(
  (r) => `| \`${r.key}\` | \`${r.env}\` | \`${JSON.stringify(r.value)}\` | ${r.doc} |`,
);
const doc = `# Configuration

Every key has a default; set it in \`sitrep.config.json\` (nested \`{"fetch": {"maxBytes": 1}}\` or flat
\`{"fetch.maxBytes": 1}\`), or in the environment (the env name below), or with \`--db\` for the database.
Environment beats the file. \`npx sitrep config\` prints the values in force and where each came from,
with secrets masked. Generated from \`src/config/schema.ts\` by \`npx node scripts/config-doc.ts\`.

| key | env | default | meaning |
|---|---|---|---|
${rows.join("\n")}
`;
writeFileSync("docs/configuration.md", doc);
console.log(`wrote docs/configuration.md (${rows.length} keys)`);
