import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { STAFF_ROUTE_DUTIES, WORRY_SUBJECTS, routeForWorry, type WorrySubject } from '../../../domain/cases/case-route.js';
import { startCase, type SignalInput } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { getPupil } from '../../api/pupils.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RadioGroup } from '../../components/RadioGroup.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import type { NoticeState } from '../../routing/notices.js';
import { todayAtSchool } from '../pupils/dates.js';
import { pupilFromState, type PupilLinkState } from '../pupils/pupil-link-state.js';
import { checkSignal, emptySignal, focusFirstProblem, signalFieldOf, signalToSave, SignalFields, type SignalErrors } from './signal-form/SignalFields.js';

const ID_PREFIX = 'first-signal';

/** The duty's text in the chosen language; a duty the translations do not know yet shows the route's own (Dutch) words. */
type DutyKey = 'inform-board' | 'vertrouwensinspecteur' | 'police' | 'pupil-safety';
const DUTY_KEYS: Record<string, DutyKey> = {
  'staff.inform-board': 'inform-board',
  'staff.vertrouwensinspecteur': 'vertrouwensinspecteur',
  'staff.police': 'police',
  'staff.pupil-safety': 'pupil-safety',
};

/**
 * Raising a concern about a pupil: the teacher's path. First what the worry is about (home, a member
 * of staff, something between pupils), then the first signal. Starts a case and opens it.
 */
export default function NewCasePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { pupilId = '' } = useParams();
  if (me.school === null) return <NotAllowed title={t('cases.new.title')} />;
  return <NewCase key={pupilId} pupilId={pupilId} observedBy={me.user.name} />;
}

