/**
 * The box that narrows a side-panel list as the user types (the reading list, the taxonomy tree):
 * one look and one behaviour for both. Filtering is the caller's; this reports the text.
 */
export function FilterBox({ value, onChange, label, placeholder }: { value: string; onChange: (text: string) => void; label: string; placeholder: string }) {
  return <input type="search" class="filter-box" aria-label={label} placeholder={placeholder} value={value} onInput={(event) => onChange(event.currentTarget.value)} />;
}
