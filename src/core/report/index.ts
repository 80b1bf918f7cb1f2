// «Отчёт о выполнении»: the reporting period, what the report says about a roadmap (and a
// district), and the report as an official document in the order builder's model.
export * from './period';
export * from './select';
export * from './document';
export * from './checklist';
export type { ProgressBar } from './progress-chart';
