// A list of strings edited as one item per line: plain, keyboard friendly and screen-reader friendly.
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

interface LinesFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
}

export function LinesField({ id, label, hint, value, onInput, placeholder }: LinesFieldProps) {
  return (
    <div class="field">
      <label for={id}>
        <span>{label}</span>
      </label>
      <textarea
        id={id}
        rows={3}
        value={value}
        placeholder={placeholder}
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput((event.target as HTMLTextAreaElement).value)}
      />
      <small id={`${id}-hint`} class="muted">
        {hint}
      </small>
    </div>
  );
}
