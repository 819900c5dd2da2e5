import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  type UseControllableStateOptions,
  useControllableState,
} from '../../../src/react/useControllableState.js';

const render = (initial: UseControllableStateOptions<string>) =>
  renderHook((props: UseControllableStateOptions<string>) => useControllableState(props), {
    initialProps: initial,
  });

describe('useControllableState', () => {
  it('uncontrolled: starts from defaultProp, keeps what is set and tells onChange', () => {
    const onChange = vi.fn();
    const { result } = render({ prop: undefined, defaultProp: () => 'a', onChange });
    expect(result.current[0]).toBe('a');
    act(() => result.current[1]('b'));
    expect(result.current[0]).toBe('b');
    expect(onChange).toHaveBeenCalledWith('b');
  });

  it('controlled: shows the prop, tells onChange, and the own state keeps the last value set', () => {
    const onChange = vi.fn();
    const { result, rerender } = render({ prop: 'x', defaultProp: 'a', onChange });
    expect(result.current[0]).toBe('x');
    act(() => result.current[1]('b'));
    expect(result.current[0]).toBe('x');
    expect(onChange).toHaveBeenCalledWith('b');
    rerender({ prop: undefined, defaultProp: 'a', onChange });
    expect(result.current[0]).toBe('b');
  });

  it('`controlled` overrides the default test, and `follow` moves the own state with the prop', () => {
    const { result, rerender } = render({
      prop: 'x',
      defaultProp: 'x',
      controlled: false,
      follow: true,
    });
    act(() => result.current[1]('b'));
    expect(result.current[0]).toBe('b');
    rerender({ prop: 'y', defaultProp: 'x', controlled: false, follow: true });
    expect(result.current[0]).toBe('y');
    // A prop that goes away leaves the own state as it is.
    rerender({ prop: undefined, defaultProp: 'x', controlled: false, follow: true });
    expect(result.current[0]).toBe('y');
  });

  it('with `remember: false`, a value set while controlled does not become the own value', () => {
    const onChange = vi.fn();
    const { result, rerender } = render({ prop: 'x', defaultProp: 'a', onChange, remember: false });
    act(() => result.current[1]('b'));
    expect(onChange).toHaveBeenCalledWith('b');
    rerender({ prop: undefined, defaultProp: 'a', onChange, remember: false });
    expect(result.current[0]).toBe('a');
    act(() => result.current[1]('c'));
    expect(result.current[0]).toBe('c');
  });

  it('without `follow`, a changed prop does not move the own state', () => {
    const { result, rerender } = render({ prop: 'x', defaultProp: 'a', controlled: false });
    rerender({ prop: 'y', defaultProp: 'a', controlled: false });
    expect(result.current[0]).toBe('a');
  });

  it('keeps the setter while onChange is the same', () => {
    const onChange = vi.fn();
    const { result, rerender } = render({ prop: undefined, defaultProp: 'a', onChange });
    const first = result.current[1];
    rerender({ prop: undefined, defaultProp: 'a', onChange });
    expect(result.current[1]).toBe(first);
  });
});
