/**
 * The monitor's engine (src/monitor: safe fetching, availability, crawl, detectors kept in the
 * criteria set) with the settings of this server: how it introduces itself, and whether it may
 * visit private addresses (only the tests' fixture sites need that).
 */
import type { Config } from '../../platform/config.ts';

export { checkAvailability, checkContent, detectorsOf } from '../../../monitor/index.ts';

export const monitorOptions = (config: Config) => ({
  userAgent: config.monitor.userAgent,
  allowPrivateAddresses: config.monitor.allowPrivateAddresses,
  ...(config.monitor.allowPrivateHosts ? { allowPrivateHosts: config.monitor.allowPrivateHosts } : {}),
  ...(config.monitor.resolve ? { resolve: config.monitor.resolve } : {}),
  ...(config.monitor.ca ? { ca: [...config.monitor.ca] } : {}),
});
