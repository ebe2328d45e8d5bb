/**
 * `Promise.all(list.map(fn))` with at most `limit` calls outstanding, results in list order.
 * Signature checks are awaited this way so that an asynchronous backend (WebCrypto, the Node
 * worker pool) has many in flight and can use every core, while a bundle of 100,000 parts does
 * not start 100,000 at once.
 */
export async function mapConcurrent<T, R>(list: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(list.length);
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const index = next++;
      results[index] = await fn(list[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, lane));
  return results;
}
