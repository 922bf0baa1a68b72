export function Communities() {
  return <h1>Communities</h1>;
}
