import { useState } from 'react';
import { Alert, Button, Popconfirm } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatDateTime, formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import {
  assignableMembers,
  onBlock,
  releaseState,
  shrinkOptions,
  type Block,
  type BlockPerson,
} from './blocks-data';

export interface Member {
  personId: string;
  personName: string;
}

/** One block of places: who is on it, when the rest is released, and the coordinator's three actions. */
export function BlockCard({
  block,
  people,
  members,
}: {
  block: Block;
  /** everyone the rota shows the coordinator on this shift; undefined beyond the rota's 31 days */
  people: readonly BlockPerson[] | undefined;
  members: readonly Member[];
}) {
  const { t, language } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState('');
  const [places, setPlaces] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['coordinator'] });

  const assign = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/v1/reservations/{id}/assignments', {
          params: { path: { id: block.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { personId: id },
        }),
      ),
    onSuccess: (_claim, id) => {
      const name = members.find((member) => member.personId === id)?.personName ?? '';
      toasts.success(t('coordinator.blocks.assigned', { name, title: block.shift.title }));
      setPersonId('');
      void refresh();
    },
  });
  const shrink = useMutation({
    mutationFn: (keep: number) =>
      unwrap(
        api.POST('/api/v1/reservations/{id}/shrink', {
          params: { path: { id: block.id } },
          body: { places: keep },
        }),
      ),
    onSuccess: (answer) => {
      toasts.success(t('coordinator.blocks.shrunk', { places: answer.places }));
      setPlaces('');
      void refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/reservations/{id}/cancel', { params: { path: { id: block.id } } })),
    onSuccess: () => {
      toasts.success(t('coordinator.blocks.cancelled', { title: block.shift.title }));
      void refresh();
    },
  });

  const zone = block.shift.timeZone;
  const place = block.shift.estate?.name ?? block.shift.locationText;
  const release = releaseState(block, new Date());
  const releaseTime = formatDateTime(block.releaseAt, block.timeZone, language);
  const mine = people && onBlock(people, block.organisationId);
  const candidates = assignableMembers(members, people ?? []);
  const sizes = shrinkOptions(block);
  const titleId = `block-${block.id}`;
  const failure = assign.error ?? shrink.error ?? cancel.error;

  return (
    <article className="card shift-card" aria-labelledby={titleId}>
      <h3 className="shift-title" id={titleId}>
        {block.shift.title}
      </h3>
      <p className="shift-line">{formatRange(block.shift.startsAt, block.shift.endsAt, zone, language)}</p>
      {place && <p className="shift-line shift-meta">{place}</p>}
      <p className="shift-line strong">
        {t('coordinator.blocks.filled', { assigned: block.assigned, places: block.places })}
      </p>
      {release.kind === 'soon' ? (
        <Alert
          type="warning"
          showIcon
          title={t('coordinator.blocks.releaseSoon', { unassigned: release.unassigned, time: releaseTime })}
        />
      ) : (
        <p className="shift-line shift-meta">
          {release.kind === 'full'
            ? t('coordinator.blocks.allAssigned')
            : t('coordinator.blocks.releaseLater', { unassigned: release.unassigned, time: releaseTime })}
        </p>
      )}

      {mine && <h4 className="block-subheading">{t('coordinator.blocks.members')}</h4>}
      {!mine ? null : mine.length === 0 ? (
        <p className="muted">{t('coordinator.blocks.noMembers')}</p>
      ) : (
        <ul className="block-people">
          {mine.map((person) => (
            <li key={person.claimId}>
              <span className="strong">{person.name}</span>
              {person.phone && (
                <a className="block-phone" href={`tel:${person.phone}`}>
                  {t('coordinator.blocks.phone', { phone: person.phone })}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}

      {release.kind !== 'full' && (
        <form
          className="block-action"
          onSubmit={(event) => {
            event.preventDefault();
            if (personId) assign.mutate(personId);
          }}
        >
          <label htmlFor={`assign-${block.id}`}>{t('coordinator.blocks.assignLabel')}</label>
          {candidates.length === 0 ? (
            <p className="muted">{t('coordinator.blocks.noneToAssign')}</p>
          ) : (
            <div className="block-action-row">
              <select
                id={`assign-${block.id}`}
                className="native-select"
                value={personId}
                onChange={(event) => setPersonId(event.target.value)}
              >
                <option value="">{t('coordinator.blocks.choose')}</option>
                {candidates.map((member) => (
                  <option key={member.personId} value={member.personId}>
                    {member.personName}
                  </option>
                ))}
              </select>
              <Button
                type="primary"
                size="large"
                htmlType="submit"
                disabled={!personId}
                loading={assign.isPending}
                aria-describedby={titleId}
              >
                {t('coordinator.blocks.assign')}
              </Button>
            </div>
          )}
        </form>
      )}

      <div className="block-action-row block-manage">
        {sizes.length > 0 && (
          <form
            className="block-action-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (places) shrink.mutate(Number(places));
            }}
          >
            <label className="visually-hidden" htmlFor={`shrink-${block.id}`}>
              {t('coordinator.blocks.shrinkLabel')}
            </label>
            <select
              id={`shrink-${block.id}`}
              className="native-select block-shrink-select"
              value={places}
              onChange={(event) => setPlaces(event.target.value)}
            >
              <option value="">{t('coordinator.blocks.shrinkLabel')}</option>
              {sizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
            <Button size="large" htmlType="submit" disabled={!places} loading={shrink.isPending}>
              {t('coordinator.blocks.shrink')}
            </Button>
          </form>
        )}
        <Popconfirm
          title={t('coordinator.blocks.cancelConfirm')}
          okText={t('coordinator.blocks.cancelOk')}
          cancelText={t('coordinator.blocks.cancelKeep')}
          okButtonProps={{ danger: true }}
          onConfirm={() => cancel.mutate()}
        >
          <Button size="large" danger loading={cancel.isPending} aria-describedby={titleId}>
            {t('coordinator.blocks.cancel')}
          </Button>
        </Popconfirm>
      </div>
      {failure && <Alert type="error" showIcon title={problemMessage(failure, t)} />}
    </article>
  );
}
