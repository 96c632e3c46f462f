import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, GroupsResponse } from '../../../contract/administration.js';
import { archiveGroup, createGroup, getGroups, setGroupTeachers, updateGroup } from '../../api/administration.js';
import { ApiError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { CheckboxGroup } from '../../components/CheckboxGroup.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableCard } from '../../components/TableCard.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';

const YEAR_GROUPS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export default function GroupsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!me.abilities['groups.list']) return <NotAllowed title={t('groups.title')} />;
  return <GroupsOverview schoolName={me.school?.name ?? ''} />;
}

function GroupsOverview({ schoolName }: { schoolName: string }) {
  const { t } = useTranslation();
  usePageTitle(t('groups.title'));
  const groups = useQuery({ queryKey: queryKeys.groups, queryFn: getGroups, staleTime: 0 });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = groups.data?.abilities['groups.manage'] === true;

  return (
    <div className="page">
      <div className="page-title-row">
        <PageHeading>{t('groups.title')}</PageHeading>
        {canManage && (
          <button
            type="button"
            className="button button-primary"
            aria-expanded={adding}
            aria-controls="group-add"
            data-testid="group-add-open"
            onClick={() => setAdding((open) => !open)}
          >
            {t('groups.add')}
          </button>
        )}
      </div>
      <p className="lead">{canManage ? t('groups.introManage', { school: schoolName }) : t('groups.intro', { school: schoolName })}</p>
      {notice && <Notice tone="success">{notice}</Notice>}
      {groups.isPending && <PageLoading />}
      {groups.isError && <ErrorAlert error={groups.error} />}
      {groups.data && (
        <>
          {canManage && adding && (
            <section id="group-add" className="card" aria-labelledby="group-add-title">
              <h2 id="group-add-title" className="section-title">
                {t('groups.addTitle')}
              </h2>
              <GroupForm
                idPrefix="new-group"
                teachers={groups.data.teachers}
                onCancel={() => setAdding(false)}
                onSaved={(name) => {
                  setAdding(false);
                  setNotice(t('groups.added', { name }));
                }}
              />
            </section>
          )}
          <GroupsTable data={groups.data} canManage={canManage} onNotice={setNotice} />
        </>
      )}
    </div>
  );
}

export function yearGroupsText(years: readonly number[]): string {
  return [...years].sort((a, b) => a - b).join('/');
}

