'use client';

import {
  type ChangeEvent,
  type KeyboardEvent,
  memo,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { currentOffset, zoneDisplayName, zoneMatches, zoneOptions } from '../../time/zoneNames.js';

export interface TimeZoneComboboxProps {
  value: string;
  onChange: (timeZone: string) => void;
  label: string;
  noMatch: string;
  optionLabel: (zone: string, offset: string) => string;
}

/**
 * A searchable time zone selector: the WAI-ARIA APG combobox with a listbox popup (list
 * autocomplete). Typing filters, the first match is active; ArrowDown/ArrowUp move (Alt+ArrowDown
 * opens), Enter picks, Escape closes and restores the chosen zone. Options read "Europe/Berlin
 * (GMT+1)", the offset now.
 */
export const TimeZoneCombobox = /* @__PURE__ */ memo(function TimeZoneCombobox({
  value,
  onChange,
  label,
  noMatch,
  optionLabel,
}: TimeZoneComboboxProps): ReactNode {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLDivElement>(null);

  const zones = useMemo(() => zoneOptions(value), [value]);
  const filtered = useMemo(
    () =>
      open && query.trim() ? zones.filter((z) => zoneMatches(z, currentOffset(z), query)) : zones,
    [open, query, zones],
  );
  const labelOf = (zone: string) => optionLabel(zoneDisplayName(zone), currentOffset(zone));
  const display = labelOf(value);

  const show = (nextQuery: string, nextActive: number) => {
    setOpen(true);
    setQuery(nextQuery);
    setActive(nextActive);
  };
  const close = () => {
    setOpen(false);
    setQuery('');
    setActive(-1);
  };
  const pick = (zone: string | undefined) => {
    close();
    if (zone && zone !== value) onChange(zone);
  };

  useEffect(() => {
    if (!open || active < 0) return;
    const option = listRef.current?.children[active] as HTMLElement | undefined;
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = filtered.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) show('', event.altKey ? -1 : Math.max(0, zones.indexOf(value)));
        else if (count > 0) setActive((active + 1) % count);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) show('', Math.max(0, zones.indexOf(value)));
        else if (count > 0) setActive(active <= 0 ? count - 1 : active - 1);
        return;
      case 'Enter':
        if (!open) return;
        event.preventDefault();
        pick(filtered[active]);
        return;
      case 'Escape':
        if (!open) return;
        event.preventDefault();
        close();
        return;
      default:
        return;
    }
  };

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    let text = event.target.value;
    // Typing into the closed box appends to the shown zone: keep what was typed only.
    if (!open && text.startsWith(display)) text = text.slice(display.length);
    show(text, text.trim() ? 0 : -1);
  };

  const activeZone = open ? filtered[active] : undefined;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="aisq-slot-picker__zone" data-state={open ? 'open' : 'closed'}>
      <label className="aisq-slot-picker__zone-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="aisq-slot-picker__zone-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeZone ? optionId(active) : undefined}
        value={open ? query : display}
        placeholder={display}
        onChange={onInput}
        onKeyDown={onKeyDown}
        onClick={() => {
          if (!open) show('', Math.max(0, zones.indexOf(value)));
        }}
        onFocus={(event) => event.currentTarget.select()}
        onBlur={close}
      />
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        className="aisq-slot-picker__zone-list"
        hidden={!open}
      >
        {open
          ? filtered.map((zone, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the input's (aria-activedescendant).
              <div
                key={zone}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                data-current={zone === value || undefined}
                className="aisq-slot-picker__zone-option"
                // Keep focus in the input, so that blur does not close the list before the click.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(zone)}
              >
                {labelOf(zone)}
              </div>
            ))
          : null}
      </div>
      {open && filtered.length === 0 ? (
        <p className="aisq-slot-picker__zone-empty" role="status">
          {noMatch}
        </p>
      ) : null}
    </div>
  );
});
