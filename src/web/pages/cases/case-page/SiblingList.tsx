import { useTranslation } from 'react-i18next';
import type { CaseData } from './case-context.js';

/**
 * Brothers and sisters as the school knows them. One at another school of the board is named only
 * by that school: the case page never shows a pupil of another school.
 */
export function SiblingList({ siblings }: { siblings: CaseData['siblings'] }) {
  const { t } = useTranslation();
  if (siblings.length === 0) return <p className="muted case-siblings-none">{t('casePage.kindcheck.noSiblings')}</p>;
  return (
    <ul className="plain-list case-sibling-list" data-testid="case-siblings">
      {siblings.map((sibling, index) =>
        sibling.kind === 'same-school' ? (
          <li key={sibling.pupilId}>
            {sibling.displayName}
            {sibling.groupName && <span className="muted"> · {sibling.groupName}</span>}
          </li>
        ) : (
          <li key={`other-${index}`} data-testid="case-sibling-other-school">
            {t('casePage.kindcheck.siblingOtherSchool', { school: sibling.schoolName })}
          </li>
        ),
      )}
    </ul>
  );
}
