export * from './model.js';
export * from './cpu.js';
export * from './module-lookup.js';
