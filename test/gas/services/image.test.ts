// Body.appendImage in the in-memory Docs as the report's chart meets it: a paragraph of its own, and
// one Docs API index for the inline object, so the tables after a chart keep their indexes.
import { describe, expect, it } from 'vitest';
import { createGasRuntime } from '../../../preview/gas';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 2, 0x58, 0, 0, 1, 0x2c, 8, 2, 0, 0, 0];

describe('InlineImage', () => {
  it('appendImage puts the image in a paragraph of its own; the Docs API counts it as one index', () => {
    const rt = createGasRuntime({ now: () => new Date('2025-01-01T00:00:00Z') });
    const uninstall = rt.install();
    try {
      const id = rt.run('FULL', () => {
        const doc = DocumentApp.create('Диаграмма');
        const body = doc.getBody();
        body.getParagraphs()[0]!.setText('До');
        const image = body.appendImage(Utilities.newBlob(PNG, 'image/png'));
        expect([image.getWidth(), image.getHeight()]).toEqual([600, 300]);
        image.setWidth(300).setHeight(150);
        body.appendParagraph('После');
        expect(() => body.appendImage(Utilities.newBlob([1, 2, 3], 'text/plain'))).toThrow(/Invalid image/);
        const docId = doc.getId();
        doc.saveAndClose();
        return docId;
      });
      const body = rt.documents().find((d) => d.id === id)!.body;
      expect(body.map((b) => (b.type === 'paragraph' ? [b.text, b.images?.[0] ? [b.images[0].width, b.images[0].height] : null] : b.type))).toEqual([['До', null], ['', [300, 150]], ['После', null]]);
      const docs = rt.globals.Docs!;
      const json = rt.run('FULL', () => docs.Documents.get(id)) as unknown as { body: { content: { startIndex: number; endIndex: number }[] } };
      // «До\n» is 1–4, the image paragraph 4–6 (object + newline), «После\n» 6–12.
      expect(json.body.content.slice(1).map((e) => [e.startIndex, e.endIndex])).toEqual([[1, 4], [4, 6], [6, 12]]);
    } finally {
      uninstall();
    }
  });
});
