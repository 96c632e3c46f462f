import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MailSettings } from '../../../contract/notifications.js';
import { getMailSettings, updateMailSettings } from '../../api/notifications.js';
import { queryKeys } from '../../api/query-keys.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RadioGroup } from '../../components/RadioGroup.js';

const FREQUENCIES = ['immediate', 'daily', 'none'] as const satisfies readonly MailSettings['frequency'][];

/** "E-mail over berichten": how often I hear by mail that something waits (never what). */
export function MailSettingsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.mailSettings, queryFn: getMailSettings });
  const update = useMutation({
    mutationFn: updateMailSettings,
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.mailSettings, answer),
  });
  const data = settings.data;

  return (
    <section className="card" aria-labelledby="mail-settings-title" data-testid="mail-settings">
      <h2 id="mail-settings-title" className="section-title">
        {t('notifications.mail.title')}
      </h2>
      <p>{t('notifications.mail.intro')}</p>
      {settings.isError && <ErrorAlert error={settings.error} />}
      {data && !data.mailConfigured && <p className="field-hint">{t('notifications.mail.notConfigured')}</p>}
      {data && (
        <RadioGroup
          idPrefix="mail-frequency"
          name="mail-frequency"
          legend={t('notifications.mail.legend')}
          options={FREQUENCIES.map((value) => ({ value, label: t(`notifications.mail.${value}`), description: t(`notifications.mail.${value}Description`) }))}
          value={update.isPending && update.variables ? update.variables : data.frequency}
          onChange={(frequency) => update.mutate(frequency)}
        />
      )}
      {update.isError && <ErrorAlert error={update.error} />}
      {update.isSuccess && (
        <p className="field-hint" role="status" data-testid="mail-settings-saved">
          {t('notifications.mail.saved')}
        </p>
      )}
    </section>
  );
}
