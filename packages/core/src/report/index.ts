export * from './model.js';
export * from './cpu.js';
export * from './module-lookup.js';
export * from './file-name.js';
