/**
 * "As of" a past (or future) Paris date: the statuses of a list decided against that day instead of
 * today (the API's ?asOf=). Empty means today.
 */
export function AsOfField({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  return (
    <label>
      À la date du
      <input type="date" name="asOf" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby="as-of-help" />
      <span id="as-of-help" className="hint">
        Vide : aujourd’hui
      </span>
    </label>
  );
}
