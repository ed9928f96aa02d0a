import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../api/session';
import { localDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { EmptyState, PageError, PageHeader, PageLoading } from '../../layout/page-state';
import { BlockCard } from './block-card';
import { peopleByShift } from './blocks-data';
import './coordinator.css';

/** The rota answers at most 31 days; blocks further out show their counts but no names. */
const ROTA_DAYS = 31;

/** 协调员: the places the community holds for my organisation, and putting members on them. */
export default function CoordinatorBlocksPage() {
  const { t } = useI18n();
  const me = useMe();
  const organisation = me?.organisation;
  const zone = me?.community.timeZone ?? 'Asia/Shanghai';
  const today = localDate(new Date(), zone);
  const lastDay = localDate(new Date(Date.now() + (ROTA_DAYS - 1) * 86_400_000), zone);

  const blocks = useQuery({
    queryKey: ['coordinator', 'blocks'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/reservations', {
          params: { query: { status: 'active', from: new Date().toISOString(), pageSize: 100 } },
        }),
      ),
  });
  const rota = useQuery({
    queryKey: ['coordinator', 'rota', organisation?.id, today],
    enabled: Boolean(organisation),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/rota', {
          params: { query: { organisationId: organisation?.id, from: today, to: lastDay } },
        }),
      ),
  });
  const members = useQuery({
    queryKey: ['coordinator', 'members', organisation?.id],
    enabled: Boolean(organisation),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/memberships', {
          params: { query: { organisationId: organisation?.id, active: 'true', pageSize: 100 } },
        }),
      ),
    staleTime: 5 * 60_000,
  });

  const header = (
    <PageHeader
      title={t('coordinator.blocks.title')}
      intro={organisation ? t('coordinator.blocks.intro', { organisation: organisation.name }) : undefined}
    />
  );
  if (!organisation) {
    return (
      <>
        {header}
        <EmptyState text={t('coordinator.blocks.noOrganisation')} />
      </>
    );
  }
  const failed = blocks.error ?? rota.error ?? members.error;
  if (failed) {
    return (
      <>
        {header}
        <PageError
          error={failed}
          onRetry={() => void Promise.all([blocks.refetch(), rota.refetch(), members.refetch()])}
        />
      </>
    );
  }
  if (!blocks.data || !rota.data || !members.data) {
    return (
      <>
        {header}
        <PageLoading />
      </>
    );
  }
  const people = peopleByShift(rota.data);
  return (
    <>
      {header}
      {blocks.data.items.length === 0 ? (
        <EmptyState text={t('coordinator.blocks.none')} />
      ) : (
        <div className="stack">
          {blocks.data.items.map((block) => (
            <BlockCard
              key={block.id}
              block={block}
              people={people.get(block.shiftId)}
              members={members.data.items}
            />
          ))}
        </div>
      )}
    </>
  );
}
