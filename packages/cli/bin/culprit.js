#!/usr/bin/env node
// The compiled CLI lives in dist/; `npm ci` at the root builds it (the root `prepare` script).
import { main } from '../dist/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
