/**
 * The text direction in force at `element`, from its computed style: that covers a `dir` attribute
 * on any ancestor and a CSS `direction`, in browsers and in jsdom alike. Arrow keys read it so that
 * "next" follows the reading order.
 */
export function textDirection(element: Element): 'ltr' | 'rtl' {
  const view = element.ownerDocument.defaultView;
  return view?.getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
}
