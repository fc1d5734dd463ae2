/**
 * The "Reading" section of the options page: how many mentions of a name are
 * underlined, and when cards open. Saved to extension storage at once; open
 * pages repaint without a reload (their content scripts watch the setting).
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_READING, type HoverMode, type NameDensity, type ReadingSettings } from '../shared/readingSettings';
import { loadReadingSettings, saveReadingSettings } from '../shared/readingStorage';

const NAME_CHOICES: Array<{ value: NameDensity; label: string; hint: string }> = [
  { value: 'first', label: 'First mention', hint: 'each spelling of a name is underlined once (the default)' },
  { value: 'all', label: 'All mentions', hint: 'every mention is underlined' },
  { value: 'off', label: 'Off', hint: 'no name is underlined; claims are still marked' },
];

const CARD_CHOICES: Array<{ value: HoverMode; label: string; hint: string }> = [
  { value: 'on', label: 'On', hint: 'a card opens when the pointer rests on a highlight, and from the keyboard' },
  { value: 'keyboard', label: 'Keyboard only', hint: 'cards open only with the next/previous-highlight keys' },
  { value: 'off', label: 'Off', hint: 'no cards' },
];

/** One group of radio buttons. */
function Choice<T extends string>(props: {
  name: string;
  legend: string;
  choices: Array<{ value: T; label: string; hint: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="reading">
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <div key={c.value}>
          <input
            type="radio"
            id={`${props.name}-${c.value}`}
            name={props.name}
            value={c.value}
            checked={props.value === c.value}
            onChange={() => props.onChange(c.value)}
          />{' '}
          <label for={`${props.name}-${c.value}`}>
            {c.label} <span class="hint">({c.hint})</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The reading settings. */
export function ReadingSection() {
  const [settings, setSettings] = useState<ReadingSettings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadReadingSettings().then(setSettings);
  }, []);

  async function change(next: ReadingSettings) {
    setSettings(next);
    try {
      setSettings(await saveReadingSettings(next));
      setStatus('Saved. Open pages follow at once.');
    } catch (error) {
      setStatus(`Not saved: ${(error as Error).message}`);
    }
  }

  const current = settings ?? DEFAULT_READING;
  return (
    <section aria-labelledby="reading-heading">
      <h2 id="reading-heading">Reading</h2>
      <Choice
        name="reading-names"
        legend="Underline names"
        choices={NAME_CHOICES}
        value={current.names}
        onChange={(names) => void change({ ...current, names })}
      />
      <Choice
        name="reading-cards"
        legend="Cards"
        choices={CARD_CHOICES}
        value={current.cards}
        onChange={(cards) => void change({ ...current, cards })}
      />
      <p role="status" class="hint">
        {status}
      </p>
    </section>
  );
}
