import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MeResponse } from '../../contract/auth.js';
import { switchSchool } from '../api/auth.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

type School = { id: string; name: string };

/** The schools a person is a member of, each once. */
export function schoolsOf(me: MeResponse): School[] {
  const schools = new Map<string, string>();
  for (const membership of me.memberships) {
    if (membership.schoolId !== null) schools.set(membership.schoolId, membership.schoolName ?? membership.schoolId);
  }
  return [...schools].map(([id, name]) => ({ id, name }));
}

/** Choosing another school switches the school the person acts for, then starts afresh on the home page. */
export function SchoolSwitcher({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const schools = schoolsOf(me);
  const mutation = useMutation({
    mutationFn: (schoolId: string) => switchSchool({ schoolId }),
    onSuccess: async (next) => {
      queryClient.setQueryData(queryKeys.me, next);
      // Whatever was loaded for the previous school must not linger, not even while the new school's
      // data loads: reset (not merely invalidate) so no page shows the other school's staff or number.
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      await navigate('/');
    },
  });

  return (
    <div className="school-switch">
      <label htmlFor="school-switch" className="header-caption">
        {t('shell.schoolSwitch')}
      </label>
      <select
        id="school-switch"
        className="select"
        value={me.school?.id ?? ''}
        disabled={mutation.isPending}
        onChange={(event) => {
          if (event.target.value) mutation.mutate(event.target.value);
        }}
      >
        {me.school === null && (
          <option value="" disabled>
            {t('shell.chooseSchool')}
          </option>
        )}
        {schools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </select>
      {mutation.isError && (
        <div className="header-error">
          <ErrorAlert error={mutation.error} />
        </div>
      )}
    </div>
  );
}
