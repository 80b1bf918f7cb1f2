import { describe, expect, it } from 'vitest';
import manifest from '../../../appsscript.json';
import { createContext } from '../../../preview/gas/services/context';
import { createDriveService } from '../../../preview/gas/services/drive';
import { createDocumentService } from '../../../preview/gas/services/document';

function setup() {
  const ctx = createContext({ oauthScopes: manifest.oauthScopes });
  const drive = createDriveService(ctx, { id: 'sheet-1', url: 'https://docs.google.com/spreadsheets/d/sheet-1/edit', name: () => 'План ЦМН' });
  return createDocumentService(ctx, drive.store);
}

const mm = (x: number) => (x * 72) / 25.4;

describe('Body page setup (points)', () => {
  // https://developers.google.com/apps-script/reference/document/body#getPageWidth()
  it('a new document reads back as US Letter with 1-inch margins (Google\'s default for an en_US account)', () => {
    const body = setup().service.create('Приказ').getBody();
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([612, 792]);
    expect([body.getMarginTop(), body.getMarginBottom(), body.getMarginLeft(), body.getMarginRight()]).toEqual([72, 72, 72, 72]);
  });

  it('A4 with ГОСТ margins set in points reads back exactly, also through a reopened document', () => {
    const { service, snapshots } = setup();
    const doc = service.create('Приказ');
    doc.getBody()
      .setPageWidth(mm(210)).setPageHeight(mm(297))
      .setMarginLeft(mm(30)).setMarginRight(mm(10)).setMarginTop(mm(20)).setMarginBottom(mm(20));
    const body = service.openById(doc.getId()).getBody();
    expect(body.getPageWidth()).toBe(mm(210));
    expect(body.getPageHeight()).toBe(mm(297));
    expect(body.getMarginLeft()).toBe(mm(30));
    expect(body.getMarginRight()).toBe(mm(10));
    expect(body.getMarginTop()).toBe(mm(20));
    expect(body.getMarginBottom()).toBe(mm(20));
    // The text width an add-on computes from the getters: 170 mm.
    expect(body.getPageWidth() - body.getMarginLeft() - body.getMarginRight()).toBeCloseTo(mm(170), 10);
    expect(snapshots()[0]!.page.width).toBeCloseTo(595.28, 2);
  });

  it('setAttributes with page attributes sets the same page as the setters', () => {
    const { service } = setup();
    const body = service.create('t').getBody();
    const A = service.Attribute;
    body.setAttributes({ [A.PAGE_WIDTH]: mm(210), [A.PAGE_HEIGHT]: mm(297), [A.MARGIN_LEFT]: mm(30) });
    expect([body.getPageWidth(), body.getPageHeight(), body.getMarginLeft()]).toEqual([mm(210), mm(297), mm(30)]);
    expect(body.getMarginRight()).toBe(72);
  });
});
