import { useTranslation } from 'react-i18next';
import type { AccessRequestFileResponse } from '../../../contract/access-requests.js';
import { useFormatList } from '../../hooks/useFormat.js';
import { formatDate } from '../pupils/dates.js';

type Administrative = Pick<AccessRequestFileResponse, 'pupil' | 'guardians' | 'startOfYearTalks' | 'parentContacts'>;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="case-print-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The pupil's record, household, start-of-year talks and contacts with parents, as the school keeps them. */
export function FileSections({ file, idPrefix }: { file: Administrative; idPrefix: string }) {
  const { t } = useTranslation();
  const formatList = useFormatList();
  const { pupil } = file;
  const unknown = t('pupils.page.unknown');
  const guardianName = (id: string) => file.guardians.find((g) => g.id === id)?.name;

  return (
    <>
      <section aria-labelledby={`${idPrefix}-pupil`} className="case-print-section" data-testid="file-pupil">
        <h2 id={`${idPrefix}-pupil`} className="case-print-title">
          {t('accessRequests.file.pupil')}
        </h2>
        <dl className="case-print-facts">
          <Fact label={t('accessRequests.file.givenNames')} value={pupil.givenNames} />
          <Fact label={t('accessRequests.file.callName')} value={pupil.callName} />
          <Fact label={t('accessRequests.file.surname')} value={[pupil.surnamePrefix, pupil.surname].filter(Boolean).join(' ')} />
          <Fact label={t('pupils.page.number')} value={pupil.pupilNumber} />
          <Fact label={t('pupils.page.born')} value={pupil.dateOfBirth ? formatDate(pupil.dateOfBirth) : unknown} />
          <Fact label={t('accessRequests.file.sex')} value={pupil.sex ? t(`pupils.sex.${pupil.sex}`) : unknown} />
          <Fact label={t('pupils.page.group')} value={pupil.groupName ?? t('pupils.noGroup')} />
          <Fact label={t('pupils.page.enrolled')} value={pupil.enrolledOn ? formatDate(pupil.enrolledOn) : unknown} />
          {pupil.leftOn && <Fact label={t('accessRequests.file.left')} value={formatDate(pupil.leftOn)} />}
        </dl>
      </section>

      <section aria-labelledby={`${idPrefix}-guardians`} className="case-print-section" data-testid="file-guardians">
        <h2 id={`${idPrefix}-guardians`} className="case-print-title">
          {t('accessRequests.file.guardians')}
        </h2>
        {file.guardians.length === 0 ? (
          <p>{t('accessRequests.file.noGuardians')}</p>
        ) : (
          <table className="table table-compact case-print-table">
            <thead>
              <tr>
                <th scope="col">{t('pupils.guardians.col.name')}</th>
                <th scope="col">{t('pupils.guardians.col.phone')}</th>
                <th scope="col">{t('pupils.guardians.col.email')}</th>
                <th scope="col">{t('pupils.guardians.col.authority')}</th>
              </tr>
            </thead>
            <tbody>
              {file.guardians.map((g) => (
                <tr key={`${g.householdId}-${g.id}`}>
                  <th scope="row">{g.name}</th>
                  <td>{g.phone ?? t('pupils.guardians.unknown')}</td>
                  <td>{g.email ?? t('pupils.guardians.unknown')}</td>
                  <td>{g.hasAuthority ? t('pupils.guardians.yes') : t('pupils.guardians.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={`${idPrefix}-talks`} className="case-print-section" data-testid="file-talks">
        <h2 id={`${idPrefix}-talks`} className="case-print-title">
          {t('accessRequests.file.talks')}
        </h2>
        {file.startOfYearTalks.length === 0 && <p>{t('accessRequests.file.noTalks')}</p>}
        {file.startOfYearTalks.map((talk) => (
          <div key={talk.id} className="access-record">
            <h3 className="case-print-subtitle">{t('accessRequests.file.talkOf', { year: talk.schoolYear })}</h3>
            <dl className="case-print-facts">
              <Fact label={t('accessRequests.file.heldOn')} value={formatDate(talk.heldOn)} />
              <Fact label={t('accessRequests.file.heldBy')} value={talk.staff.name} />
              <Fact
                label={t('accessRequests.file.with')}
                value={formatList(talk.guardianIds.map(guardianName).filter((name): name is string => name !== undefined)) || '—'}
              />
              {talk.notes && <Fact label={t('accessRequests.file.notes')} value={talk.notes} />}
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby={`${idPrefix}-contacts`} className="case-print-section" data-testid="file-contacts">
        <h2 id={`${idPrefix}-contacts`} className="case-print-title">
          {t('accessRequests.file.contacts')}
        </h2>
        {file.parentContacts.length === 0 ? (
          <p>{t('accessRequests.file.noContacts')}</p>
        ) : (
          <table className="table table-compact case-print-table">
            <thead>
              <tr>
                <th scope="col">{t('pupils.contacts.col.date')}</th>
                <th scope="col">{t('pupils.contacts.col.kind')}</th>
                <th scope="col">{t('pupils.contacts.col.by')}</th>
                <th scope="col">{t('pupils.contacts.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {file.parentContacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDate(c.contactedOn)}</th>
                  <td>{t(`pupils.contacts.kinds.${c.kind}`, { defaultValue: c.kind })}</td>
                  <td>{c.staff.name}</td>
                  <td className="notes">{c.notes ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
