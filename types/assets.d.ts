// Side-effect CSS imports in the demo app and Storybook preview; the library itself imports no CSS.
declare module '*.css';
