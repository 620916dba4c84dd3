#!/usr/bin/env node
// Runs the TypeScript entry point with Node 24's type stripping (Node 24 comes from the `node` dev dependency).
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(`sitrep needs Node 24 (found ${process.versions.node}); run it through npm: npx sitrep ... or npm run sitrep -- ...`);
  process.exit(2);
}
await import("../src/main.ts");
