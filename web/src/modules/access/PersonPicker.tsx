import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../../api';
import type { PersonOption } from './access-api';

/** Search people in the viewer's scope by name or number (GET /api/people?q=), debounced. */
export function PersonPicker(props: {
  value: number | null;
  /** Shown for the chosen person before any search has run (e.g. after a reload). */
  valueLabel?: string;
  onChange: (id: number | null) => void;
  placeholder: string;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const people = useQuery({
    queryKey: ['people-search', q],
    queryFn: () =>
      get<{ items: PersonOption[] }>(`/api/people?q=${encodeURIComponent(q)}&pageSize=20&sort=name`).then(
        (r) => r.items,
      ),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo}，${p.unitName}）` }));
  if (props.value && props.valueLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.valueLabel });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange(v ?? null)}
      options={options}
      loading={people.isFetching}
      placeholder={props.placeholder}
      notFoundContent={null}
      allowClear
      aria-label={props.placeholder}
      data-testid="person-picker"
      style={{ width: 'min(420px, 100%)' }}
    />
  );
}
