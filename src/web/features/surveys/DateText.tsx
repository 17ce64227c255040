/** A date typed day first (dd/mm/yyyy), whatever the computer's locale. */
import { Input } from 'antd';

export function DateText(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <Input
      id={props.id}
      className="plan-date"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      aria-invalid={props.invalid ?? false}
      aria-describedby={props.describedBy}
      status={props.invalid ? 'error' : undefined}
    />
  );
}
