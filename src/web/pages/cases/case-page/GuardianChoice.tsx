import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup.js';
import { useCaseView } from './case-context.js';

/** Which of the pupil's guardians took part in a conversation; a guardian without authority is marked. */
export function GuardianChoice({ idPrefix, selected, onChange, error }: { idPrefix: string; selected: string[]; onChange: (ids: string[]) => void; error: string | null }) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  if (data.guardians.length === 0) return <p className="field-hint">{t('casePage.conversation.noGuardians')}</p>;
  return (
    <CheckboxGroup
      idPrefix={`${idPrefix}-guardianIds`}
      legend={t('casePage.conversation.guardians')}
      options={data.guardians.map((guardian) => ({ value: guardian.id, label: guardian.hasAuthority ? guardian.name : t('casePage.conversation.noAuthority', { name: guardian.name }) }))}
      selected={selected}
      onChange={onChange}
      error={error}
      layout="grid"
    />
  );
}
