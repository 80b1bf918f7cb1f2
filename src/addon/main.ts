// The Apps Script entry module. Every export becomes a top-level global function in dist/Code.js
// (see esbuild.config.mjs): triggers, menu actions and the sidebar endpoints of src/contract.

export { onOpen, onInstall } from './menu';
export { openPanel, getPanelState } from './panel';
