/**
 * The fixture websites of the monitoring benchmark, in a process of their own so that the
 * monitor's time and memory are measured without the server's. Prints one JSON line with the
 * sites, then serves until its standard input closes.
 */
import { startFixtureSites } from '../test/fixtures/websites/index.ts';

const count = Number(process.argv[2] ?? 1000);
const now = new Date(process.argv[3] ?? Date.now());
const fx = await startFixtureSites({ count, seed: 2310, now, bad: false });
process.stdout.write(`${JSON.stringify({ sites: fx.sites.map((s) => s.url) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void fx.close().then(() => process.exit(0)));
