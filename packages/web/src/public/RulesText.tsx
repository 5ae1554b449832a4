import { Fragment, type ReactNode } from 'react';

/** `**bold**` only; everything else stays literal text (React escapes it). */
function inline(text: string): ReactNode[] {
  return text
    .split(/\*\*(.+?)\*\*/g)
    .map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part));
}

function lines(text: string): ReactNode[] {
  return text.split('\n').map((line, j) => (
    <Fragment key={j}>
      {j > 0 && <br />}
      {inline(line)}
    </Fragment>
  ));
}

/**
 * Rules as plain text: blank lines make paragraphs, single newlines line breaks. The few marks organizers
 * type out of habit are honoured (`# heading`, `- item`, `**bold**`); no HTML is ever interpreted.
 */
export function RulesText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return (
    <div className="rules-text" data-testid="rules-text">
      {blocks.map((block, i) => {
        const heading = /^(#{1,6})\s+(.*)$/s.exec(block);
        if (heading) {
          const text = heading[2] ?? '';
          return (heading[1] ?? '').length <= 1 ? (
            <h3 key={i}>{inline(text)}</h3>
          ) : (
            <h4 key={i}>{inline(text)}</h4>
          );
        }
        const items = block.split('\n');
        if (items.every((l) => /^[-*]\s+/.test(l))) {
          return (
            <ul key={i}>
              {items.map((l, j) => (
                <li key={j}>{inline(l.replace(/^[-*]\s+/, ''))}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{lines(block)}</p>;
      })}
    </div>
  );
}
