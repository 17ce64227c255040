/**
 * A small coloured label whose text keeps WCAG AA contrast (Ant Design's preset tag colours are
 * too light on their tints). The words carry the meaning; the colour only repeats it.
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'green' | 'red' | 'gold' | 'blue' | 'grey';

export function StatusTag(props: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Tag className={`reporter-tag reporter-tag-${props.tone}`} data-testid={props.testId}>
      {props.children}
    </Tag>
  );
}
