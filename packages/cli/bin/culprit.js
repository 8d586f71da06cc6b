#!/usr/bin/env node
// `npm ci` at the root builds dist/ (tsc) and the one-file bundle dist/culprit.mjs (scripts/bundle-cli.mjs).
const { main } = await import('../dist/culprit.mjs');

process.exitCode = await main(process.argv);