function NewCase({ pupilId, observedBy }: { pupilId: string; observedBy: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const seen = pupilFromState(location.state);
  // From the pupil page the pupil is in the cache; from search the link says whom it is about.
  // Asked only when the link did not say whom it is about: a person who may not read the page would
  // otherwise only get a refusal.
  const pupil = useQuery({ queryKey: queryKeys.pupil(pupilId), queryFn: () => getPupil(pupilId), enabled: seen === null, retry: false, refetchOnWindowFocus: false });
  const callName = pupil.data?.pupil.callName ?? seen?.displayName.split(/\s+/)[0];
  const fullName = pupil.data?.pupil.displayName ?? seen?.displayName ?? null;
  const groupName = pupil.data ? pupil.data.pupil.groupName : (seen?.groupName ?? null);
  const heading = callName ? t('cases.new.heading', { name: callName }) : t('cases.new.headingFallback');
  usePageTitle(heading);

  const [today] = useState(todayAtSchool);
  const [worry, setWorry] = useState<WorrySubject | null>(null);
  const [signal, setSignal] = useState<SignalInput>(() => emptySignal(today, observedBy));
  const [errors, setErrors] = useState<SignalErrors>({});
  const [worryError, setWorryError] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const firstQuestion = useRef<HTMLInputElement>(null);

  // The first question has the focus: the keyboard path starts there (after the page heading took it).
  useEffect(() => {
    firstQuestion.current?.focus();
  }, []);

  const choice = worry ? routeForWorry(worry) : null;

  const save = useMutation({
    mutationFn: (input: { worry: WorrySubject; firstSignal: SignalInput }) => startCase(pupilId, input),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      const state: NoticeState = { notice: 'case-started' };
      await navigate(`/casussen/${encodeURIComponent(id)}`, { state });
    },
    onError: (error) => {
      // Whatever was typed stays in the form; the problem is shown at its field when the server names one.
      const field = signalFieldOf(error);
      if (field) {
        const next: SignalErrors = { [field]: error instanceof ApiError ? t('cases.signal.errors.other', { message: error.message }) : t('errors.unexpected') };
        if (field === 'description') next.description = t('cases.signal.errors.description');
        if (field === 'observedBy') next.observedBy = t('cases.signal.errors.observedBy');
        setErrors(next);
        setProblem({ message: t('cases.new.problems') });
        window.setTimeout(() => focusFirstProblem(ID_PREFIX, next), 0);
        return;
      }
      if (error instanceof ApiError && error.field === 'worry') {
        setWorryError(error.message);
        firstQuestion.current?.focus();
      }
      setProblem(error);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    if (worry === null) {
      setWorryError(t('cases.new.worryRequired'));
      firstQuestion.current?.focus();
      return;
    }
    if (choice?.kind !== 'case') return;
    const found = checkSignal(signal, today, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem({ message: t('cases.new.problems') });
      focusFirstProblem(ID_PREFIX, found);
      return;
    }
    setProblem(null);
    save.mutate({ worry, firstSignal: signalToSave(signal) });
  }

  // Enter in a one-line field, on a radio button or a checkbox does not send the form by accident:
  // saving is the button's job. (Enter in the description makes a new line, as it should.)
  function keepEnter(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  }

  function changeSignal(next: SignalInput) {
    setSignal(next);
    // A problem that was mended disappears as soon as the field changes.
    if (Object.keys(errors).length > 0) {
      const left: SignalErrors = { ...errors };
      for (const key of Object.keys(left) as (keyof SignalErrors)[]) {
        if (next[key] !== signal[key]) delete left[key];
      }
      setErrors(left);
    }
  }

  return (
    <div className="page new-case">
      <div className="new-case-head">
        <PageHeading testId="new-case-heading">{heading}</PageHeading>
        {fullName && (
          <p className="lead new-case-pupil">
            {fullName} · {groupName ?? t('pupils.noGroup')}
          </p>
        )}
      </div>
      <p className="callout callout-warning new-case-reminder" data-testid="new-case-reminder">
        {t('cases.new.reminder')}
      </p>

      <form className="form new-case-form" noValidate onSubmit={submit} onKeyDown={keepEnter} data-testid="new-case-form">
        <div className="card new-case-question">
          <RadioGroup
            idPrefix="worry"
            name="worry"
            legend={t('cases.new.worryLegend')}
            legendClassName="section-title radio-legend-large"
            options={WORRY_SUBJECTS.map((subject) => ({
              value: subject,
              label: t(`cases.new.worries.${subject}.label`),
              description: t(`cases.new.worries.${subject}.text`),
            }))}
            value={worry}
            onChange={(next) => {
              setWorry(next);
              setWorryError(null);
              setProblem(null);
            }}
            error={worryError}
            variant="cards"
            firstRef={firstQuestion}
          />
        </div>

        {choice?.kind === 'not-a-case' && <NotACase pupilId={pupilId} canOpenPupil={pupil.data !== undefined} seen={seen} />}
        {choice?.kind === 'case' && choice.route === 'staff' && <StaffRouteNotice />}

        {choice?.kind === 'case' && (
          <section className="card new-case-signal" aria-labelledby="new-case-signal-title" data-testid="new-case-signal">
            <h2 id="new-case-signal-title" className="section-title">
              {t('cases.new.signalTitle')}
            </h2>
            <p className="muted new-case-signal-intro">{t('cases.new.signalIntro')}</p>
            {problem !== null && <ErrorAlert error={problem} />}
            <SignalFields value={signal} onChange={changeSignal} errors={errors} idPrefix={ID_PREFIX} today={today} />
            <div className="button-row new-case-actions">
              <button type="submit" className="button button-primary" data-testid="new-case-save" disabled={save.isPending} aria-describedby="new-case-save-hint">
                {save.isPending ? t('common.saving') : t('cases.new.save')}
              </button>
              <p id="new-case-save-hint" className="field-hint new-case-save-hint">
                {t('cases.new.saveHint')}
              </p>
            </div>
          </section>
        )}
        {choice === null && problem !== null && <ErrorAlert error={problem} />}
      </form>
    </div>
  );
}

/** Something between pupils: not a case. Said calmly, with where it does belong. */
function NotACase({ pupilId, canOpenPupil, seen }: { pupilId: string; canOpenPupil: boolean; seen: PupilLinkState['pupil'] | null }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info new-case-not-a-case" role="status" data-testid="not-a-meldcode-case">
      <p className="alert-message">{t('cases.new.notCase.title')}</p>
      <p>{t('cases.new.notCase.text')}</p>
      <p>{t('cases.new.notCase.home')}</p>
      {(canOpenPupil || seen) && (
        <p>
          <Link to={`/leerlingen/${encodeURIComponent(pupilId)}`} state={seen ? ({ pupil: seen } satisfies PupilLinkState) : undefined}>
            {t('cases.new.notCase.back')}
          </Link>
        </p>
      )}
    </div>
  );
}

/** The staff route: who will see it, and what the board must do. */
function StaffRouteNotice() {
  const { t } = useTranslation();
  return (
    <section className="alert alert-info new-case-staff" aria-labelledby="new-case-staff-title" data-testid="staff-route-notice">
      <h2 id="new-case-staff-title" className="alert-message new-case-staff-title">
        {t('cases.new.staff.title')}
      </h2>
      <p>{t('cases.new.staff.text')}</p>
      <h3 className="new-case-duties-title">{t('cases.new.staff.dutiesTitle')}</h3>
      <ul className="new-case-duties">
        {STAFF_ROUTE_DUTIES.map((duty) => {
          const key = DUTY_KEYS[duty.id];
          return <li key={duty.id}>{key ? t(`cases.new.staff.duties.${key}`) : duty.text}</li>;
        })}
      </ul>
    </section>
  );
}
