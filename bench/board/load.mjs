// One autocannon run: requests per second and latency percentiles, counted from every response.
import autocannon from 'autocannon';

const percentile = (sorted, p) => (sorted.length === 0 ? null : Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100);

/**
 * Loads `url` with `connections` for `seconds`. `requests` (autocannon's) may rotate paths and bodies.
 * Latencies are collected per response, so p95 is exact (autocannon itself reports p90 and p97.5).
 */
export async function load({ url, connections, seconds, cookie, method = 'GET', path = '/', body, setupRequest }) {
  const latencies = [];
  const statuses = new Map();
  let sample = null;
  const onResponse = (status, responseBody) => {
    if ((status < 200 || status >= 300) && sample === null) sample = `${status} ${String(responseBody).slice(0, 300)}`;
  };
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers: { ...(cookie ? { cookie } : {}), ...(body || setupRequest ? { 'content-type': 'application/json' } : {}) },
    requests: [{ method, path, ...(body ? { body: JSON.stringify(body) } : {}), ...(setupRequest ? { setupRequest } : {}), onResponse }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const ok = [...statuses].filter(([code]) => code >= 200 && code < 300).reduce((n, [, count]) => n + count, 0);
  return {
    connections,
    seconds,
    requests: latencies.length,
    rps: Math.round((ok / result.duration) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses: Object.fromEntries(statuses),
    errors: result.errors,
    ...(sample ? { firstFailure: sample } : {}),
    timeouts: result.timeouts,
  };
}
