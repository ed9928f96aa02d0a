import type { ReactNode } from 'react';

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
