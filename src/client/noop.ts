/** Does nothing: the handler of a promise whose failure is handled elsewhere or does not matter. */
export const noop = () => {};
