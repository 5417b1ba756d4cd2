import { launchChromiumDriver } from './support/chromium-driver';
import { describeSharedCases } from './support/run-shared-cases';

// The cases both browsers' suites share (support/e2e-cases.ts); test/e2e-firefox/ runs the same table in Firefox.
describeSharedCases('chromium', launchChromiumDriver);