function GroupsTable({ data, canManage, onNotice }: { data: GroupsResponse; canManage: boolean; onNotice: (text: string | null) => void }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const columns = canManage ? 4 : 3;

  const archive = useMutation({
    mutationFn: (group: Group) => archiveGroup(group.id),
    onSuccess: async (_r, group) => {
      setOpenId(null);
      onNotice(t('groups.archived', { name: group.name }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    },
  });

  async function askArchive(group: Group) {
    const yes = await confirm({
      title: t('groups.archiveTitle', { name: group.name }),
      body: <p>{t('groups.archiveText')}</p>,
      confirmLabel: t('groups.archive'),
    });
    if (yes) archive.mutate(group);
  }

  if (data.groups.length === 0) {
    return <p className="card">{canManage ? t('groups.noneManage') : t('groups.none')}</p>;
  }

  return (
    <TableCard
      titleId="groups-table-title"
      title={t('groups.tableTitle', { count: data.groups.length })}
      error={archive.isError ? archive.error : null}
      testId="groups-table"
      columns={[{ label: t('groups.col.name') }, { label: t('groups.col.years') }, { label: t('groups.col.teachers') }]}
      actions={canManage && {}}
      rows={
        <>
            {data.groups.map((group) => {
              const open = openId === group.id;
              const panelId = `group-${group.id}`;
              return (
                <Fragment key={group.id}>
                  <tr className={open ? 'row-open' : undefined} data-testid="group-row" data-name={group.name}>
                    <th scope="row">{group.name}</th>
                    <td>{group.yearGroups.length > 0 ? t('groups.years', { years: yearGroupsText(group.yearGroups) }) : '—'}</td>
                    <td>
                      {group.teachers.length > 0 ? (
                        group.teachers.map((teacher) => teacher.name).join(', ')
                      ) : (
                        <span className="muted">{t('groups.noTeachers')}</span>
                      )}
                    </td>
                    {canManage && (
                      <td className="cell-action">
                        <button
                          type="button"
                          className="button button-secondary button-compact"
                          aria-expanded={open}
                          aria-controls={open ? panelId : undefined}
                          data-testid="group-edit"
                          onClick={() => {
                            onNotice(null);
                            setOpenId(open ? null : group.id);
                          }}
                        >
                          {open ? t('staff.close') : t('groups.edit')}
                          <span className="sr-only"> {group.name}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                  {open && (
                    <tr id={panelId} className="detail-row">
                      <td colSpan={columns}>
                        <div className="person-panel">
                          <h3 className="person-panel-title">{t('groups.editTitle', { name: group.name })}</h3>
                          <GroupForm
                            idPrefix={`edit-${group.id}`}
                            group={group}
                            teachers={data.teachers}
                            onCancel={() => setOpenId(null)}
                            onSaved={(name) => {
                              setOpenId(null);
                              onNotice(t('groups.saved', { name }));
                            }}
                          />
                          <div className="panel-footer">
                            <button
                              type="button"
                              className="button button-danger-outline"
                              disabled={archive.isPending}
                              data-testid="group-archive"
                              onClick={() => void askArchive(group)}
                            >
                              {t('groups.archive')}
                            </button>
                            <span className="action-hint">{t('groups.archiveHint')}</span>
                          </div>
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
        </>
      }
    />
  );
}

type Teacher = { userId: string; name: string };
type FormProblem = { alert: unknown; name?: string | true; years?: string; teachers?: true };

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Name, year groups and teachers of a new or existing group. */
function GroupForm({ idPrefix, group, teachers, onCancel, onSaved }: { idPrefix: string; group?: Group; teachers: Teacher[]; onCancel: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(group?.name ?? '');
  const [years, setYears] = useState<number[]>(group?.yearGroups ?? []);
  const [teacherIds, setTeacherIds] = useState<string[]>(group?.teachers.map((teacher) => teacher.userId) ?? []);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  // A teacher of the group who no longer has the teacher role still shows, so that unticking works.
  const choices: Teacher[] = [...teachers, ...(group?.teachers ?? []).filter((gt) => !teachers.some((teacher) => teacher.userId === gt.userId))];

  const save = useMutation({
    mutationFn: async (values: { name: string; yearGroups: number[]; teacherIds: string[] }) => {
      let id = group?.id;
      if (!group) {
        id = (await createGroup({ name: values.name, yearGroups: values.yearGroups })).id;
      } else if (values.name !== group.name || !sameSet(values.yearGroups, group.yearGroups)) {
        await updateGroup(group.id, { name: values.name, yearGroups: values.yearGroups });
      }
      const before = group?.teachers.map((teacher) => teacher.userId) ?? [];
      if (id && !sameSet(values.teacherIds, before)) await setGroupTeachers(id, values.teacherIds);
    },
    onSuccess: (_r, values) => onSaved(values.name),
    onError: (error) => {
      const field = error instanceof ApiError ? error.field?.split('.').pop() : undefined;
      setProblem({ alert: error, ...(field === 'name' ? { name: true } : {}), ...(field === 'teacherIds' ? { teachers: true } : {}) });
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      await queryClient.invalidateQueries({ queryKey: queryKeys.staff });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const noName = name.trim() === '';
    const noYears = years.length === 0;
    if (noName || noYears) {
      setProblem({
        alert: { message: t('errors.requiredSummary') },
        ...(noName ? { name: t('errors.required') } : {}),
        ...(noYears ? { years: t('groups.yearsRequired') } : {}),
      });
      return;
    }
    setProblem(null);
    save.mutate({ name: name.trim(), yearGroups: years, teacherIds });
  }

  return (
    <>
      {problem && <ErrorAlert error={problem.alert} />}
      <form className="form" noValidate onSubmit={submit}>
        <div className="form-field-narrow">
          <TextField
            id={`${idPrefix}-name`}
            label={t('groups.name')}
            hint={t('groups.nameHint')}
            autoComplete="off"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={typeof problem?.name === 'string' ? problem.name : null}
            invalid={problem?.name !== undefined}
          />
        </div>
        <CheckboxGroup
          idPrefix={`${idPrefix}-year`}
          legend={t('groups.yearsLegend')}
          options={YEAR_GROUPS.map((year) => ({ value: year, label: t('groups.years', { years: String(year) }) }))}
          selected={years}
          onChange={setYears}
          error={problem?.years ?? null}
          layout="row"
        />
        <CheckboxGroup
          idPrefix={`${idPrefix}-teacher`}
          legend={t('groups.teachersLegend')}
          hint={choices.length === 0 ? t('groups.noTeachersAtSchool') : t('groups.teachersHint')}
          error={problem?.teachers ? t('groups.teachersProblem') : null}
          options={choices.map((teacher) => ({ value: teacher.userId, label: teacher.name }))}
          selected={teacherIds}
          onChange={setTeacherIds}
          layout="grid"
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="group-save" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : group ? t('groups.save') : t('groups.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
