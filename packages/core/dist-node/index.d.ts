export { FileSource } from './file-source.js';
//# sourceMappingURL=index.d.ts.map