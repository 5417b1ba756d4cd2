import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserName, E2eDriver } from './e2e-driver';
import { E2E_CASES } from './e2e-cases';

/**
 * Runs the shared case table (`e2e-cases.ts`) in one browser, in one profile: a case that does not run there is
 * listed as skipped, with the reason in its name, so the report says what each browser leaves out and why.
 */
export function describeSharedCases(browser: BrowserName, launch: () => Promise<E2eDriver>): void {
  describe(`shared cases in ${browser}`, () => {
    let driver: E2eDriver;
    beforeAll(async () => {
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
    });

    for (const { flow, title, runs, run } of E2E_CASES) {
      const reason = runs[browser];
      if (reason === true && run) it(`${flow}: ${title}`, () => run(driver));
      else it.skip(`${flow}: ${title} — not run in ${browser}: ${reason === true ? 'no case written yet' : reason}`);
    }
  });
}
