import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AccessRequestListResponse, AccessRequestSummary } from '../../../contract/access-requests.js';
import { REQUESTER_CAPACITIES, type RequesterCapacity } from '../../../domain/access-requests/requester.js';
import { fetchAccessRequests, registerAccessRequest } from '../../api/access-requests.js';
import { ApiError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoading } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RadioGroup } from '../../components/RadioGroup.js';
import { TextField } from '../../components/TextField.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useFormatDate } from '../cases/case-page/case-labels.js';
import { formatDate, todayAtSchool } from '../pupils/dates.js';
import { SelectField } from '../pupils/fields.js';
import { useRequesterLabel } from './labels.js';
import './access-requests.css';

/** A pupil's access requests: register a new one, and see the earlier ones with what was withheld. */
export default function AccessRequestsPage() {
  const { t } = useTranslation();
  const { pupilId = '' } = useParams();
  const query = useQuery({ queryKey: queryKeys.accessRequests(pupilId), queryFn: () => fetchAccessRequests(pupilId), retry: false });
  if (query.data) return <RequestsView pupilId={pupilId} data={query.data} />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  return (
    <div className="page">
      <PageHeading>{t('accessRequests.list.heading')}</PageHeading>
      {query.isError ? <ErrorAlert error={query.error} /> : <PageLoading />}
    </div>
  );
}

function RequestsView({ pupilId, data }: { pupilId: string; data: AccessRequestListResponse }) {
  const { t } = useTranslation();
  usePageTitle(t('accessRequests.list.pageTitle'));
  return (
    <div className="page access-requests-page" data-testid="access-requests-page">
      <p className="eyebrow">
        <Link to={`/leerlingen/${encodeURIComponent(pupilId)}`}>{t('accessRequests.list.back')}</Link>
      </p>
      <PageHeading testId="access-requests-heading">{`${t('accessRequests.list.heading')} — ${data.pupil.displayName}`}</PageHeading>
      <p className="access-intro">{t('accessRequests.list.intro')}</p>
      {/* A request under way is picked up again from the list; a new one is registered below it. */}
      <EarlierRequests requests={data.requests} />
      {data.abilities['pupil.access-request.register'] && <RegisterForm pupilId={pupilId} guardians={data.guardians} />}
    </div>
  );
}

type Field = 'capacity' | 'guardianId' | 'requesterName' | 'receivedOn';
const NOT_LISTED = '';

