/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch (remix.config.js future.v3_singleFetch): loader and action data keep their types
// across the wire (Date stays Date) instead of being JSON-ified.
// (the export makes this file a module, so the block below augments the package instead of replacing it)
export {};
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
