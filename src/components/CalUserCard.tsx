'use client';

import { type ReactNode, useState } from 'react';
import { isolate } from '../booking/isolate.js';
import type { CalUser } from '../client/schemas.js';
import { useCalUser } from '../react/useCalUser.js';
import type { CalTokenSummary } from '../session/types.js';
import { BookingsErrorMessage } from './BookingsErrorMessage.js';
import { useBookingsLabels } from './BookingsLabelsContext.js';
import { CalConnectButton } from './CalConnectButton.js';
import { classNames } from './classNames.js';
import { initialsOf } from './initials.js';
import type { BookingsLabelsOverrides } from './labels.js';

/** `data-state` of `CalUserCard`'s root. */
export type CalUserCardState = 'idle' | 'loading' | 'ready' | 'not-connected' | 'error';

export interface CalUserCardProps {
  /**
   * Called when the card's connect button (shown while the user has no Cal.com account) connects.
   * @default undefined
   */
  onConnected?: (summary: CalTokenSummary) => void;
  /**
   * Show the server's own error detail under the error message.
   * @default false
   */
  showErrorDetail?: boolean;
  /**
   * Extra class names for the root element, which always has `aisq-user-card`.
   * @default undefined
   */
  className?: string;
  /**
   * Labels for this card (and its connect button and error message) only, merged over the
   * `BookingsLabelsProvider`'s and the defaults.
   * @default undefined
   */
  labels?: BookingsLabelsOverrides;
}

/**
 * The signed-in user's Cal.com account: avatar (or initials), name, email and time zone. Shows a
 * skeleton while loading (`aria-busy`), a connect button while the user has no Cal.com account yet
 * (404), and the error with a retry button otherwise; nothing is fetched while the provider is
 * disabled or nobody is signed in (`idle`).
 *
 * Root: `.aisq-user-card[data-state="idle" | "loading" | "ready" | "not-connected" | "error"]`.
 */
export function CalUserCard({
  onConnected,
  showErrorDetail = false,
  className,
  labels: labelsProp,
}: CalUserCardProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const user = useCalUser<CalUser>();
  const { data, error, refetch } = user;

  const state: CalUserCardState =
    data !== undefined
      ? 'ready'
      : error
        ? error.kind === 'not_found'
          ? 'not-connected'
          : 'error'
        : user.fetchStatus === 'idle'
          ? 'idle'
          : 'loading';

  let content: ReactNode;
  if (state === 'ready' && data !== undefined) {
    content = userDetails(data, labels);
  } else if (state === 'loading') {
    content = (
      <>
        <span className="aisq-user-card__avatar aisq-user-card__skeleton" aria-hidden="true" />
        <div className="aisq-user-card__body">
          <p className="aisq-user-card__loading">{labels.userCardLoading}</p>
          <span
            className="aisq-user-card__skeleton aisq-user-card__skeleton-line"
            aria-hidden="true"
          />
          <span
            className="aisq-user-card__skeleton aisq-user-card__skeleton-line"
            aria-hidden="true"
          />
        </div>
      </>
    );
  } else if (state === 'not-connected') {
    content = (
      <div className="aisq-user-card__body">
        <p className="aisq-user-card__message">{labels.userCardNotConnected}</p>
        <CalConnectButton
          labels={labelsProp}
          showErrorDetail={showErrorDetail}
          onConnected={(summary) => {
            // After `created` the provider refetches the user itself; otherwise ask again here.
            if (summary.integrationStatus !== 'created') void refetch();
            onConnected?.(summary);
          }}
        />
      </div>
    );
  } else if (state === 'error') {
    content = (
      <div className="aisq-user-card__body">
        <BookingsErrorMessage
          error={error}
          onRetry={() => void refetch()}
          showDetail={showErrorDetail}
          labels={labelsProp}
        />
      </div>
    );
  } else {
    content = (
      <div className="aisq-user-card__body">
        <p className="aisq-user-card__message">{labels.userCardIdle}</p>
      </div>
    );
  }

  return (
    <article
      aria-label={labels.userCardTitle}
      aria-busy={state === 'loading' || (state !== 'ready' && user.isFetching) || undefined}
      className={classNames('aisq-user-card', className)}
      data-state={state}
    >
      {content}
    </article>
  );
}

// A function, not a component: it holds no state, and positional inputs minify to less than props.
function userDetails(user: CalUser, labels: ReturnType<typeof useBookingsLabels>): ReactNode {
  const name = user.name?.trim() || user.username?.trim() || user.email;
  return (
    <>
      <Avatar
        url={user.avatarUrl ?? null}
        name={name}
        alt={labels.userCardAvatarAlt(isolate(name))}
      />
      <div className="aisq-user-card__body">
        <p className="aisq-user-card__name">{name}</p>
        <dl className="aisq-user-card__details">
          <div className="aisq-user-card__row">
            <dt>{labels.userCardEmail}</dt>
            <dd className="aisq-user-card__email">{user.email}</dd>
          </div>
          {user.timeZone ? (
            <div className="aisq-user-card__row">
              <dt>{labels.userCardTimeZone}</dt>
              <dd className="aisq-user-card__time-zone">{user.timeZone}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </>
  );
}

function Avatar({ url, name, alt }: { url: string | null; name: string; alt: string }): ReactNode {
  // An image that fails to load falls back to the initials (until the URL changes).
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (url && failedUrl !== url) {
    return (
      <img
        className="aisq-user-card__avatar"
        src={url}
        alt={alt}
        width={48}
        height={48}
        loading="lazy"
        decoding="async"
        onError={() => setFailedUrl(url)}
      />
    );
  }
  return (
    <span className="aisq-user-card__avatar aisq-user-card__initials" role="img" aria-label={alt}>
      {initialsOf(name)}
    </span>
  );
}
