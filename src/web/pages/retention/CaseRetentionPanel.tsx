import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRetention } from '../../../contract/retention.js';
import { LEGAL_HOLD_GROUNDS, type LegalHoldGround } from '../../../domain/retention/legal-hold.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/RadioGroup.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { formatDate } from '../pupils/dates.js';
import { getCaseRetention, liftLegalHold, retentionKeys, setLegalHold } from './retention-api.js';
import { termWords } from './term-words.js';
import './retention.css';

/**
 * On the case page: until when the case is kept (or why it is not due: still open, the pupil has not
 * left, a legal hold), and — for the casushouder and directie — setting and lifting a legal hold.
 */
export function CaseRetentionPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: retentionKeys.ofCase(caseId), queryFn: () => getCaseRetention(caseId) });
  if (query.isError) return null;
  const data = query.data;
  if (!data) return null;
  return (
    <section className="card retention-panel no-print" aria-labelledby="case-retention-title" data-testid="case-retention">
      <h2 id="case-retention-title" className="section-title">
        {t('retention.casePanel.title')}
      </h2>
      <p data-testid="case-retention-status" data-status={data.status}>
        {statusText(t, data)}
      </p>
      <HoldPart caseId={caseId} data={data} />
    </section>
  );
}

/** The ground's words, from the fixed list. */
export const GROUND = {
  'court-proceedings': 'retention.grounds.court-proceedings',
  complaint: 'retention.grounds.complaint',
  'veilig-thuis-request': 'retention.grounds.veilig-thuis-request',
  'inspectorate-request': 'retention.grounds.inspectorate-request',
  other: 'retention.grounds.other',
} as const satisfies Record<LegalHoldGround, string>;

function statusText(t: TFunction, data: CaseRetention): string {
  const date = data.dueOn ? formatDate(data.dueOn) : '';
  const term = termWords(t, data.termYears);
  switch (data.status) {
    case 'not-closed':
      return t('retention.casePanel.status.not-closed');
    case 'pupil-not-left':
      return t('retention.casePanel.status.pupil-not-left', { term });
    case 'held':
      return data.dueOn ? t('retention.casePanel.status.heldPastTerm', { date }) : t('retention.casePanel.status.held');
    case 'kept':
      return t('retention.casePanel.status.kept', { date });
    case 'upcoming':
      return t('retention.casePanel.status.upcoming', { date });
    case 'due':
      return t('retention.casePanel.status.due', { date });
  }
}

function HoldPart({ caseId, data }: { caseId: string; data: CaseRetention }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState<LegalHoldGround | null>(null);
  const [groundError, setGroundError] = useState<string | null>(null);
  const onSuccess = (answer: CaseRetention) => {
    queryClient.setQueryData(retentionKeys.ofCase(caseId), answer);
    setOpen(false);
    setGround(null);
    return queryClient.invalidateQueries({ queryKey: retentionKeys.overview });
  };
  const set = useMutation({ mutationFn: (chosen: LegalHoldGround) => setLegalHold(caseId, chosen), onSuccess });
  const lift = useMutation({ mutationFn: () => liftLegalHold(caseId), onSuccess });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ground) {
      setGroundError(t('retention.casePanel.groundRequired'));
      return;
    }
    setGroundError(null);
    set.mutate(ground);
  }

  return (
    <div className="retention-hold" data-testid="case-legal-hold">
      <h3 className="subsection-title">{t('retention.casePanel.holdTitle')}</h3>
      {data.hold ? (
        <p data-testid="case-legal-hold-on">{t('retention.casePanel.holdOn', { ground: t(GROUND[data.hold.ground]), name: data.hold.setBy.name, date: formatDateTime(data.hold.setAt) })}</p>
      ) : (
        <p className="muted">
          {t('retention.casePanel.holdNone')} {t('retention.casePanel.holdExplain')}
        </p>
      )}
      <ErrorAlert error={set.error ?? lift.error} />
      {data.abilities.legalHold && data.hold && (
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={lift.isPending} onClick={() => lift.mutate()} data-testid="case-legal-hold-lift">
            {t('retention.casePanel.lift')}
          </button>
        </div>
      )}
      {data.abilities.legalHold && !data.hold && !open && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)} data-testid="case-legal-hold-open">
            {t('retention.casePanel.set')}
          </button>
        </div>
      )}
      {data.abilities.legalHold && !data.hold && open && (
        <form className="retention-hold-form" noValidate onSubmit={submit} data-testid="case-legal-hold-form">
          <RadioGroup
            idPrefix="legal-hold-ground"
            name="legal-hold-ground"
            legend={t('retention.casePanel.legend')}
            hint={t('retention.casePanel.hint')}
            options={LEGAL_HOLD_GROUNDS.map((value) => ({ value, label: capitalised(t(GROUND[value])) }))}
            value={ground}
            onChange={setGround}
            error={groundError}
          />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={set.isPending} data-testid="case-legal-hold-submit">
              {t('retention.casePanel.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('retention.casePanel.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
