import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { Section } from '../shared/Section';

export function RubricSection({ rubrics }: { rubrics: Rubric[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (rubrics.length === 0) return null;
  return (
    <Section title={t('contest.rubrics')} testId="contest-rubrics">
      {rubrics.map((rubric) => (
        <div key={rubric.key} data-testid="rubric" data-rubric={rubric.key}>
          <Text fw={600} size="sm" mb={4}>
            {t('contest.rubricKey', { key: rubric.key })}
          </Text>
          <Table.ScrollContainer minWidth={300}>
            <Table striped withTableBorder verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rubric.criterion')}</Table.Th>
                  <Table.Th ta="right">{t('rubric.maxPoints')}</Table.Th>
                  <Table.Th ta="right">{t('rubric.step')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rubric.criteria.map((c) => (
                  <Table.Tr key={c.key} data-testid="criterion">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {pick(c.label)}
                      </Text>
                      {c.description && (
                        <Text size="xs" c="dimmed">
                          {pick(c.description)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(c.maxPoints, lang)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(c.step, lang)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={600}>{t('rubric.total')}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatNumber(
                      rubric.criteria.reduce((s, c) => s + c.maxPoints, 0),
                      lang,
                    )}
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ))}
    </Section>
  );
}
