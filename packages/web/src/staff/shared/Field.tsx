import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** A read-only label / value pair that stacks nicely on a phone. */
export function Field({
  label,
  children,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
