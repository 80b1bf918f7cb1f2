// The Apps Script entry module. Every export becomes a top-level global function in dist/Code.js
// (see esbuild.config.mjs): triggers, menu actions and the sidebar endpoints of src/contract.

export { onOpen, onInstall } from './menu';
export { openPanel, getPanelState, openFromPanel } from './panel';
export {
  createRoadmap, recognizeTable, importFromDoc, openCheck, refreshColours, openRoadmapSettings, onEdit,
  getRecognitionReport, previewRecognition, applyRecognition, checkRoadmap, refreshRoadmap, selectCell, getRoadmapSettings,
  saveRoadmapSettings,
} from './roadmap/actions';
export { fixDeadline } from './roadmap/fix-deadline';
export { openRequisites } from './orders/requisites-sheet';
export { openOrderSidebar, openRowOrderSidebar, openOrderTemplate, getOrderSetup, createOrder, createOrderTemplate, openRequisitesSheet } from './orders/endpoints';
export {
  openDistrictRegistry, openDistribute, openDistrictSummary, openCheckAll,
  getDistrictState, startDistributionEndpoint as startDistribution, distributeNext, buildDistrictSummary, checkAllSchools,
} from './district/actions';
