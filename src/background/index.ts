// Placeholder until the capture glue lands.
export {};
