// `npx tsx bench/index.ts operations`: the add-on's single-sheet operations on a recognised roadmap
// of 200 and 2,000 items, each priced by bench/cost-model.ts (district operations: district.bench.ts;
// «Распознать», «Проверить» and onEdit: sheet.bench.ts). Nothing here may grow with rows in calls;
// cells carried by the one read and one write do, and the model charges them.
import { createGasRuntime, type GasRuntime } from '../preview/gas';
import { getPanelState } from '../src/addon/panel';
import { getRoadmapSettings, recognizeTable, refreshRoadmap } from '../src/addon/roadmap/actions';
import { createOrder, createOrderTemplate, getOrderSetup } from '../src/addon/orders/endpoints';
import type { OrderRequest } from '../src/contract/orders';
import { DERBENT_ORG, orgRows } from '../test/integration/orders/helpers';
import { pastedRoadmap } from '../test/integration/roadmap/tables';
import { estimate, reportTime } from './cost-model';

const TODAY = '2023-05-20';
const SHEET = 'Вставка — дорожная карта';

function request(number: string): OrderRequest {
  return {
    mode: 'approval', date: TODAY, number, dateStyle: 'long', basis: '',
    heading: 'Об утверждении плана мероприятий (дорожной карты) по внедрению целевой модели наставничества',
    points: ['Утвердить план мероприятий (дорожную карту) (приложение № 1).', 'Контроль за исполнением настоящего приказа оставляю за собой.'],
    signatory: { position: DERBENT_ORG.headPosition, name: DERBENT_ORG.headName },
    appendix: 'all', sections: [], row: null, useTemplate: false, acceptRoadmapProblems: true,
  };
}

/** A single-row order for the sheet's last item (its line goes into that row's «Отметка о выполнении»). */
function rowRequest(rt: GasRuntime, number: string): OrderRequest {
  const cells = rt.snapshot().sheets.find((s) => s.name === SHEET)!.cells;
  const sheetRow = cells.length;
  const [itemNumber, activity] = [cells[sheetRow - 1]![0]?.text ?? '', cells[sheetRow - 1]![1]?.text ?? ''];
  return { ...request(number), mode: 'row', heading: '', points: ['Обеспечить выполнение мероприятия.'], row: { sheetName: SHEET, sheetRow, number: itemNumber, activity } };
}

function priced(rt: GasRuntime, name: string, fn: () => unknown): number {
  rt.calls.reset();
  rt.run('FULL', fn);
  const e = estimate(rt.calls.events());
  reportTime(name, [e]);
  return e.calls;
}

export function run(): void {
  const rows: Record<string, string | number>[] = [];
  for (const items of [200, 2_000]) {
    const rt = createGasRuntime({ now: () => new Date(`${TODAY}T09:00:00+03:00`), htmlFile: (p) => `<p>${p}</p>`, user: 'metodist@example.org' });
    const uninstall = rt.install();
    try {
      rt.seedSheet('Вставка', pastedRoadmap(items));
      rt.seedSheet('Организации', orgRows([{ ...DERBENT_ORG, roadmapSheet: SHEET }]));
      rt.run('FULL', () => recognizeTable());
      rt.run('FULL', () => SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET)!));
      const label = `${items.toLocaleString('en-US')} items`;
      rows.push({
        items,
        'panel (getPanelState)': priced(rt, `panel state, ${label}`, () => getPanelState()),
        '«Обновить цвета»': priced(rt, `«Обновить цвета» (refreshRoadmap), ${label}`, () => refreshRoadmap()),
        'roadmap settings': priced(rt, `roadmap settings sidebar, ${label}`, () => getRoadmapSettings()),
        'order sidebar setup': priced(rt, `order sidebar (getOrderSetup), ${label}`, () => getOrderSetup('approval')),
        '«Сформировать приказ»': priced(rt, `«Сформировать приказ», appendix of ${label}`, () => createOrder(request('1'))),
        '«Приказ по строке» (+ mark)': priced(rt, `«Приказ по выделенной строке» with its line in the row's mark, ${label}`, () => createOrder(rowRequest(rt, '2'))),
        'own template': priced(rt, `«Создать свой шаблон приказа», ${label}`, () => createOrderTemplate()),
      });
    } finally {
      uninstall();
    }
  }
  console.log('Service calls per operation (modelled time in the closing table):');
  console.table(rows);
}
