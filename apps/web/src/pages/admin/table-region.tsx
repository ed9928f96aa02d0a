import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { PageError } from '../../layout/page-state';

/**
 * A wide table on a narrow screen scrolls sideways inside this region, which the keyboard can
 * reach (tab to it, then the arrow keys): axe's scrollable-region-focusable. antd's own `scroll`
 * container cannot be given a tabindex.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** 在册 / 已停用 in words and colour with AA contrast (antd's success tag falls short on a tinted row). */
export function ActiveStatus({ active, labels }: { active: boolean; labels: [string, string] }) {
  return (
    <span className={active ? 'admin-status-active' : 'admin-status-inactive'}>{labels[active ? 0 : 1]}</span>
  );
}

/**
 * An admin page's list: what went wrong (with a retry) when loading failed, otherwise the table of
 * the query's items in its keyboard-reachable region.
 */
export function QueryTable<Row extends { id: string }>({
  label,
  query,
  ...table
}: { label: string; query: UseQueryResult<{ items: Row[] }> } & Omit<
  TableProps<Row>,
  'rowKey' | 'loading' | 'dataSource'
>) {
  if (query.isError) return <PageError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <TableRegion label={label}>
      <Table<Row> rowKey="id" loading={query.isPending} dataSource={query.data?.items} {...table} />
    </TableRegion>
  );
}
