export default function BackBar() {
  return null
}
