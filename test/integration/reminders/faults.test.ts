// Faults (issue 15): the reminders' trigger run with its k-th service call failing, for every k.
// It must never throw (nobody would see it), and the next firing in the same period must send
// exactly what was not sent yet: every digest once in total, none twice.
import { afterAll, describe, expect, it } from 'vitest';
import { armFault, disarmFault } from '../../../preview/gas/index';
import * as main from '../../../src/addon/main';
import { REMINDERS_LOG_KEY } from '../../../src/addon/reminders/store';
import { METODIST, createWorld } from '../roles/world';

const ON = { enabled: true, frequency: 'weekly' as const, weekday: 3, monthDay: 1, hour: 9, days: 14, addresses: '' };
const w = createWorld();
afterAll(() => w.dispose());
const fire = () => w.runtime.fireClockTriggers({ sendReminders: main.sendReminders as (e: unknown) => unknown });
const resetPeriod = () => {
  w.runtime.run('FULL', () => PropertiesService.getDocumentProperties().deleteProperty(REMINDERS_LOG_KEY));
  w.runtime.setMailQuota(1_000);
};

describe('reminders under faults', () => {
  it('for every failing call: no throw, and a rerun completes the period with each digest sent once', () => {
    w.as(METODIST, null, () => main.saveReminders(ON));
    resetPeriod();
    const counter = armFault(w.runtime.tracker, null);
    let before = w.runtime.sentMail().length;
    fire();
    disarmFault(w.runtime.tracker);
    const expected = w.runtime.sentMail().slice(before).map((m) => m.to.join(',')).sort();
    expect(expected).toHaveLength(3);
    const calls = counter.calls;
    expect(calls).toBeGreaterThan(10);
    const failures: string[] = [];
    for (let k = 1; k <= calls; k++) {
      resetPeriod();
      before = w.runtime.sentMail().length;
      const injector = armFault(w.runtime.tracker, { at: k });
      try {
        fire();
      } catch (error) {
        failures.push(`k=${k} (${injector.fired}): threw ${String(error)}`);
      }
      disarmFault(w.runtime.tracker);
      fire();
      const got = w.runtime.sentMail().slice(before).map((m) => m.to.join(',')).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`k=${k} (${injector.fired}): sent ${JSON.stringify(got)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
