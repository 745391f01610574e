export default function DevIdentityBar() {
  return null
}
