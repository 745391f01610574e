export default function PrivacyPopup() {
  return null
}
