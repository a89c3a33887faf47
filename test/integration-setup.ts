// Placeholder: replaced by the demo-stack global setup.
export default async function setup(): Promise<void> {}
