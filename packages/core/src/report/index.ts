export * from './model.js';
export * from './cpu.js';
