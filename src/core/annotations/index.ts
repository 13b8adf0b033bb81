// Annotations and sidecars: anchors, the YAML sidecar format, the sealed sidecar store, findings as annotations.
export * from './anchor';
export * from './sidecar';
export * from './sidecarDocument';
export * from './store';
export * from './findings';
