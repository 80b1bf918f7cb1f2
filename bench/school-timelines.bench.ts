// Per-school «Календарный график» in a district (the roles suite's world: a district after
// «Разослать школам», two schools): the calls of one school's timeline when its sheet has the
// template's rows and 300 rows more, and of «Календарные графики школ» for both schools.
import * as main from '../src/addon/main';
import { METODIST, SCHOOL1_SHEET, createWorld } from '../test/integration/roles/world';
import { estimate, reportTime } from './cost-model';

function oneSchool(extraRows: number): number {
  const w = createWorld();
  try {
    if (extraRows) {
      w.as(METODIST, SCHOOL1_SHEET, () => {
        const s = SpreadsheetApp.getActiveSheet();
        const last = s.getLastRow();
        s.insertRowsAfter(s.getMaxRows(), extraRows);
        s.getRange(last + 1, 1, extraRows, 3).setValues(Array.from({ length: extraRows }, (_, i) => [`9.${i + 1}.`, `Мероприятие ${i + 1}`, 'Май 2021']));
      });
    }
    w.runtime.calls.reset();
    w.as(METODIST, SCHOOL1_SHEET, () => main.buildTimeline());
    reportTime(`school timeline, ${extraRows ? `+${extraRows} rows` : 'template rows'}`, [estimate(w.runtime.calls.events())]);
    return w.runtime.calls.total();
  } finally {
    w.dispose();
  }
}

function allSchools(): number {
  const w = createWorld();
  try {
    w.runtime.calls.reset();
    w.as(METODIST, SCHOOL1_SHEET, () => main.buildSchoolTimelines());
    reportTime('«Календарные графики школ», 2 schools', [estimate(w.runtime.calls.events())]);
    return w.runtime.calls.total();
  } finally {
    w.dispose();
  }
}

export function run(): void {
  console.log('Календарный график школы (district)');
  console.table([
    { operation: "one school's timeline, template rows", 'service calls': oneSchool(0) },
    { operation: "one school's timeline, +300 rows", 'service calls': oneSchool(300) },
    { operation: '«Календарные графики школ», 2 schools', 'service calls': allSchools() },
  ]);
}
