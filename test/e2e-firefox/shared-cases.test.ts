import { describeSharedCases } from '../e2e/support/run-shared-cases';
import { launchFirefoxDriver } from './firefox-driver';

// The same table test/e2e/shared-cases.test.ts runs in Chromium (test/e2e/support/e2e-cases.ts).
describeSharedCases('firefox', launchFirefoxDriver);
