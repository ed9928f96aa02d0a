import { useState } from 'react';
import { Alert, Button, Drawer, Input } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap } from '../../api/client';
import { problemCode, problemMessage } from '../../api/problem';
import { formatDateTime, formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { hasMessage } from '../../i18n/translate';
import { useToasts } from '../../layout/feedback';
import { filledOf, placeLabel, type RotaShift } from './rota-board';
import { SeriesEdit } from './series-edit';

/** A shift opened from the board: who is on it, what organisations hold, and adding a person. */
export function ShiftDetail({ shift, onClose }: { shift: RotaShift | undefined; onClose: () => void }) {
  const { t, language } = useI18n();
  return (
    <Drawer
      open={!!shift}
      onClose={onClose}
      size={520}
      title={shift?.title}
      closable={{ 'aria-label': t('rota.detail.close') }}
      destroyOnHidden
    >
      {shift && (
        <div className="stack">
          <p>
            {formatRange(shift.startsAt, shift.endsAt, shift.timeZone, language)}
            <br />
            <span className="muted">{placeLabel(shift) || t('rota.noPlace')}</span>
            <br />
            {t('rota.filled', { filled: filledOf(shift), capacity: shift.capacity })}
            {shift.waitlisted > 0 && ` · ${t('rota.waitlisted', { count: shift.waitlisted })}`}
          </p>
          {shift.status === 'open' && (
            // The check-in kiosk (pages/public/kiosk-page.tsx), in its own tab for the screen on site.
            <a className="tap-link" href={`/kiosk/${shift.id}`} target="_blank" rel="noopener">
              {t('kiosk.open')}
            </a>
          )}
          <People shift={shift} />
          <Blocks shift={shift} />
          {shift.status === 'open' && <AddPerson shift={shift} />}
          {shift.status === 'open' && shift.seriesId && (
            <SeriesEdit shift={shift} seriesId={shift.seriesId} />
          )}
        </div>
      )}
    </Drawer>
  );
}

function People({ shift }: { shift: RotaShift }) {
  const { t } = useI18n();
  const organisationName = (id: string | null) =>
    shift.organisations.find((organisation) => organisation.organisationId === id)?.name;
  return (
    <section aria-labelledby="detail-people">
      <h2 className="section-heading" id="detail-people">
        {t('rota.detail.people')}
      </h2>
      {shift.people.length === 0 ? (
        <p className="muted">{t('rota.detail.noPeople')}</p>
      ) : (
        <ul className="plain-list">
          {shift.people.map((person) => (
            <li key={person.claimId} className="person-row">
              <span className="strong">{person.name}</span>{' '}
              {person.phone ? (
                <a href={`tel:${person.phone}`}>{person.phone}</a>
              ) : (
                <span className="muted">{t('rota.detail.noPhone')}</span>
              )}
              <span className="muted">
                {' · '}
                {t(`rota.detail.status.${person.status}`)}
                {person.checkedIn && ` · ${t('rota.detail.checkedIn')}`}
                {person.organisationId &&
                  ` · ${t('rota.detail.viaOrganisation', { name: organisationName(person.organisationId) ?? '' })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Organisation blocks with their release time: after it, unassigned places open to everyone. */
function Blocks({ shift }: { shift: RotaShift }) {
  const { t, language } = useI18n();
  const reservations = useQuery({
    queryKey: ['shift-reservations', shift.id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/shifts/{id}/reservations', { params: { path: { id: shift.id } } })),
    enabled: shift.organisations.length > 0,
  });
  const active = (reservations.data ?? []).filter((reservation) => reservation.status === 'active');
  return (
    <section aria-labelledby="detail-blocks">
      <h2 className="section-heading" id="detail-blocks">
        {t('rota.detail.blocks')}
      </h2>
      {shift.organisations.length === 0 ? (
        <p className="muted">{t('rota.detail.noBlocks')}</p>
      ) : (
        <ul className="plain-list">
          {shift.organisations.map((organisation) => {
            const reservation = active.find((r) => r.organisationId === organisation.organisationId);
            return (
              <li key={organisation.organisationId}>
                {t('rota.detail.block', organisation)}
                {reservation && (
                  <span className="muted">
                    <br />
                    {t('rota.detail.releaseAt', {
                      time: formatDateTime(reservation.releaseAt, reservation.timeZone, language),
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Find a volunteer by name or phone and place them; a refusal says which rule, about them. */
function AddPerson({ shift }: { shift: RotaShift }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [refusal, setRefusal] = useState<{ name: string; text: string }>();
  const q = search.trim();
  const people = useQuery({
    queryKey: ['people-search', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/people', { params: { query: { q, active: 'true', pageSize: 8, sort: 'name' } } }),
      ),
    enabled: q.length > 0,
  });
  const add = useMutation({
    mutationFn: (person: { id: string; name: string }) =>
      unwrap(
        api.POST('/api/v1/shifts/{id}/claims', {
          params: { path: { id: shift.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { personId: person.id },
        }),
      ),
    onSuccess: (claim, person) => {
      setRefusal(undefined);
      toasts.success(
        t(claim.status === 'waitlisted' ? 'rota.detail.addedWaitlist' : 'rota.detail.added', {
          name: person.name,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['rota'] });
    },
    onError: (error, person) => {
      const key = `rota.refusal.${problemCode(error)}`;
      setRefusal({ name: person.name, text: hasMessage(key) ? t(key) : problemMessage(error, t) });
    },
  });
  const onShift = new Set(shift.people.map((person) => person.personId));
  return (
    <section aria-labelledby="detail-add">
      <h2 className="section-heading" id="detail-add">
        {t('rota.detail.add')}
      </h2>
      <label htmlFor="person-search" className="field-label">
        {t('rota.detail.search')}
      </label>
      <Input
        id="person-search"
        size="large"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t('rota.detail.searchHint')}
        allowClear
      />
      {refusal && (
        <Alert
          className="detail-alert"
          type="error"
          showIcon
          role="alert"
          title={t('rota.detail.refused', { name: refusal.name })}
          description={refusal.text}
        />
      )}
      {q.length > 0 && people.isSuccess && people.data.items.length === 0 && (
        <p className="muted">{t('rota.detail.noMatch')}</p>
      )}
      {people.data && q.length > 0 && (
        <ul className="plain-list">
          {people.data.items
            .filter((person) => !onShift.has(person.id))
            .map((person) => {
              // The OpenAPI document types a nullable phone as a list (ADR 0018); it is one text or null.
              const phone = person.phone as unknown as string | null;
              return (
                <li key={person.id} className="person-row person-choice">
                  <span>
                    <span className="strong">{person.name}</span> <span className="muted">{phone ?? ''}</span>
                  </span>
                  <Button
                    aria-label={t('rota.detail.addTo', { name: person.name, title: shift.title })}
                    loading={add.isPending && add.variables?.id === person.id}
                    onClick={() => add.mutate(person)}
                  >
                    {t('rota.detail.addButton')}
                  </Button>
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}
