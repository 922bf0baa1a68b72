export function Partnerships() {
  return <h1>Partnerships</h1>;
}