function RegisterForm({ pupilId, guardians }: { pupilId: string; guardians: AccessRequestListResponse['guardians'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState<RequesterCapacity | null>(null);
  const [guardianId, setGuardianId] = useState<string>(guardians[0]?.id ?? NOT_LISTED);
  const [name, setName] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayAtSchool());
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});

  const register = useMutation({
    mutationFn: () => {
      const byGuardian = (capacity === 'parent' || capacity === 'guardian') && guardianId !== NOT_LISTED;
      return registerAccessRequest(pupilId, {
        capacity: capacity!,
        guardianId: byGuardian ? guardianId : null,
        requesterName: byGuardian || capacity === 'pupil' ? null : name.trim(),
        receivedOn,
      });
    },
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.accessRequests(pupilId) });
      await navigate(`/inzageverzoeken/${encodeURIComponent(id)}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field) setProblems({ [error.field as Field]: error.message });
    },
  });

  const asksGuardian = capacity === 'parent' || capacity === 'guardian';
  const asksName = capacity === 'other' || (asksGuardian && guardianId === NOT_LISTED);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (register.isPending) return;
    const found: Partial<Record<Field, string>> = {};
    if (!capacity) found.capacity = t('accessRequests.register.capacityRequired');
    if (asksName && name.trim() === '') found.requesterName = t('accessRequests.register.nameRequired');
    if (receivedOn === '') found.receivedOn = t('accessRequests.register.receivedRequired');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    register.mutate();
  }

  return (
    <section className="card" aria-labelledby="access-register-title">
      <h2 id="access-register-title" className="section-title">
        {t('accessRequests.register.title')}
      </h2>
      <form className="form form-narrow" noValidate onSubmit={submit} data-testid="access-register-form">
        {register.error && !(register.error instanceof ApiError && register.error.field) && <ErrorAlert error={register.error} />}
        <RadioGroup
          idPrefix="access-capacity"
          name="access-capacity"
          legend={t('accessRequests.register.capacity')}
          options={REQUESTER_CAPACITIES.map((value) => ({ value, label: t(`accessRequests.capacities.${value}`) }))}
          value={capacity}
          onChange={setCapacity}
          error={problems.capacity ?? null}
        />
        {asksGuardian && guardians.length > 0 && (
          <SelectField id="access-guardian" label={t('accessRequests.register.guardian')} value={guardianId} onChange={(event) => setGuardianId(event.target.value)} error={problems.guardianId ?? null} data-testid="access-guardian">
            {guardians.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            <option value={NOT_LISTED}>{t('accessRequests.register.guardianNotListed')}</option>
          </SelectField>
        )}
        {asksName && (
          <TextField
            id="access-requester-name"
            label={t('accessRequests.register.name')}
            hint={t('accessRequests.register.nameHint')}
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={problems.requesterName ?? null}
            data-testid="access-requester-name"
          />
        )}
        <TextField
          id="access-received-on"
          type="date"
          className="input-date"
          label={t('accessRequests.register.receivedOn')}
          hint={t('accessRequests.register.receivedHint')}
          max={todayAtSchool()}
          required
          value={receivedOn}
          onChange={(event) => setReceivedOn(event.target.value)}
          error={problems.receivedOn ?? null}
          data-testid="access-received-on"
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={register.isPending} data-testid="access-register-submit">
            {register.isPending ? t('accessRequests.register.submitting') : t('accessRequests.register.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EarlierRequests({ requests }: { requests: readonly AccessRequestSummary[] }) {
  const { t } = useTranslation();
  const formatDay = useFormatDate();
  const requesterLabel = useRequesterLabel();
  return (
    <section className="card card-flush" aria-labelledby="access-earlier-title" data-testid="access-earlier">
      <h2 id="access-earlier-title" className="section-title card-flush-title">
        {t('accessRequests.list.earlier')}
      </h2>
      {requests.length === 0 ? (
        <p className="access-empty">{t('accessRequests.list.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('accessRequests.list.received')}</th>
                <th scope="col">{t('accessRequests.list.requester')}</th>
                <th scope="col">{t('accessRequests.list.handledBy')}</th>
                <th scope="col">{t('accessRequests.list.exported')}</th>
                <th scope="col">{t('accessRequests.list.withheld')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} data-testid="access-request-row">
                  <th scope="row" className="access-nowrap">
                    {/* The date opens the request: the school refers to a request by the day it came in. */}
                    <Link to={`/inzageverzoeken/${encodeURIComponent(r.id)}`}>{formatDate(r.receivedOn)}</Link>
                  </th>
                  <td>{requesterLabel(r)}</td>
                  <td>{r.registeredBy.name}</td>
                  <td>
                    {r.exportedAt ? (
                      <>
                        <span className="access-nowrap">{formatDay(r.exportedAt)}</span>
                        <br />
                        {r.exportedBy?.name}
                      </>
                    ) : (
                      t('accessRequests.list.notExported')
                    )}
                  </td>
                  <td>
                    <WithheldSummary request={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "1 hele casus, 2 vastleggingen — Rechten van anderen": what was withheld, by count and ground. */
function WithheldSummary({ request }: { request: AccessRequestSummary }) {
  const { t } = useTranslation();
  if (request.withholdings.length === 0) return <>{t('accessRequests.list.nothingWithheld')}</>;
  const cases = request.withholdings.filter((w) => w.entryId === null).length;
  const entries = request.withholdings.length - cases;
  const grounds = [...new Set(request.withholdings.map((w) => w.ground))].map((g) => t(`accessRequests.grounds.${g}`));
  const parts = [cases > 0 ? t('accessRequests.list.withheldCases', { count: cases }) : null, entries > 0 ? t('accessRequests.list.withheldEntries', { count: entries }) : null].filter(Boolean);
  return <>{`${parts.join(', ')} — ${grounds.join(', ')}`}</>;
}
