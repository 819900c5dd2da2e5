'use client';

import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { classNames } from '../classNames.js';

const FOCUSABLE =
  'a[href],:is(button,input,select,textarea):not([disabled]),[tabindex]:not([tabindex="-1"])';

export interface BookingsDialogProps {
  /** `alertdialog` for a confirmation (APG alert dialog), `dialog` otherwise. */
  role: 'dialog' | 'alertdialog';
  /** Id of the element that names the dialog. */
  labelledBy: string;
  /** Id of the element that describes it. */
  describedBy?: string | undefined;
  /** Escape, unless `undefined` (then Escape does nothing, e.g. while a request runs). */
  onDismiss: (() => void) | undefined;
  /** What gets focus on open; the first focusable element without it. */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where focus goes on close, given the element that opened the dialog (`null` when it has left the
   * page). Read at close time. @default the opener
   */
  returnFocus?: (opener: HTMLElement | null) => HTMLElement | null | undefined;
  className: string;
  children: ReactNode;
}

/**
 * A modal dialog over a backdrop (WAI-ARIA APG dialog pattern): `aria-modal`, focus moves in on open,
 * Tab and Shift+Tab cycle inside, Escape dismisses, and focus returns on close to the element that
 * had it (or where `returnFocus` says). A `div` rather than `<dialog>` so
 * that it behaves the same in every DOM, jsdom included. Mount it to open, unmount it to close.
 */
export function BookingsDialog({
  role,
  labelledBy,
  describedBy,
  onDismiss,
  initialFocus,
  returnFocus,
  className,
  children,
}: BookingsDialogProps): ReactNode {
  const returnFocusRef = useRef(returnFocus);
  returnFocusRef.current = returnFocus;
  const ref = useRef<HTMLDivElement>(null);
  // Read while rendering the opening: the element that opened the dialog still has focus.
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => {
    const node = ref.current;
    const target = initialFocus?.current ?? focusables(node)[0] ?? node;
    target?.focus();
    return () => {
      // After the commit that removed the dialog (not StrictMode's re-run, which keeps it): the
      // opener may have left with it (e.g. a booking that moved to another tab).
      queueMicrotask(() => {
        if (node?.isConnected) return;
        const connected = opener?.isConnected ? opener : null;
        const to = returnFocusRef.current ? returnFocusRef.current(connected) : connected;
        if (to?.isConnected) to.focus();
      });
    };
  }, [opener, initialFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onDismiss) {
      event.stopPropagation();
      onDismiss();
      return;
    }
    if (event.key !== 'Tab') return;
    const list = focusables(ref.current);
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (
      event.shiftKey &&
      (document.activeElement === first || document.activeElement === ref.current)
    ) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="aisq-dialog__backdrop">
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole lint/a11y/noStaticElementInteractions: the role is `dialog` or `alertdialog`, given as a prop. */}
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={classNames('aisq-dialog', className)}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}

function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest('[hidden], [inert]'),
  );
}
