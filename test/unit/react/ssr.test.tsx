// @vitest-environment node
import { afterEach, expect, it, vi } from 'vitest';
import { useCalConfig, useCalToken, useCalUser } from '../../../src/index.js';
import { renderOnServer } from '../../helpers/serverRender.js';

afterEach(() => {
  vi.useRealTimers();
});

function Everything() {
  const token = useCalToken();
  const user = useCalUser();
  const config = useCalConfig();
  return (
    <p>
      {token.status}/{user.status}/{config.status}
    </p>
  );
}

it('renderToString starts no fetch and no timer', () => {
  const { html, fetchSpy } = renderOnServer(<Everything />);
  expect(html.replace(/<!-- -->/g, '')).toContain('idle/pending/pending');
  expect(fetchSpy).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});
