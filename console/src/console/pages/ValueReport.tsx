export function ValueReport() {
  return <h1>Value report</h1>;
}
