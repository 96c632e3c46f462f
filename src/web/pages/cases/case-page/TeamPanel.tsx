import { useTranslation } from 'react-i18next';
import { useCaseView } from './case-context.js';

/** The interventieteam as it is now: who is on it, in which role, and who is casushouder. */
export function TeamPanel() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  return (
    <div className="case-team" data-testid="case-team">
      <h4 className="case-team-title">{t('casePage.team.title')}</h4>
      {data.team.length === 0 ? (
        <p className="muted">{t('casePage.team.none')}</p>
      ) : (
        <ul className="case-team-list">
          {data.team.map((member) => (
            <li key={member.userId} className="case-team-member" data-testid="team-member" data-name={member.name}>
              <span className="case-team-name">{member.name}</span>
              <span className="muted">{t(`casePage.teamRoles.${member.teamRole}`)}</span>
              {member.isCasushouder && <span className="badge badge-ok">{t('casePage.team.casushouder')}</span>}
            </li>
          ))}
        </ul>
      )}
      {data.team.length > 0 && data.case.casushouder === null && <p className="muted">{t('casePage.team.noCasushouderYet')}</p>}
    </div>
  );
}
