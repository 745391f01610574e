/** weapp only: the privacy-guide consent pop-up (wx.onNeedPrivacyAuthorization). Renders nothing on H5. */
export default function PrivacyPopup(): JSX.Element | null
