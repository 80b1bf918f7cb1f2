// The Apps Script entry module. Every export becomes a top-level global function in dist/Code.js
// (see esbuild.config.mjs): triggers, menu actions and the sidebar endpoints of src/contract.
// Sidebar endpoints check the caller's role inside implement(); menu actions are wrapped here with
// guarded(). What each needs is declared once, in REQUIREMENTS (roles.ts).
import { guarded } from './endpoint';
import * as panel from './panel';
import * as roadmap from './roadmap/actions';
import * as timeline from './roadmap/timeline';
import * as requisites from './orders/requisites-sheet';
import * as orders from './orders/endpoints';
import * as district from './district/actions';
import * as reminders from './reminders/actions';

export { onOpen, onInstall } from './menu';
export { onEdit } from './roadmap/actions';
// The reminders' time-driven trigger (installed by «Напоминания о сроках»); runs as its creator and never throws.
export { sendReminders } from './reminders/actions';

const DISTRICT = 'Дорожная карта — район';

export const openPanel = guarded('openPanel', panel.openPanel);
export const createRoadmap = guarded('createRoadmap', roadmap.createRoadmap);
export const recognizeTable = guarded('recognizeTable', roadmap.recognizeTable);
export const importFromDoc = guarded('importFromDoc', roadmap.importFromDoc);
export const openCheck = guarded('openCheck', roadmap.openCheck);
export const refreshColours = guarded('refreshColours', roadmap.refreshColours);
export const openRoadmapSettings = guarded('openRoadmapSettings', roadmap.openRoadmapSettings);
export const buildTimeline = guarded('buildTimeline', timeline.buildTimeline);
export const openRequisites = guarded('openRequisites', requisites.openRequisites);
export const openOrderSidebar = guarded('openOrderSidebar', orders.openOrderSidebar);
export const openRowOrderSidebar = guarded('openRowOrderSidebar', orders.openRowOrderSidebar);
export const openOrderTemplate = guarded('openOrderTemplate', orders.openOrderTemplate);
export const openDistrictRegistry = guarded('openDistrictRegistry', district.openDistrictRegistry, DISTRICT);
export const openDistribute = guarded('openDistribute', district.openDistribute, DISTRICT);
export const openDistrictSummary = guarded('openDistrictSummary', district.openDistrictSummary, DISTRICT);
export const openCheckAll = guarded('openCheckAll', district.openCheckAll, DISTRICT);
export const buildSchoolTimelines = guarded('buildSchoolTimelines', district.buildSchoolTimelines, DISTRICT);
export const openReminders = guarded('openReminders', reminders.openReminders);

// Sidebar endpoints (role checked by implement()).
export { getPanelState, openFromPanel } from './panel';
export {
  getRecognitionReport, previewRecognition, applyRecognition, checkRoadmap, refreshRoadmap, selectCell, getRoadmapSettings,
  saveRoadmapSettings,
} from './roadmap/actions';
export { fixDeadline } from './roadmap/fix-deadline';
export { getOrderSetup, createOrder, createOrderTemplate, openRequisitesSheet } from './orders/endpoints';
export {
  getDistrictState, startDistributionEndpoint as startDistribution, distributeNext, buildDistrictSummary, checkAllSchools,
} from './district/actions';
export { getReminders, saveReminders } from './reminders/actions';
