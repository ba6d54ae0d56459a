import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A list filter with its name shown above it (a placeholder alone disappears once something is chosen). The
 * control carries the same name as its aria-label; a <label> wrapper would re-click antd's inner input.
 */
export function FilterField({ label, children, grow = false }: { label: string; children: ReactNode; grow?: boolean }) {
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 2, flex: grow ? '1 1 150px' : undefined, minWidth: 0 }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}
