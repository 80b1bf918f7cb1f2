// The public core API: pure TypeScript, no Apps Script, no I/O.
export * from './types';
