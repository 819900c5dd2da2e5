// The package's main entry: everything in `/core` plus the React provider, hooks and components. Only
// the React part carries 'use client', so a Server Component may import the core names from here too.

export * from './core.js';
export * from './reactEntry.js';
