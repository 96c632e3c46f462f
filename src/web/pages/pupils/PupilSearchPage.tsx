import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchPupils } from '../../api/pupils.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { mayStartCases, newCasePath } from '../cases/case-links.js';
import { formatDate } from './dates.js';
import type { PupilLinkState } from './pupil-link-state.js';

const DEBOUNCE_MS = 200;
/** The server answers with at most this many pupils. */
const SEARCH_LIMIT = 20;

export default function PupilSearchPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  // The board acts for no school: there are no pupils to find.
  if (me.school === null) return <NotAllowed title={t('pupils.search.title')} />;
  return <PupilSearch canStartCases={mayStartCases(me.roles)} />;
}

function PupilSearch({ canStartCases }: { canStartCases: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('pupils.search.title'));
  const queryClient = useQueryClient();
  // The last search survives a visit to a pupil page and back, in memory only: the cache is
  // cleared on sign-out and reset on a school switch.
  const [text, setText] = useState(() => queryClient.getQueryData<string>(queryKeys.pupilSearchTerm) ?? '');
  const [term, setTerm] = useState(() => text.trim());
  // Pupils who left are found only when asked for: to return one who was marked as left by mistake.
  const [includeLeft, setIncludeLeft] = useState(() => queryClient.getQueryData<boolean>(queryKeys.pupilSearchIncludeLeft) ?? false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const next = text.trim();
    queryClient.setQueryData(queryKeys.pupilSearchTerm, text);
    if (next === term) return;
    const timer = window.setTimeout(() => setTerm(next), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, term, queryClient]);

  useEffect(() => {
    queryClient.setQueryData(queryKeys.pupilSearchIncludeLeft, includeLeft);
  }, [includeLeft, queryClient]);

  const search = useQuery({
    queryKey: queryKeys.pupilSearch(term, includeLeft),
    queryFn: () => searchPupils(term, includeLeft),
    enabled: term !== '',
    placeholderData: keepPreviousData,
    gcTime: 60_000,
  });
  const pupils = term === '' ? [] : (search.data?.pupils ?? []);
  const settled = term !== '' && search.isSuccess && !search.isPlaceholderData;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter searches at once instead of waiting for the pause in typing.
    setTerm(text.trim());
  }

  function links(): HTMLAnchorElement[] {
    // The arrow keys move between the pupils; Tab also reaches each result's "Zorg melden".
    return [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-link') ?? [])];
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && pupils.length > 0) {
      event.preventDefault();
      links()[0]?.focus();
    }
  }

  function onListKey(event: KeyboardEvent<HTMLUListElement>) {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else all[index - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      inputRef.current?.focus();
    }
  }

  let status = '';
  if (search.isFetching && term !== '' && !settled) status = t('pupils.search.searching');
  else if (settled) status = pupils.length === 0 ? t('pupils.search.none') : t('pupils.search.found', { count: pupils.length });

  return (
    <div className="page">
      <div className="page-title-row">
        <PageHeading>{t('pupils.search.title')}</PageHeading>
        <Link to="/leerlingen/nieuw" className="button button-secondary" data-testid="pupil-add-link">
          {t('pupils.search.add')}
        </Link>
      </div>
      <p className="lead">{t('pupils.search.intro')}</p>

      <section className="card" aria-labelledby="pupil-search-title">
        <h2 id="pupil-search-title" className="sr-only">
          {t('pupils.search.title')}
        </h2>
        <form role="search" className="search-form" noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor="pupil-search" className="field-label search-label">
              {t('pupils.search.label')}
            </label>
            <p id="pupil-search-hint" className="field-hint">
              {t('pupils.search.hint')}
            </p>
            <input
              id="pupil-search"
              ref={inputRef}
              type="search"
              className="input input-search"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={100}
              aria-describedby="pupil-search-hint"
              aria-controls="pupil-results"
              data-testid="pupil-search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onInputKey}
            />
          </div>
          <div className="checkbox">
            <input
              id="pupil-search-include-left"
              type="checkbox"
              className="checkbox-input"
              aria-controls="pupil-results"
              data-testid="pupil-search-include-left"
              checked={includeLeft}
              onChange={(event) => setIncludeLeft(event.target.checked)}
            />
            <label htmlFor="pupil-search-include-left" className="checkbox-label">
              {t('pupils.search.includeLeft')}
            </label>
          </div>
        </form>

        <p role="status" className="search-status" data-testid="pupil-search-status" data-settled-term={settled ? term : undefined}>
          {status}
        </p>
        {search.isError && <ErrorAlert error={search.error} />}
        {settled && pupils.length === 0 && <p className="search-empty-hint">{t('pupils.search.noneHint')}</p>}
        <ul id="pupil-results" ref={listRef} className="result-list" aria-label={t('pupils.search.resultsLabel')} onKeyDown={onListKey} hidden={pupils.length === 0}>
          {pupils.map((pupil) => (
            <li key={pupil.id} className={canStartCases ? 'result-row' : undefined}>
              <Link
                to={`/leerlingen/${encodeURIComponent(pupil.id)}`}
                state={{ pupil: { displayName: pupil.displayName, groupName: pupil.groupName, pupilNumber: pupil.pupilNumber } } satisfies PupilLinkState}
                className="result-link"
                data-testid="pupil-result"
                data-name={pupil.displayName}
              >
                <span className="result-name">{pupil.displayName}</span>
                <span className="result-meta">
                  <span>{pupil.groupName ?? t('pupils.noGroup')}</span>
                  <span>{t('pupils.search.number', { number: pupil.pupilNumber })}</span>
                  {pupil.leftOn && (
                    <span className="badge badge-off" data-testid="pupil-result-left">
                      {t('pupils.search.leftOn', { date: formatDate(pupil.leftOn) })}
                    </span>
                  )}
                </span>
              </Link>
              {canStartCases && (
                <Link
                  to={newCasePath(pupil.id)}
                  state={{ pupil: { displayName: pupil.displayName, groupName: pupil.groupName, pupilNumber: pupil.pupilNumber } } satisfies PupilLinkState}
                  className="result-case-link"
                  data-testid="pupil-result-case-start"
                >
                  {t('cases.start')}
                  <span className="sr-only"> {t('cases.startAbout', { name: pupil.displayName })}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
        {settled && pupils.length >= SEARCH_LIMIT && <p className="field-hint">{t('pupils.search.limit', { count: SEARCH_LIMIT })}</p>}
      </section>
    </div>
  );
}
