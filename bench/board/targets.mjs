// The targets of issue 9, checked against the figures (printed, never asserted in a test).
export function targetsFor(engine, r) {
  const t = [];
  const add = (name, value, limit, pass, unit = '') => t.push({ name, value, limit, unit, pass: value === null || value === undefined ? null : pass });
  const caseShare = engine === 'sqlite' ? 0.4 : 0.25;
  add(`case page ≥ ${caseShare * 100} % of hello-world rate`, r.casePage?.ratio, caseShare, r.casePage && r.casePage.ratio >= caseShare);
  add('case page p99 ≤ 25 ms at 32 connections', r.casePage?.p99, 25, r.casePage && r.casePage.p99 <= 25, 'ms');
  add("IB'er home page p95 ≤ 20 ms (32 connections)", r.home?.p95, 20, r.home && r.home.p95 <= 20, 'ms');
  add("IB'er home page p95 ≤ 20 ms (1 connection)", r.homeSingle?.p95, 20, r.homeSingle && r.homeSingle.p95 <= 20, 'ms');
  add('pupil search p95 ≤ 10 ms (32 connections)', r.search?.p95, 10, r.search && r.search.p95 <= 10, 'ms');
  add('pupil search p95 ≤ 10 ms (1 connection)', r.searchSingle?.p95, 10, r.searchSingle && r.searchSingle.p95 <= 10, 'ms');
  add('audit verification ≥ ½ raw SHA-256 rate', r.audit?.ratio, 0.5, r.audit && r.audit.ratio >= 0.5);
  // The first export after a start also loads the PDF code and parses the font (it is printed apart).
  if (r.dossierPdf) add('300-event dossier PDF ≤ 300 ms (slowest export after the first)', r.dossierPdf.slowestWarmMs, 300, r.dossierPdf.slowestWarmMs <= 300, 'ms');
  add('cold start to ready ≤ 1 s', r.coldStart?.seconds, 1, r.coldStart && r.coldStart.seconds <= 1, 's');
  add('idle memory ≤ 150 MB', r.idleMemoryMb, 150, r.idleMemoryMb <= 150, 'MB');
  return t;
}
