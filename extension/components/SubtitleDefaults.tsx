import { useEffect, useState } from 'react';

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The options page's default subtitle languages, typed as "en, de"; bad codes are named, not saved. */
export function SubtitleDefaults({ value, onChange }: { value: string[]; onChange: (langs: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  const [bad, setBad] = useState<string[]>([]);
  useEffect(() => setText(value.join(', ')), [value]);
  const commit = () => {
    const items = text.split(',').map((s) => s.trim()).filter(Boolean);
    const wrong = items.filter((l) => !LANG.test(l));
    setBad(wrong);
    if (!wrong.length) onChange([...new Set(items)].slice(0, 20));
  };
  return (
    <label className="field">
      <span>Subtitle languages to tick in the popup (e.g. en, de)</span>
      <input type="text" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} aria-invalid={bad.length > 0} />
      {bad.length > 0 && <small role="alert">Not a language code: {bad.join(', ')}</small>}
    </label>
  );
}
