import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

/**
 * Date and time fields drawn by antd in the app's locale (年月日, 周一 first in Chinese), instead of the browser's
 * native inputs, which follow the system's region (often US month/day order). They keep the string values the
 * native inputs had, so forms and their conversions stay as they were:
 * DateInput 'YYYY-MM-DD', DateTimeInput 'YYYY-MM-DDTHH:mm' (local time).
 */
interface Props {
  value?: string | null;
  onChange?: (value: string) => void;
  id?: string;
  style?: CSSProperties;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

const parse = (value: string | null | undefined) => {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
};

export function DateInput({ value, onChange, style, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      value={parse(value)}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      format="YYYY-MM-DD"
      inputReadOnly
      style={{ width: '100%', ...style }}
    />
  );
}

export function DateTimeInput({ value, onChange, style, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      value={parse(value)}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : '')}
      format="YYYY-MM-DD HH:mm"
      inputReadOnly
      style={{ width: '100%', ...style }}
    />
  );
}
