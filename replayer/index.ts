// The replayer's public surface: recording -> trajectory, trajectory -> observed replay, trajectory -> Playwright test.
export { toTrajectory } from './toTrajectory.js';
export { replaySession, type ReplayOptions } from './replaySession.js';
export { recordedNetworkOf } from './recordedNetworkOf.js';
export { exportPlaywrightTest, type ExportOptions } from './exportPlaywright.js';
export { resolveTarget, formatCallLog, type ResolvedTarget } from './resolveTarget.js';
export { syntheticValue, passesLuhn, SYNTHETIC_CARD, SYNTHETIC_PASSWORD } from './syntheticValue.js';
export { launchChromium, resolveChromiumPath, BrowserNotFoundError, CHROMIUM_ARGS } from './browser.js';
