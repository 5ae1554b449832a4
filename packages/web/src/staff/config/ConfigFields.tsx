import { useState } from 'react';
import { NativeSelect, NumberInput, Text, TextInput, type NumberInputProps } from '@mantine/core';
import { useLang } from '../../i18n/use-lang';
import { useIssue } from './issues-context';

interface NumFieldProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'error'> {
  path: string;
  value: number | null | undefined;
  /** `null` when the field is emptied. */
  onChange: (value: number | null) => void;
}

const toNumber = (v: number | string): number | null => {
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

const isEmpty = (v: number | null | undefined): boolean => v === null || v === undefined || Number.isNaN(v);

/**
 * A number input showing the server's issue for `path`; Vietnamese separators in vi. What is being typed
 * ("20," on the way to "20,5") is kept locally while it means the same number as the config holds.
 */
export function NumField({ path, value, onChange, ...rest }: NumFieldProps) {
  const { lang } = useLang();
  const error = useIssue(path);
  const [raw, setRaw] = useState<number | string>(isEmpty(value) ? '' : (value ?? ''));
  const parsed = toNumber(raw);
  const same = isEmpty(value) ? parsed === null : parsed === value;
  return (
    <NumberInput
      {...rest}
      value={same ? raw : isEmpty(value) ? '' : (value ?? '')}
      onChange={(v) => {
        setRaw(v);
        onChange(toNumber(v));
      }}
      thousandSeparator={lang === 'vi' ? '.' : ','}
      decimalSeparator={lang === 'vi' ? ',' : '.'}
      error={error}
      data-testid={`cfg-${path}`}
    />
  );
}

export function TextField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
}) {
  const error = useIssue(props.path);
  return (
    <TextInput
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={error}
      data-testid={`cfg-${props.path}`}
    />
  );
}

/** Contest-local wall time `YYYY-MM-DDTHH:mm:ss` edited with the browser's datetime-local picker. */
export function DateTimeField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const error = useIssue(props.path);
  return (
    <TextInput
      type="datetime-local"
      step={60}
      label={props.label}
      value={props.value.slice(0, 16)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        props.onChange(v.length === 16 ? `${v}:00` : v);
      }}
      error={error}
      data-testid={`cfg-${props.path}`}
    />
  );
}

export function SelectField<T extends string>(props: {
  path: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const error = useIssue(props.path);
  return (
    <NativeSelect
      label={props.label}
      value={props.value}
      data={props.options.map((o) => ({ value: o.value, label: o.label }))}
      onChange={(e) => {
        const found = props.options.find((o) => o.value === e.currentTarget.value);
        if (found) props.onChange(found.value);
      }}
      error={error}
      data-testid={`cfg-${props.path}`}
    />
  );
}

/** Issues reported on a whole group (a round, a criterion, a list) rather than on one field. */
export function GroupIssues({ path }: { path: string }) {
  const message = useIssue(path);
  if (!message) return null;
  return (
    <Text c="red" size="sm" role="alert" data-testid="group-issue" data-path={path}>
      {message}
    </Text>
  );
}
