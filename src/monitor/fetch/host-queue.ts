/**
 * One request at a time per host, for the whole process: two checks of sites on the same host
 * (sub-sites of the provincial portal) wait for each other instead of doubling the load.
 */
const tails = new Map<string, Promise<unknown>>();

export async function perHost<T>(host: string, work: () => Promise<T>): Promise<T> {
  const key = host.toLowerCase();
  const before = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => {
    release = r;
  });
  const tail = before.then(() => mine);
  tails.set(key, tail);
  try {
    await before;
    return await work();
  } finally {
    release();
    // Forget the host when nobody queued behind us, so the map does not grow with every site.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
